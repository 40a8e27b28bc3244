"""Read an OpenAPI (or Overlay) document and follow its ``$ref``s: the project's one loader.

The generator's tables, the change report, the overlay, the smoke test and the emulator read the
spec with these functions, so a document means the same thing to each of them:

- **Reading**: JSON or YAML, told apart by content (JSON first). YAML is read without timestamps
  (``2026-06-04`` stays the string JSON would have) and with string keys (``200:`` is ``"200"``),
  so a YAML rendering reads like its JSON equal. JSON needs the standard library only; YAML
  needs PyYAML (the ``emulator`` and ``dev`` extras have it), imported only for a YAML document.
  A document is a mapping at its top; anything else is a :class:`DocumentError`.
- **References**: local JSON pointers (``#/components/schemas/Shadow``, with ``~0``/``~1`` and
  percent escapes and list indices), through chains of references. Keys next to a ``$ref``
  (OpenAPI 3.1 allows them, a ``description`` most often) are laid over the target's, the outer
  reference's first. A reference that cannot be followed inside the document (to another file,
  or one that closes a cycle: a recursive schema cannot be inlined) is left as it is, so a
  reader that only compares (the change report) still works; :func:`unresolved_refs` lists
  them for a reader that needs every schema whole (the generator, the emulator's validator),
  which refuses the document. A local reference to nothing is a :class:`RefError`.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from functools import cache
from typing import Any, Final, Literal
from urllib.parse import unquote

__all__ = [
    "DocumentError",
    "RefError",
    "inline_refs",
    "parse_document",
    "read_document",
    "resolve_ref",
    "unresolved_refs",
]

Document = dict[str, Any]
Format = Literal["json", "yaml"]

_WHOLE: Final[Any] = object()
"""``inline_refs``'s default node: the whole document."""


class DocumentError(ValueError):
    """A document that is not JSON or YAML, or whose top level is not a mapping."""


class RefError(DocumentError):
    """A local ``$ref`` that points at nothing in its document."""


# --- reading -----------------------------------------------------------------------------------


def read_document(path: str | os.PathLike[str]) -> Document:
    """The document in the file at ``path`` (JSON or YAML, see the module docstring).

    ``OSError`` when the file cannot be read, :class:`DocumentError` when it is no document."""
    with open(path, "rb") as file:
        data = file.read()
    document, _ = parse_document(data, os.fspath(path))
    return document


def parse_document(data: bytes | str, source: str = "the document") -> tuple[Document, Format]:
    """The document in ``data`` and the format it came in; ``source`` names it in errors."""
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise DocumentError(f"{source} is not JSON or YAML (not UTF-8 text)") from None
    else:
        text = data.removeprefix("\ufeff")
    fmt: Format = "json"
    try:
        document = json.loads(text)
    except ValueError as json_error:
        document, fmt = _parse_yaml(text, source, json_error), "yaml"
    if not isinstance(document, dict):
        raise DocumentError(f"{source}: not an OpenAPI document (top level is not a mapping)")
    return document, fmt


def _parse_yaml(text: str, source: str, json_error: ValueError) -> Any:
    try:
        import yaml
    except ImportError:
        raise DocumentError(
            f"{source} is not JSON ({json_error}); reading YAML needs PyYAML (pip install pyyaml)"
        ) from None
    try:
        document = yaml.load(text, Loader=_yaml_loader())  # a SafeLoader subclass
    except yaml.YAMLError:
        raise DocumentError(f"{source} is not JSON ({json_error}) nor YAML") from None
    if not isinstance(document, dict):
        raise DocumentError(f"{source} is not JSON ({json_error}) nor a YAML mapping")
    return _json_keys(document)


@cache
def _yaml_loader() -> Any:
    """YAML 1.1 safe loading minus timestamps: ``2026-06-04`` stays the string JSON would have."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return Loader


def _json_keys(node: Any) -> Any:
    """YAML allows non-string keys (``200:`` is an int); JSON has only strings."""
    if isinstance(node, dict):
        return {
            (json.dumps(key) if isinstance(key, bool | None) else str(key)): _json_keys(value)
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_json_keys(item) for item in node]
    return node


# --- references --------------------------------------------------------------------------------


def resolve_ref(document: Mapping[str, Any], node: Any) -> Any:
    """What ``node`` stands for: the target of its ``$ref`` (through chains of references), or
    ``node`` itself when it is no reference.

    The target is returned as it is in ``document``, not copied (a caller may change the document
    through it), unless keys next to a ``$ref`` are laid over it (then a new mapping). A reference
    that cannot be followed is returned as it is (see the module docstring)."""
    seen: set[str] = set()
    siblings: dict[str, Any] = {}
    while isinstance(node, dict) and _followable(node.get("$ref"), seen):
        ref = node["$ref"]
        seen.add(ref)
        siblings = {**{k: v for k, v in node.items() if k != "$ref"}, **siblings}
        node = _target(document, ref)
    return {**node, **siblings} if siblings and isinstance(node, dict) else node


def inline_refs(document: Mapping[str, Any], node: Any = _WHOLE) -> Any:
    """A copy of ``node`` (the whole document by default) with every ``$ref`` replaced by a copy
    of its target, keys next to it laid over; references that cannot be followed are kept."""

    def walk(node: Any, seen: frozenset[str]) -> Any:
        if isinstance(node, list):
            return [walk(item, seen) for item in node]
        if not isinstance(node, dict):
            return node
        ref = node.get("$ref")
        if isinstance(ref, str) and _followable(ref, seen):
            target = walk(_target(document, ref), seen | {ref})
            siblings = {key: walk(value, seen) for key, value in node.items() if key != "$ref"}
            return {**target, **siblings} if isinstance(target, dict) else target
        return {key: walk(value, seen) for key, value in node.items()}

    return walk(document if node is _WHOLE else node, frozenset())


def unresolved_refs(node: Any) -> list[str]:
    """The ``$ref``s left in ``node`` (after :func:`inline_refs`: those it could not follow)."""
    found: list[str] = []
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if isinstance(item.get("$ref"), str) and item["$ref"] not in found:
                found.append(item["$ref"])
            stack.extend(reversed(list(item.values())))
        elif isinstance(item, list):
            stack.extend(reversed(item))
    return found


def _followable(ref: Any, seen: set[str] | frozenset[str]) -> bool:
    """A local JSON pointer (``#`` or ``#/...``) not already being followed (no cycle)."""
    return isinstance(ref, str) and (ref == "#" or ref.startswith("#/")) and ref not in seen


def _target(document: Mapping[str, Any], ref: str) -> Any:
    node: Any = document
    for token in ref[2:].split("/") if ref != "#" else []:
        token = unquote(token).replace("~1", "/").replace("~0", "~")
        try:
            node = node[int(token)] if isinstance(node, list) else node[token]
        except (KeyError, IndexError, ValueError, TypeError):
            raise RefError(f"$ref {ref!r} points at nothing (no {token!r})") from None
    return node
