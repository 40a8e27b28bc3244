"""Rendering the /v2/edit canvas: background, subject placement, blur, shadows, outline."""

from __future__ import annotations

import numpy as np
import pytest
from numpy.typing import NDArray
from PIL import Image

from photoroom_emulator.adapter import layout_options, shadow_options
from photoroom_emulator.imaging import (
    Box,
    ComposeOptions,
    CroppedSides,
    ImagingError,
    OutlineOptions,
    Placement,
    ShadowOptions,
    compose,
    compute_layout,
)
from photoroom_emulator.imaging.compose import (
    FALLBACK_SHADOW,
    BlurOptions,
    ShadowStyle,
    render_shadow,
)

from .conftest import pixel

WHITE = (255, 255, 255, 255)
RED = (200, 30, 40)


def product() -> tuple[Image.Image, NDArray[np.float32]]:
    """A red box on a pale grey photo, and its exact mask."""
    image = Image.new("RGB", (300, 200), (235, 235, 235))
    image.paste(RED, (100, 50, 200, 150))
    alpha = np.zeros((200, 300), np.float32)
    alpha[50:150, 100:200] = 1.0
    return image, alpha


def placement_for(alpha: NDArray[np.float32], **params: object) -> Placement:
    return compute_layout(
        (alpha.shape[1], alpha.shape[0]),
        Box(100, 50, 200, 150),
        CroppedSides(),
        layout_options(params),
    )


def pixels(image: Image.Image) -> NDArray[np.uint8]:
    return np.asarray(image)


def test_cutout_on_a_colour_fills_the_canvas_and_keeps_the_subject() -> None:
    image, alpha = product()
    placement = placement_for(alpha, outputSize="400x400", padding=0.1)
    out = compose(image, alpha, placement, ComposeOptions(background_color=WHITE))
    assert out.size == (400, 400) and out.mode == "RGBA"
    for corner in [(0, 0), (399, 0), (0, 399), (399, 399)]:
        assert out.getpixel(corner) == WHITE
    # Subject scaled 3.2x into the central 320x320 box: its centre keeps the original colour.
    assert out.getpixel((200, 200)) == (*RED, 255)
    assert out.getpixel((20, 200)) == WHITE  # padding stays background


def test_without_background_colour_the_cutout_is_transparent_around_the_subject() -> None:
    image, alpha = product()
    out = compose(image, alpha, placement_for(alpha, outputSize="400x200"))
    assert pixel(out, (0, 0))[3] == 0  # the subject (scaled to 200x200) is centred
    assert out.getpixel((200, 100)) == (*RED, 255)


def test_keeping_the_background_keeps_the_original_pixels() -> None:
    image, alpha = product()
    placement = placement_for(alpha, referenceBox="originalImage")
    out = compose(image, None, placement, ComposeOptions(remove_background=False))
    assert out.size == image.size
    assert np.array_equal(pixels(out)[..., :3], pixels(image))


def test_keeping_the_background_fills_padding_with_the_colour() -> None:
    image, alpha = product()
    placement = placement_for(alpha, referenceBox="originalImage", outputSize="300x300")
    out = compose(
        image, None, placement, ComposeOptions(remove_background=False, background_color=WHITE)
    )
    assert out.getpixel((150, 10)) == WHITE  # band above the letterboxed photo
    assert out.getpixel((150, 150)) == (*RED, 255)


def test_background_image_fill_covers_and_fit_letterboxes() -> None:
    image, alpha = product()
    backdrop = Image.new("RGB", (100, 300), (20, 120, 220))
    placement = placement_for(alpha, referenceBox="originalImage")  # subject stays at 100..200
    filled = compose(image, alpha, placement, ComposeOptions(background_image=backdrop))
    assert filled.getpixel((0, 0)) == (20, 120, 220, 255)
    fitted = compose(
        image, alpha, placement, ComposeOptions(background_image=backdrop, background_scaling="fit")
    )
    assert pixel(fitted, (0, 0))[3] == 0
    assert fitted.getpixel((150, 5)) == (20, 120, 220, 255)


@pytest.mark.parametrize("mode", ["gaussian", "bokeh"])
def test_blur_softens_the_background_but_not_the_subject(mode: str) -> None:
    image, alpha = product()
    rng = np.random.default_rng(1)
    textured = np.asarray(image).copy()
    textured[alpha == 0] = rng.integers(0, 256, (int((alpha == 0).sum()), 3), dtype=np.uint8)
    photo = Image.fromarray(textured)
    placement = placement_for(alpha, referenceBox="originalImage")
    out = compose(
        photo,
        alpha,
        placement,
        ComposeOptions(remove_background=False, blur=BlurOptions(mode, 0.03)),  # type: ignore[arg-type]
    )
    result = pixels(out)[..., :3].astype(np.float32)
    assert result[alpha == 0].std() < 0.5 * textured[alpha == 0].astype(np.float32).std()
    assert np.array_equal(pixels(out)[60:140, 110:190, :3], textured[60:140, 110:190])


def test_blur_radius_outside_the_documented_range_is_refused() -> None:
    image, alpha = product()
    with pytest.raises(ImagingError, match=r"background\.blur\.radius"):
        compose(
            image,
            alpha,
            placement_for(alpha),
            ComposeOptions(remove_background=False, blur=BlurOptions("gaussian", 0.2)),
        )


def test_outline_surrounds_the_silhouette_in_its_colour() -> None:
    image, alpha = product()
    placement = placement_for(alpha, referenceBox="originalImage")  # subject stays at 100..200
    outline = OutlineOptions(color=(255, 200, 0, 255), width=0.02)
    out = compose(image, alpha, placement, ComposeOptions(background_color=WHITE, outline=outline))
    assert out.getpixel((96, 100)) == (255, 200, 0, 255)  # 4 px left of the subject: on the ring
    assert out.getpixel((80, 100)) == WHITE  # beyond the 6 px ring
    assert out.getpixel((150, 100)) == (*RED, 255)


def test_outline_width_out_of_range_is_refused() -> None:
    image, alpha = product()
    with pytest.raises(ImagingError, match=r"outline\.width"):
        compose(
            image,
            alpha,
            placement_for(alpha),
            ComposeOptions(outline=OutlineOptions((0, 0, 0, 255), width=0.5)),
        )


@pytest.mark.parametrize("mode", ["ai.soft", "ai.hard", "ai.floating", "ai.preset-soft"])
def test_every_shadow_mode_darkens_the_floor_below_the_subject(mode: str) -> None:
    image, alpha = product()
    placement = placement_for(alpha, outputSize="300x300", padding=0.2)
    plain = compose(image, alpha, placement, ComposeOptions(background_color=WHITE))
    shaded = compose(
        image, alpha, placement, ComposeOptions(background_color=WHITE, shadow=ShadowOptions(mode))
    )
    below = (slice(235, 260), slice(60, 240))  # just under the placed subject's base (y=240)
    difference = pixels(plain)[below][..., :3].astype(int) - pixels(shaded)[below][..., :3]
    assert difference.max() > 10  # visibly darker somewhere under the subject
    assert pixels(shaded)[150, 150, :3].tolist() == list(RED)  # subject untouched


def test_floating_shadow_leaves_a_gap_under_the_subject() -> None:
    _, alpha = product()
    shadow = render_shadow(alpha, ShadowStyle(floating=True, softness=0.1))
    gap, ground = shadow[152, 150], shadow[162, 150]
    assert ground > gap


def test_shadow_direction_override_moves_the_shadow() -> None:
    _, alpha = product()
    front = render_shadow(alpha, ShadowStyle(direction=180, spread=90, softness=0.1))
    right = render_shadow(alpha, ShadowStyle(direction=270, spread=90, softness=0.1))
    assert front[185, 150] > 0.2 and front[185, 150] > right[185, 150]
    assert right[140, 240] > front[140, 240]


def test_shadow_overrides_parse_named_and_numeric_values() -> None:
    options = shadow_options(
        {
            "shadow.mode": "ai.auto-with-overrides",
            "shadow.directionOverride": "frontRight",
            "shadow.spreadOverride": "long",
            "shadow.softnessOverride": "0.35",
            "shadow.intensityOverride": 1,
            "shadow.subjectPoseOverride": "flatlay",
        }
    )
    assert options is not None
    style = options.style()
    assert (style.direction, style.spread, style.softness, style.intensity, style.pose) == (
        225.0,
        90.0,
        0.35,
        1.0,
        0.0,
    )
    assert shadow_options({}) is None


def test_out_of_range_shadow_overrides_are_refused() -> None:
    with pytest.raises(ImagingError, match=r"^shadow\."):
        shadow_options({"shadow.mode": "ai.soft", "shadow.intensityOverride": 2})


def test_a_mode_or_named_override_without_an_entry_falls_back_instead_of_failing() -> None:
    """Values upstream may add (the spec validates them before this point): a new mode gets the
    neutral fallback shadow, a new named override the mode's own value."""
    options = shadow_options({"shadow.mode": "ai.dramatic"})
    assert options is not None and options.style() == FALLBACK_SHADOW
    named = shadow_options({"shadow.mode": "ai.soft", "shadow.directionOverride": "up"})
    assert named is not None and named.direction is None


def test_flat_lay_pose_drops_an_offset_shadow() -> None:
    _, alpha = product()
    shadow = render_shadow(alpha, ShadowStyle(direction=270, spread=45, softness=0.05, pose=0))
    assert shadow[100, 205] > shadow[100, 95]  # offset to the right of the subject


def test_removing_the_background_requires_a_mask() -> None:
    image, alpha = product()
    with pytest.raises(ValueError, match="mask is required"):
        compose(image, None, placement_for(alpha))


def test_subject_partly_outside_the_canvas_is_clipped_not_an_error() -> None:
    image, alpha = product()
    placement = placement_for(
        alpha, outputSize="100x100", scaling="fill", horizontalAlignment="left"
    )
    out = compose(image, alpha, placement, ComposeOptions(background_color=WHITE))
    assert out.size == (100, 100)
    assert out.getpixel((50, 50)) == (*RED, 255)
