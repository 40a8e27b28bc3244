"""Event-loop stalls of the asyncio client: the longest gap a 5 ms heartbeat task sees.

Why: an asyncio application (a web server) shares its loop with every request it serves; a
client that encodes a PIL image or reads a 40 MB file on the loop freezes all of them. The
heartbeat task sleeps 5 ms in a loop and records how late each wake-up is; the figure is the
worst lateness during ``await client.edit(<3800x3800 PIL image>)`` and
``await client.remove_background(<40 MB file>)``, per call; the figure is the median over
``ROUNDS`` calls (the maximum is in the notes: on a loaded machine a single heartbeat can wait
tens of milliseconds for a CPU, as the idle control shows). The baseline is the same call with the
worker-thread offloading switched off (``asyncio.to_thread`` run inline), i.e. the client as it
was before. Processing is off in the emulator (a separate process), so only the client's own
work is on the loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import statistics
import time
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

from . import _images
from ._harness import API_KEY, OVERHEAD_EMULATOR, Context, NotReady, Row, verdict

TARGET_MS = 20.0
HEARTBEAT = 0.005
ROUNDS = 5
NAMES = {
    "edit": "event-loop stall, edit(3800x3800 PIL image)",
    "remove_background": "event-loop stall, remove_background(40 MB file)",
}


async def _worst_stall(call: Callable[[], Awaitable[Any]]) -> float:
    """Seconds of the longest heartbeat delay while ``call`` runs."""
    worst = 0.0
    running = True

    async def heartbeat() -> None:
        nonlocal worst
        while running:
            before = time.perf_counter()
            await asyncio.sleep(HEARTBEAT)
            worst = max(worst, time.perf_counter() - before - HEARTBEAT)

    beat = asyncio.create_task(heartbeat())
    await asyncio.sleep(HEARTBEAT * 2)  # the heartbeat is running
    try:
        await call()
    finally:
        running = False
        await beat
    return worst


@contextlib.contextmanager
def _inline_threads() -> Iterator[None]:
    """``asyncio.to_thread`` runs its function on the loop (the client before offloading)."""
    original = asyncio.to_thread

    async def inline(function: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Any:
        return function(*args, **kwargs)

    asyncio.to_thread = inline  # type: ignore[assignment]
    try:
        yield
    finally:
        asyncio.to_thread = original


def _forty_megabytes(path: Path, scale: float) -> Path:
    """A PNG of about 40 MB (noise does not compress): a real image the API accepts."""
    import numpy as np
    from PIL import Image

    side = max(64, int(3650 * scale**0.5))
    pixels = np.random.default_rng(1).integers(0, 256, (side, side, 3), dtype=np.uint8)
    Image.fromarray(pixels, "RGB").save(path, format="PNG", compress_level=0)
    return path


def run(ctx: Context) -> list[Row]:
    try:
        from photoroom import AsyncPhotoroom
    except ImportError as exc:
        raise NotReady(f"photoroom.AsyncPhotoroom is not importable ({exc})") from exc

    url = ctx.emulators.url(OVERHEAD_EMULATOR)
    side = max(64, int(3800 * ctx.scale**0.5))
    image = _images.product_shot(side, side)
    big = _forty_megabytes(ctx.workdir / "forty.png", ctx.scale)
    rounds = ctx.rounds(ROUNDS)

    async def measure(operation: str, inline: bool) -> tuple[float, float]:
        """The worst stall during one call, and during an idle sleep just as long (the
        machine's own share: on a loaded machine a heartbeat waits for a CPU too)."""
        async with AsyncPhotoroom(
            API_KEY, base_url=url, segment_base_url=url, max_retries=0
        ) as client:
            if operation == "edit":
                call: Callable[[], Awaitable[Any]] = lambda: client.edit(image)  # noqa: E731
            else:
                call = lambda: client.remove_background(big)  # noqa: E731
            await call()  # warm the pool and the imports
            start = time.perf_counter()
            if inline:
                with _inline_threads():
                    stall = await _worst_stall(call)
            else:
                stall = await _worst_stall(call)
            duration = time.perf_counter() - start
            return stall, await _worst_stall(lambda: asyncio.sleep(duration))

    rows = []
    for operation, name in NAMES.items():
        measured = [asyncio.run(measure(operation, False)) for _ in range(rounds)]
        ours = [stall for stall, _ in measured]
        idle = [control for _, control in measured]
        before = [asyncio.run(measure(operation, True))[0] for _ in range(rounds)]
        worst = statistics.median(ours) * 1000
        baseline = statistics.median(before) * 1000
        size = f"{big.stat().st_size / 1e6:.1f} MB file" if operation != "edit" else ""
        rows.append(
            Row(
                name,
                f"{worst:.1f} ms",
                f"{baseline:.1f} ms",
                f"{worst / max(baseline, 1e-9):.3f}",
                f"<= {TARGET_MS:.0f} ms",
                verdict(worst <= TARGET_MS),
                [
                    f"median over {rounds} calls of each call's worst heartbeat lateness (5 ms "
                    f"heartbeat; max {max(ours) * 1000:.1f} ms); baseline: the "
                    "same calls with asyncio.to_thread run inline (the client before offloading)"
                    + (f"; {size}" if size else f"; {side}x{side} RGB PIL image"),
                    "per call, ours: " + ", ".join(f"{s * 1000:.1f}" for s in ours) + " ms; "
                    "baseline: " + ", ".join(f"{s * 1000:.1f}" for s in before) + " ms; "
                    "idle heartbeat during a sleep as long as each call: "
                    + ", ".join(f"{s * 1000:.1f}" for s in idle)
                    + " ms (the machine's own share)",
                ],
            )
        )
    return rows
