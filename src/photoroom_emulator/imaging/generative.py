"""Deterministic stand-ins for the generative features of ``/v2/edit``.

The real features run diffusion models; the emulator cannot, so each function returns an image of
the size the real feature would return, visibly marked "EMULATED", and depending only on its
inputs (image, prompt, seed): the same request always gets the same bytes, which is what tests of
client code need. Classical operations stand in where one exists (Lanczos for upscaling,
``cv2.inpaint`` for text removal, CLAHE for relighting, a pull-push fill for expanding, a blurred
mirror for uncropping).

Size presets: the spec names them, the docs give no pixels. These follow the convention of the
image-generation services that use the same names ("HD" = 1024 px on the longer side):

- ``flatLay.size`` / ``ghostMannequin.size`` / ``virtualModel.size`` (:data:`SIZE_PRESETS`):
  SQUARE_HD 1024x1024, PORTRAIT_HD_16_9 576x1024, PORTRAIT_HD_4_3 768x1024,
  PORTRAIT_HD_3_2 683x1024, and the LANDSCAPE_HD_* transposes (1024x576, 1024x768, 1024x683).
- ``imageFromPrompt.size`` (:data:`IMAGE_FROM_PROMPT_SIZES`): SQUARE_HD 1024x1024,
  PORTRAIT_16_9 576x1024, PORTRAIT_4_3 768x1024, LANDSCAPE_16_9 1024x576, LANDSCAPE_4_3 1024x768.

``virtualModel.quality`` multiplies the preset: standard x1 (~1K), advanced x2 (~2K), premium x4
(~4K), as the spec describes.
"""

from __future__ import annotations

import colorsys
import hashlib
import math
import re
from functools import lru_cache
from typing import Final

import numpy as np
from numpy.typing import NDArray
from PIL import Image, ImageDraw, ImageEnhance, ImageFilter, ImageFont, ImageOps

from .errors import ImageInputError, ImagingError
from .layout import CroppedSides

SIZE_PRESETS: Final[dict[str, tuple[int, int]]] = {
    "SQUARE_HD": (1024, 1024),
    "PORTRAIT_HD_16_9": (576, 1024),
    "PORTRAIT_HD_4_3": (768, 1024),
    "PORTRAIT_HD_3_2": (683, 1024),
    "LANDSCAPE_HD_3_2": (1024, 683),
    "LANDSCAPE_HD_4_3": (1024, 768),
    "LANDSCAPE_HD_16_9": (1024, 576),
}
IMAGE_FROM_PROMPT_SIZES: Final[dict[str, tuple[int, int]]] = {
    "SQUARE_HD": (1024, 1024),
    "PORTRAIT_16_9": (576, 1024),
    "PORTRAIT_4_3": (768, 1024),
    "LANDSCAPE_16_9": (1024, 576),
    "LANDSCAPE_4_3": (1024, 768),
}
QUALITY_SCALE: Final = {"standard": 1, "advanced": 2, "premium": 4}

# Input limits of AI Upscale per mode (spec: upscale.mode).
UPSCALE_INPUT_PIXELS: Final = {"ai.fast": 1_000_000, "ai.slow": 262_144}
UPSCALE_FACTOR: Final = 2  # "up to 4 times its original size": 4x the pixels, 2x each side

LABEL: Final = "EMULATED"
SEED_MODULUS: Final = 1_000_000_000


# --- seeds and labels --------------------------------------------------------------------------


def seed_for(prompt: str | None, seed: float | int | str | None, *, salt: str = "") -> int:
    """The seed to use and report in ``pr-ai-background-seed``.

    A given seed is used as is (the real API echoes it). Without one the real API draws a random
    seed; the emulator derives it from the prompt (and ``salt``, e.g. the feature name) so repeated
    requests stay reproducible.
    """
    if seed is not None and seed != "":
        try:
            return int(float(seed))
        except (TypeError, ValueError, OverflowError) as exc:
            raise ImagingError(f"seed: {seed!r} must be a number.") from exc
    digest = hashlib.sha256(f"{salt}\x00{prompt or ''}".encode()).digest()
    return int.from_bytes(digest[:8], "big") % SEED_MODULUS


def _rng(*parts: object) -> np.random.Generator:
    """A generator determined by ``parts`` (strings or numbers)."""
    digest = hashlib.sha256("\x00".join(map(str, parts)).encode()).digest()
    return np.random.default_rng(int.from_bytes(digest[:8], "big"))


def add_label(image: Image.Image, text: str = LABEL) -> Image.Image:
    """Stamp a small "EMULATED" tag in the bottom-left corner, on a translucent dark box."""
    base = image.convert("RGBA")
    width, height = base.size
    size = max(8, min(width, height) // 40)
    font = _font(size)
    overlay = Image.new("RGBA", base.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    margin = max(2, size // 2)
    left, top, right, bottom = draw.textbbox((0, 0), text, font=font)
    x, y = margin, height - margin - (bottom - top) - margin
    draw.rectangle(
        (
            x - margin // 2,
            y - margin // 2,
            x + right - left + margin // 2,
            y + bottom + margin // 2,
        ),
        fill=(0, 0, 0, 110),
    )
    draw.text((x - left, y), text, font=font, fill=(255, 255, 255, 220))
    labelled = Image.alpha_composite(base, overlay)
    return labelled if image.mode == "RGBA" else labelled.convert(image.mode)


@lru_cache(maxsize=16)
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


# --- backgrounds and whole images from prompts --------------------------------------------------


def emulated_background(size: tuple[int, int], prompt: str | None, seed: int) -> Image.Image:
    """A smooth, prompt-coloured backdrop: a vertical studio gradient under soft colour clouds.

    Colours come from a hash of (prompt, seed): same inputs, same picture; a different seed shifts
    the palette, as a different seed changes a real generation.
    """
    import cv2

    width, height = size
    rng = _rng("background", prompt or "", seed)
    hue = rng.random()
    palette = [
        colorsys.hls_to_rgb(
            (hue + rng.normal(0, 0.06)) % 1.0, rng.uniform(0.35, 0.85), rng.uniform(0.25, 0.7)
        )
        for _ in range(4)
    ]
    grid = np.array(
        [[palette[rng.integers(0, 4)] for _ in range(5)] for _ in range(5)], dtype=np.float32
    )
    clouds = cv2.resize(grid, (width, height), interpolation=cv2.INTER_CUBIC)
    ramp = np.linspace(1.08, 0.82, height, dtype=np.float32)[:, None, None]
    pixels = np.clip(clouds * ramp, 0.0, 1.0) * 255.0
    return Image.fromarray(np.rint(pixels).astype(np.uint8))


def generate_background(size: tuple[int, int], prompt: str | None, seed: int) -> Image.Image:
    """``background.prompt``: the emulated backdrop, labelled."""
    return add_label(emulated_background(size, prompt, seed))


def image_from_prompt_size(size: str | None) -> tuple[int, int]:
    """Pixels of an ``imageFromPrompt.size`` preset (the spec states no default: SQUARE_HD)."""
    return IMAGE_FROM_PROMPT_SIZES.get(size or "SQUARE_HD") or size_from_name(size or "")


def image_from_prompt(prompt: str, size: str | None = None, seed: int | None = None) -> Image.Image:
    """``imageFromPrompt.*``: a labelled backdrop with a prompt-coloured "subject" disc."""
    chosen = seed_for(prompt, seed, salt="imageFromPrompt")
    width, height = image_from_prompt_size(size)
    image = emulated_background((width, height), prompt, chosen)
    rng = _rng("subject", prompt, chosen)
    draw = ImageDraw.Draw(image)
    radius = min(width, height) * rng.uniform(0.15, 0.3)
    cx, cy = width * rng.uniform(0.35, 0.65), height * rng.uniform(0.4, 0.65)
    color = tuple(int(v) for v in rng.integers(20, 235, 3))
    draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), fill=color)
    return add_label(image)


# --- edits of the whole photo ------------------------------------------------------------------


def relight(image: Image.Image, mode: str = "ai.auto") -> Image.Image:
    """``lighting.mode``: local contrast equalisation (CLAHE) on lightness.

    ``ai.preserve-hue-and-saturation`` touches lightness only; ``ai.auto`` also lifts saturation a
    little; ``ai.optimize-portrait`` uses a gentler clip so skin is not over-contrasted.
    """
    import cv2

    alpha = image.getchannel("A") if image.mode == "RGBA" else None
    rgb = np.asarray(image.convert("RGB"))
    lab = cv2.cvtColor(rgb, cv2.COLOR_RGB2LAB)
    clip = 1.2 if mode == "ai.optimize-portrait" else 2.0
    clahe = cv2.createCLAHE(clipLimit=clip, tileGridSize=(8, 8))
    lab[..., 0] = clahe.apply(np.ascontiguousarray(lab[..., 0]))
    result = Image.fromarray(cv2.cvtColor(lab, cv2.COLOR_LAB2RGB))
    if mode == "ai.auto":
        result = ImageEnhance.Color(result).enhance(1.1)
    if alpha is not None:
        result.putalpha(alpha)
    return result


def beautify(image: Image.Image, mode: str = "ai.auto", seed: int | None = None) -> Image.Image:
    """``beautify.mode``: a packshot-style polish (contrast, colour, sharpness), labelled.

    ``ai.food`` warms and saturates more, ``ai.car`` adds contrast; ``seed`` nudges the strength so
    different seeds give (slightly) different results, as the real feature's seed does.
    """
    nudge = 0.05 * _rng("beautify", seed or 0).random()
    # (saturation, contrast) per mode; a mode with no entry (one upstream adds) gets ai.auto's.
    styles = {"ai.auto": (1.1, 1.08), "ai.food": (1.25, 1.05), "ai.car": (1.05, 1.18)}
    saturation, contrast = (value + nudge for value in styles.get(mode, styles["ai.auto"]))
    alpha = image.getchannel("A") if image.mode == "RGBA" else None
    result = image.convert("RGB")
    result = ImageEnhance.Contrast(result).enhance(contrast)
    result = ImageEnhance.Color(result).enhance(saturation)
    result = result.filter(ImageFilter.UnsharpMask(radius=2, percent=60, threshold=3))
    if alpha is not None:
        result.putalpha(alpha)
    return add_label(result)


def iron(image: Image.Image) -> Image.Image:
    """``ironing.mode``: smooth creases with an edge-preserving (bilateral) filter."""
    import cv2

    alpha = image.getchannel("A") if image.mode == "RGBA" else None
    rgb = np.asarray(image.convert("RGB"))
    result = Image.fromarray(cv2.bilateralFilter(rgb, 9, 40, 9))
    if alpha is not None:
        result.putalpha(alpha)
    return add_label(result)


def edit_with_ai(image: Image.Image, prompt: str, seed: int | None = None) -> Image.Image:
    """``editWithAI`` / ``describeAnyChange``: the photo with a prompt-derived grade, labelled.

    Nothing in the picture is really changed; the grade proves the prompt and seed reached the
    pipeline, and the label says so.
    """
    if not prompt:
        raise ImagingError("editWithAI.prompt: must not be empty.")
    chosen = seed_for(prompt, seed, salt="editWithAI")
    rng = _rng("edit", prompt, chosen)
    tint = np.array(colorsys.hls_to_rgb(rng.random(), 0.5, 0.8), dtype=np.float32)
    alpha = image.getchannel("A") if image.mode == "RGBA" else None
    rgb = np.asarray(image.convert("RGB"), dtype=np.float32) / 255.0
    graded = rgb * 0.85 + tint * 0.15
    result = Image.fromarray(np.rint(np.clip(graded, 0, 1) * 255).astype(np.uint8))
    if alpha is not None:
        result.putalpha(alpha)
    return add_label(result)


# --- text removal ------------------------------------------------------------------------------


def detect_text(image: Image.Image) -> tuple[NDArray[np.bool_], int]:
    """Find text-like strokes: thin, high-contrast marks grouped into word-shaped regions.

    Returns the stroke mask and the number of regions (what ``pr-texts-detected`` reports).
    A black-hat filter keeps dark marks thinner than a letter, a top-hat filter light ones; each
    polarity is grouped along lines into words, and a word must have several glyphs with a
    plausible ink density. Where a dark and a light word overlap (the gaps between dark letters
    look like light strokes), the sparser one is the ink. Object edges do not respond to these
    filters, so plain product shots report no text.
    """
    import cv2

    grey = np.asarray(image.convert("L"))
    size = max(9, (min(grey.shape) // 20) | 1)
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (size, size))
    candidates: list[tuple[NDArray[np.bool_], tuple[int, int, int, int], float]] = []
    for operation in (cv2.MORPH_BLACKHAT, cv2.MORPH_TOPHAT):
        response = np.asarray(cv2.morphologyEx(grey, operation, kernel), dtype=np.uint8)
        level, _ = cv2.threshold(response, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
        candidates += _words(response > max(40.0, level), size)

    kept: list[tuple[NDArray[np.bool_], tuple[int, int, int, int], float]] = []
    for word in sorted(candidates, key=lambda item: item[2]):  # sparsest (most ink-like) first
        if not any(_overlap(word[1], other[1]) > 0.3 for other in kept):
            kept.append(word)
    strokes = np.zeros(grey.shape, bool)
    for mask, _, _ in kept:
        strokes |= mask
    return strokes, len(kept)


def _words(
    strokes: NDArray[np.bool_], size: int
) -> list[tuple[NDArray[np.bool_], tuple[int, int, int, int], float]]:
    """Word-shaped groups of strokes: (their stroke mask, box x0 y0 x1 y1, ink density)."""
    import cv2

    height = strokes.shape[0]
    join = cv2.getStructuringElement(cv2.MORPH_RECT, (size, max(3, size // 3)))
    words = cv2.morphologyEx(strokes.astype(np.uint8), cv2.MORPH_CLOSE, join)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(words, connectivity=8)
    glyph_count, glyphs, glyph_stats, _ = cv2.connectedComponentsWithStats(
        strokes.astype(np.uint8), connectivity=8
    )

    word_of_stroke = labels[strokes].astype(np.int64)
    stroke_pixels = np.bincount(word_of_stroke, minlength=count)
    pairs = np.unique(word_of_stroke * glyph_count + glyphs[strokes])
    pair_words, pair_glyphs = pairs // glyph_count, pairs % glyph_count
    letters = np.bincount(pair_words, minlength=count)

    widths, heights = stats[:, cv2.CC_STAT_WIDTH], stats[:, cv2.CC_STAT_HEIGHT]
    density = stroke_pixels / np.maximum(1, widths * heights)
    keep = (
        (heights >= 6)
        & (heights <= 0.2 * height)  # a line of text, not a texture
        & (widths >= 1.2 * heights)  # words run sideways
        & (stroke_pixels >= 30)
        & (letters >= 3)  # a word has several glyphs; a scratch or a reflection has one
        & (density >= 0.08)
        & (density <= 0.6)
    )
    keep[0] = False
    found = []
    for index in np.flatnonzero(keep):
        # Letters fill most of their line's height; specks of texture grouped together do not.
        glyph_heights = glyph_stats[pair_glyphs[pair_words == index], cv2.CC_STAT_HEIGHT]
        if np.median(glyph_heights) < 0.4 * heights[index]:
            continue
        x, y, w, h = (int(v) for v in stats[index, :4])
        found.append((strokes & (labels == index), (x, y, x + w, y + h), float(density[index])))
    return found


def _overlap(first: tuple[int, int, int, int], second: tuple[int, int, int, int]) -> float:
    """Intersection over the smaller box's area."""
    width = min(first[2], second[2]) - max(first[0], second[0])
    height = min(first[3], second[3]) - max(first[1], second[1])
    if width <= 0 or height <= 0:
        return 0.0
    smaller = min(
        (first[2] - first[0]) * (first[3] - first[1]),
        (second[2] - second[0]) * (second[3] - second[1]),
    )
    return width * height / max(1, smaller)


def remove_text(image: Image.Image, mode: str = "ai.all") -> tuple[Image.Image, int]:
    """``textRemoval.mode``: inpaint detected text; returns the image and the region count.

    The emulator cannot tell artificial from natural text, so all modes remove whatever looks like
    text. Inpainting runs at up to 1 MP and is pasted back only where the text was.
    """
    import cv2

    strokes, regions = detect_text(image)
    if regions == 0:
        return image.copy(), 0
    alpha = image.getchannel("A") if image.mode == "RGBA" else None
    rgb = np.asarray(image.convert("RGB"))
    height, width = strokes.shape
    grow = max(3, min(width, height) // 150)
    mask = cv2.dilate(strokes.astype(np.uint8) * 255, np.ones((grow, grow), np.uint8))

    factor = min(1.0, math.sqrt(1_000_000 / (width * height)))
    if factor < 1:
        small_size = (round(width * factor), round(height * factor))
        small = cv2.resize(rgb, small_size, interpolation=cv2.INTER_AREA)
        small_mask = cv2.resize(mask, small_size, interpolation=cv2.INTER_NEAREST)
        filled = cv2.inpaint(small, small_mask, 5, cv2.INPAINT_TELEA)
        filled = cv2.resize(filled, (width, height), interpolation=cv2.INTER_CUBIC)
    else:
        filled = cv2.inpaint(rgb, mask, 5, cv2.INPAINT_TELEA)
    result = np.where(mask[..., None] > 0, filled, rgb).astype(np.uint8)
    out = Image.fromarray(result)
    if alpha is not None:
        out.putalpha(alpha)
    return out, regions


# --- size changes ------------------------------------------------------------------------------


def upscale(
    image: Image.Image,
    mode: str = "ai.fast",
    downscale_if_needed: str | None = None,
    *,
    max_side: int | None = None,
    max_pixels: int | None = None,
) -> Image.Image:
    """``upscale.mode``: Lanczos x2 per side (4x the pixels), bounded to the caller's largest
    output (``max_side`` on a side, ``max_pixels`` in all; ``None``: unbounded).

    Inputs over the mode's limit (1 MP fast, 0.26 MP slow) are refused with ``never`` (the
    default), shrunk to the limit first with ``always``, and with ``skipUpscaleIfNotNeeded`` shrunk
    only if the x2 result still reaches the original size, else returned unchanged.
    """
    # A mode upstream adds gets the most permissive limit of the known ones.
    limit = UPSCALE_INPUT_PIXELS.get(mode, max(UPSCALE_INPUT_PIXELS.values()))
    width, height = image.size
    source = image
    if width * height > limit:
        if downscale_if_needed in (None, "never"):  # not sent: never (no server default)
            raise ImageInputError(
                f"the image to upscale is {width}x{height} px ({width * height / 1e6:.2f} MP); "
                f"upscale {mode} accepts at most {limit / 1e6:g} MP "
                "(set upscale.downscaleIfNeeded)."
            )
        factor = math.sqrt(limit / (width * height))
        if downscale_if_needed == "skipUpscaleIfNotNeeded" and factor * UPSCALE_FACTOR < 1:
            return image.copy()
        source = image.resize(
            (max(1, math.floor(width * factor)), max(1, math.floor(height * factor))),
            Image.Resampling.LANCZOS,
        )
    target_w, target_h = source.width * UPSCALE_FACTOR, source.height * UPSCALE_FACTOR
    bound = min(
        1.0,
        (max_side or math.inf) / max(target_w, target_h),
        math.sqrt((max_pixels or math.inf) / (target_w * target_h)),
    )
    size = (max(1, math.floor(target_w * bound)), max(1, math.floor(target_h * bound)))
    return source.resize(size, Image.Resampling.LANCZOS)


def fill_transparent(image: Image.Image) -> Image.Image:
    """``expand.mode``: fill transparent pixels from the surrounding content.

    A pull-push fill: halve the image with alpha-weighted averaging until every pixel is covered,
    then bring the coarse colours back up, keeping the original pixels where they were opaque. The
    result continues the photo's colours smoothly into the empty area, like a blurred extension.
    """

    rgba = np.asarray(image.convert("RGBA"), dtype=np.float32) / 255.0
    alpha = rgba[..., 3:4]
    if float(alpha.min()) >= 1.0 or float(alpha.max()) <= 0.0:
        return image.convert("RGBA").copy()

    height, width = alpha.shape[:2]
    # The fill is smooth, so it is computed on at most ~2 MP and upscaled.
    factor = min(1.0, math.sqrt(2_000_000 / (width * height)))
    colour, weight = rgba[..., :3] * alpha, alpha
    if factor < 1:
        size = (max(1, round(width * factor)), max(1, round(height * factor)))
        colour = _shrink(colour, size)
        weight = _shrink(weight, size)

    levels: list[tuple[NDArray[np.float32], NDArray[np.float32]]] = []
    while True:
        levels.append((colour, weight))
        if float(weight.min()) > 0 or colour.shape[:2] == (1, 1):
            break
        size = (max(1, colour.shape[1] // 2), max(1, colour.shape[0] // 2))
        colour, weight = _shrink(colour, size), _shrink(weight, size)
    filled = colour / np.maximum(weight, 1e-6)
    for colour, weight in reversed(levels[:-1]):
        up = _grow(filled, (colour.shape[1], colour.shape[0]))
        known = np.clip(weight, 0.0, 1.0)
        filled = colour / np.maximum(weight, 1e-6) * known + up * (1 - known)
    if filled.shape[:2] != (height, width):
        filled = _grow(filled, (width, height))
    result = rgba[..., :3] * alpha + filled * (1 - alpha)
    pixels = np.dstack([result, np.ones_like(alpha)])
    return add_label(Image.fromarray(np.rint(np.clip(pixels, 0, 1) * 255).astype(np.uint8)))


def _shrink(values: NDArray[np.float32], size: tuple[int, int]) -> NDArray[np.float32]:
    import cv2

    channels = values.shape[2]
    out = cv2.resize(values, size, interpolation=cv2.INTER_AREA)
    return np.asarray(out, dtype=np.float32).reshape(size[1], size[0], channels)


def _grow(values: NDArray[np.float32], size: tuple[int, int]) -> NDArray[np.float32]:
    import cv2

    channels = values.shape[2]
    out = cv2.resize(values, size, interpolation=cv2.INTER_LINEAR)
    return np.asarray(out, dtype=np.float32).reshape(size[1], size[0], channels)


def uncrop(image: Image.Image, cropped: CroppedSides, amount: float = 0.2) -> Image.Image:
    """``uncrop.mode``: extend the canvas by ``amount`` of its size on each side the subject is cut
    by (every side when none is), continuing the photo with a blurred mirror of its edge."""
    width, height = image.size
    sides = (
        cropped
        if any((cropped.left, cropped.top, cropped.right, cropped.bottom))
        else (CroppedSides(True, True, True, True))
    )
    pad_x, pad_y = round(width * amount), round(height * amount)
    left, right = (pad_x if sides.left else 0), (pad_x if sides.right else 0)
    top, bottom = (pad_y if sides.top else 0), (pad_y if sides.bottom else 0)
    return add_label(_extend(image, left, top, right, bottom))


def _extend(image: Image.Image, left: int, top: int, right: int, bottom: int) -> Image.Image:
    """Mirror the photo outwards and blend from sharp at its edge to blurred further out.

    Cost grows with the canvas (a premium virtual model is 36 MP): the blur runs at a reduced
    scale when its sigma is large (a low-pass filter loses nothing by it), the blend weight is
    the product of two 1-D ramps' maximum, and OpenCV blends the uint8 images with float32
    weights, so no float64 copy of the canvas is ever made.
    """
    import cv2

    rgb = np.asarray(image.convert("RGB"))
    mirrored = cv2.copyMakeBorder(rgb, top, bottom, left, right, cv2.BORDER_REFLECT_101)
    sigma = max(2.0, 0.02 * max(image.size))
    height, width = mirrored.shape[:2]
    shrink = max(1.0, sigma / 4.0)
    if shrink > 1.0:
        small = cv2.resize(
            mirrored,
            (max(1, round(width / shrink)), max(1, round(height / shrink))),
            interpolation=cv2.INTER_AREA,
        )
        small = cv2.GaussianBlur(small, (0, 0), sigma / shrink)
        blurred = cv2.resize(small, (width, height), interpolation=cv2.INTER_LINEAR)
    else:
        blurred = cv2.GaussianBlur(mirrored, (0, 0), sigma)
    xs = np.arange(width, dtype=np.float32)
    ys = np.arange(height, dtype=np.float32)
    outside_x = np.maximum(np.maximum(left - xs, xs - (width - right - 1)), 0)
    outside_y = np.maximum(np.maximum(top - ys, ys - (height - bottom - 1)), 0)
    reach = max(4.0, 3 * sigma)
    ramp = np.minimum(np.maximum.outer(outside_y, outside_x) / reach, 1.0).astype(np.float32)
    out = cv2.blendLinear(mirrored, blurred, 1.0 - ramp, ramp)
    out[top : top + rgb.shape[0], left : left + rgb.shape[1]] = rgb
    return Image.fromarray(out)


# --- product photography features --------------------------------------------------------------


def preset_size(size: str, quality: str | None = None) -> tuple[int, int]:
    """Pixels for a ``*.size`` preset, scaled by ``virtualModel.quality``."""
    width, height = SIZE_PRESETS.get(size) or size_from_name(size)
    scale = QUALITY_SCALE.get(quality or "", 1)  # none, or one upstream adds: the base scale
    return (width * scale, height * scale)


_PRESET_NAME: Final = re.compile(r"(PORTRAIT|LANDSCAPE|SQUARE)\w*?(?:_(\d+)_(\d+))?")


def size_from_name(name: str) -> tuple[int, int]:
    """The fallback for a size preset with no entry (one upstream adds): its name's orientation
    and ratio (``PORTRAIT_HD_2_1`` -> 512x1024) on a 1024 px long side, else 1024x1024."""
    found = _PRESET_NAME.fullmatch(name)
    if not found or not found.group(2):
        return (1024, 1024)
    long_to_short = int(found.group(3)) / max(int(found.group(2)), 1)
    short = max(1, round(1024 * min(long_to_short, 1 / long_to_short)))
    return (short, 1024) if found.group(1) == "PORTRAIT" else (1024, short)


def _subject(cutout: Image.Image) -> Image.Image:
    """The cut-out cropped to its visible pixels (the whole image if it has no transparency)."""
    rgba = cutout.convert("RGBA")
    box = rgba.getchannel("A").getbbox()
    return rgba.crop(box) if box else rgba


def _staged(
    cutout: Image.Image,
    size: tuple[int, int],
    prompt: str | None,
    seed: int,
    *,
    fill: float,
    vertical: float,
    tilt: float = 0.0,
) -> Image.Image:
    """The cut-out on an emulated backdrop, within ``fill`` of each side, tilted by ``tilt``°."""
    canvas = emulated_background(size, prompt, seed).convert("RGBA")
    subject = _subject(cutout)
    if tilt:
        subject = subject.rotate(tilt, resample=Image.Resampling.BICUBIC, expand=True)
    target = (max(1, round(size[0] * fill)), max(1, round(size[1] * fill)))
    subject = ImageOps.contain(subject, target, Image.Resampling.LANCZOS)
    x = (size[0] - subject.width) // 2
    y = round((size[1] - subject.height) * vertical)
    canvas.alpha_composite(subject, (x, y))
    return canvas


def flat_lay(
    cutout: Image.Image, size: str = "SQUARE_HD", prompt: str | None = None, seed: int | None = None
) -> Image.Image:
    """``flatLay.*``: the garment laid flat, centred on a backdrop of the preset size."""
    chosen = seed_for(prompt, seed, salt="flatLay")
    staged = _staged(
        cutout,
        preset_size(size),
        prompt or "flat lay",
        chosen,
        fill=0.8,
        vertical=0.5,
        tilt=4.0,
    )
    return add_label(staged.convert("RGB"))


def ghost_mannequin(
    cutout: Image.Image, size: str = "SQUARE_HD", prompt: str | None = None, seed: int | None = None
) -> Image.Image:
    """``ghostMannequin.*``: the garment upright on a light backdrop of the preset size."""
    chosen = seed_for(prompt, seed, salt="ghostMannequin")
    staged = _staged(
        cutout,
        preset_size(size),
        prompt or "studio",
        chosen,
        fill=0.85,
        vertical=0.4,
    )
    return add_label(staged.convert("RGB"))


def virtual_model(
    cutout: Image.Image,
    size: str = "PORTRAIT_HD_3_2",
    quality: str = "standard",
    prompt: str | None = None,
    seed: int | None = None,
    *,
    model: str = "avery",
    scene: str = "studio",
    pose: str = "random",
) -> Image.Image:
    """``virtualModel.*``: a grey "model" silhouette wearing the product, on a scene backdrop."""
    chosen = seed_for(f"{prompt or ''}|{model}|{scene}|{pose}", seed, salt="virtualModel")
    width, height = preset_size(size, quality)
    canvas = emulated_background((width, height), f"{scene} {prompt or ''}", chosen).convert("RGBA")
    draw = ImageDraw.Draw(canvas)
    unit = min(width, height / 2)
    cx = width / 2
    figure = (90, 90, 95, 255)
    draw.ellipse(
        (cx - 0.12 * unit, 0.08 * height, cx + 0.12 * unit, 0.08 * height + 0.24 * unit),
        fill=figure,
    )
    draw.rounded_rectangle(
        (cx - 0.3 * unit, 0.08 * height + 0.26 * unit, cx + 0.3 * unit, 0.97 * height),
        radius=0.1 * unit,
        fill=figure,
    )
    subject = ImageOps.contain(
        _subject(cutout), (round(width * 0.5), round(height * 0.5)), Image.Resampling.LANCZOS
    )
    canvas.alpha_composite(
        subject, ((width - subject.width) // 2, round((height - subject.height) * 0.45))
    )
    return add_label(canvas.convert("RGB"))
