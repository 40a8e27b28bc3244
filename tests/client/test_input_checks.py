"""Bad inputs fail locally, each with its typed error naming the path, and nothing is sent."""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from photoroom import (
    AsyncPhotoroom,
    EmptyImageError,
    ImageNotFoundError,
    ImageTooLargeError,
    InvalidImageError,
    InvalidOptionError,
    NotAnImageError,
    Photoroom,
    PhotoroomError,
)
from photoroom._inputs import image_dimensions
from photoroom._options import EDIT_BY_UPLOAD, REMOVE_BACKGROUND
from photoroom.spec import limits_of

from .conftest import API_KEY, Recorder, product_png

EDIT_LIMITS = limits_of(EDIT_BY_UPLOAD)
REMOVE_BACKGROUND_LIMITS = limits_of(REMOVE_BACKGROUND)


def png_header(width: int, height: int) -> bytes:
    """A PNG signature and IHDR claiming ``width`` x ``height`` (no pixel data needed)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    return (
        b"\x89PNG\r\n\x1a\n"
        + struct.pack(">I", len(ihdr))
        + chunk
        + struct.pack(">I", zlib.crc32(chunk))
    )


@pytest.fixture
def counted(recorder: Recorder) -> Iterator[tuple[Photoroom, Recorder]]:
    with (
        httpx.Client(transport=httpx.MockTransport(recorder)) as http,
        Photoroom(API_KEY, http_client=http, sleep=lambda _: None) as client,
    ):
        yield client, recorder


def _cases(tmp_path: Path) -> dict[str, tuple[object, type[InvalidImageError], str]]:
    empty = tmp_path / "empty.png"
    empty.write_bytes(b"")
    text = tmp_path / "notes.png"
    text.write_text("this is a text file, not an image\n")
    folder = tmp_path / "folder.png"
    folder.mkdir()
    wide = tmp_path / "wide.png"
    wide.write_bytes(png_header(7000, 100))
    huge = tmp_path / "huge.png"
    with huge.open("wb") as handle:  # sparse: no disk space used
        handle.write(product_png())
        handle.seek(EDIT_LIMITS.max_bytes + 1024)
        handle.write(b"\0")
    return {
        "missing": (tmp_path / "missing.png", ImageNotFoundError, "missing.png"),
        "directory": (folder, ImageNotFoundError, "folder.png"),
        "empty file": (empty, EmptyImageError, "empty.png"),
        "text file": (text, NotAnImageError, "notes.png"),
        "too many bytes": (huge, ImageTooLargeError, "huge.png"),
        "too wide": (wide, ImageTooLargeError, "wide.png"),
        "empty bytes": (b"", EmptyImageError, "0 bytes"),
        "text bytes": (b"hello world", NotAnImageError, "not an image"),
    }


CASES = [
    "missing",
    "directory",
    "empty file",
    "text file",
    "too many bytes",
    "too wide",
    "empty bytes",
    "text bytes",
]


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("operation", ["edit", "remove_background"])
def test_bad_inputs_send_nothing(
    counted: tuple[Photoroom, Recorder], tmp_path: Path, case: str, operation: str
) -> None:
    client, recorder = counted
    value, error, text = _cases(tmp_path)[case]
    if operation == "remove_background" and case == "too many bytes":
        pytest.skip("the segment limit (50 MB) is above this file's size")

    with pytest.raises(error) as caught:
        getattr(client, operation)(value)

    assert text in str(caught.value)
    assert isinstance(caught.value, InvalidOptionError) and isinstance(caught.value, PhotoroomError)
    if isinstance(value, Path):
        assert caught.value.path == str(value)
    assert recorder.requests == []


def test_the_size_limit_is_the_operations(
    tmp_path: Path, counted: tuple[Photoroom, Recorder]
) -> None:
    client, recorder = counted
    big = tmp_path / "big.png"
    with big.open("wb") as handle:
        handle.write(product_png())
        handle.seek(REMOVE_BACKGROUND_LIMITS.max_bytes + 1)
        handle.write(b"\0")
    with pytest.raises(ImageTooLargeError, match="50 MB"):
        client.remove_background(big)
    assert recorder.requests == []


def test_a_background_file_is_checked_too(
    tmp_path: Path, counted: tuple[Photoroom, Recorder]
) -> None:
    from photoroom import Background

    client, recorder = counted
    with pytest.raises(ImageNotFoundError, match=r"missing-bg\.png"):
        client.edit(product_png(), background=Background(image_file=tmp_path / "missing-bg.png"))
    assert recorder.requests == []


def test_a_file_object_is_checked(counted: tuple[Photoroom, Recorder]) -> None:
    client, recorder = counted
    with pytest.raises(EmptyImageError):
        client.edit(io.BytesIO(b""))
    with pytest.raises(NotAnImageError):
        client.edit(io.BytesIO(b"GIF? no, text"))
    assert recorder.requests == []


async def test_the_async_client_checks_the_same(tmp_path: Path) -> None:
    recorder = Recorder()
    async with (
        httpx.AsyncClient(transport=httpx.MockTransport(recorder)) as http,
        AsyncPhotoroom(API_KEY, http_client=http) as client,
    ):
        with pytest.raises(ImageNotFoundError):
            await client.remove_background(tmp_path / "missing.png")
        with pytest.raises(NotAnImageError):
            await client.edit(b"%PDF-1.7")
    assert recorder.requests == []


def test_header_dimensions() -> None:
    from PIL import Image

    assert image_dimensions(png_header(640, 480)) == (640, 480)
    for fmt in ("JPEG", "WEBP", "GIF", "BMP", "PNG"):
        buffer = io.BytesIO()
        Image.new("RGB", (123, 45)).save(buffer, format=fmt)
        assert image_dimensions(buffer.getvalue()) == (123, 45), fmt
    buffer = io.BytesIO()
    Image.new("RGBA", (77, 33)).save(buffer, format="WEBP", lossless=True)
    assert image_dimensions(buffer.getvalue()) == (77, 33)
    assert image_dimensions(b"\x89PNG\r\n\x1a\n") is None
