"""What the operations return.

Image results keep the bytes, the content type, the raw ``httpx.Response`` and the metadata the
API sends as headers, typed. ``save()`` writes atomically (temporary file + rename) so an
interrupted program never leaves a half-written image that a later run would mistake for a
finished one.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import os
import secrets
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

import attrs
import httpx

from ._inputs import extension_for, sniff_content_type

if TYPE_CHECKING:
    from PIL.Image import Image as PILImage

__all__ = [
    "Account",
    "AccountV1",
    "EditResult",
    "ImageResult",
    "Quota",
    "RemoveBackgroundResult",
    "atomic_file",
    "atomic_write",
    "output_path",
]


@contextlib.contextmanager
def atomic_file(path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """A binary file that appears at ``path`` complete, or not at all, when the block ends.

    Writes go to a temporary file in the same folder, renamed over ``path`` on success and
    removed whatever interrupts the block (exception, KeyboardInterrupt, cancellation).
    """
    target = Path(path)
    # Not tempfile.mkstemp: its 0600 mode would ignore the umask that a plain open() honours.
    tmp_name = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
    try:
        with open(tmp_name, "xb") as handle:
            yield handle
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise


def atomic_write(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically (see :func:`atomic_file`); return the path."""
    with atomic_file(path) as handle:
        handle.write(data)
    return Path(path)


def output_path(path: str | os.PathLike[str], content_type: str) -> Path:
    """``path``, with the extension of ``content_type`` if it has none; parent folders made."""
    target = Path(path)
    if not target.suffix:
        target = target.with_name(target.name + extension_for(content_type))
    target.parent.mkdir(parents=True, exist_ok=True)
    return target


def _header_float(headers: Mapping[str, str], name: str) -> float | None:
    value = headers.get(name)
    if value is None:
        return None
    try:
        return float(value)
    except ValueError:
        return None


def _header_int(headers: Mapping[str, str], name: str) -> int | None:
    number = _header_float(headers, name)
    return int(number) if number is not None and number.is_integer() else None


class ImageResult:
    """An image answer: ``content`` (bytes), ``content_type`` and the response metadata.

    With ``save_to=`` the image was streamed to ``path`` instead of being held in memory;
    ``content`` then reads that file when first asked for.
    """

    content_type: str
    http_response: httpx.Response
    path: Path | None
    """Where ``save_to=`` wrote the image (``None`` when it is only in memory)."""
    request_id: str | None
    uncertainty_score: float | None

    def __init__(
        self,
        content: bytes | None,
        http_response: httpx.Response,
        *,
        content_type: str | None = None,
        path: Path | None = None,
    ):
        if content is None and path is None:
            raise ValueError("an image result needs its content or the path it was saved to")
        self._content = content
        self.path = path
        self.http_response = http_response
        self.content_type = content_type or self._content_type(content or b"", http_response)
        # One pass over the answer's headers: httpx's lookups scan and decode them each time.
        self._headers = headers = dict(http_response.headers.items())
        self.request_id = headers.get("x-request-id") or headers.get("pr-request-id")
        # -1 means "a human was detected" (the API does not score people).
        self.uncertainty_score = _header_float(headers, "x-uncertainty-score")
        self._size: tuple[int, int] | None = None

    @staticmethod
    def _content_type(content: bytes, response: httpx.Response) -> str:
        declared = str(response.headers.get("content-type", "")).split(";", 1)[0].strip().lower()
        if declared.startswith("image/"):
            return declared
        return sniff_content_type(content) or declared or "application/octet-stream"

    @property
    def content(self) -> bytes:
        """The image file's bytes (read from ``path`` on first use when it was streamed there)."""
        if self._content is None:
            assert self.path is not None
            self._content = self.path.read_bytes()
        return self._content

    @property
    def extension(self) -> str:
        """The file extension of ``content_type``, with the dot (``.png``, ``.jpg``, ``.webp``)."""
        return extension_for(self.content_type)

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the image to ``path`` atomically and return the path written.

        A path without an extension gets the one of the content type (``out/shoe`` ->
        ``out/shoe.webp``). Missing parent folders are created.
        """
        return atomic_write(output_path(path, self.content_type), self.content)

    def to_pil(self) -> PILImage:
        """The image as a ``PIL.Image.Image`` (needs Pillow: ``pip install pillow``)."""
        try:
            from PIL import Image
        except ImportError as exc:  # pragma: no cover - Pillow is installed in the test env
            raise ImportError("to_pil() needs Pillow: pip install pillow") from exc
        import io

        image = Image.open(io.BytesIO(self.content))
        image.load()
        return image

    def _dimensions(self) -> tuple[int, int] | None:
        if self._size is None:
            try:
                image = self.to_pil()
            except ImportError:
                return None
            self._size = image.size
        return self._size

    @property
    def width(self) -> int | None:
        """Width in pixels (decoded lazily with Pillow; ``None`` without Pillow)."""
        size = self._dimensions()
        return size[0] if size else None

    @property
    def height(self) -> int | None:
        """Height in pixels (decoded lazily with Pillow; ``None`` without Pillow)."""
        size = self._dimensions()
        return size[1] if size else None

    def _repr_fields(self) -> dict[str, Any]:
        return {"uncertainty_score": self.uncertainty_score, "request_id": self.request_id}

    def __repr__(self) -> str:
        extra = "".join(
            f", {k}={v!r}" for k, v in self._repr_fields().items() if v not in (None, [])
        )
        if self._content is None and self.path is not None:
            where = f", path={str(self.path)!r}"
            size = self.path.stat().st_size if self.path.exists() else 0
        else:
            where, size = "", len(self.content)
        return (
            f"{type(self).__name__}(content_type={self.content_type!r}, {size} bytes{where}{extra})"
        )


class RemoveBackgroundResult(ImageResult):
    """The cut-out from ``remove_background()``."""

    @classmethod
    def _from_response(cls, response: httpx.Response) -> RemoveBackgroundResult:
        declared = response.headers.get("content-type", "").split(";", 1)[0].strip().lower()
        if declared == "application/json":
            # Asked with Accept: application/json: {"base64img": "..."}.
            from photoroom_api.models.remove_background_base_64_response import (
                RemoveBackgroundBase64Response,
            )

            parsed = RemoveBackgroundBase64Response.from_dict(response.json())
            encoded = parsed.base64img
            if "," in encoded[:100] and encoded.startswith("data:"):
                encoded = encoded.split(",", 1)[1]
            try:
                content = base64.b64decode(encoded, validate=False)
            except (binascii.Error, ValueError) as exc:
                raise ValueError("the API answered base64img that is not valid base64") from exc
            return cls(content, response, content_type=sniff_content_type(content) or "image/png")
        return cls(response.content, response)


class EditResult(ImageResult):
    """The image from ``edit()``, with what the API reported about the edit."""

    ai_background_seed: int | None
    texts_detected: int | None
    unsupported_attributes: list[str]
    edit_further_url: str | None

    def __init__(
        self,
        content: bytes | None,
        http_response: httpx.Response,
        *,
        content_type: str | None = None,
        path: Path | None = None,
    ):
        super().__init__(content, http_response, content_type=content_type, path=path)
        headers = self._headers
        #: Seed of a generated background: pass it back as background.seed to get a similar one.
        self.ai_background_seed = _header_int(headers, "pr-ai-background-seed")
        #: How many texts textRemoval found.
        self.texts_detected = _header_int(headers, "pr-texts-detected")
        #: Options the API ignored (it says so in a header rather than failing).
        self.unsupported_attributes = _parse_unsupported(headers.get("pr-unsupported-attributes"))
        #: Opens the result in the Photoroom web app.
        self.edit_further_url = headers.get("pr-edit-further-url")

    def _repr_fields(self) -> dict[str, Any]:
        return {
            **super()._repr_fields(),
            "ai_background_seed": self.ai_background_seed,
            "texts_detected": self.texts_detected,
            "unsupported_attributes": self.unsupported_attributes,
        }


def _parse_unsupported(value: str | None) -> list[str]:
    if not value:
        return []
    _, colon, rest = value.partition(":")
    text = rest if colon else value
    return [part.strip() for part in text.split(",") if part.strip()]


@attrs.frozen
class Quota:
    """A balance: how much is ``available`` out of the ``subscription``."""

    available: float
    subscription: float


@attrs.frozen
class Account:
    """``GET /v2/account``: the plan and the image balance."""

    plan: str
    images: Quota
    http_response: httpx.Response | None = attrs.field(default=None, eq=False, repr=False)


@attrs.frozen
class AccountV1:
    """``GET /v1/account``: the legacy credit balance."""

    credits: Quota
    http_response: httpx.Response | None = attrs.field(default=None, eq=False, repr=False)
