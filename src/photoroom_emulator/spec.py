"""Find and load the overlaid OpenAPI document the emulator serves and validates against.

The emulator's validation, defaults and response contract all come from this one document, so it is
loaded once per process and shared. A wheel ships it as package data (``photoroom_emulator/
openapi.json``); a source checkout reads the repository's ``openapi/photoroom.json``. It is read,
and its ``$ref``s followed, by the project's one loader (``photoroom.spec``).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any, Final

from photoroom.spec import parse_document

__all__ = [
    "Spec",
    "SpecNotFoundError",
    "load_spec",
    "operation",
    "spec_path",
    "spec_text",
]

PACKAGE_SPEC: Final = Path(__file__).with_name("openapi.json")
REPOSITORY_SPEC: Final = Path(__file__).resolve().parents[2] / "openapi" / "photoroom.json"

Spec = dict[str, Any]


class SpecNotFoundError(FileNotFoundError):
    """Neither the packaged nor the repository copy of the spec exists."""


def spec_path() -> Path:
    """The spec file in use: package data first, then the repository's copy."""
    for candidate in (PACKAGE_SPEC, REPOSITORY_SPEC):
        if candidate.is_file():
            return candidate
    raise SpecNotFoundError(
        f"OpenAPI document not found at {PACKAGE_SPEC} or {REPOSITORY_SPEC}; "
        "run `make overlay` in the repository or reinstall the package."
    )


@cache
def spec_text() -> str:
    """The raw JSON text, served as is by ``GET /openapi``."""
    return spec_path().read_text(encoding="utf-8")


@cache
def load_spec() -> Spec:
    """The parsed document (cached: treat it as read-only)."""
    document, _ = parse_document(spec_text(), str(spec_path()))
    return document


def operation(spec: Spec, method: str, path: str) -> dict[str, Any]:
    """The operation object for ``method path`` (``KeyError`` if the spec lacks it)."""
    found: dict[str, Any] = spec["paths"][path][method.lower()]
    return found
