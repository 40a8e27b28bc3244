"""Render the ``/v2/edit`` canvas: background, blur, shadow, outline and the placed subject.

Layers, bottom to top:

1. ``background.color`` (transparent when omitted), then ``background.imageUrl/imageFile`` fitted
   or filled to the canvas; with ``removeBackground=false`` the placed original photo instead.
2. ``background.blur``: blurs whatever lies behind the subject. With ``removeBackground=false``
   that is the original photo's own background (the subject, taken from the mask, stays sharp, as
   in a portrait-mode photo); with a background image, that image; a plain colour has nothing to
   blur. The blur ignores subject pixels (normalised convolution), so no halo of the subject's
   colours bleeds into the blurred background.
3. ``shadow.mode``: a shadow cast on the floor from the subject's silhouette plus a contact shadow
   at its base (see :func:`render_shadow`).
4. ``outline``: the silhouette grown by ``outline.width`` and optionally blurred.
5. The subject: the original pixels with the mask as alpha (or the untouched original photo when
   ``removeBackground=false``).

Everything is RGBA; encoding (and flattening for JPEG) is :mod:`.encode`'s job.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Final, Literal

import numpy as np
from numpy.typing import NDArray
from PIL import Image, ImageOps

from .colors import RGBA
from .errors import ImagingError
from .layout import Placement
from .segmentation import FloatArray, apply_alpha, to_uint8

BlurMode = Literal["gaussian", "bokeh"]

#: background.scaling that keeps the whole background image inside the canvas.
BACKGROUND_FIT: Final = "fit"
# Named values of the shadow overrides (spec: shadow.*Override descriptions: "0 means behind",
# "90 means a very long shadow", ...). A name with no entry (a preset upstream adds) is taken as
# not overridden: the mode's own value (tests/emulator/imaging/test_behaviour_tables.py).
SHADOW_DIRECTIONS: Final = {
    "behind": 0.0,
    "behindLeft": 45.0,
    "left": 90.0,
    "frontLeft": 135.0,
    "front": 180.0,
    "frontRight": 225.0,
    "right": 270.0,
    "behindRight": 315.0,
}
SHADOW_SPREADS: Final = {"short": 10.0, "medium": 45.0, "long": 90.0}
SHADOW_POSES: Final = {"flatlay": 0.0, "upright": 90.0}

# Largest canvas (pixels) effects are computed at; smooth layers are upscaled from there.
EFFECT_PIXELS: Final = 1_000_000


@dataclass(frozen=True)
class BlurOptions:
    """``background.blur.*``: ``radius`` is a fraction of the canvas diagonal, in (0, 0.05]."""

    mode: BlurMode = "gaussian"
    radius: float = 0.01


@dataclass(frozen=True)
class OutlineOptions:
    """``outline.*``: width in [0, 0.1] and blur radius in [0, 0.025], both of the canvas's longer
    side (the spec says "relative to the image size")."""

    color: RGBA
    width: float = 0.03
    blur_radius: float = 0.0


@dataclass(frozen=True)
class ShadowStyle:
    """A shadow in the terms of the ``2026-04-15`` model's overrides.

    ``direction`` in degrees (0 behind, 90 left, 180 front, 270 right), ``spread`` in degrees
    (0 short .. 90 long), ``softness`` and ``intensity`` in [0, 1], ``pose`` in degrees (0 lying
    flat, 90 upright), ``floating`` lifts the subject off the floor.
    """

    direction: float = 0.0
    spread: float = 10.0
    softness: float = 0.7
    intensity: float = 0.5
    pose: float = 90.0
    floating: bool = False


# What each mode looks like when not overridden. Legacy "soft" is a diffuse shadow falling behind
# the subject (mostly visible as the contact shadow), "hard" a crisp shadow cast behind and to the
# right, "floating" a blurred ellipse some way below a lifted subject. A mode with no entry (one
# upstream adds) gets FALLBACK_SHADOW, a neutral soft shadow: accepted, never a 400.
SHADOW_PRESETS: Final[dict[str, ShadowStyle]] = {
    "ai.soft": ShadowStyle(direction=0, spread=20, softness=0.8, intensity=0.45),
    "ai.preset-soft": ShadowStyle(direction=0, spread=20, softness=0.8, intensity=0.45),
    "ai.hard": ShadowStyle(direction=315, spread=45, softness=0.15, intensity=0.6),
    "ai.preset-hard": ShadowStyle(direction=315, spread=45, softness=0.15, intensity=0.6),
    "ai.floating": ShadowStyle(softness=0.7, intensity=0.4, floating=True),
    "ai.auto-with-overrides": ShadowStyle(direction=0, spread=25, softness=0.6, intensity=0.5),
}
FALLBACK_SHADOW: Final = ShadowStyle(direction=0, spread=25, softness=0.6, intensity=0.5)


@dataclass(frozen=True)
class ShadowOptions:
    """``shadow.mode`` and its overrides (None = the mode's own value)."""

    mode: str
    direction: float | None = None
    spread: float | None = None
    softness: float | None = None
    intensity: float | None = None
    pose: float | None = None

    def style(self) -> ShadowStyle:
        base = SHADOW_PRESETS.get(self.mode, FALLBACK_SHADOW)
        return ShadowStyle(
            direction=base.direction if self.direction is None else self.direction,
            spread=base.spread if self.spread is None else self.spread,
            softness=base.softness if self.softness is None else self.softness,
            intensity=base.intensity if self.intensity is None else self.intensity,
            pose=base.pose if self.pose is None else self.pose,
            floating=base.floating,
        )


@dataclass(frozen=True)
class ComposeOptions:
    """Everything :func:`compose` needs besides the image, mask and placement."""

    remove_background: bool = True
    background_color: RGBA | None = None
    background_image: Image.Image | None = field(default=None, compare=False)
    background_scaling: str = "fill"
    blur: BlurOptions | None = None
    outline: OutlineOptions | None = None
    shadow: ShadowOptions | None = None


def compose(
    image: Image.Image,
    alpha: FloatArray | None,
    placement: Placement,
    options: ComposeOptions = ComposeOptions(),
) -> Image.Image:
    """Render the output canvas (RGBA) for ``image`` placed by ``placement``.

    ``alpha`` is the subject mask at the original's size (from :func:`.segmentation.segment`);
    it is required when removing the background and used, when given, to keep the subject sharp
    under ``background.blur`` and to draw shadows and outlines with ``removeBackground=false``.
    """
    if options.remove_background and alpha is None:
        raise ValueError("compose: a mask is required when removing the background")
    size = placement.canvas_size
    canvas = Image.new("RGBA", size, options.background_color or (0, 0, 0, 0))

    silhouette: FloatArray | None = None
    if options.remove_background:
        assert alpha is not None
        subject = place(apply_alpha(image, alpha), placement)
        # The placed cut-out's own alpha is the placed mask: no second resampling needed.
        silhouette = np.asarray(subject.getchannel("A"), dtype=np.float32) / np.float32(255)
        if options.background_image is not None:
            backdrop = fit_background(options.background_image, size, options.background_scaling)
            if options.blur is not None:
                backdrop = blur_layer(backdrop, None, options.blur)
            canvas.alpha_composite(backdrop)
    else:
        silhouette = place_alpha(alpha, placement) if alpha is not None else None
        subject = place(image.convert("RGBA"), placement)
        canvas.alpha_composite(subject)
        if options.blur is not None:
            canvas = blur_layer(canvas, silhouette, options.blur)
        # The sharp subject goes back on top below; without a mask, the whole photo was blurred.
        subject = (
            _with_alpha(subject, silhouette) if silhouette is not None else Image.new("RGBA", size)
        )

    if silhouette is not None and options.shadow is not None:
        shadow = render_shadow(silhouette, options.shadow.style())
        canvas.alpha_composite(_solid_layer(shadow, (0, 0, 0, 255)))
    if silhouette is not None and options.outline is not None:
        ring = render_outline(silhouette, options.outline)
        canvas.alpha_composite(_solid_layer(ring, options.outline.color))
    canvas.alpha_composite(subject)
    return canvas


# --- placing the original on the canvas --------------------------------------------------------


def place(image: Image.Image, placement: Placement) -> Image.Image:
    """The image scaled and translated onto a transparent canvas, resampling only what shows."""
    canvas = Image.new(image.mode, placement.canvas_size)
    region = _visible_region(image.size, placement)
    if region is None:
        return canvas
    destination, box = region
    size = (destination[2] - destination[0], destination[3] - destination[1])
    resampled = image.resize(size, Image.Resampling.LANCZOS, box=box, reducing_gap=3.0)
    canvas.paste(resampled, destination[:2])
    return canvas


def place_alpha(alpha: FloatArray, placement: Placement) -> FloatArray:
    """The mask placed on the canvas like the image (float32, canvas height x width)."""
    placed = place(Image.fromarray(np.ascontiguousarray(alpha, np.float32)), placement)
    return np.clip(np.asarray(placed, dtype=np.float32), 0.0, 1.0)


def _visible_region(
    image_size: tuple[int, int], placement: Placement
) -> tuple[tuple[int, int, int, int], tuple[float, float, float, float]] | None:
    width, height = image_size
    scale, x, y = placement.scale, placement.x, placement.y
    left = max(0, math.floor(x + 1e-6))
    top = max(0, math.floor(y + 1e-6))
    right = min(placement.canvas_width, math.ceil(x + width * scale - 1e-6))
    bottom = min(placement.canvas_height, math.ceil(y + height * scale - 1e-6))
    if right <= left or bottom <= top:
        return None
    box = (
        min(max((left - x) / scale, 0.0), width),
        min(max((top - y) / scale, 0.0), height),
        min(max((right - x) / scale, 0.0), width),
        min(max((bottom - y) / scale, 0.0), height),
    )
    if box[2] <= box[0] or box[3] <= box[1]:
        return None
    return (left, top, right, bottom), box


def fit_background(background: Image.Image, size: tuple[int, int], scaling: str) -> Image.Image:
    """A background image covering (``fill``, centre-cropped) or inside (``fit``) the canvas;
    ``fit`` leaves the uncovered pixels transparent, as the spec says. Any other value (one
    upstream adds) fills, the server default."""
    rgba = background.convert("RGBA")
    if scaling != BACKGROUND_FIT:
        return ImageOps.fit(rgba, size, Image.Resampling.LANCZOS)
    contained = ImageOps.contain(rgba, size, Image.Resampling.LANCZOS)
    canvas = Image.new("RGBA", size)
    canvas.paste(contained, ((size[0] - contained.width) // 2, (size[1] - contained.height) // 2))
    return canvas


# --- effects -----------------------------------------------------------------------------------


def blur_layer(
    layer: Image.Image, silhouette: FloatArray | None, options: BlurOptions
) -> Image.Image:
    """Blur an RGBA layer, leaving the subject's pixels out of the average when a mask is given.

    Gaussian: sigma = radius x diagonal. Bokeh: a flat disc of that radius, applied in a
    gamma-expanded space so highlights bloom into discs as through a wide-open lens. The blur is
    computed on a copy small enough that the kernel is ~12 px and upscaled (the result is smooth,
    so nothing visible is lost); the layer's alpha is kept as it was.
    """
    import cv2

    if not 0 < options.radius <= 0.05:
        raise ImagingError(f"background.blur.radius: {options.radius!r} must be in (0, 0.05].")
    width, height = layer.size
    radius = options.radius * math.hypot(width, height)
    work = min(1.0, 12.0 / max(radius, 1e-6))
    small_size = (max(1, round(width * work)), max(1, round(height * work)))

    def shrink(values: NDArray[np.floating] | NDArray[np.integer]) -> NDArray[np.float32]:
        if work < 1:
            small = cv2.resize(values, small_size, interpolation=cv2.INTER_AREA)
            return np.asarray(small, dtype=np.float32)
        return np.asarray(values, dtype=np.float32)

    rgba = shrink(np.asarray(layer.convert("RGBA"))) / np.float32(255)
    rgb, alpha = rgba[..., :3], rgba[..., 3]
    weight = alpha if silhouette is None else alpha * (1.0 - shrink(silhouette))
    if options.mode == "bokeh":
        rgb = rgb**2.2

    r = max(radius * work, 0.5)
    if options.mode == "bokeh":
        k = max(1, round(r))
        disc = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * k + 1, 2 * k + 1))
        kernel = disc.astype(np.float32) / float(disc.sum())

        def smooth(values: NDArray[np.float32]) -> NDArray[np.float32]:
            out = cv2.filter2D(values, -1, kernel, borderType=cv2.BORDER_REFLECT)
            return np.asarray(out, dtype=np.float32).reshape(values.shape)

    else:

        def smooth(values: NDArray[np.float32]) -> NDArray[np.float32]:
            out = cv2.GaussianBlur(values, (0, 0), r, borderType=cv2.BORDER_REFLECT)
            return np.asarray(out, dtype=np.float32).reshape(values.shape)

    weighted = smooth(np.ascontiguousarray(rgb * weight[..., None]))
    total = smooth(np.ascontiguousarray(weight))
    plain = smooth(np.ascontiguousarray(rgb))
    blurred = np.where(
        total[..., None] > 1e-3, weighted / np.maximum(total, 1e-3)[..., None], plain
    )
    blurred = np.clip(blurred, 0.0, 1.0)
    if options.mode == "bokeh":
        blurred = blurred ** (1 / 2.2)
    colour = to_uint8(blurred)
    if work < 1:
        colour = np.asarray(cv2.resize(colour, (width, height), interpolation=cv2.INTER_LINEAR))
    result = Image.fromarray(colour)
    result.putalpha(layer.getchannel("A") if layer.mode == "RGBA" else 255)
    return result


def render_shadow(silhouette: FloatArray, style: ShadowStyle) -> FloatArray:
    """Shadow opacity (canvas-sized, 0..1) for a subject standing on a floor at its lowest point.

    Upright subjects (pose > 45) cast their silhouette along ``direction`` onto the floor, its
    length growing with ``spread``, foreshortened as a floor seen from the front; flat-lay subjects
    drop an offset copy of their silhouette. Both get a contact shadow (a thin blurred ellipse at
    the base). ``floating`` draws only a wider, fainter ellipse some distance below the subject.
    Softness sets the blur, intensity the opacity.
    """
    import cv2

    height, width = silhouette.shape
    work = min(1.0, math.sqrt(EFFECT_PIXELS / (width * height)))
    small_size = (max(1, round(width * work)), max(1, round(height * work)))
    shape = (
        cv2.resize(silhouette, small_size, interpolation=cv2.INTER_AREA) if work < 1 else silhouette
    )
    rows = np.flatnonzero((shape > 0.5).any(axis=1))
    cols = np.flatnonzero((shape > 0.5).any(axis=0))
    if rows.size == 0:
        return np.zeros_like(silhouette)
    top, base = float(rows[0]), float(rows[-1]) + 1
    left, right = float(cols[0]), float(cols[-1]) + 1
    subject_h, subject_w = base - top, right - left
    center_x = (left + right) / 2

    opacity = 0.15 + 0.75 * min(max(style.intensity, 0.0), 1.0)
    sigma = max(0.5, (0.01 + 0.08 * min(max(style.softness, 0.0), 1.0)) * subject_h)
    shadow = np.zeros(shape.shape, np.float32)

    if style.floating:
        gap = 0.12 * subject_h
        _ellipse(shadow, center_x, base + gap, 0.45 * subject_w, 0.05 * subject_h, 1.0)
        blurred = cv2.GaussianBlur(shadow, (0, 0), max(sigma, 0.04 * subject_h))
        return _restore(blurred * opacity * 0.8, (width, height), work)

    angle = math.radians(style.direction)
    vx, vy = -math.sin(angle), -math.cos(angle)
    length = 0.1 + 1.1 * min(max(style.spread, 0.0), 90.0) / 90.0
    if style.pose > 45:
        ky = vy * length * 0.45
        if abs(ky) < 0.08:  # sideways light still lays the shadow slightly onto the floor
            ky = -0.08
        # (x, y) -> (x + vx * L * (base - y), base + ky * (base - y))
        matrix = np.array(
            [[1.0, -vx * length, vx * length * base], [0.0, -ky, base * (1 + ky)]], np.float32
        )
        cast = cv2.warpAffine(shape, matrix, small_size, flags=cv2.INTER_LINEAR)
    else:
        offset = (0.02 + 0.12 * length) * subject_h
        matrix = np.array([[1.0, 0.0, vx * offset], [0.0, 1.0, vy * offset]], np.float32)
        cast = cv2.warpAffine(shape, matrix, small_size, flags=cv2.INTER_LINEAR)
    shadow = cv2.GaussianBlur(cast, (0, 0), sigma) * opacity

    contact = np.zeros(shape.shape, np.float32)
    _ellipse(contact, center_x, base - 0.02 * subject_h, 0.45 * subject_w, 0.04 * subject_h, 1.0)
    contact = cv2.GaussianBlur(contact, (0, 0), max(0.5, 0.035 * subject_h)) * opacity
    return _restore(np.maximum(shadow, contact), (width, height), work)


def render_outline(silhouette: FloatArray, options: OutlineOptions) -> FloatArray:
    """Opacity of an outline ``width`` thick around the silhouette, optionally blurred."""
    import cv2

    if not 0 <= options.width <= 0.1:
        raise ImagingError(f"outline.width: {options.width!r} must be in [0, 0.1].")
    if not 0 <= options.blur_radius <= 0.025:
        raise ImagingError(f"outline.blurRadius: {options.blur_radius!r} must be in [0, 0.025].")
    height, width = silhouette.shape
    longest = max(width, height)
    thickness = options.width * longest
    sigma = options.blur_radius * longest
    inside = silhouette >= 0.5
    rows, cols = np.flatnonzero(inside.any(axis=1)), np.flatnonzero(inside.any(axis=0))
    ring = np.zeros((height, width), np.float32)
    if rows.size == 0:
        return ring
    # Only the subject's box grown by the ring (and its blur) can be touched: work there.
    reach = math.ceil(thickness + 3 * sigma) + 2
    top, bottom = max(0, rows[0] - reach), min(height, rows[-1] + 1 + reach)
    left, right = max(0, cols[0] - reach), min(width, cols[-1] + 1 + reach)
    outside = np.ascontiguousarray(~inside[top:bottom, left:right]).astype(np.uint8)
    distance = cv2.distanceTransform(outside, cv2.DIST_L2, cv2.DIST_MASK_PRECISE)
    local = np.clip(thickness - distance + 0.5, 0.0, 1.0).astype(np.float32)
    if sigma > 0:
        local = cv2.GaussianBlur(local, (0, 0), sigma, borderType=cv2.BORDER_CONSTANT)
    ring[top:bottom, left:right] = local
    return ring


def _ellipse(target: FloatArray, cx: float, cy: float, rx: float, ry: float, value: float) -> None:
    import cv2

    if rx < 0.5 or ry < 0.5:
        return
    cv2.ellipse(
        target, (round(cx), round(cy)), (round(rx), round(ry)), 0, 0, 360, value, thickness=-1
    )


def _restore(values: FloatArray, size: tuple[int, int], work: float) -> FloatArray:
    import cv2

    if work < 1:
        values = np.asarray(cv2.resize(values, size, interpolation=cv2.INTER_LINEAR), np.float32)
    return np.asarray(np.clip(values, 0.0, 1.0), dtype=np.float32)


def _solid_layer(opacity: FloatArray, color: RGBA) -> Image.Image:
    """A layer of one colour whose alpha is ``opacity`` times the colour's own alpha."""
    height, width = opacity.shape
    layer = Image.new("RGBA", (width, height), color)
    layer.putalpha(Image.fromarray(to_uint8(opacity * np.float32(color[3] / 255.0))))
    return layer


def _with_alpha(layer: Image.Image, alpha: FloatArray) -> Image.Image:
    return apply_alpha(layer, alpha)
