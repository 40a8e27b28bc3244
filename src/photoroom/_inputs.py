"""Turning what callers have (a path, bytes, a file object, a URL, a PIL image) into what the
generated code sends (an ``imageUrl`` string or a multipart ``File``).

Files are read into memory once: a retry must re-send the same bytes, and the API caps images
at 30 MB anyway. An ``http(s)://`` string is a URL, anything else a path, so a local file can
never be mistaken for a URL.
"""

from __future__ import annotations

import io
import mimetypes
import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO, TYPE_CHECKING, Any, TypeAlias, Union
from urllib.parse import urlsplit

from ._exceptions import InvalidOptionError

if TYPE_CHECKING:
    from PIL.Image import Image as PILImage

    from photoroom_api.types import File

#: What ``image=`` accepts: a path, an ``http(s)://`` URL, bytes, a binary file or a PIL image.
# Union[...], not |: "PILImage" stays a forward reference, so Pillow remains optional.
ImageInput: TypeAlias = Union[str, os.PathLike[str], bytes, bytearray, IO[bytes], "PILImage"]

__all__ = ["ImageBytes", "ImageInput", "extension_for", "is_url", "load_image", "output_stem"]

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


def _named(data: bytes, name: str | None) -> ImageBytes:
    content_type = sniff_content_type(data)
    if content_type is None and name:
        content_type = mimetypes.guess_type(name)[0]
    content_type = content_type or "application/octet-stream"
    filename = os.path.basename(name) if name else "image" + extension_for(content_type)
    return ImageBytes(data, filename, content_type)


def _is_pil_image(value: object) -> bool:
    return any(
        cls.__module__.startswith("PIL.") and cls.__name__ == "Image" for cls in type(value).__mro__
    )


def _pil_to_bytes(image: Any) -> ImageBytes:
    fmt = image.format if image.format in ("PNG", "JPEG", "WEBP") else "PNG"
    if fmt == "PNG" and image.mode not in ("1", "L", "LA", "P", "RGB", "RGBA", "I", "I;16"):
        image = image.convert("RGBA")
    buffer = io.BytesIO()
    image.save(buffer, format=fmt)
    return _named(buffer.getvalue(), "image." + fmt.lower().replace("jpeg", "jpg"))


def load_image(value: object, *, parameter: str = "image") -> str | ImageBytes:
    """A URL string stays a URL; paths, bytes, binary files and PIL images become bytes.

    Raises ``InvalidOptionError`` naming ``parameter`` for anything else, and ``FileNotFoundError``
    for a path that does not exist.
    """
    if isinstance(value, str):
        if is_url(value):
            return value
        if "://" in value[:16]:
            raise InvalidOptionError(parameter, f"only http(s) URLs are supported, got {value!r}")
        return _read_path(Path(value))
    if isinstance(value, os.PathLike):
        return _read_path(Path(os.fspath(value)))
    if isinstance(value, (bytes, bytearray, memoryview)):
        data = bytes(value)
        if not data:
            raise InvalidOptionError(parameter, "the image is empty (0 bytes)")
        return _named(data, None)
    read = getattr(value, "read", None)
    if callable(read):
        data = read()
        if isinstance(data, str):
            raise InvalidOptionError(parameter, "the file is open in text mode; open it with 'rb'")
        if not isinstance(data, bytes) or not data:
            raise InvalidOptionError(parameter, "the file object returned no bytes")
        name = getattr(value, "name", None)
        return _named(data, name if isinstance(name, str) else None)
    if _is_pil_image(value):
        return _pil_to_bytes(value)
    raise InvalidOptionError(
        parameter,
        f"expected a path, an http(s) URL, bytes, a binary file or a PIL image, "
        f"got {type(value).__name__}",
    )


def _read_path(path: Path) -> ImageBytes:
    data = path.read_bytes()  # FileNotFoundError / IsADirectoryError say what is wrong
    return _named(data, path.name)


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
