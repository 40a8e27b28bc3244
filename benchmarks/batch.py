"""Batch throughput: ``batch_edit`` of 500 images at concurrency 32 against a 100 ms server.

Why: a batch is latency-bound, not CPU-bound. With the emulator answering every edit after a
fixed 100 ms (processing off), a perfect client keeps all 32 slots busy and finishes in
``500 x 0.1 s / 32`` = 1.56 s; the ratio ideal / measured says how much of that the client
loses to scheduling, file I/O and its own per-request work. (Since 500 is not a multiple of 32,
even a perfect scheduler needs 16 waves = 1.6 s, so 0.977 is the best reachable ratio.)

The target is the hand-written alternative a user would otherwise write: a bare
``httpx.Client`` in a pool of 32 threads that posts the same form and writes each answer to a
file. ``batch_edit`` and the bare pool run in pairs, the order flipping each round (as
``_harness.paired_rounds`` does), and the ratio is the median of the pairs' throughput ratios:
``batch_edit`` must be at least as fast as the pool (>= 1.00). The ratio to the ideal is reported,
not targeted: on two shared cores the bare pool itself reaches only part of it, so it measures
the machine (httpx, the GIL, the emulator on the same cores) more than the client.
"""

from __future__ import annotations

import concurrent.futures
import shutil
import time
from pathlib import Path

from . import _images
from ._harness import (
    API_KEY,
    BATCH_EMULATOR,
    EDIT_FORM,
    Context,
    Row,
    edit_options,
    median,
    photoroom_client,
    require,
    verdict,
)

NAME = "batch vs bare httpx pool"
IDEAL_NAME = "batch throughput"
FLOOR_NAME = "batch throughput, bare httpx floor"
TARGET = 1.00
IMAGES = 500
CONCURRENCY = 32
LATENCY = 0.100
REPEATS = 5


def _failures(report: object) -> int:
    """How many inputs the report says failed, whatever it calls them (0 if it cannot tell)."""
    for name in ("failed", "failures", "errors"):
        value = getattr(report, name, None)
        if value is not None:
            return value if isinstance(value, int) else len(value)
    return 0


def bare_httpx_batch(url: str, inputs: list[Path], output: Path, concurrency: int) -> None:
    """The floor: read, post and write every input from ``concurrency`` threads, nothing more."""
    import httpx

    output.mkdir(parents=True, exist_ok=True)
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    with httpx.Client(base_url=url, timeout=60.0, limits=limits) as client:

        def one(source: Path) -> None:
            files = {"imageFile": (source.name, source.read_bytes(), "image/jpeg")}
            headers = {"x-api-key": API_KEY}
            response = client.post("/v2/edit", headers=headers, data=EDIT_FORM, files=files)
            response.raise_for_status()
            (output / (source.stem + ".png")).write_bytes(response.content)

        with concurrent.futures.ThreadPoolExecutor(concurrency) as pool:
            list(pool.map(one, inputs))


def run(ctx: Context) -> list[Row]:
    url = ctx.emulators.url(BATCH_EMULATOR)
    count = ctx.count(IMAGES, minimum=CONCURRENCY // 8)
    photo = _images.jpeg_bytes(_images.product_shot(480, 360), 85)
    inputs_dir = ctx.workdir / "batch-inputs"
    inputs = [_images.write(inputs_dir / f"photo-{i:04d}.jpg", photo) for i in range(count)]
    ideal = count * LATENCY / CONCURRENCY

    with photoroom_client(url) as client:
        batch_edit = require(client, "batch_edit")
        options = edit_options()
        # Warm-up: imports, connection pool, thread or event-loop start-up.
        warm = ctx.workdir / "batch-warmup"
        batch_edit(inputs[:CONCURRENCY], warm, concurrency=CONCURRENCY, progress=False, **options)
        bare_httpx_batch(url, inputs[:CONCURRENCY], warm, CONCURRENCY)
        shutil.rmtree(warm, ignore_errors=True)

        seconds: list[float] = []
        floor: list[float] = []
        cpu: list[float] = []
        floor_cpu: list[float] = []
        failed = 0

        def ours(repeat: int) -> None:
            nonlocal failed
            output = ctx.workdir / f"batch-out-{repeat}"
            start, start_cpu = time.perf_counter(), time.process_time()
            report = batch_edit(inputs, output, concurrency=CONCURRENCY, progress=False, **options)
            seconds.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
            failed += _failures(report)
            written = sum(1 for path in output.rglob("*") if path.is_file())
            shutil.rmtree(output, ignore_errors=True)
            if written < count:
                raise RuntimeError(f"batch_edit wrote {written} of {count} results")

        def bare(repeat: int) -> None:
            output = ctx.workdir / f"batch-floor-{repeat}"
            start, start_cpu = time.perf_counter(), time.process_time()
            bare_httpx_batch(url, inputs, output, CONCURRENCY)
            floor.append(time.perf_counter() - start)
            floor_cpu.append(time.process_time() - start_cpu)
            shutil.rmtree(output, ignore_errors=True)

        for repeat in range(ctx.rounds(REPEATS)):
            for side in (ours, bare) if repeat % 2 == 0 else (bare, ours):
                side(repeat)

    ratio = median([ideal / s for s in seconds])
    floor_ratio = median([ideal / s for s in floor])
    pairs = [b / o for o, b in zip(seconds, floor, strict=True)]  # throughput: ours / bare
    versus = median(pairs)
    notes = [
        f"{count} images ({len(photo) // 1000} KB JPEG), concurrency {CONCURRENCY}, "
        f"{LATENCY * 1000:.0f} ms server latency; {len(pairs)} pairs, order alternating; "
        f"throughput ratio = median of the pairs' (min {min(pairs):.3f}, max {max(pairs):.3f})",
        "batch_edit: " + ", ".join(f"{s:.3f} s" for s in seconds),
        "bare httpx.Client in 32 threads, same form and files, answers written to files: "
        + ", ".join(f"{s:.3f} s" for s in floor),
        f"client-process CPU per batch: {median(cpu):.2f} s "
        f"({median(cpu) / count * 1000:.2f} ms per image) vs the bare pool's "
        f"{median(floor_cpu):.2f} s ({median(floor_cpu) / count * 1000:.2f} ms per image)",
    ]
    if failed:
        notes.append(f"{failed} inputs reported as failed")
    return [
        Row(
            NAME,
            f"{median(seconds):.3f} s",
            f"{median(floor):.3f} s (bare pool)",
            f"{versus:.3f}",
            f">= {TARGET:.2f}",
            verdict(versus >= TARGET and not failed),
            notes,
        ),
        Row(
            IDEAL_NAME,
            f"{median(seconds):.3f} s",
            f"{ideal:.3f} s (ideal)",
            f"{ratio:.3f}",
            notes=["report only: the bare pool reaches the ratio of the next row on this machine"],
        ),
        Row(
            FLOOR_NAME,
            f"{median(floor):.3f} s",
            f"{ideal:.3f} s (ideal)",
            f"{floor_ratio:.3f}",
        ),
    ]
