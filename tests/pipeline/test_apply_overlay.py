"""The overlay applier follows Overlay 1.0 semantics on RFC 9535 targets."""

from __future__ import annotations

import pytest

from scripts.apply_overlay import apply_overlay


def overlay(*actions: dict[str, object]) -> dict[str, object]:
    return {"overlay": "1.0.0", "info": {"title": "t", "version": "1"}, "actions": list(actions)}


DOC = {
    "paths": {
        "/a": {"get": {"parameters": [{"name": "x", "schema": {"default": 1}}, {"name": "y"}]}}
    }
}


def test_update_merges_objects_recursively_and_replaces_scalars() -> None:
    result, _ = apply_overlay(
        DOC,
        overlay(
            {
                "target": "$.paths['/a'].get.parameters[?@.name=='x']",
                "update": {"schema": {"type": "integer", "default": 2}},
            }
        ),
    )
    assert result["paths"]["/a"]["get"]["parameters"][0] == {
        "name": "x",
        "schema": {"default": 2, "type": "integer"},
    }


def test_update_on_an_array_appends_one_entry() -> None:
    result, _ = apply_overlay(
        DOC, overlay({"target": "$.paths['/a'].get.parameters", "update": {"name": "z"}})
    )
    assert [p["name"] for p in result["paths"]["/a"]["get"]["parameters"]] == ["x", "y", "z"]


def test_remove_deletes_every_selected_node_by_name_not_index() -> None:
    result, _ = apply_overlay(
        DOC,
        overlay(
            {"target": "$.paths['/a'].get.parameters[?@.name=='x' || @.name=='y']", "remove": True}
        ),
    )
    assert result["paths"]["/a"]["get"]["parameters"] == []


def test_a_target_that_matches_nothing_is_reported_not_fatal() -> None:
    result, report = apply_overlay(DOC, overlay({"target": "$.paths['/missing']", "remove": True}))
    assert result == DOC
    assert report.skipped == ["$.paths['/missing']"]
    assert "skipped (target matched nothing): $.paths['/missing']" in "\n".join(report.lines())


def test_the_input_document_is_not_modified() -> None:
    apply_overlay(
        DOC, overlay({"target": "$.paths['/a'].get.parameters[*].schema", "remove": True})
    )
    assert DOC["paths"]["/a"]["get"]["parameters"][0]["schema"] == {"default": 1}


def test_a_document_that_is_not_an_overlay_is_refused() -> None:
    with pytest.raises(ValueError, match="not an Overlay"):
        apply_overlay(DOC, {"actions": []})
