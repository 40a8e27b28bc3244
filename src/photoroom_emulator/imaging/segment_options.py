"""Output options of ``/v1/segment``: size, crop, channels, bg_color, despill.

The steps run in the order a caller would expect from the docs: despill the cut-out's edge, crop
to the subject, put the background colour behind it, shrink to the size preset, and finally keep
only the alpha when ``channels=alpha`` (which ignores ``bg_color``: a mask has no background).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

import numpy as np
from PIL import Image

from .colors import RGBA
from .segmentation import Mask, apply_alpha, to_uint8

Channels = Literal["rgba", "alpha"]


@dataclass(frozen=True)
class SegmentOptions:
    """The ``/v1/segment`` form fields that shape the output image; defaults are the API's."""

    channels: Channels = "rgba"
    bg_color: RGBA | None = None
    max_pixels: int | None = None
    """The size preset's pixel budget (``None``: the full size)."""
    crop: bool = False
    despill: bool = False


def render_segment_output(image: Image.Image, mask: Mask, options: SegmentOptions) -> Image.Image:
    """The ``/v1/segment`` result image (before encoding) for ``image`` cut out by ``mask``."""
    cutout = apply_alpha(image, mask.alpha)
    if options.despill:
        cutout = despill(cutout)
    if options.crop:
        cutout = crop_to_subject(cutout)
    if options.channels == "alpha":
        return fit_megapixels(cutout.getchannel("A"), options.max_pixels)
    if options.bg_color is not None:
        cutout = put_on_color(cutout, options.bg_color)
    return fit_megapixels(cutout, options.max_pixels)


def fit_megapixels(image: Image.Image, max_pixels: int | None) -> Image.Image:
    """Downscale (never upscale) so ``width * height <= max_pixels``, keeping the aspect ratio."""
    width, height = image.size
    if max_pixels is None or width * height <= max_pixels:
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
