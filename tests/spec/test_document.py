"""Examples of the one document loader, ``photoroom.spec.document``: reading and ``$ref``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from photoroom.spec import (
    DocumentError,
    RefError,
    inline_refs,
    parse_document,
    read_document,
    resolve_ref,
    unresolved_refs,
)

ROOT = Path(__file__).resolve().parents[2]
OVERLAID = ROOT / "openapi" / "photoroom.json"
OVERLAY = ROOT / "overlay" / "photoroom.overlay.yaml"

SCHEMAS = {
    "Color": {"type": "string", "pattern": "^[0-9A-F]{6}$"},
    "Background": {"$ref": "#/components/schemas/Color", "description": "the colour behind"},
    "a/b~c": {"type": "integer"},
    "Tree": {"type": "object", "properties": {"children": {"$ref": "#/components/schemas/Tree"}}},
}
DOCUMENT = {
    "openapi": "3.1.0",
    "info": {"title": "t", "version": "2026-06-04"},
    "paths": {},
    "components": {
        "schemas": SCHEMAS,
        "responses": {"200": {"description": "ok"}},
        "parameters": {"list": [{"name": "first"}, {"name": "second"}]},
    },
}


def test_a_yaml_rendering_reads_like_its_json_equal() -> None:
    text = "openapi: 3.1.0\ninfo: {title: t, version: 2026-06-04}\npaths: {}\n"
    text += "components:\n  responses:\n    200: {description: ok}\n"

    document, fmt = parse_document(text, "spec.yaml")

    assert fmt == "yaml"
    assert document["info"]["version"] == "2026-06-04"  # a string, not a date
    assert list(document["components"]["responses"]) == ["200"]  # a string key, not an int
    assert parse_document(json.dumps(document).encode(), "spec.json") == (document, "json")


def test_read_document_takes_the_format_from_the_content_not_the_name(tmp_path: Path) -> None:
    (tmp_path / "spec.json").write_text(yaml.safe_dump({"openapi": "3.1.0"}))

    assert read_document(tmp_path / "spec.json") == {"openapi": "3.1.0"}
    assert read_document(OVERLAY)["overlay"].startswith("1.")
    assert read_document(OVERLAID) == json.loads(OVERLAID.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"[1, 2]", "top level is not a mapping"),
        (b"- a list\n- in YAML\n", "nor a YAML mapping"),
        (b"{not: [json, nor yaml", "nor YAML"),
        (b"\xff\xfe\x00", "not UTF-8"),
    ],
)
def test_what_is_not_a_document_is_a_document_error(data: bytes, message: str) -> None:
    with pytest.raises(DocumentError, match=message) as raised:
        parse_document(data, "upstream.json")
    assert str(raised.value).startswith("upstream.json")


def test_resolve_ref_gives_the_node_itself_so_a_caller_may_change_it() -> None:
    color = resolve_ref(DOCUMENT, {"$ref": "#/components/schemas/Color"})

    assert color is SCHEMAS["Color"]
    assert resolve_ref(DOCUMENT, SCHEMAS["Tree"]) is SCHEMAS["Tree"]  # no reference: itself


def test_keys_next_to_a_reference_are_laid_over_its_target_outer_first() -> None:
    outer = {"$ref": "#/components/schemas/Background", "description": "the page colour"}

    assert resolve_ref(DOCUMENT, outer) == {
        "type": "string",
        "pattern": "^[0-9A-F]{6}$",
        "description": "the page colour",
    }
    assert "description" not in SCHEMAS["Color"]  # a new mapping: the document is untouched


def test_pointers_unescape_and_index_lists() -> None:
    assert resolve_ref(DOCUMENT, {"$ref": "#/components/schemas/a~1b~0c"}) == {"type": "integer"}
    assert resolve_ref(DOCUMENT, {"$ref": "#/components/schemas/a%7E1b~0c"})["type"] == "integer"
    assert resolve_ref(DOCUMENT, {"$ref": "#/components/parameters/list/1"}) == {"name": "second"}
    assert resolve_ref(DOCUMENT, {"$ref": "#"}) is DOCUMENT


def test_inline_refs_copies_every_target_and_keeps_what_cannot_be_inlined() -> None:
    inlined = inline_refs(DOCUMENT)
    schemas = inlined["components"]["schemas"]

    assert schemas["Background"] == {**SCHEMAS["Color"], "description": "the colour behind"}
    # a recursive schema is inlined once; the reference that closes the cycle stays
    assert schemas["Tree"]["properties"]["children"]["properties"]["children"] == {
        "$ref": "#/components/schemas/Tree"
    }
    assert unresolved_refs(inlined) == ["#/components/schemas/Tree"]
    assert inline_refs(DOCUMENT, {"$ref": "other.json#/Pet"}) == {"$ref": "other.json#/Pet"}
    assert DOCUMENT["components"]["schemas"] is SCHEMAS  # the document is not changed


def test_a_reference_to_nothing_is_a_ref_error() -> None:
    with pytest.raises(RefError, match="'#/components/schemas/Shadow' points at nothing"):
        inline_refs(DOCUMENT, {"items": {"$ref": "#/components/schemas/Shadow"}})


def test_the_overlaid_spec_inlines_whole() -> None:
    document = read_document(OVERLAID)

    assert unresolved_refs(document)  # it uses references
    assert unresolved_refs(inline_refs(document)) == []
