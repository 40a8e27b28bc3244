"""Catalogue batches (``photoroom.batch``): ``python -m benchmarks.catalogue [--rows N]``.

Three measurements, in ``make bench``'s table (and printed by ``python -m benchmarks.catalogue``):

* **rate limit**: the emulator over HTTP with a 20 requests/s token bucket (burst 20) and 200 ms
  per answer; ``run_manifest`` with ``rate=20``. Target: throughput >= 0.95 x 20/s and at most
  2 % of the attempts answered 429. Also run, reported without a target, with a target twice
  the account's limit (the rate AIMD must find it) and with no target rate (only the
  concurrency window adapts). Baseline beside it: the same rows sent by a bare
  ``httpx.Client`` in a ``ThreadPoolExecutor`` of the same concurrency (16), no limiter; like a
  naive client, each thread that gets a 429 sleeps its ``Retry-After`` and sends the row again
  (until it is written), so every row ends written and the 429 share is comparable.
* **on Dask**: a LocalCluster of 2 process workers runs 8 shards of very uneven sizes (2 to 58
  rows) against the same emulator, once with one rate budget in a Dask actor shared by every
  shard and once with rate / 8 per shard (the baseline, as before the budget). Target: the
  shared budget holds >= 0.95 of the limit with at most 2 % 429s.
* **memory**: a manifest of 100 000 rows run against an instant in-process answer (an
  ``httpx.MockTransport`` with a tiny PNG), outputs in a local folder. Target: peak RSS growth
  over the run <= 50 MB (rows are streamed; the ledger's key index is the only thing that grows).
"""

from __future__ import annotations

import argparse
import asyncio
import io
import resource
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from ._harness import Context, NotReady, Row, verdict

LIMIT = 20.0
LATENCY_MS = 200
KEY = "sk-bench-0123456789abcdef"


def _png() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 40)).save(buffer, format="PNG")
    return buffer.getvalue()


def _manifest(folder: Path, rows: int, photo: Path) -> Path:
    manifest = folder / "manifest.csv"
    with open(manifest, "w", encoding="utf-8") as handle:
        handle.write("input,output\n")
        for index in range(rows):
            handle.write(f"{photo},o/{index:07d}\n")
    return manifest


async def rate_limit(rows: int, rate: float | None, workdir: Path) -> dict[str, Any]:
    from photoroom.batch import RateLimiter, batch_client, run_manifest
    from photoroom_emulator import run_in_thread

    photo = workdir / "photo.png"
    photo.write_bytes(_png())
    manifest = _manifest(workdir, rows, photo)
    limiter = RateLimiter(rate, concurrency=CONCURRENCY)
    out = workdir / f"out-{rate}"
    with run_in_thread(_emulator_config()) as server:
        async with batch_client(KEY, base_url=server.url, limiter=limiter) as client:
            start = time.monotonic()
            report = await run_manifest(client, manifest, out, concurrency=CONCURRENCY)
            elapsed = time.monotonic() - start
    return {
        "target": rate,
        "rows": rows,
        "written": report.counts["written"],
        "failed": report.counts["failed"],
        "throughput": report.counts["written"] / elapsed,
        "of_limit": report.counts["written"] / elapsed / LIMIT,
        "attempts": limiter.sent,
        "429": limiter.rate_limited,
        "429_share": limiter.rate_limited / max(1, limiter.sent),
    }


CONCURRENCY = 16


def _emulator_config() -> Any:
    from photoroom_emulator import EmulatorConfig

    return EmulatorConfig.from_mapping(
        {
            "keys": f"{KEY}:10000000:plus",
            "processing": "off",
            "latency_ms": LATENCY_MS,
            "rate_limit": f"{LIMIT:g}:{LIMIT:g}",
        }
    )


def bare_pool(rows: int, workdir: Path) -> dict[str, Any]:
    """The baseline: a bare httpx.Client in a thread pool of the same concurrency, no limiter;
    a 429 makes its thread sleep ``Retry-After`` and send the row again."""
    from concurrent.futures import ThreadPoolExecutor

    import httpx

    from photoroom_emulator import run_in_thread

    photo = _png()
    out = workdir / "out-bare"
    out.mkdir(parents=True, exist_ok=True)
    attempts = limited = failed = 0
    lock = threading.Lock()

    with (
        run_in_thread(_emulator_config()) as server,
        httpx.Client(
            base_url=server.url,
            headers={"x-api-key": KEY},
            timeout=60,
            limits=httpx.Limits(max_connections=CONCURRENCY),
        ) as http,
    ):

        def one(index: int) -> None:
            nonlocal attempts, limited, failed
            while True:
                answer = http.post("/v2/edit", files={"imageFile": ("p.png", photo, "image/png")})
                with lock:
                    attempts += 1
                    limited += answer.status_code == 429
                if answer.status_code == 429:
                    time.sleep(float(answer.headers.get("retry-after", "1")))
                    continue
                if answer.status_code != 200:
                    with lock:
                        failed += 1
                    return
                (out / f"{index:07d}.png").write_bytes(answer.content)
                return

        start = time.monotonic()
        with ThreadPoolExecutor(max_workers=CONCURRENCY) as pool:
            list(pool.map(one, range(rows)))
        elapsed = time.monotonic() - start
    written = rows - failed
    return {
        "rows": rows,
        "written": written,
        "failed": failed,
        "throughput": written / elapsed,
        "of_limit": written / elapsed / LIMIT,
        "attempts": attempts,
        "429": limited,
        "429_share": limited / max(1, attempts),
    }


#: Rows per shard of the Dask comparison: very uneven, as hash shards of a real catalogue are
#: not, but as shards that start late, finish early or are rerun by Dask effectively are.
DASK_SHARD_SIZES = (2, 4, 6, 10, 16, 24, 40, 58)


def uneven_manifest(folder: Path, sizes: tuple[int, ...], photo: Path) -> Path:
    """A manifest whose rows fall ``sizes[i]`` into shard ``i`` of ``len(sizes)`` (the engine's
    own split: rows are drawn until every shard has its count)."""
    from photoroom.batch import Row as ManifestRow
    from photoroom.batch import row_key, shard_of

    wanted = list(sizes)
    chosen: list[str] = []
    index = 0
    while any(wanted):
        output = f"o/{index:07d}"
        index += 1
        shard = shard_of(row_key("edit", ManifestRow(0, str(photo), output, {}), {}), len(sizes))
        if wanted[shard]:
            wanted[shard] -= 1
            chosen.append(output)
    manifest = folder / "uneven.csv"
    manifest.write_text(
        "input,output\n" + "".join(f"{photo},{name}\n" for name in chosen), encoding="utf-8"
    )
    return manifest


def on_dask(
    workdir: Path, sizes: tuple[int, ...] | None = None, *, workers: int = 2
) -> dict[str, dict[str, Any]]:
    """``run_on_dask`` at the emulator's limit on a LocalCluster of process workers, once with
    rate / N per shard and once with one shared budget (same manifest, same cluster).

    ``of_limit`` is the rate at which answers arrived, from the first to the last written row
    (the ledger's times), over the limit: what the cluster held while it worked. The Dask
    start-up of the shards and the last answer's 200 ms are outside it; ``wall_of_limit``
    (rows over the whole ``run_on_dask`` call) includes them."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise NotReady("needs dask[distributed] (the dask extra)") from exc
    from photoroom.batch import LEDGER_DIR, read_ledger
    from photoroom.batch.dask import RateSharing, run_on_dask
    from photoroom_emulator import run_in_thread

    sizes = sizes or DASK_SHARD_SIZES
    photo = workdir / "photo.png"
    photo.write_bytes(_png())
    manifest = uneven_manifest(workdir, sizes, photo)
    warm = _manifest(workdir, 2, photo)
    rows = sum(sizes)
    results: dict[str, dict[str, Any]] = {}
    with (
        run_in_thread(_emulator_config()) as server,
        LocalCluster(
            n_workers=workers, processes=True, threads_per_worker=4, dashboard_address=None
        ) as cluster,
        Client(cluster) as dask,
    ):
        options: dict[str, Any] = {"api_key": KEY, "client_options": {"base_url": server.url}}
        # imports and first connections in every worker, outside the measured runs
        run_on_dask(dask, warm, workdir / "warm", shards=2 * workers, rate=LIMIT, **options)
        sharings: tuple[RateSharing, ...] = ("per-shard", "shared")
        for sharing in sharings:
            start = time.monotonic()
            reports = run_on_dask(
                dask,
                manifest,
                workdir / f"out-{sharing}",
                shards=len(sizes),
                rate=LIMIT,
                rate_sharing=sharing,
                **options,
            )
            elapsed = time.monotonic() - start
            written = sum(r["counts"]["written"] for r in reports)
            answered = sorted(
                float(r["time"])
                for r in read_ledger(workdir / f"out-{sharing}" / LEDGER_DIR)
                if r["status"] == "done"
            )
            steady = (len(answered) - 1) / max(answered[-1] - answered[0], 1e-9)
            attempts = sum(r["attempts"] for r in reports)
            limited = sum(r["rate_limited"] for r in reports)
            results[sharing] = {
                "rows": rows,
                "written": written,
                "failed": sum(r["counts"]["failed"] for r in reports),
                "elapsed": elapsed,
                "of_limit": steady / LIMIT,
                "wall_of_limit": written / elapsed / LIMIT,
                "attempts": attempts,
                "429": limited,
                "429_share": limited / max(1, attempts),
                "shard_rows": [r["counts"]["written"] for r in reports],
                "workers": len({r["worker_pid"] for r in reports}),
            }
    return results


def _rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / (1024 * 1024)


async def memory(rows: int, workdir: Path) -> dict[str, Any]:
    import httpx

    from photoroom.batch import RateLimiter, batch_client, run_manifest

    photo = workdir / "photo.png"
    photo.write_bytes(_png())
    manifest = _manifest(workdir, rows, photo)
    answer = _png()

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=answer, headers={"content-type": "image/png"})

    limiter = RateLimiter(None, concurrency=32)
    transport = httpx.MockTransport(handler)
    async with batch_client(KEY, transport=transport, limiter=limiter) as client:
        # warm-up: imports, first requests, pools
        (workdir / "warm").mkdir()
        warm = _manifest(workdir / "warm", 200, photo)
        await run_manifest(client, warm, workdir / "warm-out")
        before = _rss_mb()
        start = time.monotonic()
        report = await run_manifest(client, manifest, workdir / "out", concurrency=32)
        elapsed = time.monotonic() - start
    after = _rss_mb()
    return {
        "rows": rows,
        "written": report.counts["written"],
        "elapsed": elapsed,
        "rss_before_mb": before,
        "rss_peak_mb": after,
        "growth_mb": after - before,
    }


def _dask_row(result: dict[str, dict[str, Any]]) -> Row:
    shared, split = result["shared"], result["per-shard"]
    held = shared["of_limit"] >= 0.95 and shared["429_share"] <= 0.02
    return Row(
        "catalogue on Dask, one shared rate budget",
        f"{shared['of_limit']:.2f} of the limit, {100 * shared['429_share']:.1f} % 429",
        baseline=f"{split['of_limit']:.2f} of the limit, {100 * split['429_share']:.1f} % 429",
        ratio=f"{shared['of_limit'] / max(split['of_limit'], 1e-9):.2f}x the throughput",
        target=">= 0.95 of the limit, <= 2 % 429",
        status=verdict(held),
        notes=[
            f"LocalCluster, 2 process workers; shards of {shared['shard_rows']} rows "
            f"({shared['rows']} in all), emulator over HTTP with {LIMIT:g} requests/s (burst "
            f"{LIMIT:g}) and {LATENCY_MS} ms answers; run_on_dask(rate={LIMIT:g})",
            "baseline: the same run with rate_sharing='per-shard' (rate / 8 each, the old "
            "behaviour), on the same cluster",
            "of the limit: written rows per second between the first and the last answer (the "
            f"ledger's times); over the whole call: {shared['wall_of_limit']:.2f} shared, "
            f"{split['wall_of_limit']:.2f} per shard (Dask's start of the tasks included)",
        ],
    )


def run(ctx: Context) -> list[Row]:
    """The three measurements as rows of ``make bench``'s table (small in ``--quick`` runs)."""
    rate_rows, rows = (40, 2_000) if ctx.quick else (400, 100_000)
    work = ctx.workdir / "catalogue"
    work.mkdir(exist_ok=True)
    (work / "rate").mkdir(exist_ok=True)
    (work / "memory").mkdir(exist_ok=True)
    rate = asyncio.run(rate_limit(rate_rows, LIMIT, work / "rate"))
    held = rate["of_limit"] >= 0.95 and rate["429_share"] <= 0.02
    bare = bare_pool(rate_rows, work / "rate")
    used = asyncio.run(memory(rows, work / "memory"))
    (work / "dask").mkdir(exist_ok=True)
    dask_row = _dask_row(on_dask(work / "dask", (1, 1, 2, 2, 3, 3, 4, 8) if ctx.quick else None))
    return [
        Row(
            "catalogue batch at the rate limit",
            f"{rate['of_limit']:.2f} of the limit, {100 * rate['429_share']:.1f} % 429",
            baseline=(f"{bare['of_limit']:.2f} of the limit, {100 * bare['429_share']:.1f} % 429"),
            ratio=f"{rate['429_share'] / max(bare['429_share'], 1e-9):.2f}x the 429 share",
            target=">= 0.95 of the limit, <= 2 % 429",
            status=verdict(held),
            notes=[
                f"{rate_rows} rows, emulator over HTTP with {LIMIT:g} requests/s (burst "
                f"{LIMIT:g}) and {LATENCY_MS} ms answers, --rate {LIMIT:g}/s, concurrency "
                f"{CONCURRENCY}",
                f"baseline: bare httpx.Client in a ThreadPoolExecutor({CONCURRENCY}), no "
                f"limiter, each 429 retried after its Retry-After: {bare['attempts']} attempts "
                f"for {bare['written']} rows ({bare['429']} answered 429)",
            ],
        ),
        dask_row,
        Row(
            "catalogue manifest memory",
            f"+{used['growth_mb']:.1f} MB peak RSS",
            target="<= 50 MB",
            status=verdict(used["growth_mb"] <= 50),
            notes=[f"{rows} rows streamed against an instant mock answer"],
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.catalogue")
    parser.add_argument("--rows", type=int, default=100_000, help="rows of the memory run")
    parser.add_argument("--rate-rows", type=int, default=400, help="rows of each rate-limit run")
    parser.add_argument("--only", choices=("rate", "memory", "dask"))
    args = parser.parse_args(argv)
    ok = True
    with tempfile.TemporaryDirectory(prefix="photoroom-catalogue-") as tmp:
        root = Path(tmp)
        if args.only in (None, "rate"):
            for rate in (LIMIT, 2 * LIMIT, None):
                work = root / f"rate-{rate}"
                work.mkdir()
                result = asyncio.run(rate_limit(args.rate_rows, rate, work))
                print(
                    "rate limit",
                    {k: round(v, 3) if isinstance(v, float) else v for k, v in result.items()},
                )
                if rate == LIMIT:
                    ok = ok and result["of_limit"] >= 0.95 and result["429_share"] <= 0.02
            work = root / "bare"
            work.mkdir()
            result = bare_pool(args.rate_rows, work)
            print(
                "baseline: bare httpx thread pool, 429s retried after Retry-After",
                {k: round(v, 3) if isinstance(v, float) else v for k, v in result.items()},
            )
        if args.only in (None, "dask"):
            work = root / "dask"
            work.mkdir()
            for sharing, result in on_dask(work).items():
                print(
                    f"dask, rate {sharing}",
                    {k: round(v, 3) if isinstance(v, float) else v for k, v in result.items()},
                )
                if sharing == "shared":
                    ok = ok and result["of_limit"] >= 0.95 and result["429_share"] <= 0.02
        if args.only in (None, "memory"):
            work = root / "memory"
            work.mkdir()
            result = asyncio.run(memory(args.rows, work))
            print(
                "memory", {k: round(v, 1) if isinstance(v, float) else v for k, v in result.items()}
            )
            ok = ok and result["growth_mb"] <= 50
    print("targets met" if ok else "targets NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
