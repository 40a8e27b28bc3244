"""Fabricate upstream documents from the pinned snapshot, for ``make update-spec`` cases.

Every helper takes a document (a dict loaded from ``openapi/photoroom.upstream.json``, see
:func:`pinned_document`), changes it in place and returns it, so cases read as one expression:
``rename_parameter(pinned_document(), "preserveMetadata", "keepMetadata")``.

The GET ``/v2/edit`` query parameters and the POST ``/v2/edit`` multipart fields are twins
(``{"name": ..., "in": "query", "schema": ...}`` vs ``properties[name]``); the helpers that take
``twins=True`` change both, which is what a real upstream change looks like.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import yaml

from photoroom.spec import resolve_ref

ROOT = Path(__file__).resolve().parents[2]
PINNED = ROOT / "openapi" / "photoroom.upstream.json"
EDIT = "/v2/edit"

Document = dict[str, Any]

_PINNED_CACHE: dict[str, Document] = {}


def pinned_document() -> Document:
    """A fresh deep copy of the pinned upstream document."""
    if "doc" not in _PINNED_CACHE:
        _PINNED_CACHE["doc"] = json.loads(PINNED.read_text(encoding="utf-8"))
    return copy.deepcopy(_PINNED_CACHE["doc"])


def write_spec(directory: Path, document: Document, fmt: str = "json", name: str = "spec") -> Path:
    """Write ``document`` as ``fmt`` ("json" or "yaml") into ``directory``; return the path.

    JSON is written exactly as a pin is (indent 2, UTF-8, final newline); YAML in block style,
    keys in document order.
    """
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{name}.{fmt}"
    if fmt == "json":
        path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", "utf-8")
    elif fmt == "yaml":
        text = yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100)
        path.write_text(text, encoding="utf-8")
    else:
        raise ValueError(f"unknown format {fmt!r}")
    return path


# --- reaching into the document ------------------------------------------------------------


def get_parameters(document: Document, path: str = EDIT) -> list[dict[str, Any]]:
    """The (inline) parameters of ``GET path``."""
    parameters: list[dict[str, Any]] = document["paths"][path]["get"].setdefault("parameters", [])
    return parameters


def post_properties(document: Document, path: str = EDIT) -> dict[str, Any]:
    """The multipart properties of ``POST path`` (the schema's ``$ref`` is followed)."""
    body = document["paths"][path]["post"]["requestBody"]["content"]["multipart/form-data"]
    schema = resolve_ref(document, body["schema"])
    properties: dict[str, Any] = schema.setdefault("properties", {})
    return properties


def has_get_parameter(document: Document, name: str, path: str = EDIT) -> bool:
    return any(parameter.get("name") == name for parameter in get_parameters(document, path))


def _find_parameter(document: Document, name: str, path: str = EDIT) -> dict[str, Any]:
    for parameter in get_parameters(document, path):
        if parameter.get("name") == name:
            return parameter
    raise KeyError(f"GET {path} has no parameter {name!r}")


# --- changes --------------------------------------------------------------------------------


def add_get_parameter(
    document: Document,
    name: str,
    schema: dict[str, Any],
    *,
    path: str = EDIT,
    required: bool = False,
    description: str = "Fabricated parameter.",
) -> Document:
    """A new query parameter on ``GET path``."""
    parameter = {"name": name, "in": "query", "required": required, "schema": schema}
    get_parameters(document, path).append({**parameter, "description": description})
    return document


def add_post_field(
    document: Document,
    name: str,
    schema: dict[str, Any],
    *,
    path: str = EDIT,
    description: str = "Fabricated field.",
) -> Document:
    """A new multipart field on ``POST path``."""
    post_properties(document, path)[name] = {**schema, "description": description}
    return document


def add_enum_value(
    document: Document, param: str, value: Any, *, path: str = EDIT, twins: bool = True
) -> Document:
    """One more allowed value for ``param`` (GET, and the POST twin when ``twins``)."""
    schemas = [_find_parameter(document, param, path)["schema"]]
    if twins and param in post_properties(document, path):
        schemas.append(post_properties(document, path)[param])
    for schema in schemas:
        if "enum" not in schema:
            raise KeyError(f"{param} has no enum")
        schema["enum"].append(value)
    return document


def remove_enum_value(
    document: Document, param: str, value: Any, *, path: str = EDIT, twins: bool = True
) -> Document:
    """``value`` no longer allowed for ``param`` (GET, and the POST twin when ``twins``);
    nothing changes where it was not allowed."""
    schemas = [_find_parameter(document, param, path)["schema"]]
    if twins and param in post_properties(document, path):
        schemas.append(post_properties(document, path)[param])
    for schema in schemas:
        if "enum" in schema:
            schema["enum"] = [allowed for allowed in schema["enum"] if allowed != value]
    return document


def remove_parameter(
    document: Document, name: str, *, path: str = EDIT, twins: bool = True
) -> Document:
    """Drop ``name`` from ``GET path`` (and the POST twin when ``twins``)."""
    _find_parameter(document, name, path)
    parameters = get_parameters(document, path)
    parameters[:] = [p for p in parameters if p.get("name") != name]
    if twins:
        post_properties(document, path).pop(name, None)
    return document


def rename_parameter(
    document: Document, old: str, new: str, *, path: str = EDIT, twins: bool = True
) -> Document:
    """Rename ``old`` to ``new`` in place (GET, and the POST twin when ``twins``)."""
    _find_parameter(document, old, path)["name"] = new
    if twins:
        properties = post_properties(document, path)
        if old in properties:
            # keep the position: rebuild the mapping in order
            items = [(new if key == old else key, value) for key, value in properties.items()]
            properties.clear()
            properties.update(items)
    return document


def remove_paths(document: Document) -> Document:
    """No operations at all (what a broken export or an error page in JSON looks like)."""
    document["paths"] = {}
    return document


def add_operation(
    document: Document,
    path: str,
    method: str = "get",
    *,
    parameters: list[dict[str, Any]] | None = None,
    operation_id: str = "fabricated-operation",
) -> Document:
    """A new operation answering 200 with a JSON object."""
    document["paths"].setdefault(path, {})[method] = {
        "operationId": operation_id,
        "summary": "Fabricated operation",
        "parameters": parameters or [],
        "responses": {
            "200": {
                "description": "OK",
                "content": {"application/json": {"schema": {"type": "object"}}},
            }
        },
    }
    return document


def make_invalid(document: Document) -> Document:
    """Not a valid OpenAPI 3.1 document: a new operation's parameter lacks ``in``."""
    return add_operation(
        document,
        "/v9/invalid",
        parameters=[{"name": "where", "schema": {"type": "string"}}],
        operation_id="fabricated-invalid",
    )


def make_generator_fail(document: Document) -> Document:
    """Valid OpenAPI 3.1, but the generator warns: an array parameter without ``items``."""
    return add_operation(
        document,
        "/v9/list",
        parameters=[{"name": "ids", "in": "query", "schema": {"type": "array"}}],
        operation_id="fabricated-list",
    )
