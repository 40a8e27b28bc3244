"""What an image answer must be, given the request that produced it.

Used by the schemathesis deserializer and check in :mod:`tests.fuzz.hooks` and by the pytest
tests, so the CLI run and ``make test`` judge answers the same way. Every function raises
``AssertionError`` with a message a failure report can show as is.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from PIL import Image, UnidentifiedImageError

from photoroom.spec import Operation, Param, operations

# Rounding slack when a preset's pixel budget is split into width x height.
PIXEL_SLACK: Final = 1.02
MEDIA_TYPES_KEY: Final = "x-photoroom-media-types"
MEGAPIXELS_KEY: Final = "x-photoroom-megapixels"

_FIXED_SIZE: Final = re.compile(r"(\d+)x(\d+)")


@dataclass(frozen=True)
class Decoded:
    format: str
    size: tuple[int, int]
    mode: str

    def __str__(self) -> str:
        return f"{self.format} {self.size[0]}x{self.size[1]} {self.mode}"


def media_type(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


def decode(content: bytes, content_type: str | None) -> Decoded:
    """Decode fully (not just the header) and check the format is the declared one."""
    declared = media_type(content_type)
    try:
        with Image.open(io.BytesIO(content)) as image:
            image.load()
            decoded = Decoded(str(image.format), image.size, image.mode)
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise AssertionError(f"{declared} body is not a decodable image: {exc}") from None
    expected = _pillow_format(declared)
    if expected is not None and decoded.format != expected:
        raise AssertionError(f"Content-Type is {declared} but the body is {decoded.format}")
    return decoded


def image_size(content: bytes) -> tuple[int, int] | None:
    """Width and height from the header, or None when ``content`` is not an image."""
    try:
        with Image.open(io.BytesIO(content)) as image:
            return image.size
    except (UnidentifiedImageError, OSError, ValueError):
        return None


def _pillow_format(media_type: str) -> str | None:
    """The Pillow format of a media type (``image/jpeg`` -> ``JPEG``)."""
    Image.init()
    return next((name for name, mime in Image.MIME.items() if mime == media_type), None)


def _param_with(op: Operation, key: str) -> Param | None:
    return next((p for p in op.params if key in p.schema), None)


def check_answer(
    path: str,
    params: Mapping[str, Any],
    decoded: Decoded,
    declared: str,
    input_size: tuple[int, int] | None = None,
) -> None:
    """The image matches what the request asked for, as far as the spec's data says:

    - the media type of the output-format parameter's value (``x-photoroom-media-types``);
    - a preset's pixel budget (``x-photoroom-megapixels``), never larger than the input;
    - a fixed ``WxH`` size asked for is the output's size, unless a feature that makes its own
      canvas (a group with both a ``mode`` and a ``size``) is on.

    ``params`` are the query or form fields as sent; ``input_size`` the main image's size.
    """
    op = next(o for o in operations().values() if o.path == path)
    formats = _param_with(op, MEDIA_TYPES_KEY)
    if formats is not None:
        requested = params.get(formats.wire, formats.default)
        expected = formats.schema[MEDIA_TYPES_KEY].get(str(requested))
        if expected is not None and declared != expected:
            raise AssertionError(f"{formats.wire}={requested} but the answer is {declared}")
    presets = _param_with(op, MEGAPIXELS_KEY)
    if presets is not None:
        preset = params.get(presets.wire, presets.default)
        budget = presets.schema[MEGAPIXELS_KEY].get(str(preset))
        if budget is not None and _area(decoded.size) > budget * 1e6 * PIXEL_SLACK:
            raise AssertionError(f"{presets.wire}={preset} allows {budget} MP, got {decoded}")
        if input_size and (decoded.size[0] > input_size[0] or decoded.size[1] > input_size[1]):
            raise AssertionError(f"a {_size(input_size)} input came back larger: {decoded}")
    staged = any(
        name.endswith(".mode") and op.param(name.removesuffix(".mode") + ".size") for name in params
    )
    for name, value in params.items():
        if (match := _FIXED_SIZE.fullmatch(str(value))) and not staged:
            wanted = (int(match.group(1)), int(match.group(2)))
            if decoded.size != wanted:
                raise AssertionError(f"{name}={value} but the image is {decoded}")


def _size(size: tuple[int, int]) -> str:
    return f"{size[0]}x{size[1]}"


def _area(size: tuple[int, int]) -> int:
    return size[0] * size[1]


def check_error_body(segment: bool, status: int, declared: str, content: bytes) -> None:
    """The error body of ``sdk.photoroom.com`` or ``image-api.photoroom.com`` (spec, semantics).

    Segment: ``{"detail": str, "status_code": <the status>, "type": str}``. Image API:
    ``{"error": {"message": str}}``, and ``{"error": {"detail": str}}`` for 402.
    """
    if declared != "application/json":
        raise AssertionError(f"{status} answer is {declared or 'untyped'}, not application/json")
    try:
        body = json.loads(content)
    except ValueError as exc:
        raise AssertionError(f"{status} answer is not JSON: {exc}") from None
    if segment:
        ok = (
            isinstance(body, dict)
            and isinstance(body.get("detail"), str)
            and isinstance(body.get("type"), str)
            and body.get("status_code") == status
        )
        shape = f'{{"detail": str, "status_code": {status}, "type": str}}'
    else:
        key = "detail" if status == 402 else "message"
        error = body.get("error") if isinstance(body, dict) else None
        ok = isinstance(error, dict) and isinstance(error.get(key), str)
        shape = f'{{"error": {{"{key}": str}}}}'
    if not ok:
        raise AssertionError(f"{status} body {body!r} is not {shape}")
