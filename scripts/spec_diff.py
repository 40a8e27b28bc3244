#!/usr/bin/env python3
"""Report what changed between two versions of an OpenAPI 3.1 document.

    python -m scripts.spec_diff OLD NEW [--format text|json|markdown] [--fail-on-breaking]

OLD and NEW are JSON or YAML files. Local ``$ref``s are resolved before comparing.
The report is grouped by operation (method + path); each line says what changed and is
marked ``BREAKING`` when a client of the API written against OLD may stop working with NEW:
something it uses was removed, something new is required, a type changed or a constraint
narrowed. Changes to descriptions, summaries, titles and examples are ignored (only counted).

A rename shows up as a removal plus an addition; when one removed and one added item in the
same place look alike (same schema, or one name extends the other) an extra ``renamed?``
line points it out.

Unless ``--api-only`` is given, the report then says what the update means for Python users
(the documents are taken to be Photoroom's upstream ones):

- Python surface: the option layer ``scripts/generate_tables.py`` would generate from each
  document with the overlay applied (``edit()`` and ``remove_background()`` keywords, option
  group fields, ``Literal`` aliases, CLI flags), compared; anything removed or narrowed is
  ``BREAKING`` for code written against OLD;
- server defaults: upstream's ``default`` on request parameters and fields (the overlay moves
  them to ``x-server-default``), added, removed or changed;
- GET/POST twins: ``/v2/edit`` query parameters and multipart fields of the same name whose
  constraints differ in NEW (information: the overlay's twin rule fixes them);
- overlay: the actions of ``overlay/photoroom.overlay.yaml`` (or ``--overlay``) whose target
  matches nothing in NEW.

Exit status is 0 whatever changed, unless ``--fail-on-breaking`` is given: then 1 when
anything is breaking (in the API or the Python surface). Unreadable input exits with 2.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import textwrap
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from photoroom.cli import flag_name
from photoroom.spec import inline_refs, read_document

from . import apply_overlay, field_references, generate_tables

OVERLAY = Path(__file__).resolve().parent.parent / "overlay" / "photoroom.overlay.yaml"
Json = Any
Node = dict[str, Any]

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
# Keys that only document; their changes are counted, not reported.
DOC_KEYS = frozenset({"description", "summary", "title"})
IGNORED_KEYS = DOC_KEYS | {"example", "examples", "externalDocs", "$comment"}
# Keys whose values are maps of names to schemas (so a property named "title" is kept).
NAME_MAPS = frozenset({"properties", "patternProperties", "$defs", "definitions"})
LOWER_BOUNDS = ("minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties")
UPPER_BOUNDS = ("maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties")
COMPOSITES = ("anyOf", "oneOf", "allOf")
# Schema keywords _diff_schema understands; differences elsewhere are reported as "other".
SCHEMA_KEYS_HANDLED = frozenset(
    {"type", "enum", "const", "default", "pattern", "format", "deprecated", "properties"}
    | {"required", "items", "additionalProperties", *LOWER_BOUNDS, *UPPER_BOUNDS, *COMPOSITES}
)


@dataclass(frozen=True)
class Change:
    """One difference. ``operation`` is "GET /v2/edit", or "" for the whole document."""

    operation: str
    location: str  # "operation", "parameter query", "request body multipart/form-data", ...
    name: str  # parameter/property path, status code, header, ... ("" when not applicable)
    message: str
    breaking: bool
    kind: str = "change"  # "change", or "rename" for a likely-rename hint

    def line(self) -> str:
        where = " ".join(part for part in (self.location, self.name) if part)
        return f"{'BREAKING' if self.breaking else '':8}  {where}: {self.message}"


@dataclass(frozen=True)
class Finding:
    """One line of the sections for Python users (surface, server defaults, twins)."""

    where: str  # "edit() keyword", "group field", ...; "GET /v2/edit parameter query"; ...
    name: str
    message: str
    breaking: bool = False
    new: bool = False  # twins: the disagreement is not in OLD
    before: str = ""  # Python surface: the annotation (or values) in OLD
    after: str = ""  # ... and in NEW

    def change(self, code: Callable[[str], str] = str) -> str:
        """The message with the annotations, each rendered by ``code``."""
        shown = " → ".join(code(t) for t in (self.before, self.after) if t)
        return f"{self.message}: {shown}" if shown else self.message

    def line(self) -> str:
        where = " ".join(part for part in (self.where, self.name) if part)
        return f"{'BREAKING' if self.breaking else '':8}  {where}: {self.change()}"


@dataclass
class Report:
    old: str
    new: str
    changes: list[Change] = field(default_factory=list)
    descriptions_changed: int = 0
    operation_ids: dict[str, str] = field(default_factory=dict)  # "GET /x" -> operationId
    # What the update means for Python users (diff_specs with an overlay):
    extended: bool = False
    python: list[Finding] = field(default_factory=list)
    python_error: str = ""  # why the Python surface could not be computed
    defaults: list[Finding] = field(default_factory=list)
    twins: list[Finding] = field(default_factory=list)
    overlay_skipped: list[str] = field(default_factory=list)  # targets that match nothing in NEW
    overlay_skipped_old: list[str] = field(default_factory=list)  # ... and in OLD
    # Hand-written code reading a field NEW removed: its behaviour can no longer be reached.
    unreachable: list[str] = field(default_factory=list)

    @property
    def counted(self) -> list[Change]:
        return [c for c in self.changes if c.kind == "change"]

    @property
    def breaking(self) -> bool:
        """Anything breaking, in the API or in the Python surface."""
        return any(c.breaking for c in self.changes) or any(f.breaking for f in self.python)

    def python_summary(self) -> str:
        if not self.extended:
            return ""
        python = (
            f"not computed ({self.python_error})"
            if self.python_error
            else f"{len(self.python)} change{'' if len(self.python) == 1 else 's'}, "
            f"{sum(f.breaking for f in self.python)} breaking"
        )
        new_twins = sum(f.new for f in self.twins)
        return (
            f"Python surface: {python}; server defaults: {len(self.defaults)} changed; "
            f"GET/POST twins: {len(self.twins)} disagree ({new_twins} new); "
            f"overlay: {len(self.overlay_skipped)} actions no longer apply"
        )

    def _new_in_overlay_skipped(self, target: str) -> str:
        return " (did not apply to OLD either)" if target in self.overlay_skipped_old else ""

    def extended_text(self) -> list[str]:
        """The sections for Python users, as text lines (empty unless ``extended``)."""
        if not self.extended:
            return []
        lines = ["", "Python surface (photoroom's option layer from each version, overlay applied)"]
        if self.python_error:
            lines.append(f"  not computed: {self.python_error}")
        lines += ["  " + f.line() for f in self.python] or ["  no changes"]
        lines += ["", "Server defaults (upstream `default` on request parameters and fields)"]
        lines += ["  " + f.line().strip() for f in self.defaults] or ["  no changes"]
        lines += [
            "",
            "GET/POST twins that disagree in NEW (information: the overlay's twin rule gives "
            "the POST field the GET schema)",
        ]
        lines += [f"  {f.name}: {f.message} (new)" for f in self.twins if f.new]
        already = [f.name for f in self.twins if not f.new]
        if already:
            text = f"{len(already)} already so in OLD (--json lists them): " + ", ".join(already)
            lines += textwrap.wrap(text, 96, initial_indent="  ", subsequent_indent="    ")
        if not self.twins:
            lines.append("  none")
        lines += ["", "Overlay actions that no longer apply to NEW (target matches nothing)"]
        lines += [f"  {t}{self._new_in_overlay_skipped(t)}" for t in self.overlay_skipped] or [
            "  none: every action applies"
        ]
        lines += ["", UNREACHABLE_HEADING + " (code reading a field NEW removed)"]
        lines += [f"  {where}" for where in self.unreachable] or ["  none"]
        return lines

    def extended_markdown(self) -> list[str]:
        """The sections for Python users as Markdown: tables, so every ``- `` item of the
        report stays an API change."""
        if not self.extended:
            return []

        def cell(text: str) -> str:
            return text.replace("|", "\\|").replace("\n", " ")

        def code(text: str) -> str:
            return f"`{text}`" if text else ""

        lines = ["", "## Python surface", ""]
        if self.python_error:
            lines += [f"Not computed: {cell(self.python_error)}", ""]
        breaking = sum(f.breaking for f in self.python)
        lines.append(
            f"What `photoroom` users see change: {len(self.python)} change"
            f"{'' if len(self.python) == 1 else 's'}, {breaking} breaking (the option layer "
            "generated from each version with the overlay applied)."
        )
        if self.python:
            lines += ["", "| | where | name | change |", "|---|---|---|---|"]
            for f in sorted(self.python, key=lambda f: not f.breaking):
                mark = "**BREAKING**" if f.breaking else ""
                change = cell(f.change(code))
                lines.append(f"| {mark} | {cell(f.where)} | {cell(code(f.name))} | {change} |")
        lines += ["", "## Server defaults", ""]
        lines.append(
            "Upstream's `default` on request parameters and fields (the overlay moves it to "
            "`x-server-default`): what the server assumes when the client sends nothing."
        )
        if self.defaults:
            lines += ["", "| operation | parameter | change |", "|---|---|---|"]
            for f in self.defaults:
                lines.append(f"| {cell(f.where)} | {cell(code(f.name))} | {cell(f.message)} |")
        else:
            lines += ["", "No changes."]
        lines += ["", "## GET/POST twins", ""]
        new_twins = [f for f in self.twins if f.new]
        lines.append(
            f"`/v2/edit` query parameters whose multipart twin has other constraints upstream: "
            f"{len(self.twins)} ({len(new_twins)} new). Information only: the overlay's twin "
            "rule gives each POST field its GET parameter's schema."
        )
        table = ["| parameter | GET vs POST |", "|---|---|"]
        if new_twins:
            lines += [
                "",
                *table,
                *(f"| {cell(code(f.name))} | {cell(f.message)} |" for f in new_twins),
            ]
        old_twins = [f for f in self.twins if not f.new]
        if old_twins:
            lines += ["", f"<details><summary>{len(old_twins)} already so in the old version"]
            lines[-1] += "</summary>"
            lines += [
                "",
                *table,
                *(f"| {cell(code(f.name))} | {cell(f.message)} |" for f in old_twins),
            ]
            lines += ["", "</details>"]
        lines += ["", "## Overlay", ""]
        if self.overlay_skipped:
            lines.append(
                f"{len(self.overlay_skipped)} actions of the overlay no longer apply (their "
                "target matches nothing in the new version):"
            )
            lines += ["", "| target | in the old version |", "|---|---|"]
            for target in self.overlay_skipped:
                old = target in self.overlay_skipped_old
                note = "matched nothing either" if old else "applied"
                lines.append(f"| {cell(code(target))} | {note} |")
        else:
            lines.append("Every action of the overlay applies to the new version.")
        lines += ["", f"## {UNREACHABLE_HEADING}", ""]
        if self.unreachable:
            lines.append(
                "Hand-written code that reads a field the new version removed: it reads as "
                "absent, so its behaviour is unreachable (remove it):"
            )
            lines += ["", "| field read (where) |", "|---|"]
            lines += [f"| {cell(code(where))} |" for where in self.unreachable]
        else:
            lines.append("No hand-written code reads a removed field.")
        return lines

    def summary(self) -> str:
        counted = self.counted
        plural = "" if len(counted) == 1 else "s"
        parts = [f"{len(counted)} change{plural}, {sum(c.breaking for c in counted)} breaking"]
        renames = len(self.changes) - len(counted)
        if renames:
            parts.append(f"{renames} likely rename{'s' if renames > 1 else ''}")
        if self.descriptions_changed:
            parts.append(f"descriptions changed in {self.descriptions_changed} places (ignored)")
        return "; ".join(parts)

    def to_text(self) -> str:
        lines = [f"Changes from {self.old} to {self.new}"]
        groups: dict[str, list[Change]] = {}
        for change in self.changes:
            groups.setdefault(change.operation, []).append(change)
        for operation, changes in groups.items():
            op_id = self.operation_ids.get(operation)
            lines += ["", f"{operation} ({op_id})" if op_id else operation or "document"]
            lines += ["  " + change.line() for change in changes]
        if not self.changes:
            lines += ["", "no changes"]
        lines += [*self.extended_text(), "", self.summary()]
        if self.extended:
            lines.append(self.python_summary())
        return "\n".join(lines)

    def to_markdown(self) -> str:
        """The report as Markdown (a pull request body): breaking changes first, then the rest
        grouped by operation."""

        def item(change: Change) -> str:
            where = " ".join(part for part in (change.location, f"`{change.name}`") if part != "``")
            return f"- {where}: {change.message}"

        def heading(operation: str) -> str:
            op_id = self.operation_ids.get(operation)
            name = f"`{operation}`" if operation else "document"
            return f"{name} ({op_id})" if op_id else name

        lines = ["# Upstream OpenAPI changes", "", f"`{self.old}` → `{self.new}`: {self.summary()}"]
        if self.extended:
            python_breaking = any(f.breaking for f in self.python)
            mark = "**BREAKING for Python users** " if python_breaking else ""
            lines += ["", mark + self.python_summary() + "."]
        breaking = [c for c in self.changes if c.breaking]
        if breaking:
            lines += ["", "## Breaking changes", ""]
            lines += [f"- **{heading(c.operation)}** {item(c)[2:]}" for c in breaking]
        others: dict[str, list[Change]] = {}
        for change in self.changes:
            if not change.breaking:
                others.setdefault(change.operation, []).append(change)
        if others:
            lines += ["", "## Other changes"]
            for operation, changes in others.items():
                lines += ["", f"### {heading(operation)}", "", *map(item, changes)]
        if not self.changes:
            lines += ["", "No changes."]
        lines += self.extended_markdown()
        return "\n".join(lines) + "\n"

    def to_json(self) -> dict[str, Json]:
        counted = self.counted
        result: dict[str, Json] = {
            "old": self.old,
            "new": self.new,
            "changes": [asdict(c) for c in self.changes],
            "summary": {
                "changes": len(counted),
                "breaking": sum(c.breaking for c in counted),
                "likely_renames": len(self.changes) - len(counted),
                "descriptions_changed": self.descriptions_changed,
            },
        }
        if self.extended:
            result["python_surface"] = [asdict(f) for f in self.python]
            result["python_error"] = self.python_error or None
            result["server_defaults"] = [asdict(f) for f in self.defaults]
            result["twins"] = [asdict(f) for f in self.twins]
            result["overlay"] = {
                "skipped": self.overlay_skipped,
                "skipped_in_old": self.overlay_skipped_old,
            }
            result["summary"]["python_surface"] = {
                "changes": len(self.python),
                "breaking": sum(f.breaking for f in self.python),
            }
            result["summary"]["breaking_total"] = sum(c.breaking for c in counted) + sum(
                f.breaking for f in self.python
            )
        return result


# --- loading and $ref resolution -------------------------------------------------------------

load_document = read_document
"""OLD and NEW (JSON or YAML), read by the project's one loader (``photoroom.spec``)."""


def strip_docs(node: Json, in_name_map: bool = False) -> Json:
    """``node`` without documentation keys, for comparing what matters to a client."""
    if isinstance(node, list):
        return [strip_docs(item) for item in node]
    if not isinstance(node, dict):
        return node
    return {
        key: strip_docs(value, key in NAME_MAPS and not in_name_map)
        for key, value in node.items()
        if in_name_map or key not in IGNORED_KEYS
    }


def count_doc_changes(old: Json, new: Json) -> int:
    """How many descriptions/summaries/titles differ in parts present in both documents."""
    if isinstance(old, list) and isinstance(new, list):
        if all(isinstance(i, dict) and "name" in i for i in [*old, *new]):
            old_by = {(i["name"], i.get("in")): i for i in old}
            new_by = {(i["name"], i.get("in")): i for i in new}
            return sum(count_doc_changes(old_by[k], new_by[k]) for k in old_by.keys() & new_by)
        return sum(count_doc_changes(o, n) for o, n in zip(old, new, strict=False))
    if not (isinstance(old, dict) and isinstance(new, dict)):
        return 0
    total = 0
    for key in sorted(old.keys() | new.keys()):
        o, n = old.get(key), new.get(key)
        if key in DOC_KEYS and not isinstance(o, dict | list) and not isinstance(n, dict | list):
            total += o != n
        elif key in old and key in new:
            total += count_doc_changes(o, n)
    return total


# --- small helpers -----------------------------------------------------------------------------


def _types(schema: Node) -> frozenset[str]:
    """The JSON types a schema allows (union over anyOf/oneOf branches); empty means any."""
    kind = schema.get("type")
    if isinstance(kind, str):
        return frozenset({kind})
    if isinstance(kind, list):
        return frozenset(map(str, kind))
    branches = [b for key in ("anyOf", "oneOf") for b in schema.get(key, [])]
    result = [_types(b) for b in branches if isinstance(b, dict)]
    if not result or not all(result):
        return frozenset()
    return frozenset().union(*result)


def _enum(schema: Node) -> list[Json] | None:
    """Allowed values from ``enum``/``const``, also when spread over anyOf/oneOf branches."""
    if "enum" in schema:
        return list(schema["enum"])
    if "const" in schema:
        return [schema["const"]]
    branches = [b for key in ("anyOf", "oneOf") for b in schema.get(key, [])]
    values = [_enum(b) for b in branches if isinstance(b, dict)]
    if branches and len(values) == len(branches) and all(v is not None for v in values):
        return [value for v in values for value in v or []]
    return None


def _type_text(schema: Node) -> str:
    return " | ".join(sorted(_types(schema))) or "any"


def _describe(schema: Node, required: bool) -> str:
    text = f"{'required' if required else 'optional'}, {_type_text(schema)}"
    values = _enum(schema)
    return text + (f", one of {values}" if values is not None else "")


def _related_names(a: str, b: str) -> bool:
    """One name extends the other (``x.y`` vs ``x.y.{key}.z``) or they differ only in case."""
    short, long = sorted((a, b), key=len)
    return long.startswith(short + ".") or a.lower() == b.lower()


def _pair_renames(
    removed: dict[str, Json], added: dict[str, Json], alike: Callable[[Json, Json], bool]
) -> list[tuple[str, str]]:
    """Pairs (old, new) where each is the other's only look-alike."""

    def candidates(name: str, value: Json, others: dict[str, Json]) -> list[str]:
        return [o for o, v in others.items() if _related_names(name, o) or alike(value, v)]

    pairs = []
    for old, old_value in removed.items():
        found = candidates(old, old_value, added)
        if len(found) == 1 and candidates(found[0], added[found[0]], removed) == [old]:
            pairs.append((old, found[0]))
    return pairs


def _short(value: Json) -> str:
    return "a schema" if isinstance(value, dict) else repr(value)


def _same_schema(a: Json, b: Json) -> bool:
    return bool(strip_docs(a) == strip_docs(b))


def _same_param_schema(a: Node, b: Node) -> bool:
    return _same_schema(a.get("schema"), b.get("schema"))


def _same_operation_id(a: Node, b: Node) -> bool:
    return a.get("operationId") is not None and a.get("operationId") == b.get("operationId")


def _rename_message(old_name: str, new_name: str, old_schema: Node, new_schema: Node) -> str:
    old_type, new_type = _type_text(old_schema), _type_text(new_schema)
    note = f" (type {old_type} → {new_type})" if old_type != new_type else ""
    return f"renamed? {old_name} → {new_name}{note}"


# --- schemas (request side: parameters and request bodies) ------------------------------------


class SchemaDiff:
    """Compares two schemas at ``name`` inside ``location`` of ``operation``."""

    def __init__(self, operation: str, location: str) -> None:
        self.operation, self.location = operation, location
        self.changes: list[Change] = []

    def add(self, name: str, message: str, breaking: bool, kind: str = "change") -> None:
        self.changes.append(Change(self.operation, self.location, name, message, breaking, kind))

    def compare(self, name: str, old: Node, new: Node) -> None:
        self._type(name, old, new)
        self._enum(name, old, new)
        self._plain_facets(name, old, new)
        self._bounds(name, old, new)
        self._properties(name, old, new)
        for key, suffix in (("items", "[]"), ("additionalProperties", ".*")):
            before, after = old.get(key), new.get(key)
            if isinstance(before, dict) and isinstance(after, dict):
                self.compare(name + suffix, before, after)
            elif before != after:  # absent, true, false or a schema: false/a schema restrict
                narrowed = after is False or (isinstance(after, dict) and before in (None, True))
                self.add(name, f"{key} {_short(before)} → {_short(after)}", narrowed)
        self._composites(name, old, new)
        self._other(name, old, new)

    def _type(self, name: str, old: Node, new: Node) -> None:
        before, after = _types(old), _types(new)
        if before != after:
            narrowed = bool(after) and not (before and before <= after)  # fewer types allowed
            self.add(name, f"type {_type_text(old)} → {_type_text(new)}", narrowed)

    def _enum(self, name: str, old: Node, new: Node) -> None:
        before, after = _enum(old), _enum(new)
        if before is None and after is not None:
            self.add(name, f"now restricted to {after}", True)
        elif before is not None and after is None:
            self.add(name, f"no longer restricted to {before}", False)
        elif before is not None and after is not None:
            for value in (v for v in before if v not in after):
                self.add(name, f"enum value removed: {value!r}", True)
            for value in (v for v in after if v not in before):
                self.add(name, f"enum value added: {value!r}", False)

    def _plain_facets(self, name: str, old: Node, new: Node) -> None:
        for key in ("default", "pattern", "format", "deprecated"):
            before, after = old.get(key), new.get(key)
            if before == after:
                continue
            # A new or different pattern/format may reject values that used to pass.
            breaking = key in ("pattern", "format") and after is not None
            self.add(name, f"{key} {before!r} → {after!r}", breaking)

    def _bounds(self, name: str, old: Node, new: Node) -> None:
        for key in (*LOWER_BOUNDS, *UPPER_BOUNDS):
            before, after = old.get(key), new.get(key)
            if before == after:
                continue
            if after is None or before is None:
                narrowed = before is None
            elif isinstance(before, int | float) and isinstance(after, int | float):
                narrowed = after > before if key in LOWER_BOUNDS else after < before
            else:  # e.g. 3.0-style boolean exclusiveMinimum
                narrowed = True
            self.add(name, f"{key} {before!r} → {after!r}", narrowed)

    def _properties(self, name: str, old: Node, new: Node) -> None:
        before: dict[str, Json] = old.get("properties") or {}
        after: dict[str, Json] = new.get("properties") or {}
        old_required, new_required = set(old.get("required", [])), set(new.get("required", []))
        prefix = f"{name}." if name else ""
        removed = {k: v for k, v in before.items() if k not in after}
        added = {k: v for k, v in after.items() if k not in before}
        for prop in removed:
            self.add(prefix + prop, "property removed", True)
        for prop, schema in added.items():
            required = prop in new_required
            self.add(prefix + prop, f"property added ({_describe(schema, required)})", required)
        for prop in sorted(before.keys() & after.keys()):
            if prop in new_required and prop not in old_required:
                self.add(prefix + prop, "now required", True)
            elif prop in old_required and prop not in new_required:
                self.add(prefix + prop, "no longer required", False)
            if isinstance(before[prop], dict) and isinstance(after[prop], dict):
                self.compare(prefix + prop, before[prop], after[prop])
        for old_name, new_name in _pair_renames(removed, added, _same_schema):
            message = _rename_message(
                prefix + old_name, prefix + new_name, removed[old_name], added[new_name]
            )
            self.add("", message, True, "rename")

    def _composites(self, name: str, old: Node, new: Node) -> None:
        for key in COMPOSITES:
            before, after = old.get(key) or [], new.get(key) or []
            if _enum({key: before}) is not None and _enum({key: after}) is not None:
                continue  # alternatives are just constants: _enum reported them
            if len(before) == len(after):
                for old_branch, new_branch in zip(before, after, strict=True):
                    self.compare(name, old_branch, new_branch)
            else:
                fewer = len(after) < len(before)
                self.add(name, f"{key}: {len(before)} → {len(after)} alternatives", fewer)

    def _other(self, name: str, old: Node, new: Node) -> None:
        keys = sorted(
            k
            for k in (old.keys() | new.keys()) - SCHEMA_KEYS_HANDLED - IGNORED_KEYS
            if strip_docs(old.get(k)) != strip_docs(new.get(k))
        )
        if keys:
            self.add(name, f"other schema change in {', '.join(keys)} (not analysed)", False)


# --- operations ----------------------------------------------------------------------------------


def _operations(document: Node) -> dict[tuple[str, str], tuple[str, Node]]:
    """(METHOD, path with template names blanked) -> (display name, operation + merged params)."""
    result = {}
    for path, item in (document.get("paths") or {}).items():
        for method in HTTP_METHODS:
            operation = item.get(method)
            if not isinstance(operation, dict):
                continue
            params = {(p.get("in"), p.get("name")): p for p in item.get("parameters", [])}
            params |= {(p.get("in"), p.get("name")): p for p in operation.get("parameters", [])}
            key = (method.upper(), re.sub(r"\{[^}]*\}", "{}", path))
            result[key] = (f"{method.upper()} {path}", {**operation, "parameters": params})
    return result


def diff_parameters(op: str, old: Node, new: Node) -> list[Change]:
    changes = []
    before: dict[tuple[str, str], Node] = old["parameters"]
    after: dict[tuple[str, str], Node] = new["parameters"]
    for where in sorted({loc for loc, _ in before.keys() | after.keys()}):
        diff = SchemaDiff(op, f"parameter {where}")
        olds = {name: p for (loc, name), p in before.items() if loc == where}
        news = {name: p for (loc, name), p in after.items() if loc == where}
        removed = {n: p for n, p in olds.items() if n not in news}
        added = {n: p for n, p in news.items() if n not in olds}
        for name in removed:
            diff.add(name, "removed", True)
        for name, param in added.items():
            required = bool(param.get("required"))
            diff.add(name, f"added ({_describe(param.get('schema', {}), required)})", required)
        for name in sorted(olds.keys() & news.keys()):
            o, n = olds[name], news[name]
            if n.get("required") and not o.get("required"):
                diff.add(name, "now required", True)
            elif o.get("required") and not n.get("required"):
                diff.add(name, "no longer required", False)
            for key in ("style", "explode", "deprecated"):
                if o.get(key) != n.get(key):
                    diff.add(name, f"{key} {o.get(key)!r} → {n.get(key)!r}", key != "deprecated")
            diff.compare(name, o.get("schema", {}), n.get("schema", {}))
        for old_name, new_name in _pair_renames(removed, added, _same_param_schema):
            old_schema, new_schema = (
                olds[old_name].get("schema", {}),
                news[new_name].get("schema", {}),
            )
            diff.add(
                "", _rename_message(old_name, new_name, old_schema, new_schema), True, "rename"
            )
        changes += diff.changes
    return changes


def diff_request_body(op: str, old: Node, new: Node) -> list[Change]:
    before: Node | None = old.get("requestBody")
    after: Node | None = new.get("requestBody")
    if before is None or after is None:
        if after is not None:
            required = bool(after.get("required"))
            message = f"added ({'required' if required else 'optional'})"
            return [Change(op, "request body", "", message, required)]
        return [] if before is None else [Change(op, "request body", "", "removed", True)]
    changes = []
    if after.get("required") and not before.get("required"):
        changes.append(Change(op, "request body", "", "now required", True))
    old_content, new_content = before.get("content") or {}, after.get("content") or {}
    for ctype in old_content.keys() - new_content.keys():
        changes.append(Change(op, "request body", ctype, "content type removed", True))
    for ctype in new_content.keys() - old_content.keys():
        changes.append(Change(op, "request body", ctype, "content type added", False))
    for ctype in sorted(old_content.keys() & new_content.keys()):
        diff = SchemaDiff(op, f"request body {ctype}")
        diff.compare("", old_content[ctype].get("schema", {}), new_content[ctype].get("schema", {}))
        changes += diff.changes
    return changes


def diff_responses(op: str, old: Node, new: Node) -> list[Change]:
    changes = []
    before: Node = old.get("responses") or {}
    after: Node = new.get("responses") or {}
    for code in sorted(before.keys() - after.keys()):
        changes.append(Change(op, "response", code, "status code removed", True))
    for code in sorted(after.keys() - before.keys()):
        changes.append(Change(op, "response", code, "status code added", False))
    for code in sorted(before.keys() & after.keys()):
        o, n = before[code], after[code]
        where = f"response {code}"
        changes += _added_removed(op, where, "content type", o.get("content"), n.get("content"))
        changes += _added_removed(
            op, where, "header", o.get("headers"), n.get("headers"), str.lower
        )
    return changes


def _added_removed(
    op: str,
    location: str,
    what: str,
    old: Iterable[str] | None,
    new: Iterable[str] | None,
    normalize: Callable[[str], str] = str,
) -> list[Change]:
    """Keys of ``old``/``new`` (e.g. content types) that disappeared (breaking) or appeared."""
    before = {normalize(k): k for k in old or ()}
    after = {normalize(k): k for k in new or ()}
    gone = sorted(before.keys() - after.keys())
    new_keys = sorted(after.keys() - before.keys())
    return [Change(op, location, before[k], f"{what} removed".strip(), True) for k in gone] + [
        Change(op, location, after[k], f"{what} added".strip(), False) for k in new_keys
    ]


def diff_security(op: str, old: Json, new: Json) -> list[Change]:
    """Security requirements: a different requirement asks the client for other credentials."""

    def text(requirements: Json) -> str:
        if requirements is None:
            return "none"
        options = [" + ".join(sorted(r)) or "anonymous" for r in requirements]
        return " or ".join(options) or "none"

    if strip_docs(old) == strip_docs(new):
        return []
    return [Change(op, "security", "", f"{text(old)} → {text(new)}", True)]


def diff_operation(op: str, old: Node, new: Node, security: tuple[Json, Json]) -> list[Change]:
    """``security`` is the document-wide requirement (old, new), used unless overridden."""
    changes: list[Change] = []
    if old.get("operationId") != new.get("operationId"):
        message = f"operationId {old.get('operationId')!r} → {new.get('operationId')!r}"
        changes.append(Change(op, "operation", "", message, False))
    if new.get("deprecated") and not old.get("deprecated"):
        changes.append(Change(op, "operation", "", "deprecated", False))
    if "security" in old or "security" in new:  # only overrides; the rest is document-wide
        old_security, new_security = (
            old.get("security", security[0]),
            new.get("security", security[1]),
        )
        changes += diff_security(op, old_security, new_security)
    changes += diff_parameters(op, old, new)
    changes += diff_request_body(op, old, new)
    changes += diff_responses(op, old, new)
    return changes


def diff_document_level(old: Node, new: Node) -> list[Change]:
    changes = diff_security("", old.get("security"), new.get("security"))
    old_schemes = (old.get("components") or {}).get("securitySchemes") or {}
    new_schemes = (new.get("components") or {}).get("securitySchemes") or {}
    changes += _added_removed("", "security scheme", "", old_schemes, new_schemes)
    for name in sorted(old_schemes.keys() & new_schemes.keys()):
        if strip_docs(old_schemes[name]) != strip_docs(new_schemes[name]):
            changes.append(Change("", "security scheme", name, "changed", True))
    old_servers = {s.get("url") for s in old.get("servers") or []}
    new_servers = {s.get("url") for s in new.get("servers") or []}
    for url in sorted(old_servers - new_servers):
        changes.append(Change("", "server", url, "removed", True))
    for url in sorted(new_servers - old_servers):
        changes.append(Change("", "server", url, "added", False))
    return changes


def diff_specs(
    old: Node,
    new: Node,
    old_name: str = "OLD",
    new_name: str = "NEW",
    overlay: Node | None = None,
) -> Report:
    """Compare two OpenAPI documents (as loaded, refs unresolved) and return the report.

    With ``overlay`` (an Overlay document, see :func:`load_overlay`) the report also has the
    sections for Python users (see :func:`add_python_sections`).
    """
    report = Report(old_name, new_name, descriptions_changed=count_doc_changes(old, new))
    if overlay is not None:
        add_python_sections(report, old, new, overlay)
    old, new = inline_refs(old), inline_refs(new)
    report.changes += diff_document_level(old, new)
    before, after = _operations(old), _operations(new)
    for name, operation in [*before.values(), *after.values()]:
        if operation.get("operationId"):
            report.operation_ids[name] = operation["operationId"]
    removed = {k: v for k, v in before.items() if k not in after}
    added = {k: v for k, v in after.items() if k not in before}
    for key in sorted(removed, key=lambda k: (k[1], k[0])):
        report.changes.append(Change(removed[key][0], "operation", "", "removed", True))
    for key in sorted(added, key=lambda k: (k[1], k[0])):
        op_id = added[key][1].get("operationId")
        report.changes.append(Change(added[key][0], "operation", "", f"added ({op_id})", False))
    security = (old.get("security"), new.get("security"))
    for key in sorted(before.keys() & after.keys(), key=lambda k: (k[1], k[0])):
        report.changes += diff_operation(after[key][0], before[key][1], after[key][1], security)
    renames = _pair_renames(
        {before[k][0]: before[k][1] for k in removed},
        {after[k][0]: after[k][1] for k in added},
        _same_operation_id,
    )
    for old_op, new_op in renames:
        report.changes.append(
            Change(old_op, "operation", "", f"renamed? → {new_op}", True, "rename")
        )
    return report


# --- what the update means for Python users ---------------------------------------------------

EDIT_OPERATIONS = ("edit-image-from-url", "edit-image-upload")
SEGMENT_OPERATION = "remove-background"
EDIT_KEYWORD = "edit() keyword"
GROUP_FIELD = "group field"
SEGMENT_KEYWORD = "remove_background() keyword"
LITERAL = "Literal"
CLI_FLAG = "CLI flag"
SURFACE_KINDS = (EDIT_KEYWORD, GROUP_FIELD, SEGMENT_KEYWORD, LITERAL, CLI_FLAG)
Surface = dict[tuple[str, str], Json]  # (kind, name) -> annotation, Literal values, or None


def load_overlay(path: Path = OVERLAY) -> Node:
    overlay: Node = read_document(path)
    return overlay


def add_python_sections(report: Report, old: Node, new: Node, overlay: Node) -> None:
    """Fill the sections for Python users: the Python surface (the option layer generated from
    each document with ``overlay`` applied), server defaults, GET/POST twins of ``/v2/edit``
    that disagree in ``new``, and the overlay's actions that match nothing in ``new``."""
    report.extended = True
    report.defaults = diff_defaults(old, new)
    old_twins = {f.name: f.message for f in twin_disagreements(old)}
    report.twins = [
        Finding(f.where, f.name, f.message, new=old_twins.get(f.name) != f.message)
        for f in twin_disagreements(new)
    ]
    try:
        old_surface, report.overlay_skipped_old = python_surface(old, overlay)
        new_surface, report.overlay_skipped = python_surface(new, overlay)
    except (KeyError, TypeError, ValueError, AttributeError, generate_tables.TableError) as error:
        report.python_error = f"{type(error).__name__}: {error}"
        return
    report.python = diff_surface(old_surface, new_surface)
    new_operations = generate_tables.operation_entries(apply_overlay.apply_overlay(new, overlay)[0])
    gone = field_references.missing(generate_tables.field_names(new_operations))
    report.unreachable = [ref.text() for ref in gone]


UNREACHABLE_HEADING = "Emulator behaviour no longer reachable"


def python_surface(document: Node, overlay: Node) -> tuple[Surface, list[str]]:
    """The public Python surface of ``document`` and the overlay targets it lacks."""
    overlaid, overlay_report = apply_overlay.apply_overlay(document, overlay)
    return surface_of(generate_tables.operation_entries(overlaid)), overlay_report.skipped


def _annotation(schema: Node, alias: str, literals: dict[str, list[Json]]) -> str:
    """``generate_tables.python_type`` of ``schema``; its Literal aliases go to ``literals``
    (values merged, so GET/POST twins that disagree do not fail as in generation)."""
    local: dict[str, str] = {}
    try:
        annotation = generate_tables.python_type(schema, local, alias)
    except generate_tables.TableError as error:
        return f"? ({error})"
    for name, body in local.items():
        values = json.loads("[" + body[len("Literal[") : -1] + "]")
        merged = literals.setdefault(name, [])
        merged.extend(v for v in values if v not in merged)
    return annotation


def surface_of(operations: dict[str, dict[str, Any]]) -> Surface:
    """What ``generate_tables.options_module`` and the CLI make public, from the table:
    ``edit()`` keywords, option group fields (``Class.field``), ``remove_background()``
    keywords, ``Literal`` aliases with their values, and CLI flags."""
    items: Surface = {}
    literals: dict[str, list[Json]] = {}
    edit = [operations[o] for o in EDIT_OPERATIONS if o in operations]
    fields: dict[tuple[str, str | None], list[str]] = {}
    prefixes: dict[str, str] = {}  # group option -> first segment of its wire names
    for op in edit:
        for param in op["params"]:
            option, name = param["option"], param["field"]
            if option is None:
                continue
            alias = generate_tables.camel_words(param["wire"])
            fields.setdefault((option, name), []).append(
                _annotation(param["schema"], alias, literals)
            )
            if name is not None:
                prefixes.setdefault(option, param["wire"].split(".", 1)[0])
    keyed: dict[tuple[str, str | None], None] = {}
    for op in edit:
        for leaf in op["keyed"]["leaves"]:
            keyed[(leaf["option"], leaf["field"])] = None
            if leaf["field"] is not None:
                prefixes.setdefault(leaf["option"], leaf["prefix"].split(".", 1)[0])
    classes = {option: generate_tables.camel_words(wire) for option, wire in prefixes.items()}
    for (option, name), types in fields.items():
        merged = generate_tables._merge_types(types)
        if name is None:
            items[(EDIT_KEYWORD, option)] = merged
        else:
            items[(GROUP_FIELD, f"{classes[option]}.{name}")] = merged
    for option, cls in classes.items():
        kind = cls
        mode = fields.get((option, "mode"))
        if mode is not None:  # the group, its mode alone, or True when the mode has one value
            annotation = generate_tables._merge_types(mode)
            values = [v for part in annotation.split(" | ") for v in literals.get(part, [])]
            one = f"Literal[True, {json.dumps(values[0])}]" if len(values) == 1 else annotation
            kind = f"{cls} | {one}"
        items[(EDIT_KEYWORD, option)] = kind
    for option, name in keyed:
        if name is None:
            items[(EDIT_KEYWORD, option)] = "Mapping[str, Mapping[str, Any]]"
        else:
            items[(GROUP_FIELD, f"{classes[option]}.{name}")] = "Mapping[str, ImageInput]"
    for option, name in [*fields, *keyed]:
        flag = flag_name(option, name)
        boolean = (option, name) in fields and generate_tables._merge_types(fields[option, name])
        for spelling in (flag, "--no-" + flag[2:]) if boolean == "bool" else (flag,):
            items[(CLI_FLAG, f"photoroom edit {spelling}")] = None  # bool: BooleanOptionalAction
    segment = operations.get(SEGMENT_OPERATION)
    for param in segment["params"] if segment else []:
        if param["option"] is None:
            continue
        alias = "Segment" + generate_tables.camel_words(param["wire"])
        annotation = _annotation(param["schema"], alias, literals)
        items[(SEGMENT_KEYWORD, param["option"])] = annotation
        flag = flag_name(param["option"])
        for spelling in (flag, "--no-" + flag[2:]) if annotation == "bool" else (flag,):
            items[(CLI_FLAG, f"photoroom remove-bg {spelling}")] = None
    for op in operations.values():  # request headers (model versions): keywords and flags
        for header in op.get("headers", []):
            alias = generate_tables.camel_words(header["option"])
            annotation = _annotation(header["schema"], alias, literals)
            for ids, keyword, command in (
                (EDIT_OPERATIONS, EDIT_KEYWORD, "edit"),
                ((SEGMENT_OPERATION,), SEGMENT_KEYWORD, "remove-bg"),
            ):
                if op["operation_id"] in ids:
                    items[(keyword, header["option"])] = annotation
                    items[(CLI_FLAG, f"photoroom {command} {flag_name(header['option'])}")] = None
    for alias, values in literals.items():
        items[(LITERAL, alias)] = values
    return items


def _values_text(values: list[Json]) -> str:
    return ", ".join(json.dumps(v) for v in values)


def _surface_text(value: Json) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return f"Literal[{_values_text(value)}]"
    return str(value)


def diff_surface(old: Surface, new: Surface) -> list[Finding]:
    """Added, removed and changed items; removals and narrowing are breaking."""
    findings = []
    order = {kind: index for index, kind in enumerate(SURFACE_KINDS)}
    for key in sorted(old.keys() | new.keys(), key=lambda k: (order[k[0]], k[1])):
        kind, name = key
        if key not in new:
            findings.append(Finding(kind, name, "removed", True, before=_surface_text(old[key])))
        elif key not in old:
            findings.append(Finding(kind, name, "added", after=_surface_text(new[key])))
        elif isinstance(old[key], list) and isinstance(new[key], list):
            gone = [v for v in old[key] if v not in new[key]]
            more = [v for v in new[key] if v not in old[key]]
            parts = [f"values added: {_values_text(more)}"] if more else []
            parts += [f"values removed: {_values_text(gone)}"] if gone else []
            if parts:
                findings.append(Finding(kind, name, "; ".join(parts), bool(gone)))
        elif old[key] != new[key]:
            before, after = str(old[key]), str(new[key])
            widened = _widened(before, after, old)
            findings.append(Finding(kind, name, "type", not widened, before=before, after=after))
    return findings


def _widened(before: str, after: str, old: Surface) -> bool:
    """Whether every value of annotation ``before`` is still accepted by ``after``: each part is
    kept, or is a Literal alias of strings and ``after`` takes any ``str``."""
    kept = set(after.split(" | "))
    for part in set(before.split(" | ")) - kept:
        values = old.get((LITERAL, part))
        strings = isinstance(values, list) and all(isinstance(v, str) for v in values)
        if not (strings and "str" in kept):
            return False
    return True


def _defaults_of(document: Node) -> dict[tuple[str, str, str], Json]:
    """(operation, location, parameter) -> upstream ``default``, nested ones in dot notation."""
    found: dict[tuple[str, str, str], Json] = {}

    def collect(operation: str, location: str, name: str, schema: Json) -> None:
        if not isinstance(schema, dict):
            return
        if "default" in schema:
            found.setdefault((operation, location, name), schema["default"])
        for key, child in (schema.get("properties") or {}).items():
            collect(operation, location, f"{name}.{key}" if name else key, child)
        for key in COMPOSITES:
            for branch in schema.get(key) or []:
                collect(operation, location, name, branch)
        collect(operation, location, f"{name}[]", schema.get("items"))
        collect(operation, location, f"{name}.*", schema.get("additionalProperties"))

    for display, operation in _operations(inline_refs(document)).values():
        for (where, name), parameter in operation["parameters"].items():
            collect(display, f"parameter {where}", name, parameter.get("schema"))
        content = (operation.get("requestBody") or {}).get("content") or {}
        for ctype, media in content.items():
            collect(display, f"request body {ctype}", "", (media or {}).get("schema"))
    return found


def diff_defaults(old: Node, new: Node) -> list[Finding]:
    """Server defaults added, removed or changed, per operation and parameter."""
    before, after = _defaults_of(old), _defaults_of(new)
    findings = []
    for key in [*before, *(k for k in after if k not in before)]:
        operation, location, name = key
        where = f"{operation} {location}"
        if key not in after:
            findings.append(Finding(where, name, f"removed (was {before[key]!r})"))
        elif key not in before:
            findings.append(Finding(where, name, f"added: {after[key]!r}"))
        elif before[key] != after[key]:
            findings.append(Finding(where, name, f"{before[key]!r} → {after[key]!r}"))
    return findings


def _constraints(schema: Node) -> dict[str, Json]:
    """What a value must satisfy: type, allowed values, bounds and patterns (anyOf/oneOf
    branches included); documentation, examples and defaults aside."""
    facets: dict[str, Json] = {"type": _type_text(schema)}  # text; the others are values
    values: list[Json] = []
    nodes = [schema]
    while nodes:
        node = nodes.pop(0)
        values += [v for v in node.get("enum", []) if v not in values]
        if "const" in node and node["const"] not in values:
            values.append(node["const"])
        for key in (*LOWER_BOUNDS, *UPPER_BOUNDS, "pattern"):
            if key in node:
                facets.setdefault(key, [])
                facets[key].append(node[key])
        nodes += [b for key in ("anyOf", "oneOf") for b in node.get(key, []) if isinstance(b, dict)]
    facets["enum"] = values or None
    for key, found in facets.items():
        if key != "enum" and isinstance(found, list) and len(found) == 1:
            facets[key] = found[0]
    return facets


def twin_disagreements(document: Node) -> list[Finding]:
    """``/v2/edit`` query parameters whose multipart field of the same name has other
    constraints (upstream often leaves the POST twin a bare type)."""
    item = ((inline_refs(document).get("paths") or {}).get("/v2/edit")) or {}
    get, post = item.get("get"), item.get("post")
    if not isinstance(get, dict) or not isinstance(post, dict):
        return []
    query = {
        p["name"]: p.get("schema") or {}
        for p in [*item.get("parameters", []), *get.get("parameters", [])]
        if isinstance(p, dict) and p.get("in") == "query" and "name" in p
    }
    media = ((post.get("requestBody") or {}).get("content") or {}).get("multipart/form-data")
    fields = ((media or {}).get("schema") or {}).get("properties") or {}
    findings = []
    for name, schema in query.items():
        twin = fields.get(name)
        if not isinstance(twin, dict) or not isinstance(schema, dict):
            continue
        on_get, on_post = _constraints(schema), _constraints(twin)
        parts = [
            f"{key} GET {_facet(key, on_get.get(key))}, POST {_facet(key, on_post.get(key))}"
            for key in dict.fromkeys([*on_get, *on_post])
            if on_get.get(key) != on_post.get(key)
        ]
        if parts:
            findings.append(Finding("/v2/edit", name, "; ".join(parts)))
    return findings


def _facet(key: str, value: Json) -> str:
    return "none" if value is None else str(value) if key == "type" else repr(value)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("old", type=Path, help="older OpenAPI document (JSON or YAML)")
    parser.add_argument("new", type=Path, help="newer OpenAPI document (JSON or YAML)")
    parser.add_argument(
        "--format", choices=("text", "json", "markdown"), default="text", help="report format"
    )
    parser.add_argument("--json", action="store_true", help="same as --format json")
    parser.add_argument(
        "--fail-on-breaking",
        action="store_true",
        help="exit with 1 when anything is breaking (API or Python surface)",
    )
    parser.add_argument(
        "--overlay", type=Path, default=OVERLAY, help=f"overlay document (default: {OVERLAY})"
    )
    parser.add_argument(
        "--api-only",
        action="store_true",
        help="only the API diff (no Python surface, server defaults, twins, overlay)",
    )
    args = parser.parse_args(argv)
    try:
        old, new = load_document(args.old), load_document(args.new)
        overlay = None if args.api_only else load_overlay(args.overlay)
    except (OSError, ValueError) as error:
        print(f"spec_diff: {error}", file=sys.stderr)
        return 2
    report = diff_specs(old, new, str(args.old), str(args.new), overlay)
    fmt = "json" if args.json else args.format
    if fmt == "json":
        print(json.dumps(report.to_json(), indent=2))
    else:
        print(report.to_markdown() if fmt == "markdown" else report.to_text())
    return 1 if args.fail_on_breaking and report.breaking else 0


if __name__ == "__main__":
    sys.exit(main())
