"""Pin an upstream Photoroom OpenAPI document: fetch or copy it, record its provenance.

``python -m scripts.pin_spec SOURCE`` where SOURCE is a path or an http(s) URL, holding JSON or
YAML (told apart by content, not by the file name). The document is read completely and parsed
before anything on disk changes, so a failed download (offline, a proxy's HTML page, a truncated
body) or a document without operations leaves the pinned copy untouched.

The pin is always JSON, written deterministically (``json.dumps(indent=2, ensure_ascii=False)``
plus a newline, keys in document order), so a YAML rendering and its JSON equal pin the same
bytes. ``openapi/photoroom.upstream.lock.json`` records the source, the format received, the date,
and the sha256 of the bytes as received and of the pinned JSON.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from photoroom.spec import DocumentError, parse_document

ROOT = Path(__file__).resolve().parent.parent
PINNED = ROOT / "openapi" / "photoroom.upstream.json"
LOCK = ROOT / "openapi" / "photoroom.upstream.lock.json"
UPSTREAM_URL = "https://image-api.photoroom.com/openapi"
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


class PinError(RuntimeError):
    """The source could not be read or is not an OpenAPI document."""


@dataclass(frozen=True)
class Parsed:
    """A source parsed: the document, the format it came in, the exact bytes to pin."""

    document: dict[str, Any]
    format: str  # "json" or "yaml"
    pinned: bytes


def read_source(source: str, *, timeout: float = 15.0) -> bytes:
    if source.startswith(("http://", "https://")):
        try:
            response = httpx.get(source, timeout=timeout, follow_redirects=True)
            response.raise_for_status()
        except httpx.HTTPError as error:
            raise PinError(
                f"could not download {source}: {error}. "
                f"The pinned copy {PINNED.relative_to(ROOT)} was left as it was."
            ) from error
        return response.content
    path = Path(source)
    if not path.is_file():
        raise PinError(f"no such file: {source}")
    return path.read_bytes()


def parse(data: bytes, source: str) -> tuple[Any, str]:
    """The parsed document and its format: JSON when the bytes are JSON, else YAML (the
    project's one reading, ``photoroom.spec.parse_document``: YAML without timestamps, keys as
    JSON has them)."""
    try:
        return parse_document(data, source)
    except DocumentError as error:
        raise PinError(f"{error}; the pinned copy was left as it was") from None


def count_operations(document: dict[str, Any]) -> int:
    paths = document.get("paths")
    if not isinstance(paths, dict):
        return 0
    return sum(
        isinstance(item, dict) and isinstance(item.get(method), dict)
        for item in paths.values()
        for method in HTTP_METHODS
    )


def to_pinned_json(document: Any) -> bytes:
    """The deterministic JSON rendering every pin uses."""
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def check_openapi(data: bytes, source: str) -> Parsed:
    """Parse ``data`` and refuse anything but an OpenAPI 3 document with operations."""
    document, fmt = parse(data, source)
    if not isinstance(document, dict) or not str(document.get("openapi", "")).startswith("3."):
        raise PinError(f"{source} is not an OpenAPI 3 document; the pinned copy was left as it was")
    if count_operations(document) == 0:
        raise PinError(
            f"{source} describes no operations (no paths); refusing to pin it, "
            "the pinned copy was left as it was"
        )
    try:
        pinned = to_pinned_json(document)
    except (TypeError, ValueError) as error:  # a YAML value JSON cannot hold (binary, NaN...)
        raise PinError(f"{source} cannot be rendered as JSON: {error}") from None
    return Parsed(document, fmt, pinned)


def pin(source: str, *, previous: Path | None = None) -> Path | None:
    """Pin ``source``; return a copy of the previously pinned document (for a change report)."""
    data = read_source(source)
    parsed = check_openapi(data, source)
    old_copy = None
    if previous is not None and PINNED.exists():
        shutil.copyfile(PINNED, previous)
        old_copy = previous
    PINNED.write_bytes(parsed.pinned)
    lock = {
        "source": source if source.startswith("http") else UPSTREAM_URL,
        "pinned_from": source,
        "pinned_on": dt.date.today().isoformat(),
        "format": parsed.format,
        "sha256_received": hashlib.sha256(data).hexdigest(),
        "sha256": hashlib.sha256(parsed.pinned).hexdigest(),
    }
    LOCK.write_text(json.dumps(lock, indent=2) + "\n", encoding="utf-8")
    return old_copy


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("source", nargs="?", default=UPSTREAM_URL)
    parser.add_argument("--keep-previous", type=Path, help="copy the previous pin here first")
    args = parser.parse_args(argv)
    try:
        pin(args.source, previous=args.keep_previous)
    except PinError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"pinned {args.source} -> {PINNED.relative_to(ROOT)} ({LOCK.name} updated)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
