"""Manifests: streamed rows, options by the API's wire names (through the table), CSV text
converted with each parameter's schema, bad rows with their line numbers, stable shards."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from photoroom import Background, Shadow
from photoroom.batch import BadRow, ManifestError, Row, iter_manifest, options_from_wire, row_key
from photoroom.batch._manifest import convert_cell, shard_of, wire_schema
from photoroom.spec import EDIT_BY_UPLOAD, operation, type_names


def test_every_dotted_parameter_of_the_table_maps_to_a_keyword_or_group_field() -> None:
    op = operation(EDIT_BY_UPLOAD)
    for param in op.params:
        if param.option is None or param.binary:
            continue
        options = options_from_wire("edit", {param.wire: "x"})
        value = options[param.option]
        if param.field is None:
            assert value == "x"
        else:
            assert getattr(value, param.field) == "x"


def test_groups_and_keyed_leaves() -> None:
    options = options_from_wire(
        "edit",
        {
            "background.color": "FFFFFF",
            "shadow.mode": "ai.soft",
            "outputSize": "1000x1000",
            "layers.title.text.content": "Sale",
        },
    )
    assert options["background"] == Background(color="FFFFFF")
    assert options["shadow"] == Shadow(mode="ai.soft")
    assert options["output_size"] == "1000x1000"
    assert options["layers"] == {"title": {"text": {"content": "Sale"}}}
    with pytest.raises(ValueError, match="unknown parameter"):
        options_from_wire("edit", {"background.colour": "FFFFFF"})


@pytest.mark.parametrize(
    ("text", "expected"),
    [("true", True), ("0", False), ("yes", True), ("no", False)],
)
def test_csv_booleans_follow_the_schema(text: str, expected: bool) -> None:
    op = operation(EDIT_BY_UPLOAD)
    boolean = next(p for p in op.params if type_names(p.schema) == {"boolean"})
    assert convert_cell(text, boolean.schema) is expected


def test_csv_numbers_follow_the_schema() -> None:
    padding = wire_schema("edit", "padding")
    assert padding is not None
    assert convert_cell("0.1", padding) == 0.1
    assert convert_cell("10%", padding) == "10%"  # padding also takes text
    assert convert_cell("", padding) is None
    assert convert_cell("12", {"type": "integer"}) == 12
    assert convert_cell("12", {"type": "number"}) == 12
    assert convert_cell("1.5", {"type": "number"}) == 1.5
    assert convert_cell("abc", {"type": "number"}) == "abc"  # left for the schema check to word


def test_csv_rows_line_numbers_and_bad_rows(tmp_path: Path) -> None:
    manifest = tmp_path / "m.csv"
    manifest.write_text(
        "input,output,background.color,padding\n"
        "a.png,,FFFFFF,0.1\n"
        '"b, with comma.png",shots/b,,\n'
        ",,,\n"
        "c.png,x\n"
        "https://example.com/d.jpg,,000000,\n",
        encoding="utf-8",
    )
    rows = list(iter_manifest(manifest))
    assert isinstance(rows[0], Row)
    assert rows[0].line == 2
    assert rows[0].input == str(tmp_path / "a.png")  # relative to the manifest's folder
    assert rows[0].wire == {"background.color": "FFFFFF", "padding": 0.1}
    assert isinstance(rows[1], Row)
    assert rows[1].output == "shots/b"
    assert rows[1].wire == {}
    assert isinstance(rows[2], BadRow)
    assert rows[2].line == 5
    assert "cells" in rows[2].reason
    assert isinstance(rows[3], Row)
    assert rows[3].line == 6
    assert rows[3].input == "https://example.com/d.jpg"


def test_a_column_that_is_not_a_parameter_refuses_the_manifest(tmp_path: Path) -> None:
    manifest = tmp_path / "m.csv"
    manifest.write_text("input,background.colour\na.png,FFFFFF\n", encoding="utf-8")
    with pytest.raises(ManifestError, match=r"background\.colour"):
        list(iter_manifest(manifest))
    no_input = tmp_path / "n.csv"
    no_input.write_text("path\na.png\n", encoding="utf-8")
    with pytest.raises(ManifestError, match="input"):
        list(iter_manifest(no_input))


def test_jsonl_rows_keep_json_values(tmp_path: Path) -> None:
    manifest = tmp_path / "m.jsonl"
    lines = [
        json.dumps({"input": "a.png", "padding": 0.2, "background.color": "FFFFFF"}),
        "{not json",
        json.dumps({"input": "b.png", "nope": 1}),
        json.dumps({"output": "x"}),
    ]
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    rows = list(iter_manifest(manifest))
    assert isinstance(rows[0], Row)
    assert rows[0].wire == {"padding": 0.2, "background.color": "FFFFFF"}
    assert [(r.line, type(r).__name__) for r in rows] == [
        (1, "Row"),
        (2, "BadRow"),
        (3, "BadRow"),
        (4, "BadRow"),
    ]


def test_rows_are_streamed(tmp_path: Path) -> None:
    manifest = tmp_path / "m.csv"
    with open(manifest, "w", encoding="utf-8") as handle:
        handle.write("input\n")
        for index in range(50_000):
            handle.write(f"img-{index}.png\n")
    rows = iter_manifest(manifest)
    first = next(rows)
    assert isinstance(first, Row)
    assert first.input.endswith("img-0.png")
    rows.close()  # type: ignore[attr-defined]


def test_shards_partition_the_rows_the_same_way_every_time() -> None:
    rows = [Row(i, f"img-{i}.png", None, {}) for i in range(2000)]
    keys = [row_key("edit", row, {}) for row in rows]
    assert keys == [row_key("edit", row, {}) for row in rows]
    shards = [shard_of(key, 4) for key in keys]
    counts = [shards.count(i) for i in range(4)]
    assert sum(counts) == 2000
    assert min(counts) > 400  # every shard gets its share
    assert row_key("edit", rows[0], {"padding": 0.1}) != keys[0]
    assert row_key("remove-bg", rows[0], {}) != keys[0]
