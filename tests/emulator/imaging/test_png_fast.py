"""The PNG writer for large images (encode._fast_png): same pixels, mode, size and chunks as
Pillow's encoder would give, written with the Up filter at level 1 on every core, by ISA-L's
deflate where the ``isal`` package is installed and by zlib's where it is not."""

from __future__ import annotations

import io
import sys

import numpy as np
import pytest
from PIL import Image, ImageCms

from photoroom_emulator.imaging.encode import FAST_PNG_PIXELS, _deflate_module, _fast_png, encode

SIZE = (1300, 900)  # over FAST_PNG_PIXELS, so the fast writer is used


def _photo(mode: str) -> Image.Image:
    rng = np.random.default_rng(3)
    channels = {"L": 1, "LA": 2, "RGB": 3, "RGBA": 4}[mode]
    pixels = rng.integers(0, 256, (SIZE[1], SIZE[0], channels), dtype=np.uint8)
    if mode in ("LA", "RGBA"):
        pixels[..., -1] = 255
        pixels[:300, :, -1] = 0  # a transparent band, as a cut-out has
        pixels[300:310, :, -1] = 128
    return Image.fromarray(pixels.squeeze(), mode)


def _decode(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


@pytest.fixture(params=["isal", "zlib"])
def deflate(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Which deflate writes the stream: ISA-L's (skipped where not installed) or zlib's."""
    if request.param == "isal":
        pytest.importorskip("isal")
    else:
        monkeypatch.setitem(sys.modules, "isal", None)  # a platform without its wheel
    assert _deflate_module()[0].__name__.split(".")[0] == request.param
    return str(request.param)


@pytest.mark.parametrize("mode", ["RGBA", "RGB", "L", "LA"])
def test_large_pngs_keep_pixels_mode_and_size(mode: str, deflate: str) -> None:
    image = _photo(mode)
    assert image.width * image.height >= FAST_PNG_PIXELS
    assert _fast_png(image, None) is not None
    data, media_type = encode(image, "image/png")
    assert media_type == "image/png"
    back = _decode(data)
    assert back.mode == mode and back.size == image.size
    expected = np.asarray(image).copy()
    if mode == "RGBA":
        expected[expected[..., 3] == 0] = 0  # invisible colour cleared, as before
    assert np.array_equal(np.asarray(back), expected)


def test_dpi_and_icc_profile_are_written() -> None:
    image = _photo("RGBA")
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    image.info["icc_profile"] = profile
    back = _decode(encode(image, "image/png", dpi=300)[0])
    assert back.info["dpi"] == pytest.approx((300, 300), abs=0.01)
    assert back.info["icc_profile"] == profile


def test_small_images_still_go_through_pillow() -> None:
    assert _fast_png(Image.new("RGBA", (100, 100)), None) is None


def test_the_fast_writer_is_no_larger_than_pillow_at_level_3(deflate: str) -> None:
    image = _photo("RGBA")
    pillow = io.BytesIO()
    image.save(pillow, "PNG", compress_level=3)
    assert len(encode(image, "image/png")[0]) <= 1.1 * len(pillow.getvalue())
