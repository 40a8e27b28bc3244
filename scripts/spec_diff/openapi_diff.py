"""What changed between two versions of an OpenAPI 3.1 document, for any API.

Local ``$ref``s are resolved before comparing (``photoroom.spec.inline_refs``). Each change
says where (operation, parameter, request body, response) and what, and is breaking when a
client written against OLD may stop working with NEW: something it uses was removed, something
new is required, a type changed or a constraint narrowed. Descriptions, summaries, titles and
examples are ignored (only counted). A removal and an addition that look alike (same schema, or
one name extends the other) also give a ``renamed?`` hint.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from photoroom.spec import inline_refs

from .report import Change, Json, Node

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


def type_text(schema: Node) -> str:
    return " | ".join(sorted(_types(schema))) or "any"


def _describe(schema: Node, required: bool) -> str:
    text = f"{'required' if required else 'optional'}, {type_text(schema)}"
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
    old_type, new_type = type_text(old_schema), type_text(new_schema)
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
            self.add(name, f"type {type_text(old)} → {type_text(new)}", narrowed)

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


def operations_of(document: Node) -> dict[tuple[str, str], tuple[str, Node]]:
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


def diff_api(old: Node, new: Node) -> tuple[list[Change], dict[str, str]]:
    """The changes from ``old`` to ``new`` (as loaded, refs unresolved), by operation, and the
    operationId of each operation in either ("GET /x" -> id)."""
    old, new = inline_refs(old), inline_refs(new)
    changes = diff_document_level(old, new)
    operation_ids: dict[str, str] = {}
    before, after = operations_of(old), operations_of(new)
    for name, operation in [*before.values(), *after.values()]:
        if operation.get("operationId"):
            operation_ids[name] = operation["operationId"]
    removed = {k: v for k, v in before.items() if k not in after}
    added = {k: v for k, v in after.items() if k not in before}
    for key in sorted(removed, key=lambda k: (k[1], k[0])):
        changes.append(Change(removed[key][0], "operation", "", "removed", True))
    for key in sorted(added, key=lambda k: (k[1], k[0])):
        op_id = added[key][1].get("operationId")
        changes.append(Change(added[key][0], "operation", "", f"added ({op_id})", False))
    security = (old.get("security"), new.get("security"))
    for key in sorted(before.keys() & after.keys(), key=lambda k: (k[1], k[0])):
        changes += diff_operation(after[key][0], before[key][1], after[key][1], security)
    renames = _pair_renames(
        {before[k][0]: before[k][1] for k in removed},
        {after[k][0]: after[k][1] for k in added},
        _same_operation_id,
    )
    for old_op, new_op in renames:
        changes.append(Change(old_op, "operation", "", f"renamed? → {new_op}", True, "rename"))
    return changes, operation_ids
