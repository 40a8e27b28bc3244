"""Encode results in the API's export formats, and stamp sandbox results with a watermark."""

from __future__ import annotations

import io
import math
from functools import lru_cache
from typing import Any, Final

from PIL import Image, ImageDraw, ImageFont

from .errors import ImagingError

# What each media type gets when it is written: the Pillow format, whether alpha is kept, and the
# quality the spec states ("Jpeg exports with a quality of 80 and WebP exports with a quality of
# 90"). Keyed by media type: which format value means which media type is the spec's
# (x-photoroom-media-types, read by the pipeline), not this table's. A media type with no entry
# here (a format upstream adds) falls back to Pillow's encoder of that name, alpha kept when the
# format has it; tests/emulator/imaging/test_encode.py lists the spec's formats so covered.
ENCODER_BEHAVIOUR: Final[dict[str, tuple[str, str, int | None]]] = {
    "image/png": ("PNG", "keep", None),
    "image/jpeg": ("JPEG", "flatten", 80),
    "image/webp": ("WEBP", "keep", 90),
    "image/avif": ("AVIF", "keep", 80),
}
DEFAULT_MEDIA_TYPE: Final = "image/png"

# EXIF tags used to carry the pixel density in formats without a native dpi field.
_X_RESOLUTION: Final = 0x011A
_Y_RESOLUTION: Final = 0x011B
_RESOLUTION_UNIT: Final = 0x0128
_INCHES: Final = 2

WATERMARK_TEXT: Final = "PHOTOROOM SANDBOX"

# PNG: zlib level 1 with the "Up" row filter, compressed on every core in slices (see
# _fast_png). The API documents JPEG's quality (80) and WebP's (90) but nothing about PNG, which
# is lossless: the level changes only size and time, never pixels. On the benchmark's 12 MP
# cut-out this writes 2.05 MB in ~0.13 s where Pillow took 0.9 s for 2.2 MB at level 3 (its
# per-row trial of five filters is most of that time).
PNG_COMPRESS_LEVEL: Final = 1
# The large PNGs' deflate level when ISA-L's (the ``isal`` package, an emulator extra) writes
# them: its level 1 is about twice as fast as zlib's level 1 on a 12 MP cut-out, and 4 % smaller
# (1.97 MB, not 2.06; see _deflate_module).
ISAL_LEVEL: Final = 1
# Below this many pixels Pillow's encoder is used (its adaptive filters, one thread).
FAST_PNG_PIXELS: Final = 1_000_000
_PNG_COLOUR_TYPES: Final = {"L": (0, 1), "RGB": (2, 3), "LA": (4, 2), "RGBA": (6, 4)}


def pillow_format(media_type: str) -> str | None:
    """The Pillow format that writes ``media_type``, or None when this build cannot."""
    known = ENCODER_BEHAVIOUR.get(media_type)
    name = known[0] if known else media_type.removeprefix("image/").upper()
    Image.init()
    return name if name in Image.SAVE else None


def encode(
    image: Image.Image,
    media_type: str = DEFAULT_MEDIA_TYPE,
    *,
    dpi: float | None = None,
    quality: int | None = None,
) -> tuple[bytes, str]:
    """Encode ``image`` as ``media_type`` and return ``(bytes, media_type)``.

    PNG and WebP keep the alpha channel. JPEG has none, so a transparent result is flattened onto
    white: the colour a cut-out "on nothing" is expected to show in a viewer, and what the API's
    JPEG exports of transparent results look like. ``dpi`` goes in the format's own density field
    (PNG pHYs, JPEG JFIF) or, for the others, in EXIF XResolution/YResolution. A media type with
    no entry in :data:`ENCODER_BEHAVIOUR` is written by Pillow's encoder of that name.
    """
    name = pillow_format(media_type)
    if name is None:
        raise ImagingError(f"export format {media_type} cannot be written by this emulator build.")
    if dpi is not None and not 0 < dpi <= 65535:
        raise ImagingError(f"export.dpi: {dpi!r} is out of range.")
    _, alpha, default_quality = ENCODER_BEHAVIOUR.get(media_type, (name, "keep", None))

    params: dict[str, object] = {}
    if quality or default_quality:
        params["quality"] = quality or default_quality
    if name == "PNG":
        image = _keep_alpha_if_any(image)
        fast = _fast_png(image, dpi)  # clears invisible pixels itself, on its own array copy
        if fast is not None:
            return fast, media_type
        image = _clear_invisible(image)
        params["compress_level"] = PNG_COMPRESS_LEVEL
    elif alpha == "flatten":
        image = flatten(image, (255, 255, 255))
    else:
        image = _fit_mode(_keep_alpha_if_any(image), name)

    if dpi is not None:
        if name in ("PNG", "JPEG"):
            params["dpi"] = (dpi, dpi)
        else:
            exif = Image.Exif()
            exif[_X_RESOLUTION] = dpi
            exif[_Y_RESOLUTION] = dpi
            exif[_RESOLUTION_UNIT] = _INCHES
            params["exif"] = exif.tobytes()

    buffer = io.BytesIO()
    try:
        image.save(buffer, format=name, **params)
    except (OSError, ValueError, KeyError) as exc:
        raise ImagingError(f"export format {media_type} could not be written: {exc}") from None
    return buffer.getvalue(), media_type


def _fit_mode(image: Image.Image, name: str) -> Image.Image:
    """A mode the format can write: RGBA where it can, else RGB on white (a fallback format)."""
    if name in ("WEBP", "AVIF", "PNG") or image.mode in ("RGB", "L"):
        return image
    probe = io.BytesIO()
    try:
        Image.new(image.mode, (1, 1)).save(probe, format=name)
    except (OSError, ValueError, KeyError):
        return flatten(image, (255, 255, 255))
    return image


def _clear_invisible(image: Image.Image) -> Image.Image:
    """Zero the colour of fully transparent pixels.

    A cut-out keeps the photo's (noisy) background colour under alpha 0. Nobody can see it, but
    zlib has to encode it: clearing it makes a 12 MP PNG about 6x smaller and faster to write.
    """
    if image.mode != "RGBA":
        return image
    import cv2
    import numpy as np

    pixels = np.asarray(image)
    # A mask array, not cv2.compare(alpha, 0): OpenCV reads a 1x1 alpha as a scalar there and
    # fails (a 1x1 answer, e.g. maxHeight=1 on a tiny input, was a 500).
    visible = np.ascontiguousarray(pixels[..., 3] > 0, dtype=np.uint8)
    cleared = Image.fromarray(np.asarray(cv2.bitwise_and(pixels, pixels, mask=visible)), "RGBA")
    cleared.info.update(image.info)
    return cleared


def _fast_png(image: Image.Image, dpi: float | None) -> bytes | None:
    """A PNG of a large 8-bit image written here rather than by Pillow, or None to use Pillow.

    Same pixels, channels and size as Pillow would write, but every row gets PNG's "Up" filter
    (difference with the row above, one NumPy pass) instead of Pillow's per-row trial of all five
    filters, and the rows are deflated in slices on every core at level 1 (ISA-L's deflate where
    installed, else zlib's: :func:`_deflate_module`), each slice ended by a full flush so that the
    slices join into one valid zlib stream (as pigz does). Chunks:
    IHDR, then pHYs for ``dpi`` and iCCP for an embedded profile (what Pillow writes), IDAT, IEND.
    """
    mode_info = _PNG_COLOUR_TYPES.get(image.mode)
    if (
        mode_info is None
        or image.width * image.height < FAST_PNG_PIXELS
        or "transparency" in image.info
    ):
        return None
    import os
    import struct
    import zlib
    from concurrent.futures import ThreadPoolExecutor

    import numpy as np

    colour_type, channels = mode_info
    width, height = image.size
    pixels = np.asarray(image, dtype=np.uint8)
    if image.mode == "RGBA":  # what _clear_invisible does, without a second copy
        import cv2

        visible = cv2.compare(np.ascontiguousarray(pixels[..., 3]), 0, cv2.CMP_GT)  # type: ignore[call-overload]
        pixels = np.asarray(cv2.bitwise_and(pixels, pixels, mask=visible), np.uint8)
    pixels = pixels.reshape(height, width * channels)
    rows = np.empty((height, width * channels + 1), np.uint8)
    rows[:, 0] = 2  # filter type Up
    rows[0, 1:] = pixels[0]
    np.subtract(pixels[1:], pixels[:-1], out=rows[1:, 1:])  # modulo 256, as PNG wants
    raw = memoryview(rows.reshape(-1))  # type: ignore[arg-type]

    codec, level = _deflate_module()
    workers = max(1, min(os.cpu_count() or 1, 8))
    slices = max(1, min(height, workers * 2))
    bounds = [round(height * index / slices) * rows.shape[1] for index in range(slices + 1)]

    def deflate(index: int) -> bytes:
        compressor = codec.compressobj(level, codec.DEFLATED, -15)
        body: bytes = compressor.compress(raw[bounds[index] : bounds[index + 1]])
        last = index == slices - 1
        end: bytes = compressor.flush(codec.Z_FINISH if last else codec.Z_FULL_FLUSH)
        return body + end

    with ThreadPoolExecutor(workers) as pool:
        checksum = pool.submit(codec.adler32, raw)
        parts = list(pool.map(deflate, range(slices)))
    header = bytes((0x78, 0x01))  # zlib header: deflate, 32 KiB window, fastest
    stream = b"".join([header, *parts, struct.pack(">I", checksum.result())])

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(data, zlib.crc32(kind))
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    out = [b"\x89PNG\r\n\x1a\n"]
    out.append(chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, colour_type, 0, 0, 0)))
    profile = image.info.get("icc_profile")
    if profile:
        out.append(chunk(b"iCCP", b"ICC Profile\x00\x00" + zlib.compress(profile)))
    if dpi is not None:
        per_metre = round(dpi / 0.0254)
        out.append(chunk(b"pHYs", struct.pack(">IIB", per_metre, per_metre, 1)))
    out.append(chunk(b"IDAT", stream))
    out.append(chunk(b"IEND", b""))
    return b"".join(out)


def _deflate_module() -> tuple[Any, int]:
    """The module whose ``compressobj`` and ``adler32`` write the large PNGs, and its level.

    ISA-L's (``isal.isal_zlib``, the same interface as :mod:`zlib`) where it is installed: on the
    benchmark's 12 MP cut-out its level 1 deflated in 55 ms of CPU what zlib's level 1 took 186 ms
    for, and its checksum took 7 ms, not 24. Without it (no wheel for the platform) zlib's, with
    the same pixels and a slightly different (larger) stream.
    """
    try:
        from isal import isal_zlib
    except ImportError:
        import zlib

        return zlib, PNG_COMPRESS_LEVEL
    return isal_zlib, ISAL_LEVEL


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
