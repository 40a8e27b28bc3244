"""Encoding results: formats, content types, dpi, JPEG flattening, sandbox watermark."""

from __future__ import annotations

import io
import warnings

import numpy as np
import pytest
from PIL import Image, features

from photoroom.spec import operations
from photoroom_emulator.imaging import ImagingError, encode, watermark
from photoroom_emulator.imaging.encode import ENCODER_BEHAVIOUR, pillow_format

from .conftest import pixel


def half_transparent() -> Image.Image:
    image = Image.new("RGBA", (64, 48), (200, 30, 30, 255))
    image.paste((0, 0, 0, 0), (0, 0, 32, 48))
    return image


def reopen(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


SPEC_MEDIA_TYPES = {
    value: media_type
    for op in operations().values()
    for value, media_type in op.media_types.items()
}


@pytest.mark.parametrize(("value", "media_type"), sorted(SPEC_MEDIA_TYPES.items()))
def test_every_format_of_the_spec_round_trips(value: str, media_type: str) -> None:
    if pillow_format(media_type) is None:
        pytest.skip(f"this Pillow build cannot write {media_type}")  # e.g. AVIF without codec
    data, mime = encode(half_transparent(), media_type)
    assert mime == media_type
    image = reopen(data)
    assert Image.MIME[image.format] == media_type
    assert image.size == (64, 48)


def test_the_behaviour_table_names_real_media_types_and_lists_what_falls_back() -> None:
    """Formats of the spec without a dedicated entry are written by Pillow's encoder of that
    name (the documented fallback, exercised by the round trip above). A warning keeps that gap
    visible without failing an additive upstream update."""
    assert all(media_type.startswith("image/") for media_type in ENCODER_BEHAVIOUR)
    fallback = sorted(set(SPEC_MEDIA_TYPES.values()) - set(ENCODER_BEHAVIOUR))
    if fallback:
        warnings.warn(
            f"no dedicated encoder behaviour for {fallback} (Pillow's used)", stacklevel=1
        )


def test_a_media_type_without_a_dedicated_entry_falls_back_to_pillow() -> None:
    data, mime = encode(half_transparent(), "image/gif")
    assert mime == "image/gif"
    assert reopen(data).format == "GIF"


def test_png_is_the_default_and_keeps_alpha() -> None:
    data, mime = encode(half_transparent())
    assert mime == "image/png"
    assert reopen(data).getpixel((0, 0)) == (0, 0, 0, 0)


def test_webp_keeps_alpha() -> None:
    data, _ = encode(half_transparent(), "image/webp")
    image = reopen(data)
    assert image.mode == "RGBA"
    assert pixel(image, (2, 2))[3] == 0


def test_jpeg_flattens_transparency_onto_white() -> None:
    data, _ = encode(half_transparent(), "image/jpeg")
    image = reopen(data)
    assert image.mode == "RGB"
    assert all(channel > 245 for channel in pixel(image, (4, 24)))
    red, green, _ = pixel(image, (60, 24))
    assert red > 170 and green < 70


def test_avif_follows_pillows_codec_support() -> None:
    if features.check("avif"):
        data, mime = encode(half_transparent(), "image/avif")
        assert mime == "image/avif"
        assert reopen(data).format == "AVIF"
    else:
        with pytest.raises(ImagingError):
            encode(half_transparent(), "image/avif")


@pytest.mark.parametrize("name", ["image/png", "image/jpeg"])
def test_dpi_is_written_in_the_native_field(name: str) -> None:
    data, _ = encode(half_transparent(), name, dpi=300)
    dpi = reopen(data).info["dpi"]
    assert round(dpi[0]) == 300 and round(dpi[1]) == 300


def test_dpi_is_written_as_exif_resolution_in_webp() -> None:
    data, _ = encode(half_transparent(), "image/webp", dpi=144)
    exif = reopen(data).getexif()
    assert float(exif[0x011A]) == 144 and float(exif[0x011B]) == 144 and exif[0x0128] == 2


def test_quality_override_changes_jpeg_size(coffee: Image.Image) -> None:
    small, _ = encode(coffee, "image/jpeg", quality=20)
    default, _ = encode(coffee, "image/jpeg")
    assert len(small) < len(default)


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ImagingError, match="cannot be written"):
        encode(half_transparent(), "image/x-no-such-format")


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


@pytest.mark.parametrize("size", [(1, 1), (2, 2), (1, 4), (4, 1)])
def test_tiny_transparent_images_encode(size: tuple[int, int]) -> None:
    """Fuzzing found maxHeight=1 answered 500: OpenCV took a 1x1 alpha for a scalar."""
    data, mime = encode(Image.new("RGBA", size, (10, 20, 30, 0)))
    assert mime == "image/png" and reopen(data).size == size
