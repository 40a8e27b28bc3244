"""Manifests: one row per image, read as a stream (CSV or JSONL), options named like the API.

A row has an ``input`` (a local path, ``file://``, an ``http(s)://`` URL the API fetches itself,
or any fsspec URL such as ``s3://bucket/key`` that the client reads), an optional ``output``
(the object's name in the output store) and any API parameter as a column named by its dotted
wire name (``background.color``, ``outputSize``, ``layers.title.text.content``). Which wire name
is which ``edit()`` keyword or group field comes from the generated table (``photoroom.spec``),
and a CSV cell's text is converted with the parameter's schema, so nothing here names a
parameter. Rows are validated by the rules of ``edit()`` (``build_edit``) before any request.
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
import json
import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, Final, Literal
from urllib.parse import unquote, urlsplit

from ..spec import EDIT_BY_UPLOAD, EDIT_BY_URL, REMOVE_BACKGROUND, KeyedLeaf, operation, type_names

__all__ = [
    "INPUT_COLUMN",
    "OUTPUT_COLUMN",
    "BadRow",
    "ManifestError",
    "Operation",
    "Row",
    "input_kind",
    "iter_manifest",
    "options_from_wire",
    "row_key",
    "shard_of",
]

INPUT_COLUMN: Final = "input"
OUTPUT_COLUMN: Final = "output"
Operation = Literal["edit", "remove-bg"]
_TRUE = frozenset({"true", "1", "yes", "y", "on"})
_FALSE = frozenset({"false", "0", "no", "n", "off"})


class ManifestError(ValueError):
    """The manifest itself cannot be read (no ``input`` column, unknown format)."""


@dataclasses.dataclass(frozen=True)
class Row:
    """One manifest row: where it was, what to read, where to write, which options (wire names)."""

    line: int
    input: str
    output: str | None
    wire: dict[str, Any]
    """Per-row options by wire name, values already converted to JSON types."""


@dataclasses.dataclass(frozen=True)
class BadRow:
    """A row that cannot be run (its reason is reported with its line number)."""

    line: int
    input: str
    reason: str
    error_type: str = "ValueError"
    output: str | None = None
    """The output the row named, when it named one (for the report)."""


def input_kind(value: str) -> Literal["url", "local", "fsspec"]:
    """``url`` (the API fetches it), ``local`` (a path or ``file://``), ``fsspec`` (read here)."""
    scheme = urlsplit(value).scheme.lower() if "://" in value else ""
    if scheme in ("http", "https"):
        return "url"
    if scheme in ("", "file") or (len(scheme) == 1 and os.name == "nt"):
        return "local"
    return "fsspec"


def local_path(value: str, base: Path | None) -> Path:
    """The path of a local input: ``file://`` decoded, a relative path taken from ``base``."""
    if value.lower().startswith("file://"):
        return Path(unquote(urlsplit(value).path))
    path = Path(value).expanduser()
    return path if path.is_absolute() or base is None else base / path


# --- the table: wire name -> keyword / group field ------------------------------------------


def _keyed_match(leaves: tuple[KeyedLeaf, ...], name: str) -> tuple[KeyedLeaf, str] | None:
    for leaf in leaves:
        prefix, _, suffix = leaf.template.partition("{key}")
        if name.startswith(prefix) and name.endswith(suffix) and len(name) > len(prefix + suffix):
            key = name[len(prefix) : len(name) - len(suffix)]
            if key and "." not in key:
                return leaf, key
    return None


def wire_schema(op_name: Operation, name: str) -> Mapping[str, Any] | None:
    """The schema of wire parameter ``name`` (``None``: not a parameter of the operation)."""
    for op_id in _operation_ids(op_name):
        op = operation(op_id)
        param = op.by_wire.get(name)
        if param is not None and param.option is not None:
            return param.schema
        found = _keyed_match(op.keyed, name)
        if found is not None:
            return found[0].schema
    return None


def _operation_ids(op_name: Operation) -> tuple[str, ...]:
    return (EDIT_BY_UPLOAD, EDIT_BY_URL) if op_name == "edit" else (REMOVE_BACKGROUND,)


def options_from_wire(op_name: Operation, wire: Mapping[str, Any]) -> dict[str, Any]:
    """``edit()`` / ``remove_background()`` keywords from values named by wire names.

    ``background.color`` becomes ``background=Background(color=...)``; a keyed leaf
    ``layers.title.text.content`` becomes ``layers={"title": {"text": {"content": ...}}}``.
    Raises ``ValueError`` for a name the operation does not have.
    """
    from .._generated.options import GROUPS

    plain: dict[str, Any] = {}
    fields: dict[str, dict[str, Any]] = {}
    for name, value in wire.items():
        if value is None:
            continue
        for op_id in _operation_ids(op_name):
            op = operation(op_id)
            param = op.by_wire.get(name)
            if param is not None and param.option is not None:
                if param.field is None:
                    plain[param.option] = value
                else:
                    fields.setdefault(param.option, {})[param.field] = value
                break
            found = _keyed_match(op.keyed, name)
            if found is not None:
                leaf, key = found
                if leaf.field is None:  # a tree map: layers.{key}.text.content
                    node = plain.setdefault(leaf.option, {}).setdefault(key, {})
                    *parents, last = leaf.path.split(".")
                    for part in parents:
                        node = node.setdefault(part, {})
                    node[last] = value
                else:  # a map of images inside a group: editWithAI.additionalImages.{key}...
                    fields.setdefault(leaf.option, {}).setdefault(leaf.field, {})[key] = value
                break
        else:
            raise ValueError(f"unknown parameter {name!r} for {op_name}")
    for option, values in fields.items():
        plain[option] = GROUPS[option](**values)
    return plain


def convert_cell(text: str, schema: Mapping[str, Any]) -> Any:
    """A CSV cell's text as the JSON value the schema wants (``None`` for an empty cell).

    Booleans read ``true/false/1/0/yes/no``; integers and numbers are parsed when the schema
    admits them (a value that does not parse stays text, for the schema check to word).
    Arrays are JSON (``["a", "b"]``).
    """
    text = text.strip()
    if text == "":
        return None
    kinds = type_names(schema.get("items", {}) if schema.get("type") == "array" else schema)
    if schema.get("type") == "array":
        try:
            return json.loads(text)
        except ValueError:
            return [text]
    if "boolean" in kinds:
        lowered = text.lower()
        if lowered in _TRUE:
            return True
        if lowered in _FALSE:
            return False
    if "integer" in kinds or "number" in kinds:
        try:
            number = float(text)
        except ValueError:
            pass
        else:
            integral = number.is_integer() and "." not in text and "e" not in text.lower()
            if integral or ("integer" in kinds and "number" not in kinds and number.is_integer()):
                return int(number)
            return number
    return text


# --- keys and shards ---------------------------------------------------------------------------


def _jsonable(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return repr(value)


def row_key(op_name: Operation, row: Row | BadRow, globals_: Mapping[str, Any]) -> str:
    """A stable hash of what a row asks for: operation, input, output name and options."""
    wire = row.wire if isinstance(row, Row) else {}
    payload = {
        "op": op_name,
        "input": row.input,
        "output": row.output if isinstance(row, Row) else None,
        "options": _jsonable({**globals_, **wire}),
        "line": None if isinstance(row, Row) else row.line,  # bad rows: one key per line
    }
    text = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def shard_of(key: str, count: int) -> int:
    """The shard (0-based, of ``count``) a key belongs to: the same on every machine and run."""
    return int(key[:16], 16) % count


# --- reading -----------------------------------------------------------------------------------


def _open_text(source: str | os.PathLike[str]) -> io.TextIOBase:
    text = os.fspath(source)
    if input_kind(text) == "fsspec":
        try:
            import fsspec
        except ImportError as exc:
            raise ManifestError(
                f"{text}: reading a manifest from a URL needs fsspec: "
                "pip install 'photoroom-client[batch]'"
            ) from exc
        handle: Any = fsspec.open(text, "rt", encoding="utf-8", newline="").open()
        return handle  # type: ignore[no-any-return]
    return open(local_path(text, None), encoding="utf-8", newline="")


def manifest_format(source: str | os.PathLike[str]) -> Literal["csv", "jsonl"]:
    name = os.fspath(source).lower()
    for suffix in (".gz", ".bz2", ".xz", ".zst"):
        name = name.removesuffix(suffix)
    if name.endswith((".jsonl", ".ndjson", ".json")):
        return "jsonl"
    if name.endswith((".csv", ".tsv", ".txt")):
        return "csv"
    raise ManifestError(f"{os.fspath(source)}: a manifest is .csv or .jsonl")


def iter_manifest(
    source: str | os.PathLike[str], op_name: Operation = "edit"
) -> Iterator[Row | BadRow]:
    """Every row of a manifest, streamed; a row that cannot be read becomes a :class:`BadRow`.

    Line numbers are those of the file (the CSV header is line 1, its first row line 2).
    Relative local inputs are taken from the manifest's folder.
    """
    text = os.fspath(source)
    fmt = manifest_format(text)
    base = local_path(text, None).parent if input_kind(text) == "local" else None
    handle = _open_text(text)
    with handle:
        if fmt == "csv":
            yield from _csv_rows(handle, op_name, base)
        else:
            yield from _jsonl_rows(handle, op_name, base)


def _resolve_input(value: str, base: Path | None) -> str:
    if input_kind(value) == "local" and not value.lower().startswith("file://"):
        return os.fspath(local_path(value, base))
    return value


def _make_row(
    line: int, values: Mapping[str, Any], op_name: Operation, base: Path | None, *, text: bool
) -> Row | BadRow:
    raw_input = values.get(INPUT_COLUMN)
    if not isinstance(raw_input, str) or not raw_input.strip():
        return BadRow(line, str(raw_input or ""), "no input on this row")
    source = _resolve_input(raw_input.strip(), base)
    output = values.get(OUTPUT_COLUMN)
    if output is not None and not isinstance(output, str):
        return BadRow(line, source, f"output must be text, got {type(output).__name__}")
    output = (output or "").strip() or None
    if output is not None and (output.startswith("/") or ".." in Path(output).parts):
        return BadRow(
            line,
            source,
            f"output {output!r} must be a relative name inside the store",
            output=output,
        )
    wire: dict[str, Any] = {}
    for name, value in values.items():
        if name in (INPUT_COLUMN, OUTPUT_COLUMN) or name is None:
            continue
        schema = wire_schema(op_name, name)
        if schema is None:
            reason = f"unknown parameter {name!r} (column of the manifest)"
            return BadRow(line, source, reason, output=output)
        converted = convert_cell(value, schema) if text and isinstance(value, str) else value
        if converted is not None:
            wire[name] = converted
    return Row(line, source, output, wire)


def _csv_rows(handle: Any, op_name: Operation, base: Path | None) -> Iterator[Row | BadRow]:
    reader = csv.reader(handle)
    try:
        header = next(reader)
    except StopIteration:
        return
    header = [name.strip() for name in header]
    if INPUT_COLUMN not in header:
        raise ManifestError(f"the manifest has no {INPUT_COLUMN!r} column (header: {header})")
    for name in header:
        if name not in (INPUT_COLUMN, OUTPUT_COLUMN) and wire_schema(op_name, name) is None:
            raise ManifestError(f"column {name!r} is not a parameter of {op_name}")
    for cells in reader:
        line = reader.line_num
        if not cells or all(not cell.strip() for cell in cells):
            continue
        if len(cells) != len(header):
            first = cells[header.index(INPUT_COLUMN)] if len(cells) > header.index("input") else ""
            yield BadRow(line, first, f"{len(cells)} cells where the header has {len(header)}")
            continue
        yield _make_row(line, dict(zip(header, cells, strict=True)), op_name, base, text=True)


def _jsonl_rows(handle: Any, op_name: Operation, base: Path | None) -> Iterator[Row | BadRow]:
    for line, text in enumerate(handle, start=1):
        if not text.strip():
            continue
        try:
            values = json.loads(text)
        except ValueError as exc:
            yield BadRow(line, "", f"not JSON: {exc}")
            continue
        if not isinstance(values, dict):
            yield BadRow(line, "", "a JSONL row must be an object")
            continue
        flat: dict[str, Any] = {}
        for name, value in values.items():
            flat[str(name)] = value
        yield _make_row(line, flat, op_name, base, text=False)
