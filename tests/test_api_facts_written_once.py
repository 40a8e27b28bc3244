"""No hand-written module writes down the API's parameter names or enum values.

Every fact about the API lives in the upstream spec or the overlay and reaches the code through
what ``make generate`` produces (read through ``photoroom.spec``). This test reads the overlaid
spec, collects the request side's wire names (query parameters, multipart fields, keyed leaves) and
enum values, and lists the string literals equal to one of them in the hand-written modules
under ``src/`` and ``tests/fuzz/`` (docstrings aside).

Which literals count: a distinctive fact (``shadow.mode``, ``outputSize``, ``ai.soft``,
``SQUARE_HD``: anything but a plain lower-case word) counts wherever it is written. A plain word
(``none``, ``error``, ``auto``, ``fit``) counts only in a statement that handles API options: one
that also reads a generated field name (``ImageEditing.SHADOW_MODE``), passes an option keyword
(``channels="alpha"``), names a distinctive fact, or writes two values of one enum. Upstream
adopting a common word as a value (``error``) therefore does not turn every ``"error"`` of the
error handling into a fact, while code that builds, reads or compares options is still judged.

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
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from photoroom.spec import resolve_ref

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
    "src/photoroom_emulator/imaging/layout.py": 22,
    "src/photoroom_emulator/imaging/generative.py": 19,
    "src/photoroom_emulator/imaging/compose.py": 2,
    "src/photoroom_emulator/imaging/segment_options.py": 2,
}


#: A plain lower-case word: counts only where the code handles API options.
COMMON_WORD = re.compile(r"[a-z]+")


def _walk_schema(node: Any, values: set[str], enums: list[frozenset[str]]) -> None:
    """Collect the enum values under ``node``, and each enum as a set (for "two values of one
    enum")."""
    if isinstance(node, dict):
        enum = [v for v in node.get("enum", []) or [] if isinstance(v, str)]
        if len(enum) > 1:
            enums.append(frozenset(enum))
        for value in enum:
            if len(value) > 2:
                values.add(value)
        if isinstance(node.get("const"), str) and len(node["const"]) > 2:
            values.add(node["const"])
        for key, sub in node.items():
            if key != "x-photoroom-media-types":
                _walk_schema(sub, values, enums)
    elif isinstance(node, list):
        for sub in node:
            _walk_schema(sub, values, enums)


def request_facts() -> tuple[set[str], set[str], list[frozenset[str]]]:
    """Wire names, enum values and enums of every request field of the overlaid spec."""
    names: set[str] = set()
    values: set[str] = set()
    enums: list[frozenset[str]] = []
    for path_item in SPEC["paths"].values():
        for op in path_item.values():
            if not isinstance(op, dict):
                continue
            for parameter in op.get("parameters", []):
                names.add(parameter["name"])
                _walk_schema(parameter.get("schema"), values, enums)
            body = op.get("requestBody", {})
            for media in body.get("content", {}).values():
                schema = resolve_ref(SPEC, media.get("schema", {}))
                for name, prop in schema.get("properties", {}).items():
                    names.add(name)
                    _walk_schema(prop, values, enums)
            for template, schema in (
                op.get("x-photoroom-keyed-parameters", {}).get("leaves", {}).items()
            ):
                names.add(template)
                _walk_schema(schema, values, enums)
    names = {n for n in names if len(n) > 3} - SCHEMA_VOCABULARY
    return names, values - SCHEMA_VOCABULARY, enums


def _skipped_constants(tree: ast.Module, relative: str) -> set[int]:
    """Docstrings, and the values of the declared behaviour tables."""
    skipped: set[int] = set()
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
    return skipped


def _own_nodes(statement: ast.stmt) -> Iterator[ast.AST]:
    """The expressions of a statement itself, not of the statements nested in its body."""
    for name, value in ast.iter_fields(statement):
        if name in ("body", "orelse", "finalbody", "handlers", "cases"):
            continue
        for part in value if isinstance(value, list) else [value]:
            if isinstance(part, ast.AST) and not isinstance(part, ast.stmt):
                yield from ast.walk(part)


class Facts:
    """The spec's request facts, and the rule that says which literals of a module copy one."""

    def __init__(
        self,
        names: set[str],
        values: set[str],
        enums: list[frozenset[str]],
        products: set[str],
        keywords: set[str],
    ) -> None:
        self.facts = names | values
        self.enums = [enum & self.facts for enum in enums]
        self.products = products
        self.keywords = keywords

    @staticmethod
    def common(text: str) -> bool:
        return COMMON_WORD.fullmatch(text) is not None

    def _handles_options(self, nodes: list[ast.AST], texts: list[str]) -> bool:
        for node in nodes:
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id in self.products
            ):
                return True
            if isinstance(node, ast.keyword) and node.arg in self.keywords:
                return True
        if any(text in self.facts and not self.common(text) for text in texts):
            return True
        present = set(texts)
        return any(len(enum & present) >= 2 for enum in self.enums)

    def copied(self, source: str, relative: str) -> list[tuple[int, str]]:
        """(line, literal) of every literal of ``source`` that copies a fact, by the rule above."""
        tree = ast.parse(source)
        skipped = _skipped_constants(tree, relative)
        hits: list[tuple[int, str]] = []
        for statement in ast.walk(tree):
            if not isinstance(statement, ast.stmt):
                continue
            nodes = list(_own_nodes(statement))
            constants = [
                node
                for node in nodes
                if isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and id(node) not in skipped
            ]
            texts = [str(node.value) for node in constants]
            context: bool | None = None
            for node, text in zip(constants, texts, strict=True):
                if text not in self.facts:
                    continue
                if self.common(text):
                    if context is None:
                        context = self._handles_options(nodes, texts)
                    if not context:
                        continue
                hits.append((node.lineno, text))
        return hits


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def spec_facts() -> Facts:
    """The overlaid spec's facts; option keywords are the client's (snake-cased wire names and
    their groups); products are the generated field-name classes."""
    from photoroom.spec import names as generated_names

    names, values, enums = request_facts()
    keywords = {_snake(part) for name in names for part in [name, name.split(".")[0]]}
    return Facts(names, values, enums, set(generated_names.__all__), keywords)


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
    facts = spec_facts()
    found: dict[str, list[tuple[int, str]]] = {}
    for path in hand_written_modules():
        relative = str(path.relative_to(ROOT))
        hits = facts.copied(path.read_text(encoding="utf-8"), relative)
        if hits:
            found[relative] = hits
    return found


def _examples(facts: Facts) -> tuple[str, str, str]:
    """A distinctive name, a common-word value and a sibling value of its enum, from the spec."""
    distinctive = min(f for f in facts.facts if not facts.common(f))
    enum = min((e for e in facts.enums if sum(map(facts.common, e)) >= 2), key=sorted)
    common, sibling = sorted(v for v in enum if facts.common(v))[:2]
    return distinctive, common, sibling


def test_a_copied_fact_is_caught_and_a_common_word_alone_is_not() -> None:
    """The rule on examples taken from the spec (so it holds for whatever upstream ships)."""
    facts = spec_facts()
    distinctive, common, sibling = _examples(facts)
    product = min(facts.products)

    def hits(code: str) -> list[str]:
        return [text for _, text in facts.copied(code, "example.py")]

    assert hits(f"x = {distinctive!r}") == [distinctive]
    # a common word outside option handling (an error kind, a log level) is not a copy
    assert hits(f"if kind == {common!r}:\n    pass") == []
    # ... but it is where the code reads a generated field name, passes an option keyword,
    # names a distinctive fact, or writes two values of one enum
    assert hits(f"if params.get({product}.ANY) == {common!r}:\n    pass") == [common]
    assert hits(f"client.edit(image, {min(facts.keywords)}={common!r})") == [common]
    assert hits(f"table = {{{distinctive!r}: {common!r}}}") == [distinctive, common]
    assert hits(f"allowed = ({common!r}, {sibling!r})") == [common, sibling]


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
