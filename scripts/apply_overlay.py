"""Apply an OpenAPI Overlay 1.0 document to an OpenAPI description.

Targets are RFC 9535 JSONPath expressions, evaluated by ``jsonpath-rfc9535``; this module only
implements the Overlay semantics on top (Overlay 1.0.0, section 4.4):

- ``remove: true`` deletes every node the target selects;
- ``update`` on an object is merged recursively (objects merge, everything else is replaced);
- ``update`` on an array appends the update value as one new entry.

An action whose target selects nothing is not an error: upstream may not have that part (yet, or
any more). It is reported as skipped, so a run over an older snapshot says what did not apply.

Derivations (``x-photoroom-derive`` on an action, instead of ``update``/``remove``): rules that
compute a fix from the document being overlaid, so the overlay never carries a copy of
upstream's values (a copy would go stale when upstream adds an enum value). Each is documented on
its function below and in overlay/README.md:

- ``server-defaults: true`` (target: schemas): ``default`` becomes ``x-server-default``;
- ``string-booleans: true`` (target: schemas): an enum of "true"/"false" becomes a boolean;
- ``twin-of: PATH`` (target: a multipart ``properties`` object): each field named like a
  parameter of the list at ``PATH`` takes that parameter's schema; ``add: [names]`` creates fields;
- ``flatten: query | body`` (target: an operation): object-valued parameters become dot-notation
  leaves, templated names (``{key}``) move to ``x-photoroom-keyed-parameters``, and files are
  dropped from query strings;
- ``media-types: {aliases: {...}}`` (target: a format enum): ``x-photoroom-media-types``;
- ``content-types-from: PATH`` (target: a response ``content``): one entry per media type of the
  format schema at ``PATH``;
- ``url-format: {names: REGEX, pattern: P}`` (target: an operation): ``format: uri`` (and the
  pattern) on the string fields so named.

Usage: ``python -m scripts.apply_overlay UPSTREAM OVERLAY OUTPUT [--strict]``
(``--strict`` fails when any action is skipped; the pinned spec is built that way).
"""

from __future__ import annotations

import argparse
import copy
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import jsonpath_rfc9535

from photoroom.spec import read_document

Location = tuple[str | int, ...]


@dataclass
class OverlayReport:
    """What each action did: how many nodes it touched, and which actions matched nothing."""

    applied: list[tuple[str, int]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"overlay: {len(self.applied)} actions applied, {len(self.skipped)} skipped"]
        out += [f"  skipped (target matched nothing): {target}" for target in self.skipped]
        return out


def merge(target: dict[str, Any], update: dict[str, Any]) -> None:
    """Recursive merge: nested objects merge key by key, any other value replaces."""
    for key, value in update.items():
        if isinstance(value, dict) and isinstance(target.get(key), dict):
            merge(target[key], value)
        else:
            target[key] = copy.deepcopy(value)


def _node_at(document: Any, location: Location) -> Any:
    node = document
    for step in location:
        node = node[step]
    return node


def _remove(document: Any, locations: list[Location]) -> None:
    # Delete the deepest and then the right-most entries first so earlier array indices stay valid.
    for location in sorted(locations, key=lambda loc: (len(loc), loc), reverse=True):
        parent = _node_at(document, location[:-1])
        del parent[location[-1]]


def apply_overlay(document: Any, overlay: dict[str, Any]) -> tuple[Any, OverlayReport]:
    """Return a new document with every action applied in order, and the report."""
    if not str(overlay.get("overlay", "")).startswith("1."):
        raise ValueError("not an Overlay 1.x document (missing 'overlay: 1.0.0')")
    result = copy.deepcopy(document)
    report = OverlayReport()
    for action in overlay.get("actions", []):
        target = action["target"]
        nodes = jsonpath_rfc9535.find(target, result)
        locations = [tuple(node.location) for node in nodes]
        if not locations:
            report.skipped.append(target)
            continue
        if "x-photoroom-derive" in action:
            for node in nodes:
                derive(result, node.value, action["x-photoroom-derive"])
        elif action.get("remove"):
            _remove(result, locations)
        elif "update" in action:
            for node in nodes:
                if isinstance(node.value, dict):
                    merge(node.value, action["update"])
                elif isinstance(node.value, list):
                    node.value.append(copy.deepcopy(action["update"]))
                else:
                    raise ValueError(f"update target is neither object nor array: {target}")
        report.applied.append((target, len(locations)))
    return result, report


# --- derivations ---------------------------------------------------------------------------------

KEYED: Final = "x-photoroom-keyed-parameters"
MEDIA_TYPES: Final = "x-photoroom-media-types"
SERVER_DEFAULT: Final = "x-server-default"


def derive(document: Any, node: Any, spec: dict[str, Any]) -> None:
    """Run the derivations named in ``spec`` on ``node`` (see the module docstring)."""
    for name, argument in spec.items():
        if name == "server-defaults":
            _server_defaults(node)
        elif name == "string-booleans":
            _string_booleans(node)
        elif name == "twin-of":
            _twin_of(document, node, argument, spec.get("add", []))
        elif name == "add":
            continue  # an argument of twin-of
        elif name == "flatten":
            _flatten(node, argument)
        elif name == "media-types":
            _media_types(node, (argument or {}).get("aliases", {}))
        elif name == "content-types-from":
            _content_types_from(document, node, argument)
        elif name == "url-format":
            _url_format(node, argument["names"], argument.get("pattern"))
        else:
            raise ValueError(f"unknown derivation {name!r}")


def _server_defaults(schema: dict[str, Any]) -> None:
    """Q10: a request-side ``default`` is what the server assumes, not something to send.

    The generator turns ``default`` into a Python default sent on every call; moved to
    ``x-server-default`` it documents the server's behaviour and the emulator applies it.
    """
    if isinstance(schema, dict) and "default" in schema:
        schema.setdefault(SERVER_DEFAULT, schema.pop("default"))


def _string_booleans(schema: dict[str, Any]) -> None:
    """A string enum of exactly ``"true"``/``"false"`` is a boolean (its default converted)."""
    if set(schema.get("enum", [])) == {"true", "false"}:
        schema.pop("enum")
        schema["type"] = "boolean"
        if isinstance(schema.get(SERVER_DEFAULT), str):
            schema[SERVER_DEFAULT] = schema[SERVER_DEFAULT] == "true"


def _twin_of(document: Any, properties: dict[str, Any], path: str, add: list[str]) -> None:
    """Each multipart field named like a parameter of the list at ``path`` takes its schema.

    Upstream declares bare types on the multipart body (``shadow.mode: {type: string}``) where
    the query parameter of the same name has the enum, range, pattern and default. The field
    keeps only what says how it travels and what it is: its own ``description`` and ``items``
    (files on POST where GET takes URLs). ``add`` names parameters the body lacks upstream.
    """
    found: list[Any] = [node.value for node in jsonpath_rfc9535.find(path, document)]
    twins: list[Any] = found[0] if found and isinstance(found[0], list) else []
    by_name = {p["name"]: p for p in twins if isinstance(p, dict) and "name" in p}
    for name in add:
        if name in by_name and name not in properties:
            properties[name] = {"description": by_name[name].get("description", "")}
    for name, field_schema in list(properties.items()):
        twin = by_name.get(name)
        if twin is None or not isinstance(field_schema, dict):
            continue
        derived = copy.deepcopy(twin.get("schema", {}))
        for own in ("description", "items"):
            if own in field_schema:
                derived[own] = field_schema[own]
        if "items" in derived and derived.get("type") != "array":
            derived.pop("items")
        properties[name] = derived


def _flatten(operation: dict[str, Any], location: str) -> None:
    """Q1/Q7/Q8/Q9: leaves in dot notation, the way the API reads query strings and forms.

    An object-valued parameter (``virtualModel.model``: anyOf of ``{preset: {name}}`` and
    ``{custom: {imageUrl}}``) becomes one parameter per leaf (``virtualModel.model.preset.name``),
    its object default distributed to the leaves; scalar branches of an anyOf stay on the
    parameter's own name (``background.expandPrompt``: ``auto``/``never``). A map
    (``additionalProperties``) gets a ``{key}`` segment, and every templated name moves to
    ``x-photoroom-keyed-parameters.leaves`` (the generator would send the text ``{key}``). In a
    query string, file leaves are dropped: a file cannot travel there.
    """
    keyed = operation.setdefault(KEYED, {}).setdefault("leaves", {})
    if location == "query":
        out = []
        for parameter in operation.get("parameters", []):
            if not isinstance(parameter, dict) or parameter.get("in") != "query":
                out.append(parameter)
                continue
            for name, schema, description in _leaves(
                parameter["name"], parameter.get("schema", {}), parameter.get("description")
            ):
                if schema.get("format") == "binary":
                    continue
                if "{key}" in name:
                    keyed[name] = schema
                    continue
                leaf = {k: v for k, v in parameter.items() if k not in ("schema", "description")}
                leaf["name"] = name
                if description:
                    leaf["description"] = description
                leaf["schema"] = schema
                out.append(leaf)
        operation["parameters"] = out
    elif location == "body":
        for media in operation.get("requestBody", {}).get("content", {}).values():
            body = media.get("schema", {})
            flat: dict[str, Any] = {}
            for field_name, field_schema in body.get("properties", {}).items():
                for name, schema, description in _leaves(
                    field_name, field_schema, field_schema.get("description")
                ):
                    if description and "description" not in schema:
                        schema["description"] = description
                    if "{key}" in name:
                        keyed[name] = schema
                    else:
                        flat[name] = schema
            body["properties"] = flat
    else:
        raise ValueError(f"flatten: location must be query or body, not {location!r}")
    if not keyed:
        del operation[KEYED]["leaves"]
        if not operation[KEYED]:
            del operation[KEYED]


def _leaves(
    name: str, schema: dict[str, Any], description: str | None
) -> list[tuple[str, dict[str, Any], str | None]]:
    """``(name, schema, description)`` of every leaf under ``name``."""
    variants = schema.get("anyOf") or schema.get("oneOf")
    objects = [v for v in variants or [schema] if _is_object(v)]
    if not objects:
        return [(name, copy.deepcopy(schema), description)]
    default = schema.get(SERVER_DEFAULT)
    out: list[tuple[str, dict[str, Any], str | None]] = []
    scalars = [v for v in variants or [] if not _is_object(v)]
    if scalars:
        own = {k: v for k, v in schema.items() if k not in ("anyOf", "oneOf", SERVER_DEFAULT)}
        if len(scalars) > 1 and all(set(s) == {"const", "type"} for s in scalars):
            scalars = [{"type": scalars[0]["type"], "enum": [s["const"] for s in scalars]}]
        own.update(scalars[0] if len(scalars) == 1 else {"anyOf": copy.deepcopy(scalars)})
        if isinstance(default, str | int | float | bool):
            own[SERVER_DEFAULT] = default
        out.append((name, copy.deepcopy(own), description))
    for variant in objects:
        for key, child in (variant.get("properties") or {}).items():
            child = dict(child)
            if isinstance(default, dict) and key in default:
                child[SERVER_DEFAULT] = default[key]
            out.extend(_leaves(f"{name}.{key}", child, child.get("description") or description))
        extra = variant.get("additionalProperties")
        if isinstance(extra, dict):
            out.extend(_leaves(f"{name}.{{key}}", extra, extra.get("description") or description))
    seen: dict[str, int] = {}
    unique: list[tuple[str, dict[str, Any], str | None]] = []
    for leaf in out:
        if leaf[0] not in seen:
            seen[leaf[0]] = len(unique)
            unique.append(leaf)
    return unique


def _is_object(schema: Any) -> bool:
    return isinstance(schema, dict) and (
        schema.get("type") == "object" or "properties" in schema or "additionalProperties" in schema
    )


def _media_types(schema: dict[str, Any], aliases: dict[str, str]) -> None:
    """Q11: the media type of each format value: ``image/<value>`` unless an alias says else."""
    schema[MEDIA_TYPES] = {
        value: aliases.get(value, f"image/{value}") for value in schema.get("enum", [])
    }


def _content_types_from(document: Any, content: dict[str, Any], path: str) -> None:
    """Q11: a 200 that returns images declares one content type per value of the format."""
    schemas: list[Any] = [node.value for node in jsonpath_rfc9535.find(path, document)]
    image = next((v for k, v in content.items() if k.startswith("image/")), None)
    for schema in schemas:
        if not isinstance(schema, dict):
            continue
        for media_type in schema.get(MEDIA_TYPES, {}).values():
            content.setdefault(media_type, copy.deepcopy(image) if image else {})


def _url_format(operation: dict[str, Any], names: str, pattern: str | None) -> None:
    """``format: uri`` (and ``pattern``, if given) on the string fields whose name matches
    ``names`` (``...imageUrl``)."""
    regex = re.compile(names)
    schemas = [
        (p["name"], p.get("schema", {}))
        for p in operation.get("parameters", [])
        if isinstance(p, dict) and "name" in p
    ]
    for media in operation.get("requestBody", {}).get("content", {}).values():
        schemas += list(media.get("schema", {}).get("properties", {}).items())
    schemas += list(operation.get(KEYED, {}).get("leaves", {}).items())
    for name, schema in schemas:
        target = schema.get("items", schema) if schema.get("type") == "array" else schema
        if regex.search(name) and target.get("type") == "string":
            target.setdefault("format", "uri")
            if pattern:
                target.setdefault("pattern", pattern)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("upstream", type=Path)
    parser.add_argument("overlay", type=Path)
    parser.add_argument("output", type=Path)
    parser.add_argument("--strict", action="store_true", help="fail when an action is skipped")
    args = parser.parse_args(argv)

    overlaid, report = apply_overlay(read_document(args.upstream), read_document(args.overlay))
    args.output.write_text(json.dumps(overlaid, indent=2, ensure_ascii=False) + "\n", "utf-8")
    print("\n".join(report.lines()))
    if args.strict and report.skipped:
        print("error: --strict and some actions matched nothing", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
