"""Turning what callers have (a path, bytes, a file object, a URL, a PIL image) into what the
generated code sends (an ``imageUrl`` string or a multipart ``File``).

Files are read into memory once: a retry must re-send the same bytes, and the API caps images
at 30 MB anyway. An ``http(s)://`` string is a URL, anything else a path, so a local file can
never be mistaken for a URL.
"""

from __future__ import annotations

import contextlib
import contextvars
import io
import mimetypes
import os
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO, TYPE_CHECKING, Any, Final, TypeAlias, Union
from urllib.parse import urlsplit

from ._exceptions import (
    EmptyImageError,
    ImageNotFoundError,
    ImageTooLargeError,
    InvalidOptionError,
    NotAnImageError,
)
from .spec import UploadLimits, loosest_limits

if TYPE_CHECKING:
    from PIL.Image import Image as PILImage

    from photoroom_api.types import File

#: What ``image=`` accepts: a path, an ``http(s)://`` URL, bytes, a binary file or a PIL image.
# Union[...], not |: "PILImage" stays a forward reference, so Pillow remains optional.
ImageInput: TypeAlias = Union[str, os.PathLike[str], bytes, bytearray, IO[bytes], "PILImage"]

__all__ = [
    "ImageBytes",
    "ImageInput",
    "extension_for",
    "image_dimensions",
    "is_url",
    "load_image",
    "output_stem",
    "upload_limits",
]

MB = 1024 * 1024


_limits: contextvars.ContextVar[UploadLimits | None] = contextvars.ContextVar(
    "photoroom_upload_limits", default=None
)


def _current_limits() -> UploadLimits:
    return _limits.get() or loosest_limits()


@contextlib.contextmanager
def upload_limits(limits: UploadLimits) -> Iterator[None]:
    """Check every image loaded in the block against ``limits`` (the operation's)."""
    token = _limits.set(limits)
    try:
        yield
    finally:
        _limits.reset(token)


_EXTENSIONS = {
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "image/webp": ".webp",
    "image/avif": ".avif",
    "image/gif": ".gif",
    "image/heic": ".heic",
    "image/tiff": ".tiff",
    "image/bmp": ".bmp",
}


def is_url(value: object) -> bool:
    """True for ``http://`` and ``https://`` strings (what ``imageUrl`` parameters take)."""
    return isinstance(value, str) and value[:8].lower().startswith(("http://", "https://"))


def sniff_content_type(data: bytes) -> str | None:
    """The image type from the first bytes, or ``None`` if not recognised."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if data[4:12] in (b"ftypavif", b"ftypavis"):
        return "image/avif"
    if data[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1"):
        return "image/heic"
    if data[:4] in (b"II*\x00", b"MM\x00*"):
        return "image/tiff"
    if data[:2] == b"BM":
        return "image/bmp"
    return None


def extension_for(content_type: str | None) -> str:
    """File extension (with the dot) for an image content type; ``.bin`` if unknown."""
    if not content_type:
        return ".bin"
    base = content_type.split(";", 1)[0].strip().lower()
    return _EXTENSIONS.get(base) or mimetypes.guess_extension(base) or ".bin"


@dataclass(frozen=True)
class ImageBytes:
    """An image to upload: its bytes, a file name and a content type."""

    data: bytes
    filename: str
    content_type: str

    def to_file(self) -> File:
        """A fresh generated ``File`` (a new stream each time, so retries re-send everything)."""
        from photoroom_api.types import File

        return File(
            payload=io.BytesIO(self.data), file_name=self.filename, mime_type=self.content_type
        )

    def __repr__(self) -> str:
        return f"ImageBytes({self.filename!r}, {len(self.data)} bytes, {self.content_type!r})"


def image_dimensions(data: bytes) -> tuple[int, int] | None:
    """``(width, height)`` from the header of a PNG, JPEG, WebP, GIF or BMP; None if unknown."""
    try:
        if data.startswith(b"\x89PNG\r\n\x1a\n") and data[12:16] == b"IHDR":
            width, height = struct.unpack(">II", data[16:24])
            return int(width), int(height)
        if data[:6] in (b"GIF87a", b"GIF89a"):
            width, height = struct.unpack("<HH", data[6:10])
            return int(width), int(height)
        if data[:2] == b"BM" and len(data) >= 26:
            width, height = struct.unpack("<ii", data[18:26])
            return abs(int(width)), abs(int(height))
        if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
            chunk = data[12:16]
            if chunk == b"VP8X":
                width = 1 + int.from_bytes(data[24:27], "little")
                height = 1 + int.from_bytes(data[27:30], "little")
                return width, height
            if chunk == b"VP8L" and data[20] == 0x2F:
                bits = int.from_bytes(data[21:25], "little")
                return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
            if chunk == b"VP8 ":
                width, height = struct.unpack("<HH", data[26:30])
                return int(width) & 0x3FFF, int(height) & 0x3FFF
            return None
        if data.startswith(b"\xff\xd8"):
            return _jpeg_dimensions(data)
    except (struct.error, IndexError):
        return None
    return None


def _jpeg_dimensions(data: bytes) -> tuple[int, int] | None:
    index = 2
    end = min(len(data), 2 * MB)  # the frame header comes early; never scan a whole file
    while index + 9 < end:
        if data[index] != 0xFF:
            return None
        marker = data[index + 1]
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            index += 2
            continue
        length = int.from_bytes(data[index + 2 : index + 4], "big")
        # SOF0-SOF15, except DHT (C4), JPG (C8) and DAC (CC)
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", data[index + 5 : index + 9])
            return int(width), int(height)
        index += 2 + length
    return None


def _check(data: bytes, parameter: str, where: str | None) -> str:
    """The content type of an image that passes the local checks; raises the typed error."""
    limits = _current_limits()
    if not data:
        raise EmptyImageError(parameter, "the image is empty (0 bytes)", path=where)
    if len(data) > limits.max_bytes:
        raise ImageTooLargeError(
            parameter,
            f"{len(data) / MB:.1f} MB is above the maximum of {limits.max_bytes // MB} MB",
            path=where,
        )
    content_type = sniff_content_type(data)
    if content_type is None:
        raise NotAnImageError(
            parameter,
            f"not an image (starts with {data[:8]!r}; PNG, JPEG, WebP, HEIC and AVIF are read)",
            path=where,
        )
    size = image_dimensions(data)
    if size is not None:
        width, height = size
        if max(size) > limits.max_side or width * height > limits.max_pixels:
            raise ImageTooLargeError(
                parameter,
                f"{width}x{height} pixels is above the maximum of {limits.max_side} px a side "
                f"and {limits.max_pixels / 1e6:.0f} MP",
                path=where,
            )
    return content_type


def _named(data: bytes, name: str | None, parameter: str = "image") -> ImageBytes:
    content_type = _check(data, parameter, name)
    filename = os.path.basename(name) if name else "image" + extension_for(content_type)
    return ImageBytes(data, filename, content_type)


def _is_pil_image(value: object) -> bool:
    return any(
        cls.__module__.startswith("PIL.") and cls.__name__ == "Image" for cls in type(value).__mro__
    )


#: PIL images in these formats are uploaded as they are; any other is written as PNG.
_PIL_UPLOAD_FORMATS: Final = frozenset({"PNG", "JPEG", "WEBP"})


def _pil_to_bytes(image: Any, parameter: str = "image") -> ImageBytes:
    fmt = image.format if image.format in _PIL_UPLOAD_FORMATS else "PNG"
    if fmt == "PNG" and image.mode not in ("1", "L", "LA", "P", "RGB", "RGBA", "I", "I;16"):
        image = image.convert("RGBA")
    buffer = io.BytesIO()
    image.save(buffer, format=fmt)
    media_type = sniff_content_type(buffer.getvalue())
    return _named(buffer.getvalue(), "image" + extension_for(media_type), parameter)


def load_image(value: object, *, parameter: str = "image") -> str | ImageBytes:
    """A URL string stays a URL; paths, bytes, binary files and PIL images become bytes.

    Raises ``InvalidOptionError`` naming ``parameter`` for anything else, and an
    :class:`~photoroom.InvalidImageError` subclass (naming the path) for a missing path, a
    directory, an empty file, something that is not an image, or an image above the limits of
    the operation (:func:`upload_limits`), all before anything is sent.
    """
    if isinstance(value, str):
        if is_url(value):
            return value
        if "://" in value[:16]:
            raise InvalidOptionError(parameter, f"only http(s) URLs are supported, got {value!r}")
        return _read_path(Path(value), parameter)
    if isinstance(value, os.PathLike):
        return _read_path(Path(os.fspath(value)), parameter)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return _named(bytes(value), None, parameter)
    read = getattr(value, "read", None)
    if callable(read):
        data = read()
        if isinstance(data, str):
            raise InvalidOptionError(parameter, "the file is open in text mode; open it with 'rb'")
        name = getattr(value, "name", None)
        name = name if isinstance(name, str) else None
        if not isinstance(data, bytes) or not data:
            raise EmptyImageError(parameter, "the file object returned no bytes", path=name)
        return _named(data, name, parameter)
    if _is_pil_image(value):
        return _pil_to_bytes(value, parameter)
    raise InvalidOptionError(
        parameter,
        f"expected a path, an http(s) URL, bytes, a binary file or a PIL image, "
        f"got {type(value).__name__}",
    )


def _read_path(path: Path, parameter: str = "image") -> ImageBytes:
    where = str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ImageNotFoundError(parameter, "no such file", path=where) from None
    except OSError as exc:
        raise ImageNotFoundError(
            parameter, f"cannot read it ({exc.strerror})", path=where
        ) from None
    if path.is_dir():
        raise ImageNotFoundError(parameter, "is a directory, not an image file", path=where)
    limits = _current_limits()
    if size > limits.max_bytes:  # refused before reading it
        raise ImageTooLargeError(
            parameter,
            f"{size / MB:.1f} MB is above the maximum of {limits.max_bytes // MB} MB",
            path=where,
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImageNotFoundError(
            parameter, f"cannot read it ({exc.strerror})", path=where
        ) from None
    image = _named(data, where, parameter)
    return ImageBytes(image.data, path.name, image.content_type)


def output_stem(value: object) -> str:
    """The name a batch gives an input's result (before the extension)."""
    if is_url(value):
        assert isinstance(value, str)
        stem = PurePosixPath(urlsplit(value).path).stem
        return stem or "image"
    if isinstance(value, (str, os.PathLike)):
        return Path(os.fspath(value)).stem
    name = getattr(value, "name", None)
    if isinstance(name, str) and name:
        return Path(name).stem
    raise InvalidOptionError(
        "inputs",
        f"batch inputs must be paths or URLs (they name the outputs), got {type(value).__name__}",
    )
