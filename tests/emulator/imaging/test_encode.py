"""Encoding results: formats, content types, dpi, JPEG flattening, sandbox watermark."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image, features

from photoroom_emulator.imaging import ImagingError, encode, supported_formats, watermark

from .conftest import pixel


def half_transparent() -> Image.Image:
    image = Image.new("RGBA", (64, 48), (200, 30, 30, 255))
    image.paste((0, 0, 0, 0), (0, 0, 32, 48))
    return image


def reopen(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


@pytest.mark.parametrize(
    ("name", "pillow_format", "content_type"),
    [
        ("png", "PNG", "image/png"),
        ("jpeg", "JPEG", "image/jpeg"),
        ("jpg", "JPEG", "image/jpeg"),
        ("webp", "WEBP", "image/webp"),
        ("JPG", "JPEG", "image/jpeg"),
    ],
)
def test_each_format_round_trips(name: str, pillow_format: str, content_type: str) -> None:
    data, mime = encode(half_transparent(), name)
    assert mime == content_type
    image = reopen(data)
    assert image.format == pillow_format
    assert image.size == (64, 48)


def test_png_is_the_default_and_keeps_alpha() -> None:
    data, mime = encode(half_transparent())
    assert mime == "image/png"
    assert reopen(data).getpixel((0, 0)) == (0, 0, 0, 0)


def test_webp_keeps_alpha() -> None:
    data, _ = encode(half_transparent(), "webp")
    image = reopen(data)
    assert image.mode == "RGBA"
    assert pixel(image, (2, 2))[3] == 0


def test_jpeg_flattens_transparency_onto_white() -> None:
    data, _ = encode(half_transparent(), "jpeg")
    image = reopen(data)
    assert image.mode == "RGB"
    assert all(channel > 245 for channel in pixel(image, (4, 24)))
    red, green, _ = pixel(image, (60, 24))
    assert red > 170 and green < 70


def test_avif_follows_pillows_codec_support() -> None:
    if features.check("avif"):
        data, mime = encode(half_transparent(), "avif")
        assert mime == "image/avif"
        assert reopen(data).format == "AVIF"
        assert "avif" in supported_formats()
    else:
        with pytest.raises(ImagingError):
            encode(half_transparent(), "avif")


@pytest.mark.parametrize("name", ["png", "jpeg"])
def test_dpi_is_written_in_the_native_field(name: str) -> None:
    data, _ = encode(half_transparent(), name, dpi=300)
    dpi = reopen(data).info["dpi"]
    assert round(dpi[0]) == 300 and round(dpi[1]) == 300


def test_dpi_is_written_as_exif_resolution_in_webp() -> None:
    data, _ = encode(half_transparent(), "webp", dpi=144)
    exif = reopen(data).getexif()
    assert float(exif[0x011A]) == 144 and float(exif[0x011B]) == 144 and exif[0x0128] == 2


def test_quality_override_changes_jpeg_size(coffee: Image.Image) -> None:
    small, _ = encode(coffee, "jpeg", quality=20)
    default, _ = encode(coffee, "jpeg")
    assert len(small) < len(default)


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ImagingError, match=r"export\.format: 'gif' is not supported"):
        encode(half_transparent(), "gif")


def test_watermark_changes_pixels_but_not_size_or_mode(coffee: Image.Image) -> None:
    marked = watermark(coffee)
    assert marked.size == coffee.size and marked.mode == "RGB"
    changed = np.any(np.asarray(marked) != np.asarray(coffee), axis=-1)
    assert 0.02 < changed.mean() < 0.6  # visible all over, yet the photo still shows


@pytest.mark.parametrize("color", ["white", "black"])
def test_watermark_shows_on_plain_white_and_black(color: str) -> None:
    plain = Image.new("RGB", (300, 200), color)
    assert np.any(np.asarray(watermark(plain)) != np.asarray(plain))


def test_watermark_keeps_transparency_of_cutouts() -> None:
    marked = watermark(half_transparent())
    assert marked.mode == "RGBA"
    assert np.asarray(marked)[..., 3].min() < 255
