"""Errors outside the operations speak the hosts' JSON too, in the emulator's own words.

Found by fuzzing (issue 12): a method a path lacks was a text/plain 405, an unknown path a
text/plain 404, and a decompression bomb was answered with Pillow's message about DOS attacks.
"""

from __future__ import annotations

import struct
import zlib

import httpx
import pytest

from .conftest import assert_api_error, assert_segment_error


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [
        ("PUT", "/v1/account", "GET"),
        ("DELETE", "/v2/edit", "GET, POST"),
        ("PATCH", "/v1/render", "GET, POST"),
        ("POST", "/v2/account", "GET"),
    ],
)
def test_a_method_the_path_lacks_is_a_json_405(
    client: httpx.Client, method: str, path: str, allowed: str
) -> None:
    response = client.request(method, path)
    message = assert_api_error(response, 405)
    assert response.headers["content-type"] == "application/json"
    assert method in message and path in message
    assert set(allowed.split(", ")) <= set(response.headers["allow"].split(", "))


def test_get_on_segment_is_a_405_in_the_segment_shape(client: httpx.Client) -> None:
    response = client.get("/v1/segment")
    body = assert_segment_error(response, 405)
    assert body["type"] == "method_not_allowed"
    assert response.headers["allow"] == "POST"


def test_an_unknown_path_is_a_json_404(client: httpx.Client) -> None:
    response = client.get("/v3/edit")
    assert "/v3/edit" in assert_api_error(response, 404)
    assert response.headers["content-type"] == "application/json"


def _png_header(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b""))
        + chunk(b"IEND", b"")
    )


def test_a_decompression_bomb_gets_our_own_message(client: httpx.Client) -> None:
    bomb = _png_header(50_000, 50_000)
    segment = client.post("/v1/segment", files={"image_file": ("b.png", bomb, "image/png")})
    detail = assert_segment_error(segment, 400)["detail"]
    edit = client.post("/v2/edit", files={"imageFile": ("b.png", bomb, "image/png")})
    message = assert_api_error(edit, 400)
    for text, name in ((detail, "image_file"), (message, "imageFile")):
        assert text == (
            f"{name} is too large to decode safely: it declares 2,500 MP, "
            "above the maximum of 36 MP."
        )
        assert "DOS" not in text and "pixels" not in text
