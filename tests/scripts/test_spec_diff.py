"""Examples of what ``scripts/spec_diff.py`` reports, on real upstream snapshots and small docs."""

from __future__ import annotations

import copy
import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SNAPSHOTS = ROOT / "openapi" / "snapshots"


def _load_script() -> ModuleType:
    # scripts/ is not a package: load the file as a module of its own.
    spec = importlib.util.spec_from_file_location("spec_diff", ROOT / "scripts" / "spec_diff.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["spec_diff"] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


spec_diff = _load_script()


def snapshot(number: str) -> Path:
    (path,) = SNAPSHOTS.glob(f"{number}-*.json")
    return path


def compare(old: str, new: str) -> Any:
    """Report between two snapshots, given by number ("09")."""
    return spec_diff.diff_specs(
        spec_diff.load_document(snapshot(old)), spec_diff.load_document(snapshot(new))
    )


def lines(report: Any) -> list[str]:
    return [f"{c.operation} | {c.line().strip()}" for c in report.changes]


# --- the real upstream history -------------------------------------------------------------------


def test_10_adds_ironing_mode_to_get_and_post_and_breaks_nothing() -> None:
    report = compare("09", "10")

    assert lines(report) == [
        "GET /v2/edit | parameter query ironing.mode: added (optional, string, one of ['ai.auto'])",
        "POST /v2/edit | request body multipart/form-data ironing.mode: "
        "property added (optional, string)",
    ]
    assert not report.breaking
    assert report.summary() == "2 changes, 0 breaking; descriptions changed in 2 places (ignored)"


def test_06_renames_additional_images_which_is_breaking() -> None:
    report = compare("05", "06")

    get = [c for c in report.changes if c.operation == "GET /v2/edit"]
    assert [(c.name, c.message, c.breaking) for c in get] == [
        ("editWithAI.additionalImages.{key}.imageUrl", "removed", True),
        ("editWithAI.additionalImages", "added (optional, object)", False),
        (
            "",
            "renamed? editWithAI.additionalImages.{key}.imageUrl → editWithAI.additionalImages"
            " (type string → object)",
            True,
        ),
    ]
    post_renames = [
        c for c in report.changes if c.operation == "POST /v2/edit" and c.kind == "rename"
    ]
    assert [c.message for c in post_renames] == [
        "renamed? editWithAI.additionalImages.{key}.imageFile → editWithAI.additionalImages"
        " (type string → object)"
    ]
    assert report.summary() == "4 changes, 2 breaking; 2 likely renames"


def test_09_adds_an_enum_value_to_lighting_mode_which_is_not_breaking() -> None:
    report = compare("08", "09")

    assert lines(report) == [
        "GET /v2/edit | parameter query lighting.mode: enum value added: 'ai.optimize-portrait'"
    ]
    assert not report.breaking


def test_02_switches_to_the_api_key_header() -> None:
    report = compare("01", "02")

    assert lines(report) == [
        " | BREAKING  security: BearerAuth → x-api-key",
        " | BREAKING  security scheme BearerAuth: removed",
        " | security scheme x-api-key: added",
        " | BREAKING  server https://image-api.photoroom.com: removed",
    ]


@pytest.mark.parametrize(("old", "new"), [("02", "03"), ("07", "08")])
def test_description_only_releases_report_no_changes(old: str, new: str) -> None:
    report = compare(old, new)

    assert report.changes == []
    assert report.descriptions_changed > 0
    assert report.summary().startswith("0 changes, 0 breaking; descriptions changed in")


def test_a_document_compared_with_itself_has_no_changes() -> None:
    report = compare("10", "10")

    assert report.changes == []
    assert report.summary() == "0 changes, 0 breaking"


# --- small synthetic documents -------------------------------------------------------------------


def api() -> dict[str, Any]:
    """A tiny OpenAPI 3.1 document; tests change a copy of it."""
    return {
        "openapi": "3.1.0",
        "info": {"title": "Pets", "version": "1"},
        "components": {
            "schemas": {"Size": {"type": "string", "enum": ["small", "large"]}},
            "parameters": {
                "size": {
                    "name": "size",
                    "in": "query",
                    "schema": {"$ref": "#/components/schemas/Size"},
                }
            },
        },
        "paths": {
            "/pets": {
                "get": {
                    "operationId": "list-pets",
                    "parameters": [
                        {"$ref": "#/components/parameters/size"},
                        {
                            "name": "limit",
                            "in": "query",
                            "schema": {"type": "integer", "maximum": 100},
                        },
                        {"name": "name", "in": "query", "schema": {"type": "string"}},
                    ],
                    "responses": {
                        "200": {
                            "description": "OK",
                            "headers": {"X-Total": {"schema": {"type": "integer"}}},
                            "content": {"application/json": {}, "text/csv": {}},
                        },
                        "404": {"description": "Not found"},
                    },
                },
                "post": {
                    "operationId": "add-pet",
                    "requestBody": {
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "properties": {
                                        "name": {"type": "string", "minLength": 1},
                                        "tag": {"type": "string"},
                                    },
                                    "required": ["name"],
                                }
                            }
                        }
                    },
                    "responses": {"201": {"description": "Created"}},
                },
            }
        },
    }


def diff(old: dict[str, Any], new: dict[str, Any]) -> list[tuple[str, str, str, bool]]:
    report = spec_diff.diff_specs(old, new)
    return [
        (c.operation, f"{c.location} {c.name}".strip(), c.message, c.breaking)
        for c in report.changes
    ]


def test_breaking_changes_are_marked() -> None:
    old, new = api(), api()
    new["components"]["schemas"]["Size"]["enum"] = ["small"]  # reached through two $refs
    new["paths"]["/pets"]["get"]["parameters"][1]["required"] = True
    responses = new["paths"]["/pets"]["get"]["responses"]
    del responses["404"]
    del responses["200"]["content"]["text/csv"]
    del responses["200"]["headers"]["X-Total"]

    assert diff(old, new) == [
        ("GET /pets", "parameter query limit", "now required", True),
        ("GET /pets", "parameter query size", "enum value removed: 'large'", True),
        ("GET /pets", "response 404", "status code removed", True),
        ("GET /pets", "response 200 text/csv", "content type removed", True),
        ("GET /pets", "response 200 X-Total", "header removed", True),
    ]


def test_additions_and_widening_are_not_breaking() -> None:
    old, new = api(), api()
    new["components"]["schemas"]["Size"]["enum"].append("medium")
    get = new["paths"]["/pets"]["get"]
    get["parameters"][1]["schema"]["maximum"] = 500
    get["parameters"].append({"name": "sort", "in": "query", "schema": {"type": "string"}})
    get["responses"]["500"] = {"description": "Oops", "content": {"application/json": {}}}
    get["responses"]["200"]["content"]["image/png"] = {}
    get["description"] = "Lists pets."  # documentation: counted, not reported

    assert [change[1:] for change in diff(old, new)] == [
        ("parameter query sort", "added (optional, string)", False),
        ("parameter query limit", "maximum 100 → 500", False),
        ("parameter query size", "enum value added: 'medium'", False),
        ("response 500", "status code added", False),
        ("response 200 image/png", "content type added", False),
    ]
    assert spec_diff.diff_specs(old, new).descriptions_changed == 1


def test_request_body_properties_and_narrowed_constraints() -> None:
    old, new = api(), api()
    body = new["paths"]["/pets"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    body["properties"]["name"]["minLength"] = 3
    body["properties"]["name"]["pattern"] = "^[a-z]+$"
    body["properties"]["age"] = {"type": "integer"}
    body["required"].append("age")
    body["properties"]["tag"]["type"] = "integer"
    body["additionalProperties"] = False

    assert [change[1:] for change in diff(old, new)] == [
        ("request body application/json age", "property added (required, integer)", True),
        ("request body application/json name", "pattern None → '^[a-z]+$'", True),
        ("request body application/json name", "minLength 1 → 3", True),
        ("request body application/json tag", "type string → integer", True),
        ("request body application/json", "additionalProperties None → False", True),
    ]


def test_a_removed_and_an_added_parameter_with_the_same_schema_look_like_a_rename() -> None:
    old, new = api(), api()
    new["paths"]["/pets"]["get"]["parameters"][2]["name"] = "petName"

    assert [change[1:] for change in diff(old, new)] == [
        ("parameter query name", "removed", True),
        ("parameter query petName", "added (optional, string)", False),
        ("parameter query", "renamed? name → petName", True),
    ]


def test_operations_added_removed_and_renamed() -> None:
    old, new = api(), api()
    new["paths"]["/animals"] = new["paths"].pop("/pets")
    new["paths"]["/animals"]["get"]["operationId"] = "list-animals"

    assert diff(old, new) == [
        ("GET /pets", "operation", "removed", True),
        ("POST /pets", "operation", "removed", True),
        ("GET /animals", "operation", "added (list-animals)", False),
        ("POST /animals", "operation", "added (add-pet)", False),
        ("POST /pets", "operation", "renamed? → POST /animals", True),
    ]


# --- the command line ----------------------------------------------------------------------------


@pytest.fixture
def docs(tmp_path: Path) -> dict[str, Path]:
    """Files for the CLI: the same API as JSON and YAML, and a breaking variant."""
    breaking = api()
    del breaking["paths"]["/pets"]["get"]["responses"]["404"]
    paths = {
        "old": tmp_path / "old.json",
        "same": tmp_path / "same.yaml",
        "new": tmp_path / "new.yaml",
    }
    paths["old"].write_text(json.dumps(api()))
    paths["same"].write_text(yaml.safe_dump(copy.deepcopy(api())))
    paths["new"].write_text(yaml.safe_dump(breaking))
    return paths


@pytest.mark.parametrize(
    ("new", "flags", "status"),
    [
        ("new", [], 0),  # breaking, but only reported
        ("new", ["--fail-on-breaking"], 1),
        ("same", ["--fail-on-breaking"], 0),
    ],
)
def test_exit_status(docs: dict[str, Path], new: str, flags: list[str], status: int) -> None:
    assert spec_diff.main([str(docs["old"]), str(docs[new]), *flags]) == status


def test_text_output(docs: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    spec_diff.main([str(docs["old"]), str(docs["new"])])

    out = capsys.readouterr().out.splitlines()
    assert out[2:] == [
        "GET /pets (list-pets)",
        "  BREAKING  response 404: status code removed",
        "",
        "1 change, 1 breaking",
    ]


def test_json_output(docs: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    spec_diff.main([str(docs["old"]), str(docs["new"]), "--json"])

    report = json.loads(capsys.readouterr().out)
    assert report["summary"] == {
        "changes": 1,
        "breaking": 1,
        "likely_renames": 0,
        "descriptions_changed": 0,
    }
    assert report["changes"] == [
        {
            "operation": "GET /pets",
            "location": "response",
            "name": "404",
            "message": "status code removed",
            "breaking": True,
            "kind": "change",
        }
    ]


def test_runs_as_a_script_on_the_snapshots() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "scripts/spec_diff.py",
            snapshot("05"),
            snapshot("06"),
            "--fail-on-breaking",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert (
        "BREAKING  parameter query: renamed? editWithAI.additionalImages.{key}.imageUrl"
        in result.stdout
    )
    assert result.stdout.endswith("4 changes, 2 breaking; 2 likely renames\n")


def test_unreadable_input_exits_with_2(tmp_path: Path) -> None:
    assert spec_diff.main([str(tmp_path / "missing.json"), str(snapshot("10"))]) == 2
