"""The client's multipart encoder: httpx's wire format in a few writes, the image not copied."""

from __future__ import annotations

import io
from typing import Any

import httpx
import pytest

from photoroom._multipart import SMALL_BODY, WRITE_SIZE, MultipartBody

BOUNDARY = b"0123456789abcdef"
IMAGE = b"\xff\xd8\xff" + bytes(range(256)) * 3900  # 1 MB of "JPEG"


def httpx_body(fields: list[tuple[str, Any]]) -> bytes:
    """httpx's encoding of ``fields``, text fields as form data (no per-field content type)."""
    text = {name: value[1].decode() for name, value in fields if value[0] is None}
    files = [(name, value) for name, value in fields if value[0] is not None]
    request = httpx.Request(
        "POST",
        "http://127.0.0.1/v2/edit",
        data=text,
        files=files,
        headers={"content-type": f"multipart/form-data; boundary={BOUNDARY.decode()}"},
    )
    return request.read()


def edit_fields(image: object) -> list[tuple[str, Any]]:
    """Fields as the generated code gives them: text parts typed text/plain, then the file."""
    return [
        ("background.color", (None, b"FFFFFF", "text/plain")),
        ("padding", (None, b"0.1", "text/plain")),
        ("imageFile", ("photo.jpg", image, "image/jpeg")),
    ]


def test_the_body_is_the_one_httpx_would_send() -> None:
    body = MultipartBody(edit_fields(IMAGE), boundary=BOUNDARY)

    assert b"".join(body) == httpx_body(edit_fields(IMAGE))
    assert body.headers == {
        "content-type": f"multipart/form-data; boundary={BOUNDARY.decode()}",
        "content-length": str(len(httpx_body(edit_fields(IMAGE)))),
    }


def test_an_edit_is_three_writes_and_the_image_is_not_copied() -> None:
    image = io.BytesIO(IMAGE)  # what the client's ImageBytes hands over

    blocks = list(MultipartBody(edit_fields(image), boundary=BOUNDARY))

    assert len(blocks) == 3  # text fields and file header, the image, the closing boundary
    assert blocks[1] is image.getvalue()  # the caller's buffer itself, handed to the socket


def test_a_large_image_goes_out_in_bounded_writes() -> None:
    large = IMAGE * 30  # 30 MB: httpcore would copy what one socket write leaves over

    blocks = list(MultipartBody(edit_fields(large), boundary=BOUNDARY))

    assert max(len(block) for block in blocks) <= WRITE_SIZE
    assert b"".join(blocks) == httpx_body(edit_fields(large))


def test_a_small_upload_is_one_write() -> None:
    small = IMAGE[: SMALL_BODY // 4]

    assert len(list(MultipartBody(edit_fields(small)))) == 1


def test_a_retry_sends_the_same_bytes_again() -> None:
    body = MultipartBody(edit_fields(io.BytesIO(IMAGE)))

    assert b"".join(body) == b"".join(body)


async def test_the_async_client_reads_the_same_blocks() -> None:
    body = MultipartBody(edit_fields(IMAGE), boundary=BOUNDARY)

    assert [block async for block in body] == list(body)


@pytest.mark.parametrize("filename", ['say "cheese".jpg', "back\\slash.jpg", "line\r\nbreak.jpg"])
def test_file_names_are_escaped_as_httpx_escapes_them(filename: str) -> None:
    fields: list[tuple[str, Any]] = [("imageFile", (filename, b"\x89PNG", "image/png"))]

    assert b"".join(MultipartBody(fields, boundary=BOUNDARY)) == httpx_body(fields)
