"""Pin an upstream Photoroom OpenAPI document: fetch or copy it, record its provenance.

``python scripts/pin_spec.py SOURCE`` where SOURCE is a path or an http(s) URL. The document is
read completely and parsed before anything on disk changes, so a failed download (offline, a
proxy's HTML page, a truncated body) leaves the pinned copy untouched. The upstream bytes are
stored as they came; ``openapi/photoroom.upstream.lock.json`` records source, date and sha256.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import shutil
import sys
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
PINNED = ROOT / "openapi" / "photoroom.upstream.json"
LOCK = ROOT / "openapi" / "photoroom.upstream.lock.json"
UPSTREAM_URL = "https://image-api.photoroom.com/openapi"


class PinError(RuntimeError):
    """The source could not be read or is not an OpenAPI document."""


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


def check_openapi(data: bytes, source: str) -> None:
    try:
        document = json.loads(data)
    except ValueError as error:
        raise PinError(
            f"{source} is not JSON ({error}); the pinned copy was left as it was"
        ) from None
    if not isinstance(document, dict) or not str(document.get("openapi", "")).startswith("3."):
        raise PinError(f"{source} is not an OpenAPI 3 document; the pinned copy was left as it was")


def pin(source: str, *, previous: Path | None = None) -> Path | None:
    """Pin ``source``; return a copy of the previously pinned document (for a change report)."""
    data = read_source(source)
    check_openapi(data, source)
    old_copy = None
    if previous is not None and PINNED.exists():
        shutil.copyfile(PINNED, previous)
        old_copy = previous
    PINNED.write_bytes(data)
    lock = {
        "source": source if source.startswith("http") else UPSTREAM_URL,
        "pinned_from": source,
        "pinned_on": dt.date.today().isoformat(),
        "sha256": hashlib.sha256(data).hexdigest(),
    }
    LOCK.write_text(json.dumps(lock, indent=2) + "\n", encoding="utf-8")
    return old_copy


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
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
