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

# Pillow format name for each image media type the spec declares.
FORMATS: Final = {"image/png": "PNG", "image/jpeg": "JPEG", "image/webp": "WEBP"}
# Requested output format -> media type (/v2/edit `export.format`, /v1/segment `format`).
REQUESTED: Final = {
    "png": "image/png",
    "jpeg": "image/jpeg",
    "jpg": "image/jpeg",
    "webp": "image/webp",
}
# /v1/segment `size` presets in megapixels (spec description of `size`).
SEGMENT_SIZES: Final = {"preview": 0.25, "medium": 1.5, "hd": 4.0, "full": 36.0}
# Rounding slack when a preset's pixel budget is split into width x height.
PIXEL_SLACK: Final = 1.02

# Features whose result has the size of their own `<feature>.size` preset (spec: "The output
# size of the generated image"), not `outputSize`.
STAGED: Final = ("flatLay", "ghostMannequin", "virtualModel")
# Parameters that legitimately change the size `originalImage` would keep: bounds, AI upscale
# ("up to 4 times its original size") and uncrop (extends the picture).
RESIZING: Final = frozenset({"maxWidth", "maxHeight", "upscale.mode", "uncrop.mode"})

_OUTPUT_SIZE: Final = re.compile(r"(\d+)x(\d+)")


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
    expected = FORMATS.get(declared)
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


def check_answer(
    path: str,
    params: Mapping[str, Any],
    decoded: Decoded,
    declared: str,
    input_size: tuple[int, int] | None = None,
) -> None:
    """The image matches what the request asked for (format, size), as far as it said.

    ``params`` are the query or form fields as sent; ``input_size`` the size of the main input
    image when known.
    """
    if path == "/v2/edit":
        _check_format(params.get("export.format"), declared, "export.format")
        _check_edit_size(params, decoded, input_size)
    elif path == "/v1/segment":
        _check_format(params.get("format"), declared, "format")
        _check_segment_size(params, decoded, input_size)


def _check_segment_size(
    params: Mapping[str, Any], decoded: Decoded, input_size: tuple[int, int] | None
) -> None:
    """Within the ``size`` preset's megapixels, never larger than the input, and the input's
    own size when it fits the preset and ``crop`` is off."""
    preset = str(params.get("size", "full"))
    budget = SEGMENT_SIZES.get(preset)
    if budget is not None and _area(decoded.size) > budget * 1e6 * PIXEL_SLACK:
        raise AssertionError(f"size={preset} allows {budget} MP but the image is {decoded}")
    if input_size is None:
        return
    if decoded.size[0] > input_size[0] or decoded.size[1] > input_size[1]:
        raise AssertionError(f"a {_size(input_size)} input came back larger: {decoded}")
    fits = budget is None or _area(input_size) <= budget * 1e6
    if str(params.get("crop", "false")).lower() == "false" and fits and decoded.size != input_size:
        raise AssertionError(f"crop=false on a {_size(input_size)} input gave {decoded}")


def _check_edit_size(
    params: Mapping[str, Any], decoded: Decoded, input_size: tuple[int, int] | None
) -> None:
    """``outputSize=WxH`` is the output's size; ``originalImage`` is the input's size."""
    if any(f"{feature}.mode" in params for feature in STAGED):
        return
    output_size = str(params.get("outputSize", ""))
    if match := _OUTPUT_SIZE.fullmatch(output_size):
        wanted = (int(match.group(1)), int(match.group(2)))
        if decoded.size != wanted:
            raise AssertionError(f"outputSize={output_size} but the image is {decoded}")
        return
    keeps_input = output_size == "originalImage" and not RESIZING & params.keys()
    if keeps_input and input_size and decoded.size != input_size:
        raise AssertionError(
            f"outputSize=originalImage of a {_size(input_size)} input but the image is {decoded}"
        )


def _size(size: tuple[int, int]) -> str:
    return f"{size[0]}x{size[1]}"


def _area(size: tuple[int, int]) -> int:
    return size[0] * size[1]


def _check_format(requested: Any, declared: str, name: str) -> None:
    expected = REQUESTED.get(str(requested).lower()) if requested is not None else None
    if expected is not None and declared != expected:
        raise AssertionError(f"{name}={requested} but the answer is {declared}")


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
