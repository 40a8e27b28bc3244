"""The asyncio client keeps its event loop free while it prepares uploads and writes files."""

from __future__ import annotations

import asyncio
import io
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx
from PIL import Image

from photoroom import AsyncPhotoroom

from .conftest import API_KEY, product_png


async def worst_stall(call: Callable[[], Awaitable[Any]]) -> float:
    """The longest delay a 5 ms heartbeat task sees while ``call`` runs (seconds)."""
    worst, running = 0.0, True

    async def heartbeat() -> None:
        nonlocal worst
        while running:
            before = time.perf_counter()
            await asyncio.sleep(0.005)
            worst = max(worst, time.perf_counter() - before - 0.005)

    task = asyncio.create_task(heartbeat())
    await asyncio.sleep(0.01)
    try:
        await call()
    finally:
        running = False
        await task
    return worst


def noisy_image(side: int) -> Image.Image:
    import numpy as np

    pixels = np.random.default_rng(0).integers(0, 256, (side, side, 3), dtype=np.uint8)
    return Image.fromarray(pixels, "RGB")


def answer(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, content=product_png((8, 8)), headers={"content-type": "image/png"})


async def test_encoding_a_pil_image_does_not_block_the_loop() -> None:
    image = noisy_image(900)
    start = time.perf_counter()
    image.save(io.BytesIO(), format="PNG")  # what the client must do before sending
    encode = time.perf_counter() - start

    async with (
        httpx.AsyncClient(transport=httpx.MockTransport(answer)) as http,
        AsyncPhotoroom(API_KEY, http_client=http) as client,
    ):
        stall = await worst_stall(lambda: client.edit(image))

    assert stall < max(0.05, encode / 3), (stall, encode)


async def test_reading_a_large_file_and_saving_do_not_block_the_loop(tmp_path: Path) -> None:
    path = tmp_path / "big.png"
    noisy_image(1800).save(path, format="PNG", compress_level=0)  # about 10 MB
    big_answer = path.read_bytes()

    def echo(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=big_answer, headers={"content-type": "image/png"})

    async with (
        httpx.AsyncClient(transport=httpx.MockTransport(echo)) as http,
        AsyncPhotoroom(API_KEY, http_client=http) as client,
    ):
        result = await client.remove_background(path, save_to=tmp_path / "out" / "cut")
        stall = await worst_stall(
            lambda: client.remove_background(path, save_to=tmp_path / "out" / "cut2")
        )

    assert result.path is not None and result.path.read_bytes() == big_answer
    assert stall < 0.1, stall
