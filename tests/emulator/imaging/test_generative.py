"""Generative features, emulated: right sizes, deterministic, visibly labelled."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from photoroom.spec import EDIT_BY_UPLOAD, limits_of
from photoroom_emulator.imaging import CroppedSides, ImageInputError, ImagingError
from photoroom_emulator.imaging import generative as gen

from .conftest import pixel


def same(first: Image.Image, second: Image.Image) -> bool:
    return first.size == second.size and first.tobytes() == second.tobytes()


def product_shot(with_text: bool) -> Image.Image:
    image = Image.new("RGB", (600, 400), (245, 245, 245))
    draw = ImageDraw.Draw(image)
    draw.ellipse((220, 110, 380, 290), fill=(200, 40, 40))
    if with_text:
        draw.text(
            (40, 330), "SALE -50% TODAY", font=ImageFont.load_default(size=36), fill=(20, 20, 20)
        )
        draw.text((40, 30), "BRAND", font=ImageFont.load_default(size=30), fill=(20, 20, 160))
    return image


def cutout() -> Image.Image:
    image = Image.new("RGBA", (200, 300), (0, 0, 0, 0))
    ImageDraw.Draw(image).rounded_rectangle((40, 30, 160, 280), 20, fill=(30, 90, 200, 255))
    return image


def test_given_seed_is_reported_as_is() -> None:
    assert gen.seed_for("a beach", 123456) == 123456
    assert gen.seed_for(None, "42") == 42


def test_missing_seed_is_derived_from_the_prompt_reproducibly() -> None:
    seed = gen.seed_for("a beach", None)
    assert seed == gen.seed_for("a beach", None)
    assert seed != gen.seed_for("a forest", None)
    assert 0 <= seed < gen.SEED_MODULUS


def test_non_numeric_seed_is_refused() -> None:
    with pytest.raises(ImagingError, match="seed"):
        gen.seed_for("x", "lucky")


def test_ai_background_is_deterministic_and_sized() -> None:
    first = gen.generate_background((320, 200), "a beach", 7)
    assert first.size == (320, 200)
    assert same(first, gen.generate_background((320, 200), "a beach", 7))
    assert not same(first, gen.generate_background((320, 200), "a beach", 8))
    assert not same(first, gen.generate_background((320, 200), "snowy mountains", 7))


def test_emulated_results_carry_a_visible_label() -> None:
    bare = gen.emulated_background((320, 200), "a beach", 7)
    labelled = gen.generate_background((320, 200), "a beach", 7)
    difference = np.any(np.asarray(bare) != np.asarray(labelled.convert("RGB")), axis=-1)
    ys, xs = np.nonzero(difference)
    assert ys.size > 0 and ys.min() > 150 and xs.max() < 160  # bottom-left corner only


@pytest.mark.parametrize(("size", "pixels"), sorted(gen.IMAGE_FROM_PROMPT_SIZES.items()))
def test_image_from_prompt_has_the_preset_size(size: str, pixels: tuple[int, int]) -> None:
    assert gen.image_from_prompt("a red car", size, 1).size == pixels


def test_image_from_prompt_is_deterministic() -> None:
    assert same(gen.image_from_prompt("a mug", seed=3), gen.image_from_prompt("a mug", seed=3))
    assert gen.image_from_prompt("a mug", "HUGE").size == (1024, 1024)  # the fallback size


@pytest.mark.parametrize(("size", "pixels"), sorted(gen.SIZE_PRESETS.items()))
def test_flat_lay_and_ghost_mannequin_have_the_preset_size(
    size: str, pixels: tuple[int, int]
) -> None:
    assert gen.flat_lay(cutout(), size, seed=1).size == pixels
    assert gen.ghost_mannequin(cutout(), size, seed=1).size == pixels


@pytest.mark.parametrize(("quality", "scale"), [("standard", 1), ("advanced", 2), ("premium", 4)])
def test_virtual_model_quality_scales_the_preset(quality: str, scale: int) -> None:
    size = gen.preset_size("PORTRAIT_HD_16_9", quality)
    assert size == (576 * scale, 1024 * scale)


def test_virtual_model_renders_at_the_scaled_size() -> None:
    image = gen.virtual_model(cutout(), "LANDSCAPE_HD_16_9", "advanced", seed=5)
    assert image.size == (2048, 1152)


def test_virtual_model_is_deterministic_for_its_inputs() -> None:
    first = gen.virtual_model(cutout(), "SQUARE_HD", model="sam", scene="street", seed=1)
    assert same(
        first, gen.virtual_model(cutout(), "SQUARE_HD", model="sam", scene="street", seed=1)
    )
    assert not same(
        first, gen.virtual_model(cutout(), "SQUARE_HD", model="sam", scene="bedroom", seed=1)
    )


def test_a_size_preset_without_an_entry_takes_its_size_from_its_name() -> None:
    assert gen.flat_lay(cutout(), "SQUARE").size == (1024, 1024)
    assert gen.size_from_name("PORTRAIT_HD_2_1") == (512, 1024)
    assert gen.size_from_name("LANDSCAPE_5_4") == (1024, 819)


def test_text_is_detected_and_removed() -> None:
    image = product_shot(with_text=True)
    cleaned, count = gen.remove_text(image, "ai.all")
    assert count >= 2
    text_area = np.asarray(cleaned)[330:370, 40:340].astype(int)
    assert np.abs(text_area - 245).max() < 60  # the dark letters are gone
    assert cleaned.getpixel((300, 200)) == (200, 40, 40)  # the product is untouched


def test_a_photo_without_text_reports_none_and_is_unchanged() -> None:
    image = product_shot(with_text=False)
    cleaned, count = gen.remove_text(image, "ai.artificial")
    assert count == 0
    assert same(cleaned, image)


def test_handwriting_sample_has_text(text_image: Image.Image) -> None:
    assert gen.detect_text(text_image)[1] >= 2


def test_upscale_doubles_each_side() -> None:
    assert gen.upscale(Image.new("RGB", (300, 200)), "ai.fast").size == (600, 400)


def test_upscale_refuses_inputs_over_the_mode_limit_unless_told_to_downscale() -> None:
    large = Image.new("RGB", (1200, 1000))
    with pytest.raises(ImageInputError, match=r"ai\.fast accepts at most 1 MP"):
        gen.upscale(large, "ai.fast")
    shrunk = gen.upscale(large, "ai.slow", "always")
    assert shrunk.width * shrunk.height <= 4 * gen.UPSCALE_INPUT_PIXELS["ai.slow"]
    assert gen.upscale(large, "ai.slow", "skipUpscaleIfNotNeeded").size == (1200, 1000)


def test_upscale_output_is_bounded_by_the_api_limits() -> None:
    limits = limits_of(EDIT_BY_UPLOAD)
    wide = gen.upscale(
        Image.new("RGB", (4000, 200)),
        "ai.fast",
        max_side=limits.max_side,
        max_pixels=limits.max_pixels,
    )
    assert wide.width <= limits.max_side
    assert wide.width / wide.height == pytest.approx(20, rel=0.01)


def test_expand_fills_every_transparent_pixel_and_keeps_the_photo(coffee: Image.Image) -> None:
    canvas = Image.new("RGBA", (900, 500))
    canvas.paste(coffee, (150, 50))
    filled = gen.fill_transparent(canvas)
    assert filled.size == (900, 500)
    assert np.asarray(filled)[..., 3].min() == 255
    assert pixel(filled, (450, 250))[:3] == coffee.getpixel((300, 200))
    # The fill continues the photo's colours rather than leaving black or white.
    assert 40 < np.asarray(filled)[5:45, 300:600, :3].mean() < 220


def test_uncrop_extends_only_the_cropped_side(coffee: Image.Image) -> None:
    extended = gen.uncrop(coffee, CroppedSides(bottom=True))
    assert extended.size == (600, 480)
    assert extended.getpixel((300, 100)) == coffee.getpixel((300, 100))
    assert gen.uncrop(coffee, CroppedSides()).size == (840, 560)


def test_photo_edits_keep_size_and_are_deterministic(coffee: Image.Image) -> None:
    edits: tuple[Callable[[], Image.Image], ...] = (
        lambda: gen.relight(coffee, "ai.auto"),
        lambda: gen.beautify(coffee, "ai.food", seed=3),
        lambda: gen.edit_with_ai(coffee, "make the cup blue", seed=9),
        lambda: gen.iron(coffee),
    )
    for edit in edits:
        first, second = edit(), edit()
        assert first.size == coffee.size
        assert same(first, second)
        assert not same(first.convert("RGB"), coffee)


def test_edit_with_ai_depends_on_the_prompt(coffee: Image.Image) -> None:
    assert not same(
        gen.edit_with_ai(coffee, "make it blue", seed=1),
        gen.edit_with_ai(coffee, "make it red", seed=1),
    )


@pytest.mark.parametrize(
    ("call", "parameter"),
    [
        (lambda image: gen.edit_with_ai(image, ""), "editWithAI.prompt"),
    ],
)
def test_an_empty_prompt_is_refused_naming_the_parameter(
    call: Callable[[Image.Image], object], parameter: str
) -> None:
    with pytest.raises(ImagingError, match=parameter.replace(".", r"\.")):
        call(Image.new("RGB", (40, 30)))


def test_relight_keeps_transparency() -> None:
    relit = gen.relight(cutout())
    assert relit.mode == "RGBA"
    assert pixel(relit, (0, 0))[3] == 0


@pytest.mark.parametrize(
    "call",
    [
        lambda image: gen.relight(image, "ai.sunny"),
        lambda image: gen.beautify(image, "ai.pets"),
        lambda image: gen.remove_text(image, "ai.some"),
        lambda image: gen.upscale(image, "ai.turbo"),
    ],
)
def test_a_mode_without_dedicated_behaviour_is_handled_by_the_fallback(
    call: Callable[[Image.Image], object],
) -> None:
    """The spec validates modes before the imaging runs; one upstream adds is not refused here."""
    assert call(Image.new("RGB", (40, 30))) is not None
