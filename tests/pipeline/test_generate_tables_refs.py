"""The generator's table reads references with the project's one loader (``photoroom.spec``)."""

from __future__ import annotations

from typing import Any

import pytest

from scripts import generate_tables


def document(parameter: dict[str, Any], schemas: dict[str, Any]) -> dict[str, Any]:
    """One operation, ``POST /things`` with one query parameter and a JSON body of ``Thing``."""
    body = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}}
    operation = {
        "operationId": "make-thing",
        "parameters": [parameter],
        "requestBody": body,
        "responses": {"200": {"description": "ok"}},
    }
    return {
        "paths": {"/things": {"post": operation}},
        "components": {
            "parameters": {"size": {"name": "size", "in": "query", "schema": {"type": "string"}}},
            "schemas": schemas,
        },
    }


def test_keys_next_to_a_reference_reach_the_table() -> None:
    parameter = {"$ref": "#/components/parameters/size", "description": "Width x height."}
    thing = {"type": "object", "properties": {"colour": {"type": "string"}}}

    (entry,) = generate_tables.operation_entries(document(parameter, {"Thing": thing})).values()

    size, colour = entry["params"]
    assert (size["wire"], size["description"]) == ("size", "Width x height.")
    assert (colour["wire"], colour["schema"]) == ("colour", {"type": "string"})


def test_a_schema_the_table_cannot_hold_whole_is_refused() -> None:
    tree = {"type": "object", "properties": {"children": {"$ref": "#/components/schemas/Thing"}}}
    parameter = {"$ref": "#/components/parameters/size"}

    with pytest.raises(generate_tables.TableError, match="circular"):
        generate_tables.operation_entries(document(parameter, {"Thing": tree}))
