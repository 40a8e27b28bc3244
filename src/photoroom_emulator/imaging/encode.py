"""Encode results in the API's export formats, and stamp sandbox results with a watermark."""

from __future__ import annotations

import io
import math
from functools import lru_cache
from typing import Final

from PIL import Image, ImageDraw, ImageFont, features

from .errors import ImagingError

# Qualities stated by the spec's `export.format` description.
JPEG_QUALITY: Final = 80
WEBP_QUALITY: Final = 90
AVIF_QUALITY: Final = 80

CONTENT_TYPES: Final = {
    "png": "image/png",
    "jpeg": "image/jpeg",
    "webp": "image/webp",
    "avif": "image/avif",
}

_ALIASES: Final = {"jpg": "jpeg"}

# EXIF tags used to carry the pixel density in formats without a native dpi field.
_X_RESOLUTION: Final = 0x011A
_Y_RESOLUTION: Final = 0x011B
_RESOLUTION_UNIT: Final = 0x0128
_INCHES: Final = 2

WATERMARK_TEXT: Final = "PHOTOROOM SANDBOX"


def supported_formats() -> tuple[str, ...]:
    """Export format names this build can write (``avif`` only when Pillow has the codec)."""
    names = ["png", "jpeg", "jpg", "webp"]
    if features.check("avif"):
        names.append("avif")
    return tuple(names)


def encode(
    image: Image.Image,
    format: str = "png",
    *,
    dpi: float | None = None,
    quality: int | None = None,
) -> tuple[bytes, str]:
    """Encode ``image`` and return ``(bytes, content_type)``.

    PNG and WebP keep the alpha channel. JPEG has none, so a transparent result is flattened onto
    white: the colour a cut-out "on nothing" is expected to show in a viewer, and what the API's
    JPEG exports of transparent results look like. ``dpi`` goes in the format's own density field
    (PNG pHYs, JPEG JFIF) or, for WebP and AVIF, in EXIF XResolution/YResolution.
    """
    name = _ALIASES.get(format.lower(), format.lower())
    if name not in CONTENT_TYPES or (name == "avif" and not features.check("avif")):
        raise ImagingError(
            f"export.format: {format!r} is not supported (expected one of "
            f"{', '.join(supported_formats())})."
        )
    if dpi is not None and not 0 < dpi <= 65535:
        raise ImagingError(f"export.dpi: {dpi!r} is out of range.")

    params: dict[str, object] = {}
    if name == "jpeg":
        image = flatten(image, (255, 255, 255))
        params["quality"] = quality or JPEG_QUALITY
    elif name == "webp":
        image = _keep_alpha_if_any(image)
        params["quality"] = quality or WEBP_QUALITY
    elif name == "avif":
        image = _keep_alpha_if_any(image)
        params["quality"] = quality or AVIF_QUALITY
    else:
        image = _clear_invisible(_keep_alpha_if_any(image))
        # zlib level 3 instead of Pillow's 6: a 12 MP cut-out encodes about 5x faster for a
        # file a few percent larger, which keeps remove-background well under 1.5 s on 2 cores.
        params["compress_level"] = 3

    if dpi is not None:
        if name in ("png", "jpeg"):
            params["dpi"] = (dpi, dpi)
        else:
            exif = Image.Exif()
            exif[_X_RESOLUTION] = dpi
            exif[_Y_RESOLUTION] = dpi
            exif[_RESOLUTION_UNIT] = _INCHES
            params["exif"] = exif.tobytes()

    buffer = io.BytesIO()
    image.save(buffer, format=name.upper(), **params)
    return buffer.getvalue(), CONTENT_TYPES[name]


def _clear_invisible(image: Image.Image) -> Image.Image:
    """Zero the colour of fully transparent pixels.

    A cut-out keeps the photo's (noisy) background colour under alpha 0. Nobody can see it, but
    zlib has to encode it: clearing it makes a 12 MP PNG about 6x smaller and faster to write.
    """
    if image.mode != "RGBA":
        return image
    import numpy as np

    pixels = np.asarray(image).copy()
    pixels[pixels[..., 3] == 0] = 0
    return Image.fromarray(pixels, "RGBA")


def flatten(image: Image.Image, color: tuple[int, int, int]) -> Image.Image:
    """Composite an image with alpha onto an opaque colour; opaque images just become RGB."""
    if image.mode not in ("RGBA", "LA", "PA", "RGBa") and "transparency" not in image.info:
        return image.convert("RGB") if image.mode != "L" else image
    rgba = image.convert("RGBA")
    canvas = Image.new("RGBA", rgba.size, (*color, 255))
    canvas.alpha_composite(rgba)
    return canvas.convert("RGB")


def watermark(image: Image.Image) -> Image.Image:
    """Tile a diagonal, semi-transparent "PHOTOROOM SANDBOX" over the image, as sandbox keys get.

    The text is sized from the image's shorter side so the mark stays legible on thumbnails and is
    repeated so no crop removes it. The pattern is drawn and rotated at no more than ~1.5 MP and
    then enlarged: rotating a full-size 36 MP tile would take seconds for a soft-edged mark anyway.
    Returns a new image; transparency is kept (the mark shows on it at its own opacity).
    """
    base = image.convert("RGBA")
    width, height = base.size
    scale = min(1.0, math.sqrt(1_500_000 / (width * height)))
    small_w, small_h = max(1, round(width * scale)), max(1, round(height * scale))
    diagonal = int(math.hypot(small_w, small_h)) + 2
    font_size = max(10, min(small_w, small_h) // 12)
    font = _font(font_size)

    tile = Image.new("RGBA", (diagonal, diagonal), (0, 0, 0, 0))
    draw = ImageDraw.Draw(tile)
    left, top, right, bottom = draw.textbbox((0, 0), WATERMARK_TEXT, font=font)
    step_x = int((right - left) * 1.3) + font_size
    step_y = int((bottom - top) * 3.5) + 1
    for row, y in enumerate(range(0, diagonal, step_y)):
        offset = (step_x // 2) * (row % 2)
        for x in range(-step_x, diagonal, step_x):
            # A dark halo under white text keeps the mark visible on white and on black.
            draw.text((x + offset + 1, y + 1), WATERMARK_TEXT, font=font, fill=(0, 0, 0, 70))
            draw.text((x + offset, y), WATERMARK_TEXT, font=font, fill=(255, 255, 255, 110))
    rotated = tile.rotate(30, resample=Image.Resampling.BICUBIC)
    left_crop, top_crop = (diagonal - small_w) // 2, (diagonal - small_h) // 2
    overlay = rotated.crop((left_crop, top_crop, left_crop + small_w, top_crop + small_h))
    if overlay.size != (width, height):
        overlay = overlay.resize((width, height), Image.Resampling.BILINEAR)

    marked = Image.alpha_composite(base, overlay)
    if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
        return marked
    return marked.convert("RGB")


@lru_cache(maxsize=16)
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


def _keep_alpha_if_any(image: Image.Image) -> Image.Image:
    if image.mode in ("RGB", "RGBA", "L", "LA"):
        return image
    if "transparency" in image.info or image.mode in ("PA", "RGBa", "La"):
        return image.convert("RGBA")
    return image.convert("RGB")
