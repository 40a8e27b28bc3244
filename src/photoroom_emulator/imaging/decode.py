"""Turn uploaded bytes into a Pillow image, refusing anything the real API would refuse.

The order of the checks is the point: byte size first, then the format from the magic bytes, then
the pixel size read from the header (Pillow's ``Image.open`` is lazy), and only then the pixel data.
A decompression bomb is therefore refused before a single row is allocated.
"""

from __future__ import annotations

import io
import re
from typing import Final

from PIL import Image, ImageOps

from .errors import ImageInputError

ACCEPTED: Final = "PNG, JPEG, WEBP, HEIC"

# Keys this module adds to ``Image.info`` so later steps know what the upload was.
SOURCE_FORMAT_KEY: Final = "photoroom.source_format"
SOURCE_MODE_KEY: Final = "photoroom.source_mode"

# The pixel count in Pillow's DecompressionBombError message, e.g. "Image size (2500000000 pixels)".
_BOMB_PIXELS: Final = re.compile(r"\((\d+) pixels\)")

_HEIF_BRANDS: Final = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"hevm", b"hevs"}
_HEIF_GENERIC_BRANDS: Final = {b"mif1", b"msf1"}


def sniff_format(data: bytes) -> str | None:
    """Name the container from its magic bytes: ``PNG``, ``JPEG``, ``WEBP``, ``HEIC`` or None.

    Sniffing instead of trusting the file name or Content-Type is what the real service does: a
    ``photo.png`` that is really a JPEG still works, a text file named ``.png`` does not.
    """
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if data.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WEBP"
    if len(data) >= 12 and data[4:8] == b"ftyp":
        major = data[8:12]
        # Compatible brands follow the minor version; mif1 alone may also be AVIF, so look at all.
        box_size = int.from_bytes(data[:4], "big")
        brands = {major} | {data[i : i + 4] for i in range(16, min(box_size, len(data), 64) - 3, 4)}
        if brands & _HEIF_BRANDS or (major in _HEIF_GENERIC_BRANDS and b"avif" not in brands):
            return "HEIC"
    return None


def load_image(
    data: bytes,
    *,
    max_bytes: int,
    max_side: int | None,
    max_pixels: int,
    name: str = "image",
) -> Image.Image:
    """Decode an upload into an RGBA image with EXIF orientation applied.

    Raises :class:`ImageInputError` for every way an upload can be bad: empty, too many bytes, not
    an image, HEIC without ``pillow-heif``, header size over ``max_side``/``max_pixels``, truncated
    or corrupt data, or Pillow's own decompression-bomb guard. ``name`` is the parameter named in
    the message. The returned image's ``info`` holds the source format and mode under
    :data:`SOURCE_FORMAT_KEY` and :data:`SOURCE_MODE_KEY` (e.g. to tell whether the upload had an
    alpha channel of its own).
    """
    if not data:
        raise ImageInputError(f"{name} is empty: please provide an image.")
    if len(data) > max_bytes:
        raise ImageInputError(
            f"{name} is {_megabytes(len(data))} MB, above the maximum file size of "
            f"{_megabytes(max_bytes)} MB."
        )
    kind = sniff_format(data)
    if kind is None:
        raise ImageInputError(f"{name} is not a valid image (accepted: {ACCEPTED}).")
    if kind == "HEIC":
        _enable_heif(name)
    formats = ["HEIF"] if kind == "HEIC" else [kind]

    try:
        image = Image.open(io.BytesIO(data), formats=formats)
    except Image.DecompressionBombError as exc:
        raise _bomb(name, exc, max_pixels) from exc
    except Exception as exc:  # Pillow raises many types for bad headers; all mean "bad upload"
        raise ImageInputError(
            f"{name} is not a valid image (accepted: {ACCEPTED}): the {kind} header is corrupt."
        ) from exc

    width, height = image.size
    _check_dimensions(width, height, max_side=max_side, max_pixels=max_pixels, name=name)

    try:
        image.load()
        source_mode = image.mode
        # In place: with no orientation to apply (most uploads), exif_transpose would otherwise
        # copy the whole decoded image (36 MB at 12 MP) only for _to_rgba to convert it again.
        ImageOps.exif_transpose(image, in_place=True)
        rgba = _to_rgba(image)
    except Image.DecompressionBombError as exc:
        raise _bomb(name, exc, max_pixels) from exc
    except MemoryError as exc:
        raise ImageInputError(f"{name} is too large to decode.") from exc
    except Exception as exc:  # truncated streams, bad CRCs, broken Huffman tables, ...
        raise ImageInputError(f"{name} is a truncated or corrupt {kind} file.") from exc
    finally:
        image.close()

    rgba.info[SOURCE_FORMAT_KEY] = kind
    rgba.info[SOURCE_MODE_KEY] = source_mode
    return rgba


def has_alpha_channel(image: Image.Image) -> bool:
    """Whether the upload carried transparency of its own (alpha band or a transparent palette)."""
    mode = str(image.info.get(SOURCE_MODE_KEY, image.mode))
    return mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in image.info


def _bomb(name: str, error: Image.DecompressionBombError, max_pixels: int) -> ImageInputError:
    """Our own words for Pillow's decompression-bomb guard (its message speaks of DOS attacks)."""
    declared = _BOMB_PIXELS.search(str(error))
    size = f"it declares {int(declared.group(1)) / 1e6:,.0f} MP, " if declared else ""
    return ImageInputError(
        f"{name} is too large to decode safely: {size}above the maximum of {max_pixels / 1e6:g} MP."
    )


def _check_dimensions(
    width: int, height: int, *, max_side: int | None, max_pixels: int, name: str
) -> None:
    if width <= 0 or height <= 0:
        raise ImageInputError(f"{name} has an empty size ({width}x{height}).")
    if max_side is not None and max(width, height) > max_side:
        raise ImageInputError(
            f"{name} is {width}x{height} px; the widest side must be at most {max_side} px."
        )
    if width * height > max_pixels:
        raise ImageInputError(
            f"{name} is {width}x{height} px ({width * height / 1e6:.1f} MP), above the maximum "
            f"of {max_pixels / 1e6:g} MP."
        )


def _to_rgba(image: Image.Image) -> Image.Image:
    """RGBA for every mode Pillow can decode; 16/32-bit greyscale is scaled down to 8 bits first."""
    if image.mode in ("I", "I;16", "I;16B", "I;16L", "I;16N", "F"):
        image = _high_bit_depth_to_l(image)
    return image.convert("RGBA")


def _high_bit_depth_to_l(image: Image.Image) -> Image.Image:
    import numpy as np

    values = np.asarray(image, dtype=np.float64)
    top = 65535.0 if image.mode.startswith("I;16") or values.max(initial=0) > 255 else 255.0
    return Image.fromarray(np.clip(values * (255.0 / top), 0, 255).astype(np.uint8), mode="L")


def _enable_heif(name: str) -> None:
    try:
        import pillow_heif
    except ImportError as exc:
        raise ImageInputError(f"{name}: HEIC not supported by the emulator.") from exc
    pillow_heif.register_heif_opener()


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}"
