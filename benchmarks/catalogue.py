"""Catalogue batches (``photoroom.batch``): ``python -m benchmarks.catalogue [--rows N]``.

Two measurements, in ``make bench``'s table (and printed by ``python -m benchmarks.catalogue``):

* **rate limit**: the emulator over HTTP with a 20 requests/s token bucket (burst 20) and 200 ms
  per answer; ``run_manifest`` with ``rate=20``. Target: throughput >= 0.95 x 20/s and at most
  2 % of the attempts answered 429. Also run, reported without a target, with a target twice
  the account's limit (the rate AIMD must find it) and with no target rate (only the
  concurrency window adapts). Baseline beside it: the same rows sent by a bare
  ``httpx.Client`` in a ``ThreadPoolExecutor`` of the same concurrency (16), no limiter; like a
  naive client, each thread that gets a 429 sleeps its ``Retry-After`` and sends the row again
  (until it is written), so every row ends written and the 429 share is comparable.
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

from ._harness import Context, Row, verdict

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


def run(ctx: Context) -> list[Row]:
    """The two measurements as rows of ``make bench``'s table (small in ``--quick`` runs)."""
    rate_rows, rows = (40, 2_000) if ctx.quick else (400, 100_000)
    work = ctx.workdir / "catalogue"
    work.mkdir(exist_ok=True)
    (work / "rate").mkdir(exist_ok=True)
    (work / "memory").mkdir(exist_ok=True)
    rate = asyncio.run(rate_limit(rate_rows, LIMIT, work / "rate"))
    held = rate["of_limit"] >= 0.95 and rate["429_share"] <= 0.02
    bare = bare_pool(rate_rows, work / "rate")
    used = asyncio.run(memory(rows, work / "memory"))
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
    parser.add_argument("--only", choices=("rate", "memory"))
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
