"""Examples of what ``scripts/spec_diff`` reports, on real upstream snapshots and small docs."""

from __future__ import annotations

import ast
import copy
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from scripts import spec_diff
from tests.upstream.fabricate import (
    add_enum_value,
    add_get_parameter,
    add_post_field,
    get_parameters,
    post_properties,
    remove_parameter,
)

ROOT = Path(__file__).resolve().parents[2]
SNAPSHOTS = ROOT / "openapi" / "snapshots"


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
    spec_diff.main([str(docs["old"]), str(docs["new"]), "--api-only"])

    out = capsys.readouterr().out.splitlines()
    assert out[2:] == [
        "GET /pets (list-pets)",
        "  BREAKING  response 404: status code removed",
        "",
        "1 change, 1 breaking",
    ]


def test_json_output(docs: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    spec_diff.main([str(docs["old"]), str(docs["new"]), "--json", "--api-only"])

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
            "-m",
            "scripts.spec_diff",
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
    assert result.stdout.endswith(
        "4 changes, 2 breaking; 2 likely renames\n"
        "Python surface: 0 changes, 0 breaking; server defaults: 0 changed; "
        "GET/POST twins: 46 disagree (0 new); overlay: 0 actions no longer apply\n"
    )


def test_unreadable_input_exits_with_2(tmp_path: Path) -> None:
    assert spec_diff.main([str(tmp_path / "missing.json"), str(snapshot("10"))]) == 2


# --- what the update means for Python users ------------------------------------------------------

OVERLAY = spec_diff.load_overlay()


def document(number: str) -> dict[str, Any]:
    loaded: dict[str, Any] = spec_diff.load_document(snapshot(number))
    return loaded


def extended(old: dict[str, Any], new: dict[str, Any]) -> Any:
    return spec_diff.diff_specs(old, new, "old", "new", OVERLAY)


def python_lines(report: Any) -> list[str]:
    return [f.line().strip() for f in report.python]


def test_10_gives_python_users_an_ironing_keyword_field_literal_and_flag() -> None:
    report = extended(document("09"), document("10"))

    assert python_lines(report) == [
        'edit() keyword ironing: added: Ironing | Literal[True, "ai.auto"]',
        "group field Ironing.mode: added: IroningMode",
        'Literal IroningMode: added: Literal["ai.auto"]',
        "CLI flag photoroom edit --ironing-mode: added",
    ]
    assert not report.breaking
    # upstream left the POST twin bare: information, new in this version
    (ironing,) = [f for f in report.twins if f.new]
    assert (ironing.name, ironing.message) == ("ironing.mode", "enum GET ['ai.auto'], POST none")
    assert len(report.twins) > 40  # the others were already so in 09
    assert report.defaults == []
    assert report.overlay_skipped == []


def test_06_rename_breaks_the_api_but_not_the_python_surface() -> None:
    # The overlay flattens both spellings of editWithAI.additionalImages to the same keyed
    # leaves, so EditWithAI.additional_images is unchanged: only the raw API breaks.
    report = extended(document("05"), document("06"))

    assert report.python == []
    assert report.breaking  # through the API diff
    assert report.summary() == "4 changes, 2 breaking; 2 likely renames"


def test_04_python_surface_of_the_shadow_overrides() -> None:
    report = extended(document("03"), document("04"))

    assert "group field Shadow.direction_override: added: float | ShadowDirectionOverride1" in (
        python_lines(report)
    )
    assert (
        'Literal ShadowMode: values added: "ai.preset-soft", "ai.preset-hard", '
        '"ai.auto-with-overrides"' in python_lines(report)
    )
    assert "CLI flag photoroom edit --shadow-spread-override: added" in python_lines(report)
    # the two actions for the overrides did not apply to 03; they do to 04
    assert report.overlay_skipped == []
    assert len(report.overlay_skipped_old) == 2


def test_overlay_actions_that_no_longer_apply_are_listed() -> None:
    report = extended(document("10"), document("01"))

    assert len(report.overlay_skipped) == 2
    assert all("shadow." in target for target in report.overlay_skipped)
    assert report.overlay_skipped_old == []
    assert "  $.paths['/v2/edit'].get.parameters[?@.name=='shadow.directionOverride']" in (
        report.to_text()
    )
    # going back from 10 to 01 removes the overrides: breaking for Python users
    assert "BREAKING  group field Shadow.intensity_override: removed: float" in (
        python_lines(report)
    )


def test_a_new_enum_value_is_a_changed_literal_not_breaking() -> None:
    new = add_enum_value(document("10"), "lighting.mode", "ai.studio", twins=False)
    report = extended(document("10"), new)

    assert python_lines(report) == ['Literal LightingMode: values added: "ai.studio"']
    assert not report.breaking


def test_a_removed_enum_value_is_breaking_for_python_users() -> None:
    new = document("10")
    for parameter in get_parameters(new):
        if parameter["name"] == "lighting.mode":
            parameter["schema"]["enum"].remove("ai.optimize-portrait")
    report = extended(document("10"), new)

    assert python_lines(report) == [
        'BREAKING  Literal LightingMode: values removed: "ai.optimize-portrait"'
    ]


def test_a_removed_parameter_is_a_removed_keyword_and_breaking() -> None:
    report = extended(document("10"), remove_parameter(document("10"), "preserveMetadata"))

    assert python_lines(report) == [
        "BREAKING  edit() keyword preserve_metadata: removed: PreserveMetadata",
        'BREAKING  Literal PreserveMetadata: removed: Literal["never", "xmp", "exifSubset", '
        '"exifSubsetWithXmpCompatibility"]',
        "BREAKING  CLI flag photoroom edit --preserve-metadata: removed",
    ]
    assert report.breaking
    assert report.to_json()["summary"]["python_surface"] == {"changes": 3, "breaking": 3}
    assert "\n**BREAKING for Python users** Python surface: 3 changes, 3 breaking;" in (
        report.to_markdown()
    )


def test_python_breaking_alone_fails_on_breaking(tmp_path: Path) -> None:
    # A second ironing mode is an added enum value for the API, but edit(ironing=True) (the
    # shorthand of a one-value mode) no longer type-checks: breaking for Python users only.
    old, new = document("10"), document("10")
    for parameter in get_parameters(new):
        if parameter["name"] == "ironing.mode":  # upstream: {"type": "string", "const": ...}
            parameter["schema"] = {"type": "string", "enum": ["ai.auto", "ai.pro"]}
    report = extended(old, new)

    assert not any(c.breaking for c in report.changes)
    assert python_lines(report) == [
        'BREAKING  edit() keyword ironing: type: Ironing | Literal[True, "ai.auto"] → '
        "Ironing | IroningMode",
        'Literal IroningMode: values added: "ai.pro"',
    ]
    paths = [tmp_path / "old.json", tmp_path / "new.json"]
    for path, doc in zip(paths, (old, new), strict=True):
        path.write_text(json.dumps(doc))
    assert spec_diff.main([*map(str, paths), "--fail-on-breaking"]) == 1
    assert spec_diff.main([*map(str, paths), "--fail-on-breaking", "--api-only"]) == 0


def test_a_literal_that_becomes_a_free_string_is_not_breaking() -> None:
    # GET shadow.mode gone (breaking for the API): the bare POST twin makes Shadow.mode a str
    new = remove_parameter(document("10"), "shadow.mode", twins=False)
    report = extended(document("10"), new)

    assert "group field Shadow.mode: type: ShadowMode → str" in python_lines(report)
    assert "BREAKING  Literal ShadowMode: removed: " in "\n".join(python_lines(report))


def test_a_new_group_shows_its_class_field_and_flag() -> None:
    new = add_get_parameter(document("10"), "glow.mode", {"type": "string", "enum": ["ai.soft"]})
    add_post_field(new, "glow.mode", {"type": "string"})
    report = extended(document("10"), new)

    assert python_lines(report) == [
        'edit() keyword glow: added: Glow | Literal[True, "ai.soft"]',
        "group field Glow.mode: added: GlowMode",
        'Literal GlowMode: added: Literal["ai.soft"]',
        "CLI flag photoroom edit --glow-mode: added",
    ]
    assert [(f.name, f.new) for f in report.twins if f.new] == [("glow.mode", True)]


def test_server_defaults_added_removed_and_changed() -> None:
    new = document("10")
    for parameter in get_parameters(new):
        if parameter["name"] == "background.color":
            parameter["schema"]["default"] = "white"
        if parameter["name"] == "export.dpi":
            parameter["schema"]["default"] = 300
        if parameter["name"] == "background.guidance.scale":
            del parameter["schema"]["default"]
    report = extended(document("10"), new)

    assert [f.line().strip() for f in report.defaults] == [
        "GET /v2/edit parameter query background.color: 'transparent' → 'white'",
        "GET /v2/edit parameter query background.guidance.scale: removed (was 0.6)",
        "GET /v2/edit parameter query export.dpi: added: 300",
    ]
    # server defaults are not part of the Python surface (x-server-default), nor breaking
    assert report.python == []
    assert not report.breaking


def test_a_default_in_the_multipart_body_is_reported() -> None:
    new = document("10")
    post_properties(new)["background.color"]["default"] = "white"
    report = extended(document("10"), new)

    assert [(f.where, f.name, f.message) for f in report.defaults] == [
        ("POST /v2/edit request body multipart/form-data", "background.color", "added: 'white'")
    ]


def test_twins_compare_constraints_only() -> None:
    new = document("10")
    properties = post_properties(new)
    # give two POST twins their GET schemas, one with a different description and examples
    for parameter in get_parameters(new):
        if parameter["name"] in ("shadow.mode", "export.dpi"):
            twin = {**parameter["schema"], "description": "other words", "examples": [1]}
            properties[parameter["name"]] = twin
    properties["export.dpi"]["maximum"] = 600
    names = {f.name: f.message for f in extended(document("10"), new).twins}

    assert "shadow.mode" not in names
    assert names["export.dpi"] == "maximum GET 1200, POST 600"


def test_the_whole_report_in_each_format(tmp_path: Path) -> None:
    old, new = snapshot("09"), snapshot("10")
    text = subprocess.run(
        [sys.executable, "-m", "scripts.spec_diff", old, new],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    sections = [
        "Python surface (",
        "Server defaults (",
        "GET/POST twins that disagree in NEW",
        "Overlay actions that no longer apply",
        "Emulator behaviour no longer reachable",
    ]
    assert [text.index(s) for s in sections] == sorted(text.index(s) for s in sections)
    assert "  ironing.mode: enum GET ['ai.auto'], POST none (new)" in text
    assert "47 already so in OLD" in text

    markdown = spec_diff.diff_specs(
        spec_diff.load_document(old), spec_diff.load_document(new), "09", "10", OVERLAY
    ).to_markdown()
    headings = [line for line in markdown.splitlines() if line.startswith("## ")]
    assert headings == [
        "## Other changes",
        "## Python surface",
        "## Server defaults",
        "## GET/POST twins",
        "## Overlay",
        "## Emulator behaviour no longer reachable",
    ]
    assert '|  | edit() keyword | `ironing` | added: `Ironing \\| Literal[True, "ai.auto"]` |' in (
        markdown
    )
    assert "| `photoroom edit --ironing-mode` | added |" in markdown
    # the new sections are tables: every "- " item is still an API change
    assert markdown.count("\n- ") == 2

    assert spec_diff.main([str(old), str(new), "--json"]) == 0


def test_json_has_the_new_sections(capsys: pytest.CaptureFixture[str]) -> None:
    spec_diff.main([str(snapshot("09")), str(snapshot("10")), "--json"])

    report = json.loads(capsys.readouterr().out)
    assert {"python_surface", "server_defaults", "twins", "overlay"} <= report.keys()
    assert report["python_surface"][0] == {
        "where": "edit() keyword",
        "name": "ironing",
        "message": "added",
        "breaking": False,
        "new": False,
        "before": "",
        "after": 'Ironing | Literal[True, "ai.auto"]',
    }
    assert report["overlay"] == {"skipped": [], "skipped_in_old": []}
    assert report["summary"]["breaking_total"] == 0


def test_api_only_leaves_the_sections_out(capsys: pytest.CaptureFixture[str]) -> None:
    spec_diff.main([str(snapshot("09")), str(snapshot("10")), "--api-only", "--json"])

    assert "python_surface" not in json.loads(capsys.readouterr().out)


def test_the_surface_needs_no_generated_package() -> None:
    # operation_entries is pure: the surface comes from the overlaid documents alone, never
    # from the generated package (photoroom is imported for public names: the document loader)
    code = (
        "import sys; from scripts import spec_diff;"
        "from pathlib import Path;"
        "r = spec_diff.diff_specs({}, spec_diff.load_document(Path(sys.argv[1])), overlay="
        "spec_diff.load_overlay()); print(len(r.python), r.python_error or 'ok');"
        "print('photoroom_api' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(snapshot("10"))],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={"PATH": "", "PYTHONPATH": ""},
    )
    count, status, *_ = result.stdout.split()
    assert int(count) > 100 and status == "ok"
    assert result.stdout.splitlines()[1] == "False"


def _generated_surface() -> dict[tuple[str, str], Any]:
    """The same items, read from the committed option layer and CLI (``make generate``)."""
    import argparse

    from photoroom.cli import build_parser

    tree = ast.parse((ROOT / "src/photoroom/_generated/options.py").read_text(encoding="utf-8"))
    items: dict[tuple[str, str], Any] = {}

    def fields(cls: ast.ClassDef) -> dict[str, str]:
        found = {}
        for node in cls.body:
            if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                annotation = ast.unparse(node.annotation)
                if not annotation.startswith("ClassVar"):
                    found[node.target.id] = annotation.removesuffix(" | None")
        return found

    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Subscript):
            (target,) = node.targets
            if ast.unparse(node.value.value) == "Literal" and isinstance(target, ast.Name):
                values = ast.literal_eval(node.value.slice)
                items[("Literal", target.id)] = list(
                    values if isinstance(values, tuple) else [values]
                )
        elif isinstance(node, ast.ClassDef) and node.name == "EditOptions":
            items |= {("edit() keyword", k): v for k, v in fields(node).items()}
        elif isinstance(node, ast.ClassDef) and node.name == "RemoveBackgroundOptions":
            items |= {("remove_background() keyword", k): v for k, v in fields(node).items()}
        elif isinstance(node, ast.ClassDef) and [ast.unparse(b) for b in node.bases] == [
            "OptionGroup"
        ]:
            items |= {("group field", f"{node.name}.{k}"): v for k, v in fields(node).items()}
    commands = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    for command, prefix in (("edit", "edit__"), ("remove-bg", "segment__")):
        for action in commands.choices[command]._actions:
            if action.dest.startswith(prefix):
                items |= {
                    ("CLI flag", f"photoroom {command} {flag}"): None
                    for flag in action.option_strings
                }
    return items


def test_the_surface_is_what_make_generate_made_of_the_pinned_spec() -> None:
    overlaid = json.loads((ROOT / "openapi/photoroom.json").read_text(encoding="utf-8"))
    computed = spec_diff.surface_of(spec_diff.generate_tables.operation_entries(overlaid))

    def normal(value: Any) -> Any:  # one spelling of an annotation ('x' vs "x")
        return ast.unparse(ast.parse(value, mode="eval")) if isinstance(value, str) else value

    assert {k: normal(v) for k, v in computed.items()} == _generated_surface()
