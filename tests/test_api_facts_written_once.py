"""No hand-written module writes down the API's parameter names or enum values.

Every fact about the API lives in the upstream spec or the overlay and reaches the code through
what ``make generate`` produces (read through ``photoroom.spec``). This test reads the overlaid
spec, collects the request side's wire names (query parameters, multipart fields, keyed leaves) and
enum values, and lists every string literal equal to one of them in the hand-written modules
under ``src/`` and ``tests/fuzz/`` (docstrings aside).

What may stay, declared here in one place:

- behaviour keyed by a value, in named tables (``SHADOW_PRESETS``: what each shadow mode looks
  like). Each table is checked against the spec's enum by its module's tests, and a value with
  no entry gets a documented fallback;
- words of JSON Schema's own vocabulary that a parameter happens to share (``format``, ``type``);
- usage examples (the demo), which call the client the way a user does;
- a ratchet for the imaging modules that still compare values inline (the layout engine's
  ``scaling == "fit"``): their count may only go down. Parameter names are read through the
  generated names of ``photoroom.spec`` everywhere. A new module, or a new literal elsewhere,
  fails.
"""

from __future__ import annotations

import ast
import json
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SPEC = json.loads((ROOT / "openapi" / "photoroom.json").read_text(encoding="utf-8"))
SCANNED = [ROOT / "src", ROOT / "tests" / "fuzz"]

#: JSON Schema / OpenAPI keywords a parameter name collides with (``schema.get("format")``).
SCHEMA_VOCABULARY = frozenset({"format", "type", "items", "enum", "pattern", "title", "size"})

#: Value-keyed behaviour, one table per value set: (module, assigned name).
BEHAVIOUR_TABLES = {
    ("src/photoroom_emulator/imaging/compose.py", "SHADOW_PRESETS"),
    ("src/photoroom_emulator/imaging/compose.py", "SHADOW_DIRECTIONS"),
    ("src/photoroom_emulator/imaging/compose.py", "SHADOW_SPREADS"),
    ("src/photoroom_emulator/imaging/compose.py", "SHADOW_POSES"),
    ("src/photoroom_emulator/imaging/generative.py", "SIZE_PRESETS"),
    ("src/photoroom_emulator/imaging/generative.py", "IMAGE_FROM_PROMPT_SIZES"),
    ("src/photoroom_emulator/imaging/generative.py", "QUALITY_SCALE"),
    ("src/photoroom_emulator/imaging/generative.py", "UPSCALE_INPUT_PIXELS"),
    ("src/photoroom_emulator/imaging/colors.py", "KEYWORDS"),
    ("src/photoroom_emulator/imaging/compose.py", "BACKGROUND_FIT"),
    ("src/photoroom_emulator/pipeline.py", "KEEP_EXISTING_ALPHA"),
    ("tests/fuzz/rules.py", "EMULATOR_LIMITS"),
}

#: Imaging modules that still compare values inline in the layout engine's and the generators'
#: own vocabulary (``scaling == "fit"``), with the count measured when this test was written.
#: It may only go down.
RATCHET = {
    "src/photoroom_emulator/imaging/layout.py": 26,
    "src/photoroom_emulator/imaging/generative.py": 21,
    "src/photoroom_emulator/imaging/compose.py": 7,
    "src/photoroom_emulator/imaging/segment_options.py": 4,
}


def _walk_schema(node: Any, values: set[str]) -> None:
    if isinstance(node, dict):
        for value in node.get("enum", []) or []:
            if isinstance(value, str) and len(value) > 2:
                values.add(value)
        if isinstance(node.get("const"), str) and len(node["const"]) > 2:
            values.add(node["const"])
        for key, sub in node.items():
            if key != "x-photoroom-media-types":
                _walk_schema(sub, values)
    elif isinstance(node, list):
        for sub in node:
            _walk_schema(sub, values)


def request_facts() -> tuple[set[str], set[str]]:
    """Wire names and enum values of every request field of the overlaid spec."""
    names: set[str] = set()
    values: set[str] = set()
    for path_item in SPEC["paths"].values():
        for op in path_item.values():
            if not isinstance(op, dict):
                continue
            for parameter in op.get("parameters", []):
                names.add(parameter["name"])
                _walk_schema(parameter.get("schema"), values)
            body = op.get("requestBody", {})
            for media in body.get("content", {}).values():
                schema = media.get("schema", {})
                if "$ref" in schema:
                    schema = SPEC["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
                for name, prop in schema.get("properties", {}).items():
                    names.add(name)
                    _walk_schema(prop, values)
            for template, schema in (
                op.get("x-photoroom-keyed-parameters", {}).get("leaves", {}).items()
            ):
                names.add(template)
                _walk_schema(schema, values)
    names = {n for n in names if len(n) > 3} - SCHEMA_VOCABULARY
    return names, values - SCHEMA_VOCABULARY


def literals(path: Path) -> list[tuple[int, str]]:
    """String constants of a module, without docstrings and without declared behaviour tables."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped: set[int] = set()
    relative = str(path.relative_to(ROOT))
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                skipped.add(id(body[0].value))
        if isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            named = {t.id for t in targets if isinstance(t, ast.Name)}
            if any((relative, name) in BEHAVIOUR_TABLES for name in named) and node.value:
                skipped |= {id(sub) for sub in ast.walk(node.value)}
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in skipped
    ]


#: Usage examples: code that calls the client the way a user does (``shadow="ai.soft"``) names
#: values as any user script would; they are examples of the API, not copies of its facts.
EXAMPLES = frozenset({"src/photoroom/demo.py"})


def hand_written_modules() -> list[Path]:
    """Modules of ``src/`` (the generated ones aside) and the fuzzing harness of ``tests/fuzz``
    (its ``test_*`` files are tests: their inputs name what they test)."""
    return sorted(
        path
        for folder in SCANNED
        for path in folder.rglob("*.py")
        if "_generated" not in path.parts
        and not path.name.startswith("test_")
        and str(path.relative_to(ROOT)) not in EXAMPLES
    )


def api_facts_by_module() -> dict[str, list[tuple[int, str]]]:
    names, values = request_facts()
    facts = names | values
    found: dict[str, list[tuple[int, str]]] = {}
    for path in hand_written_modules():
        hits = [(line, text) for line, text in literals(path) if text in facts]
        if hits:
            found[str(path.relative_to(ROOT))] = hits
    return found


def test_the_spec_facts_are_found_at_all() -> None:
    """The scan is not vacuous: the spec has names and values, and a copy would be caught."""
    names, values = request_facts()
    assert {"background.color", "shadow.mode", "layers.{key}.text.content"} <= names
    assert {"ai.soft", "webp", "SQUARE_HD"} <= values


def test_no_hand_written_module_lists_api_names_or_values() -> None:
    found = api_facts_by_module()
    unexpected = {
        module: hits
        for module, hits in found.items()
        if module not in RATCHET or len(hits) > RATCHET[module]
    }
    report = "\n".join(
        f"{module}: {len(hits)} (allowed {RATCHET.get(module, 0)}): "
        + ", ".join(sorted({text for _, text in hits}))
        for module, hits in sorted(unexpected.items())
    )
    assert not unexpected, "API facts written by hand:\n" + report


def test_the_ratchet_is_tight() -> None:
    """When a module gets cleaner, its allowance goes down with it (so the gap stays visible)."""
    found = Counter({module: len(hits) for module, hits in api_facts_by_module().items()})
    loose = {m: (allowed, found[m]) for m, allowed in RATCHET.items() if found[m] < allowed}
    assert not loose, f"lower these allowances to the counts found: {loose}"
