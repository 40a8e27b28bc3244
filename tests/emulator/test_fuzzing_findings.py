"""Bugs contract fuzzing found in the emulator, each kept as an example that must keep working."""

from __future__ import annotations

import io

import httpx
from PIL import Image

from photoroom_emulator import EmulatorConfig
from photoroom_emulator.transports import EmulatorTransport


def client() -> httpx.Client:
    transport = EmulatorTransport(config=EmulatorConfig.from_env({}))
    return httpx.Client(transport=transport, base_url="http://emulator", headers={"x-api-key": "k"})


def png(size: tuple[int, int] = (64, 48)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (30, 120, 200)).save(buffer, "PNG")
    return buffer.getvalue()


def test_an_unknown_name_ending_in_a_space_is_reported_not_a_dropped_connection() -> None:
    with client() as http:
        response = http.post("/v2/edit", files={"imageFile": ("a.png", png())}, data={"x ": "1"})
    assert response.status_code == 200
    assert response.headers["pr-unsupported-attributes"] == 'Unsupported attributes: "x "'


def test_405_lists_every_method_the_path_serves() -> None:
    with client() as http:
        for path in ("/v2/edit", "/v1/render"):
            response = http.delete(path)
            assert response.status_code == 405
            assert set(response.headers["allow"].replace(" ", "").split(",")) >= {"GET", "POST"}


def test_uncrop_keeps_an_explicit_output_size() -> None:
    with client() as http:
        response = http.post(
            "/v2/edit",
            files={"imageFile": ("a.png", png())},
            data={"outputSize": "200x400", "uncrop.mode": "ai.auto"},
        )
    assert response.status_code == 200
    assert Image.open(io.BytesIO(response.content)).size == (200, 400)
