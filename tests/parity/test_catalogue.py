"""The catalogue is data checked against the spec: values come from it, names must exist in it."""

from __future__ import annotations

from pathlib import Path

import pytest

from photoroom_emulator.parity import spec_facts
from photoroom_emulator.parity.catalogue import CatalogueError, ImageUrl, load_catalogue
from photoroom_emulator.spec import load_spec


def test_about_forty_scenarios_cover_every_operation_of_the_spec() -> None:
    scenarios = load_catalogue()
    assert 40 <= len(scenarios) < 60
    operations = {
        document["operationId"]
        for item in load_spec()["paths"].values()
        for document in item.values()
        if isinstance(document, dict) and "operationId" in document
    }
    assert {scenario.operation_id for scenario in scenarios} == operations


def test_each_enum_reference_expands_to_every_value_the_spec_lists() -> None:
    by_id = {scenario.id: scenario for scenario in load_catalogue()}
    op = spec_facts.operation("remove-background")
    for field_name, schema in op.fields.items():
        prefix = {"format": "segment-format-", "channels": "segment-channels-"}.get(field_name)
        if prefix is None:
            continue
        for value in spec_facts.enum_values(schema):
            assert by_id[prefix + value].fields[field_name] == value


def test_out_of_range_values_come_from_the_spec_maximum() -> None:
    (scenario,) = [s for s in load_catalogue() if s.id == "edit-dpi-out-of-range"]
    ((name, value),) = scenario.fields.items()
    top = spec_facts.maximum(scenario.operation.field(name))
    assert top is not None and float(value) == top + 1


def test_url_scenarios_wait_for_an_image_server() -> None:
    needing = [s.id for s in load_catalogue() if s.needs_image_server]
    assert "edit-url-input" in needing and "segment-default" not in needing
    (url_input,) = [s for s in load_catalogue() if s.id == "edit-url-input"]
    assert isinstance(next(iter(url_input.fields.values())), ImageUrl)


def test_a_field_the_spec_lacks_fails_to_load(tmp_path: Path) -> None:
    bad = tmp_path / "catalogue.yaml"
    bad.write_text(
        "scenarios:\n  - id: x\n    operation: remove-background\n    fields: {nope: '1'}\n"
    )
    with pytest.raises(CatalogueError, match="no request field 'nope'"):
        load_catalogue(bad)


def test_an_unknown_operation_fails_to_load(tmp_path: Path) -> None:
    bad = tmp_path / "catalogue.yaml"
    bad.write_text("scenarios:\n  - id: x\n    operation: no-such-operation\n")
    with pytest.raises(CatalogueError, match="no operation 'no-such-operation'"):
        load_catalogue(bad)


def test_costs_come_from_the_spec() -> None:
    by_id = {scenario.id: scenario for scenario in load_catalogue()}
    assert by_id["segment-size-preview"].credits() < by_id["segment-default"].credits()
    assert by_id["account-v2"].credits() == 0
