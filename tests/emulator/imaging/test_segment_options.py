"""/v1/segment output options: size presets, crop, channels, bg_color, despill, validation."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from photoroom.spec import RemoveBackground
from photoroom_emulator.adapter import segment_options, size_pixels
from photoroom_emulator.imaging import ImagingError, Mask, SegmentOptions, render_segment_output
from photoroom_emulator.imaging.segment_options import despill, fit_megapixels

from .conftest import pixel


def photo_and_mask(size: tuple[int, int] = (400, 300)) -> tuple[Image.Image, Mask]:
    width, height = size
    image = Image.new("RGB", size, (240, 240, 240))
    box = (width // 4, height // 5, width // 2, height * 3 // 5)
    image.paste((30, 60, 200), box)
    alpha = np.zeros((height, width), np.float32)
    alpha[box[1] : box[3], box[0] : box[2]] = 1.0
    return image, Mask(alpha, uncertainty=0.1)


def test_default_output_is_the_rgba_cutout_at_full_size() -> None:
    image, mask = photo_and_mask()
    out = render_segment_output(image, mask, SegmentOptions())
    assert out.mode == "RGBA" and out.size == image.size
    assert pixel(out, (0, 0))[3] == 0
    assert out.getpixel((150, 100)) == (30, 60, 200, 255)


@pytest.mark.parametrize("preset", ["preview", "medium", "hd"])
def test_size_presets_bound_megapixels_and_keep_the_aspect_ratio(preset: str) -> None:
    large = Image.new("L", (3000, 2000))
    budget = size_pixels()[preset]
    out = fit_megapixels(large, budget)
    assert out.width * out.height <= budget
    assert out.width * out.height > 0.98 * budget
    assert out.width / out.height == pytest.approx(1.5, rel=0.01)


def test_size_preset_applies_to_the_segment_output() -> None:
    image, mask = photo_and_mask((1200, 800))
    out = render_segment_output(image, mask, SegmentOptions(max_pixels=size_pixels()["preview"]))
    assert out.size == (612, 408)  # 0.25 MP, 3:2


def test_size_presets_never_upscale() -> None:
    image, mask = photo_and_mask((400, 300))
    assert render_segment_output(
        image, mask, SegmentOptions(max_pixels=size_pixels()["hd"])
    ).size == (400, 300)
    assert fit_megapixels(image, 250_000).size == (400, 300)


def test_crop_keeps_only_the_cutouts_box() -> None:
    image, mask = photo_and_mask()
    out = render_segment_output(image, mask, SegmentOptions(crop=True))
    assert out.size == (100, 120)
    assert np.asarray(out)[..., 3].min() == 255


def test_alpha_channel_output_is_a_single_channel_mask() -> None:
    image, mask = photo_and_mask()
    out = render_segment_output(
        image, mask, SegmentOptions(channels="alpha", bg_color=(255, 0, 0, 255))
    )
    assert out.mode == "L" and out.size == image.size
    assert out.getpixel((0, 0)) == 0 and out.getpixel((150, 100)) == 255


def test_bg_color_fills_behind_the_cutout() -> None:
    image, mask = photo_and_mask()
    out = render_segment_output(image, mask, SegmentOptions(bg_color=(255, 0, 255, 255)))
    assert out.getpixel((0, 0)) == (255, 0, 255, 255)
    assert out.getpixel((150, 100)) == (30, 60, 200, 255)


def test_despill_neutralises_green_fringes_only() -> None:
    pixels = np.zeros((60, 60, 4), np.uint8)
    pixels[10:50, 10:50] = (120, 200, 110, 255)  # a greenish fringe colour everywhere
    pixels[..., 3] = 0
    pixels[10:50, 10:50, 3] = 255
    pixels[8:10, 10:50] = (90, 220, 80, 128)  # a half-transparent green edge
    cleaned = np.asarray(despill(Image.fromarray(pixels)))
    assert cleaned[9, 30, 1] == 90  # edge: green clamped to max(red, blue)
    assert cleaned[12, 30, 1] == 120  # just inside the edge band, clamped too
    assert cleaned[30, 30, 1] == 200  # the interior keeps its green


def test_options_are_read_from_form_values() -> None:
    form = {
        RemoveBackground.CHANNELS: "alpha",
        RemoveBackground.BG_COLOR: "#00FF00",
        RemoveBackground.SIZE: "medium",
        RemoveBackground.CROP: "true",
        RemoveBackground.DESPILL: "1",
    }
    assert segment_options(form) == SegmentOptions(
        channels="alpha",
        bg_color=(0, 255, 0, 255),
        max_pixels=size_pixels()["medium"],
        crop=True,
        despill=True,
    )
    largest = max(size_pixels().values())
    assert segment_options({}) == SegmentOptions(max_pixels=largest)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        (RemoveBackground.CHANNELS, "rgb"),
        (RemoveBackground.CROP, "perhaps"),
        (RemoveBackground.BG_COLOR, "nope"),
    ],
)
def test_invalid_form_values_name_the_field(field: str, value: str) -> None:
    with pytest.raises(ImagingError, match=rf"^{field}: "):
        segment_options({field: value})
