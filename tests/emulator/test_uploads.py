"""Bad uploads are the caller's 400 in the endpoint's own error shape: never a 500, never a hang,
and never read without bound into memory."""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterator

import httpx
import pytest

from photoroom.spec import operation
from photoroom_emulator.app import FIELDS_ALLOWANCE, FILES_PER_BODY

from .conftest import assert_api_error, assert_segment_error, product_png

MB = 1024 * 1024
SEGMENT_MAX_FILE = operation("remove-background").limits["max-file-bytes"]
SEGMENT_MAX_BODY = SEGMENT_MAX_FILE * FILES_PER_BODY + FIELDS_ALLOWANCE
EDIT_MAX_FILE = operation("edit-image-upload").limits["max-file-bytes"]
BOUNDARY = "emulator-test-boundary"


def png_header_only(width: int, height: int) -> bytes:
    """A PNG announcing ``width`` x ``height`` with a valid IHDR CRC and almost no data."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 64)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def multipart_parts(field: str, size: int) -> tuple[list[bytes], int]:
    """A multipart body with one ``size``-byte file, as three chunks (no joined copy)."""
    head = (
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{field}"; '
        'filename="big.png"\r\nContent-Type: image/png\r\n\r\n'
    ).encode()
    tail = f"\r\n--{BOUNDARY}--\r\n".encode()
    payload = bytes(size)  # zero-filled by calloc: pages are only touched when read
    return [head, payload, tail], len(head) + size + len(tail)


def _post_stream(
    client: httpx.Client, path: str, chunks: list[bytes], length: int | None
) -> httpx.Response:
    headers = {"content-type": f"multipart/form-data; boundary={BOUNDARY}"}
    if length is not None:
        headers["content-length"] = str(length)

    def body() -> Iterator[bytes]:
        yield from chunks

    return client.post(path, content=body(), headers=headers)


def _segment(client: httpx.Client, data: bytes, name: str = "photo.png") -> httpx.Response:
    return client.post("/v1/segment", files={"image_file": (name, data, "image/png")})


def _edit(client: httpx.Client, data: bytes) -> httpx.Response:
    return client.post("/v2/edit", files={"imageFile": ("photo.png", data, "image/png")})


def test_text_file_posted_as_an_image(client: httpx.Client) -> None:
    body = assert_segment_error(_segment(client, b"hello, I am a text file\n", "notes.png"), 400)
    assert "not a valid image" in body["detail"]
    assert "not a valid image" in assert_api_error(_edit(client, b"just text"), 400)


def test_corrupt_png(client: httpx.Client) -> None:
    data = product_png((300, 200))
    corrupt = data[: len(data) // 2] + bytes(64)
    assert_segment_error(_segment(client, corrupt), 400)
    assert_api_error(_edit(client, corrupt), 400)


def test_empty_file(client: httpx.Client) -> None:
    assert_segment_error(_segment(client, b""), 400)


def test_decompression_bomb_header(client: httpx.Client) -> None:
    bomb = png_header_only(50_000, 50_000)
    body = assert_segment_error(_segment(client, bomb), 400)
    assert "50000" in body["detail"] or "too large" in body["detail"]
    assert_api_error(_edit(client, bomb), 400)


def test_image_wider_than_6000_px_on_segment(client: httpx.Client) -> None:
    body = assert_segment_error(_segment(client, product_png((6001, 4))), 400)
    assert "6000" in body["detail"]


def test_segment_body_over_50_mb_is_refused_from_its_content_length(
    client: httpx.Client,
) -> None:
    chunks, length = multipart_parts("image_file", SEGMENT_MAX_BODY + MB)
    body = assert_segment_error(_post_stream(client, "/v1/segment", chunks, length), 400)
    assert "50 MB" in body["detail"] or "too large" in body["detail"]


def test_chunked_segment_body_over_the_limit_is_cut_while_streaming(
    client: httpx.Client,
) -> None:
    chunks, _ = multipart_parts("image_file", SEGMENT_MAX_BODY + MB)
    body = assert_segment_error(_post_stream(client, "/v1/segment", chunks, None), 400)
    assert "too large" in body["detail"]


def test_edit_file_over_30_mb(client: httpx.Client) -> None:
    chunks, length = multipart_parts("imageFile", EDIT_MAX_FILE + MB)
    message = assert_api_error(_post_stream(client, "/v2/edit", chunks, length), 400)
    assert "imageFile is too large" in message


@pytest.mark.parametrize("content_type", ["application/json", "text/plain"])
def test_non_multipart_body(client: httpx.Client, content_type: str) -> None:
    response = client.post(
        "/v1/segment", content=b'{"image_file": 1}', headers={"content-type": content_type}
    )
    assert assert_segment_error(response, 400)["type"] == "missing_image"


def test_malformed_multipart(client: httpx.Client) -> None:
    response = client.post(
        "/v2/edit",
        content=b"--x\r\nno headers here",
        headers={"content-type": "multipart/form-data; boundary=x"},
    )
    assert response.status_code == 400
