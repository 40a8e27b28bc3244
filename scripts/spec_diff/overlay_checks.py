"""What the overlay has to fix in an upstream version, and how that changed from OLD to NEW.

- server defaults: upstream's ``default`` on request parameters and fields (the overlay moves
  them to ``x-server-default``: what the server assumes, not something to send), added, removed
  or changed;
- GET/POST twins: ``/v2/edit`` query parameters whose multipart field of the same name has other
  constraints (information: the overlay's twin rule gives the POST field the GET schema).

The overlay's actions that match nothing in a version come from applying it
(:func:`.python_surface.python_surface`).
"""

from __future__ import annotations

from photoroom.spec import inline_refs

from .openapi_diff import COMPOSITES, LOWER_BOUNDS, UPPER_BOUNDS, operations_of, type_text
from .report import Finding, Json, Node


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

    for display, operation in operations_of(inline_refs(document)).values():
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
    facets: dict[str, Json] = {"type": type_text(schema)}  # text; the others are values
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


def twin_changes(old: Node, new: Node) -> list[Finding]:
    """The twins that disagree in ``new``, each marked ``new`` unless ``old`` had the same
    disagreement."""
    old_twins = {f.name: f.message for f in twin_disagreements(old)}
    return [
        Finding(f.where, f.name, f.message, new=old_twins.get(f.name) != f.message)
        for f in twin_disagreements(new)
    ]
