"""Output options of ``/v1/segment``: size, crop, channels, bg_color, despill.

The steps run in the order a caller would expect from the docs: despill the cut-out's edge, crop
to the subject, put the background colour behind it, shrink to the size preset, and finally keep
only the alpha when ``channels=alpha`` (which ignores ``bg_color``: a mask has no background).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Final, Literal

import numpy as np
from PIL import Image

from photoroom.spec import REMOVE_BACKGROUND, RemoveBackground, operation

from .colors import RGBA, parse_color
from .errors import ImagingError
from .segmentation import Mask, apply_alpha, to_uint8

SizePreset = str
Channels = Literal["rgba", "alpha"]


def _size_pixels() -> dict[str, int]:
    """Pixel budgets of the ``size`` presets: the spec's ``x-photoroom-megapixels``."""
    op = operation(REMOVE_BACKGROUND)
    for param in op.params:
        if "x-photoroom-megapixels" in param.schema:
            return {
                k: int(v * 1_000_000) for k, v in param.schema["x-photoroom-megapixels"].items()
            }
    return {}


SIZE_PIXELS: Final[dict[str, int]] = _size_pixels()
#: The preset with the largest budget: what an answer gets when ``size`` is not sent.
LARGEST: Final = max(SIZE_PIXELS, key=SIZE_PIXELS.__getitem__, default="")


@dataclass(frozen=True)
class SegmentOptions:
    """The ``/v1/segment`` form fields that shape the output image; defaults are the API's."""

    channels: Channels = "rgba"
    bg_color: RGBA | None = None
    size: SizePreset = LARGEST
    crop: bool = False
    despill: bool = False

    @classmethod
    def from_form(
        cls,
        *,
        channels: str | None = None,
        bg_color: str | None = None,
        size: str | None = None,
        crop: str | bool | None = None,
        despill: str | bool | None = None,
    ) -> SegmentOptions:
        """Validate raw form values; each problem is an :class:`ImagingError` naming the field."""
        chosen_channels = (channels or "rgba").lower()
        if chosen_channels not in ("rgba", "alpha"):
            raise ImagingError(f"channels: {channels!r} is not one of rgba, alpha.")
        preset = (size or cls.size).lower()  # a preset with no entry keeps the full size
        return cls(
            channels=chosen_channels,  # type: ignore[arg-type]
            bg_color=parse_color(bg_color, parameter=RemoveBackground.BG_COLOR)
            if bg_color
            else None,
            size=preset,
            crop=_flag(crop, RemoveBackground.CROP),
            despill=_flag(despill, RemoveBackground.DESPILL),
        )


def _flag(value: str | bool | None, name: str) -> bool:
    if value is None or isinstance(value, bool):
        return bool(value)
    text = value.strip().lower()
    if text in ("true", "1", "yes", "on"):
        return True
    if text in ("false", "0", "no", "off", ""):
        return False
    raise ImagingError(f"{name}: {value!r} must be true or false.")


def render_segment_output(image: Image.Image, mask: Mask, options: SegmentOptions) -> Image.Image:
    """The ``/v1/segment`` result image (before encoding) for ``image`` cut out by ``mask``."""
    cutout = apply_alpha(image, mask.alpha)
    if options.despill:
        cutout = despill(cutout)
    if options.crop:
        cutout = crop_to_subject(cutout)
    if options.channels == "alpha":
        return fit_megapixels(cutout.getchannel("A"), _pixels(options.size))
    if options.bg_color is not None:
        cutout = put_on_color(cutout, options.bg_color)
    return fit_megapixels(cutout, _pixels(options.size))


def fit_megapixels(image: Image.Image, max_pixels: int) -> Image.Image:
    """Downscale (never upscale) so ``width * height <= max_pixels``, keeping the aspect ratio."""
    width, height = image.size
    if width * height <= max_pixels:
        return image
    factor = math.sqrt(max_pixels / (width * height))
    size = (max(1, math.floor(width * factor)), max(1, math.floor(height * factor)))
    return image.resize(size, Image.Resampling.LANCZOS)


def crop_to_subject(cutout: Image.Image) -> Image.Image:
    """Crop an RGBA cut-out to the box of its non-transparent pixels (unchanged if all clear)."""
    box = cutout.getchannel("A").getbbox()
    return cutout.crop(box) if box else cutout


def put_on_color(cutout: Image.Image, color: RGBA) -> Image.Image:
    """Composite the cut-out over a solid colour (which may itself be translucent)."""
    canvas = Image.new("RGBA", cutout.size, color)
    canvas.alpha_composite(cutout)
    return canvas


def despill(cutout: Image.Image, edge_width: int = 6) -> Image.Image:
    """Remove green-screen reflections from the subject's edge.

    Near the edge (within ``edge_width`` px of transparency, or anywhere partially transparent),
    wherever green dominates both red and blue, green is clamped to ``max(red, blue)``: the classic
    keyer's despill, which turns a green fringe neutral without touching green products' interiors.
    """
    import cv2

    rgba = np.array(cutout.convert("RGBA"))
    alpha = rgba[..., 3]
    solid = (alpha >= 250).astype(np.uint8)
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * edge_width + 1, 2 * edge_width + 1))
    interior = cv2.erode(solid, kernel, borderType=cv2.BORDER_REPLICATE).astype(bool)
    edge = (alpha > 0) & ~interior

    red, green, blue = (rgba[..., i].astype(np.int16) for i in range(3))
    limit = np.maximum(red, blue)
    spill = edge & (green > limit)
    rgba[..., 1] = np.where(spill, limit, green).astype(np.uint8)
    return Image.fromarray(rgba, mode="RGBA")


def alpha_image(mask: Mask) -> Image.Image:
    """The mask alone as an 8-bit ``L`` image, what ``channels=alpha`` returns."""
    return Image.fromarray(to_uint8(mask.alpha), mode="L")


def _pixels(size: str) -> int:
    """The megapixel budget of a ``size`` preset; one with no entry keeps the full size."""
    return SIZE_PIXELS.get(size, max(SIZE_PIXELS.values(), default=0) or 10**9)
