"""The few things the client copies from the spec still match ``openapi/photoroom.json``, and the
option table derived from the generated code covers every parameter, no more, no less."""

from __future__ import annotations

import json
from typing import Any

import attrs
import pytest

from photoroom import EditOptions
from photoroom._options import (
    ADDITIONAL_IMAGE_LEAF,
    GROUPS,
    KEYED_KEY_PATTERN,
    KEYED_OPTIONS,
    LAYER_LEAVES,
    LAYER_POST_ONLY_LEAVES,
    SPACING_PARAMETERS,
    SPACING_SCHEMA,
    SPEC_CONSTRAINTS,
    edit_table,
    top_level_options,
)

from .conftest import REPO

SPEC = json.loads((REPO / "openapi" / "photoroom.json").read_text(encoding="utf-8"))
EDIT = SPEC["paths"]["/v2/edit"]
CONSTRAINT_KEYWORDS = (
    "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "pattern",
    "minLength", "maxLength", "minItems", "maxItems",
)  # fmt: skip


def get_parameter_schemas() -> dict[str, dict[str, Any]]:
    return {p["name"]: p["schema"] for p in EDIT["get"]["parameters"] if p["in"] == "query"}


def post_property_schemas() -> dict[str, dict[str, Any]]:
    body = EDIT["post"]["requestBody"]["content"]["multipart/form-data"]["schema"]
    return dict(body["properties"])


@pytest.mark.parametrize("method", ["get", "post"])
def test_the_keyed_key_pattern_is_the_specs(method: str) -> None:
    assert EDIT[method]["x-photoroom-keyed-parameters"]["key-pattern"] == KEYED_KEY_PATTERN


@pytest.mark.parametrize("method", ["get", "post"])
def test_the_keyed_leaf_names_and_schemas_are_the_specs(method: str) -> None:
    leaves = {
        **{f"layers.{{key}}.{name}": schema for name, schema in LAYER_LEAVES.items()},
        **(
            {f"layers.{{key}}.{name}": schema for name, schema in LAYER_POST_ONLY_LEAVES.items()}
            if method == "post"
            else {}
        ),
    }
    leaf, schema = ADDITIONAL_IMAGE_LEAF[method]
    leaves[f"editWithAI.additionalImages.{{key}}.{leaf}"] = schema

    spec_leaves = EDIT[method]["x-photoroom-keyed-parameters"]["leaves"]
    assert {name: dict(schema) for name, schema in leaves.items()} == spec_leaves


def test_range_and_pattern_constraints_are_the_specs() -> None:
    found: dict[str, dict[str, Any]] = {}
    for schemas in (get_parameter_schemas(), post_property_schemas()):
        for name, schema in schemas.items():
            if "anyOf" in schema and name in SPACING_PARAMETERS:
                continue
            keywords = {k: schema[k] for k in CONSTRAINT_KEYWORDS if k in schema}
            if keywords:
                assert found.setdefault(name, keywords) == keywords, (
                    f"GET and POST differ on {name}"
                )
    assert found == {name: dict(value) for name, value in SPEC_CONSTRAINTS.items()}


def test_padding_and_margin_formats_are_the_specs() -> None:
    for schemas in (get_parameter_schemas(), post_property_schemas()):
        spacing = {name: schema for name, schema in schemas.items() if "anyOf" in schema}
        spacing = {n: s for n, s in spacing.items() if n.startswith(("padding", "margin"))}
        assert sorted(spacing) == sorted(SPACING_PARAMETERS)
        for schema in spacing.values():
            assert schema["anyOf"] == SPACING_SCHEMA["anyOf"]


def test_every_generated_edit_parameter_has_one_client_option_and_its_spec_name() -> None:
    table = edit_table()  # raises LookupError when the generated client has an unmapped name
    spec_names = set(get_parameter_schemas()) | set(post_property_schemas())

    assert {param.api_name for param in table.values()} == spec_names - {"imageUrl", "imageFile"}
    assert len({(param.option, param.field) for param in table.values()}) == len(table)


def test_every_client_option_maps_to_a_generated_parameter() -> None:
    table = edit_table()
    mapped_fields = {(param.option, param.field) for param in table.values()}

    for option, cls in GROUPS.items():
        for field in attrs.fields_dict(cls):
            assert (option, field) in mapped_fields, f"{cls.__name__}.{field} maps to nothing"
    for option in top_level_options():
        assert (option, None) in mapped_fields, f"edit({option}=...) maps to nothing"
    assert set(EditOptions.__annotations__) == set(top_level_options()) | set(GROUPS) | set(
        KEYED_OPTIONS
    )
