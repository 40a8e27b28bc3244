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
from pathlib import Path
from typing import TYPE_CHECKING, Any

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
    "atomic_write",
]


def atomic_write(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` via a temporary file in the same folder and an atomic rename.

    Either the complete file appears or nothing does, whatever interrupts the write
    (exception, KeyboardInterrupt, cancellation).
    """
    target = Path(path)
    # Not tempfile.mkstemp: its 0600 mode would ignore the umask that a plain open() honours.
    tmp_name = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
    try:
        with open(tmp_name, "xb") as handle:
            handle.write(data)
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    return target


def _header_float(headers: httpx.Headers, name: str) -> float | None:
    value = headers.get(name)
    if value is None:
        return None
    try:
        return float(value)
    except ValueError:
        return None


def _header_int(headers: httpx.Headers, name: str) -> int | None:
    number = _header_float(headers, name)
    return int(number) if number is not None and number.is_integer() else None


class ImageResult:
    """An image answer: ``content`` (bytes), ``content_type`` and the response metadata."""

    content: bytes
    content_type: str
    http_response: httpx.Response
    request_id: str | None
    uncertainty_score: float | None

    def __init__(
        self, content: bytes, http_response: httpx.Response, *, content_type: str | None = None
    ):
        self.content = content
        self.http_response = http_response
        self.content_type = content_type or self._content_type(content, http_response)
        headers = http_response.headers
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
    def extension(self) -> str:
        """The file extension of ``content_type``, with the dot (``.png``, ``.jpg``, ``.webp``)."""
        return extension_for(self.content_type)

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the image to ``path`` atomically and return the path written.

        A path without an extension gets the one of the content type (``out/shoe`` ->
        ``out/shoe.webp``). Missing parent folders are created.
        """
        target = Path(path)
        if not target.suffix:
            target = target.with_name(target.name + self.extension)
        target.parent.mkdir(parents=True, exist_ok=True)
        return atomic_write(target, self.content)

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
        size = len(self.content)
        return f"{type(self).__name__}(content_type={self.content_type!r}, {size} bytes{extra})"


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
        self, content: bytes, http_response: httpx.Response, *, content_type: str | None = None
    ):
        super().__init__(content, http_response, content_type=content_type)
        headers = http_response.headers
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
