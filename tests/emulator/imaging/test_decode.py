"""Decoding uploads: every bad upload becomes an ImageInputError with a message for the caller."""

from __future__ import annotations

import resource
import struct
import zlib
from collections.abc import Callable
from typing import TypedDict

import numpy as np
import pytest
from PIL import Image

from photoroom_emulator.imaging import ImageInputError, has_alpha_channel, load_image, sniff_format
from photoroom_emulator.imaging.decode import SOURCE_FORMAT_KEY, SOURCE_MODE_KEY

from .conftest import pixel

Encoder = Callable[..., bytes]


class Limits(TypedDict):
    max_bytes: int
    max_side: int | None
    max_pixels: int


LIMITS = Limits(max_bytes=50 * 1024 * 1024, max_side=6000, max_pixels=36_000_000)


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_with_header(width: int, height: int) -> bytes:
    """A PNG whose IHDR (with a valid CRC) claims ``width`` x ``height``; the data is a stub."""
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + png_chunk(b"IEND", b"")
    )


@pytest.mark.parametrize("format", ["PNG", "JPEG", "WEBP"])
def test_accepted_formats_decode_to_rgba(
    coffee: Image.Image, format: str, to_bytes: Encoder
) -> None:
    image = load_image(to_bytes(coffee, format), **LIMITS)
    assert image.mode == "RGBA"
    assert image.size == (600, 400)
    assert image.info[SOURCE_FORMAT_KEY] == format


def test_format_is_sniffed_from_bytes_not_trusted_from_a_name(
    coffee: Image.Image, to_bytes: Encoder
) -> None:
    assert sniff_format(to_bytes(coffee, "JPEG")) == "JPEG"
    assert sniff_format(b"hello, I am a text file") is None


def test_greyscale_upload_keeps_its_source_mode(sample_bytes: Callable[[str], bytes]) -> None:
    image = load_image(sample_bytes("text.png"), **LIMITS)
    assert image.mode == "RGBA"
    assert image.info[SOURCE_MODE_KEY] == "L"
    assert not has_alpha_channel(image)


def test_rgba_upload_is_known_to_carry_alpha(sample_bytes: Callable[[str], bytes]) -> None:
    assert has_alpha_channel(load_image(sample_bytes("logo.png"), **LIMITS))


def test_sixteen_bit_png_decodes(to_bytes: Encoder) -> None:
    ramp = np.tile(np.arange(0, 65536, 256, dtype=np.uint16), (8, 1))
    data = to_bytes(Image.fromarray(ramp))
    image = load_image(data, **LIMITS)
    assert image.size == (256, 8)
    assert pixel(image, (255, 0))[0] > 250


def test_exif_orientation_is_applied(to_bytes: Encoder) -> None:
    landscape = Image.new("RGB", (40, 20), "red")
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise to display
    image = load_image(to_bytes(landscape, "JPEG", exif=exif.tobytes()), **LIMITS)
    assert image.size == (20, 40)


def test_a_rotated_photo_has_the_pixels_a_viewer_shows(to_bytes: Encoder) -> None:
    """The left half red, the right half blue; orientation 6 shows it turned a quarter clockwise:
    red on top."""
    landscape = Image.new("RGB", (40, 20), "red")
    landscape.paste("blue", (20, 0, 40, 20))
    exif = Image.Exif()
    exif[0x0112] = 6
    image = load_image(to_bytes(landscape, "PNG", exif=exif.tobytes()), **LIMITS)
    assert image.size == (20, 40)
    assert pixel(image, (10, 5))[:3] == (255, 0, 0)
    assert pixel(image, (10, 35))[:3] == (0, 0, 255)


def test_a_text_file_is_not_a_valid_image() -> None:
    with pytest.raises(
        ImageInputError, match=r"is not a valid image \(accepted: PNG, JPEG, WEBP, HEIC\)"
    ):
        load_image(b"name,price\nmug,12\n", **LIMITS)


def test_empty_upload_is_refused() -> None:
    with pytest.raises(ImageInputError, match="empty"):
        load_image(b"", **LIMITS)


def test_truncated_png_is_refused(coffee: Image.Image, to_bytes: Encoder) -> None:
    data = to_bytes(coffee)
    with pytest.raises(ImageInputError, match="truncated or corrupt PNG"):
        load_image(data[: len(data) // 2], **LIMITS)


def test_corrupt_jpeg_is_refused(coffee: Image.Image, to_bytes: Encoder) -> None:
    data = bytearray(to_bytes(coffee, "JPEG"))
    data[200:] = b"\x00" * (len(data) - 200)
    with pytest.raises(ImageInputError):
        load_image(bytes(data), **LIMITS)


def test_garbage_after_a_png_signature_is_refused() -> None:
    with pytest.raises(ImageInputError, match="header is corrupt"):
        load_image(b"\x89PNG\r\n\x1a\n" + b"\xff" * 100, **LIMITS)


def test_decompression_bomb_header_is_refused_without_allocating() -> None:
    bomb = png_with_header(50_000, 50_000)
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(ImageInputError, match=r"too large|MP"):
        load_image(bomb, **LIMITS)
    peak_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    assert peak_after - peak_before < 100 * 1024  # KiB: a decoded bomb would need 10 GB


def test_own_pixel_limit_applies_even_when_pillows_guard_is_off(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", None)
    with pytest.raises(ImageInputError, match=r"above the maximum of 36 MP"):
        load_image(
            png_with_header(50_000, 50_000), max_bytes=10**9, max_side=None, max_pixels=36_000_000
        )


def test_pillows_decompression_bomb_error_becomes_an_input_error(
    monkeypatch: pytest.MonkeyPatch, coffee: Image.Image, to_bytes: Encoder
) -> None:
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)
    with pytest.raises(ImageInputError, match="too large to decode safely"):
        load_image(to_bytes(coffee), max_bytes=10**9, max_side=None, max_pixels=10**9)


def test_widest_side_over_6000_px_is_refused(to_bytes: Encoder) -> None:
    too_wide = to_bytes(Image.new("RGB", (6001, 2), "white"))
    with pytest.raises(ImageInputError, match="6001x2 px; the widest side must be at most 6000 px"):
        load_image(too_wide, **LIMITS)


def test_side_limit_can_be_lifted(to_bytes: Encoder) -> None:
    image = load_image(
        to_bytes(Image.new("RGB", (6001, 2))), max_bytes=10**8, max_side=None, max_pixels=10**8
    )
    assert image.size == (6001, 2)


def test_upload_over_max_bytes_is_refused(coffee: Image.Image, to_bytes: Encoder) -> None:
    data = to_bytes(coffee)
    with pytest.raises(ImageInputError, match="above the maximum file size"):
        load_image(data, max_bytes=len(data) - 1, max_side=6000, max_pixels=36_000_000)


def test_heic_without_pillow_heif_says_so() -> None:
    heic = struct.pack(">I", 24) + b"ftypheic" + b"\x00\x00\x00\x00" + b"mif1heic" + b"\x00" * 64
    assert sniff_format(heic) == "HEIC"
    with pytest.raises(ImageInputError, match="HEIC not supported by the emulator"):
        load_image(heic, **LIMITS)


def test_avif_is_not_mistaken_for_heic() -> None:
    avif = struct.pack(">I", 24) + b"ftypavif" + b"\x00\x00\x00\x00" + b"mif1avif" + b"\x00" * 64
    assert sniff_format(avif) is None


def test_decoded_pixels_match_the_upload(coffee: Image.Image, to_bytes: Encoder) -> None:
    image = load_image(to_bytes(coffee), **LIMITS)
    assert np.array_equal(np.asarray(image)[..., :3], np.asarray(coffee))
