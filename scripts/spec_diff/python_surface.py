"""The public Python surface an upstream document gives ``photoroom``, and its diff.

The surface is what the option layer ``scripts/generate_tables.py`` would generate from the
document with the overlay applied, and what the CLI derives from it: ``edit()`` and
``remove_background()`` keywords, option group fields (``Class.field``), ``Literal`` aliases with
their values, and CLI flags (named by the CLI's own rule, ``photoroom.cli.flag_name``). Anything
removed or narrowed is breaking for code written against OLD. Also here: hand-written code left
reading a field the new version removed (its behaviour is unreachable).
"""

from __future__ import annotations

import json
from typing import Any

from photoroom.cli import flag_name

from .. import apply_overlay, field_references, generate_tables
from .report import Finding, Json, Node

EDIT_OPERATIONS = ("edit-image-from-url", "edit-image-upload")
SEGMENT_OPERATION = "remove-background"
EDIT_KEYWORD = "edit() keyword"
GROUP_FIELD = "group field"
SEGMENT_KEYWORD = "remove_background() keyword"
LITERAL = "Literal"
CLI_FLAG = "CLI flag"
SURFACE_KINDS = (EDIT_KEYWORD, GROUP_FIELD, SEGMENT_KEYWORD, LITERAL, CLI_FLAG)
Surface = dict[tuple[str, str], Json]  # (kind, name) -> annotation, Literal values, or None


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


def unreachable_behaviour(document: Node, overlay: Node) -> list[str]:
    """Where hand-written code reads a field ``document`` (with ``overlay`` applied) does not
    have: its behaviour can no longer be reached."""
    overlaid, _ = apply_overlay.apply_overlay(document, overlay)
    names = generate_tables.field_names(generate_tables.operation_entries(overlaid))
    gone = field_references.missing(names)
    return [ref.text() for ref in gone]
