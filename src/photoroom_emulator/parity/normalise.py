"""What of an answer is kept: observations that two runs of the same request can share.

Never pixels: an image answer becomes its facts (format, mode, size, alpha, the share of fully
transparent pixels, DPI). Headers are kept by name; their values only where they are stable
(the ones that say something about the request, not about the moment). JSON bodies of errors
are kept whole, JSON bodies of successes only as their shape (an account's balance is its own).
Volatile text inside them (loopback ports, ids, the key) is redacted by the snapshot library's
transformers (:func:`redactions`), applied on recording and on checking alike.
"""

from __future__ import annotations

import base64
import binascii
import io
import json
import re
from typing import Any, Final

import httpx
from localstack_snapshot.snapshots.transformer import RegexTransformer, TextTransformer

#: Headers of the connection, not of the API: they differ between any two servers.
TRANSPORT_HEADERS: Final = frozenset(
    {"content-length", "date", "server", "connection", "keep-alive", "transfer-encoding"}
)
#: Headers whose value is a fact of the request; any other header is kept by name only.
STABLE_HEADER_VALUES: Final = frozenset(
    {"content-type", "allow", "pr-texts-detected", "pr-unsupported-attributes"}
)
#: Headers whose value is a number worth comparing within a tolerance (known-deviations.yaml).
NUMERIC_HEADER_VALUES: Final = frozenset({"x-uncertainty-score", "retry-after"})
PRESENT: Final = "<present>"
#: Shares of transparent pixels are compared to this many decimals.
SHARE_DECIMALS: Final = 2

Observation = dict[str, Any]

LOOPBACK_URL: Final = re.compile(r"https?://(127\.0\.0\.1|localhost|\[::1\]):\d+")


def observe(response: httpx.Response) -> Observation:
    """The normalised observation of one answer."""
    content_type = response.headers.get("content-type", "")
    observation: Observation = {
        "status": response.status_code,
        "content_type": content_type.split(";")[0].strip(),
        "headers": _headers(response.headers),
    }
    if content_type.startswith("image/"):
        observation["image"] = image_facts(response.content)
    elif "json" in content_type:
        observation["body"] = _json_body(response)
    elif response.content:
        observation["body"] = {"text_length": len(response.content)}
    return observation


def image_facts(content: bytes) -> dict[str, Any]:
    """Format, mode, size, alpha, transparent share and DPI of an encoded image; never pixels."""
    from PIL import Image, UnidentifiedImageError

    try:
        image = Image.open(io.BytesIO(content))
        image.load()
    except (UnidentifiedImageError, OSError) as exc:
        return {"decodable": False, "error": type(exc).__name__}
    has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    share = 0.0
    if has_alpha:
        alpha = image.convert("RGBA").getchannel("A")
        histogram = alpha.histogram()
        share = histogram[0] / max(1, image.width * image.height)
    dpi = image.info.get("dpi")
    return {
        "format": image.format,
        "mode": image.mode,
        "size": [image.width, image.height],
        "has_alpha": has_alpha,
        "transparent_share": round(share, SHARE_DECIMALS),
        "dpi": [round(float(d)) for d in dpi] if dpi else None,
    }


def redactions(*, api_keys: tuple[str, ...], image_base: str | None) -> list[Any]:
    """Snapshot transformers that replace what must never be stored or compared: the keys, the
    image server's address, loopback ports and per-call ids."""
    transformers: list[Any] = [TextTransformer(key, "<api-key>") for key in api_keys if key]
    if image_base:
        transformers.append(TextTransformer(image_base, "<image-base>"))
    transformers += [
        RegexTransformer(
            re.compile(r"https?://(127\.0\.0\.1|localhost|\[::1\]):\d+"), "<loopback>"
        ),
        RegexTransformer(re.compile(r"\b[0-9a-f]{32}\b"), "<id>"),
    ]
    return transformers


def _headers(headers: httpx.Headers) -> dict[str, Any]:
    kept: dict[str, Any] = {}
    for name in sorted({n.lower() for n in headers}):
        if name in TRANSPORT_HEADERS or name == "content-type":
            continue
        value = headers[name]
        if name in STABLE_HEADER_VALUES:
            kept[name] = value
        elif name in NUMERIC_HEADER_VALUES:
            kept[name] = _number(value)
        else:
            kept[name] = PRESENT
    return kept


def _json_body(response: httpx.Response) -> Any:
    try:
        body = response.json()
    except (json.JSONDecodeError, UnicodeDecodeError):
        return {"invalid_json": True}
    if response.is_success:
        return _shape(body)
    return body


def _shape(value: Any) -> Any:
    """Types in place of values; a base64 image becomes its image facts."""
    if isinstance(value, dict):
        return {key: _shape_entry(key, item) for key, item in value.items()}
    if isinstance(value, list):
        return [_shape(item) for item in value]
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if value is None:
        return "null"
    return "string"


def _shape_entry(key: str, value: Any) -> Any:
    if isinstance(value, str) and len(value) > 64:
        try:
            return {"image": image_facts(base64.b64decode(value, validate=True))}
        except (binascii.Error, ValueError):
            return "string"
    return _shape(value)


def _number(value: str) -> float | str:
    try:
        return float(value)
    except ValueError:
        return value
