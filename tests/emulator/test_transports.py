"""The ways clients reach the emulator: sync and async in-process transports, a live server, and
the pytest plugin's fixtures."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest

import photoroom_emulator
from photoroom_emulator import AsyncEmulatorTransport, EmulatorConfig, EmulatorTransport

from .conftest import API_KEY, BASE_URL, open_image, product_png


def test_public_names_are_importable() -> None:
    for name in photoroom_emulator.__all__:
        assert getattr(photoroom_emulator, name) is not None
    with pytest.raises(AttributeError):
        photoroom_emulator.nothing_here  # noqa: B018


def test_sync_transport_serves_concurrent_threads() -> None:
    config = EmulatorConfig(processing=False)
    with httpx.Client(
        transport=EmulatorTransport(config=config),
        base_url=BASE_URL,
        headers={"x-api-key": API_KEY},
    ) as client:

        def edit(index: int) -> tuple[int, int]:
            response = client.post(
                "/v2/edit",
                files={"imageFile": ("p.png", product_png())},
                data={"outputSize": f"{10 + index}x10"},
            )
            return response.status_code, open_image(response.content).width

        with ThreadPoolExecutor(max_workers=8) as pool:
            results = list(pool.map(edit, range(40)))
    assert results == [(200, 10 + index) for index in range(40)]


async def test_async_transport_edits() -> None:
    transport = AsyncEmulatorTransport(config=EmulatorConfig())
    async with httpx.AsyncClient(
        transport=transport, base_url=BASE_URL, headers={"x-api-key": API_KEY}
    ) as client:
        response = await client.post(
            "/v2/edit",
            files={"imageFile": ("p.png", product_png())},
            data={"outputSize": "64x64", "background.color": "blue"},
        )
    assert response.status_code == 200
    assert open_image(response.content).size == (64, 64)


def test_transports_share_an_app() -> None:
    app = photoroom_emulator.create_app(EmulatorConfig())
    sync = httpx.Client(transport=EmulatorTransport(app), base_url=BASE_URL)
    assert sync.get("/health").json() == {"status": "ok", "processing": True}
    sync.close()
    assert AsyncEmulatorTransport(app).app is app


def test_plugin_server_fixture(photoroom_emulator: Any) -> None:
    response = httpx.get(f"{photoroom_emulator.url}/v2/account", headers={"x-api-key": "k"})
    assert response.status_code == 200
    assert response.json()["plan"] == "plus"


def test_plugin_transport_fixture(photoroom_emulator_transport: httpx.BaseTransport) -> None:
    with httpx.Client(transport=photoroom_emulator_transport, base_url=BASE_URL) as client:
        assert client.get("/v1/account", headers={"x-api-key": "k"}).status_code == 200
        assert client.get("/v1/account").status_code == 403


def test_live_server_upload(photoroom_emulator: Any) -> None:
    response = httpx.post(
        f"{photoroom_emulator.url}/v1/segment",
        files={"image_file": ("p.png", product_png())},
        headers={"x-api-key": "k"},
    )
    assert response.status_code == 200
    assert open_image(response.content).mode == "RGBA"
