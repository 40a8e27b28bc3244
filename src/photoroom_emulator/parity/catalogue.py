"""The scenario catalogue: ``catalogue.yaml`` read into :class:`Scenario` requests.

The YAML file is the data; this module only expands it. Values the spec can say (enum values,
examples, maxima) are references there (``$enum``, ``$example``, ``$above-maximum``...), resolved
here through :mod:`.spec_facts`, and every field name is checked against the spec, so a catalogue
that has drifted from the spec fails to load instead of sending requests nobody meant.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Final

import yaml

from . import spec_facts
from .spec_facts import Operation

CATALOGUE_FILE: Final = Path(__file__).with_name("catalogue.yaml")

#: How a scenario authenticates; see catalogue.yaml.
KEY_KINDS: Final = ("given", "wrong", "none", "basic")
#: The fixture whose URL ``$image-url`` stands for.
URL_FIXTURE: Final = "product.png"
#: A value no enum of the spec holds (checked when it is used).
NOT_IN_ANY_ENUM: Final = "parity-not-a-value"


class CatalogueError(ValueError):
    """The catalogue file is malformed or names something the spec lacks."""


@dataclass(frozen=True)
class ImageUrl:
    """A field whose value is the URL of a fixture, known only once an image server runs."""

    fixture: str = URL_FIXTURE


FieldValue = str | ImageUrl


@dataclass(frozen=True)
class Scenario:
    """One request of the catalogue and what it needs to be sent."""

    id: str
    operation_id: str
    fields: dict[str, FieldValue] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    key: str = "given"
    why: str = ""

    @property
    def operation(self) -> Operation:
        return spec_facts.operation(self.operation_id)

    @property
    def needs_image_server(self) -> bool:
        return any(isinstance(value, ImageUrl) for value in self.fields.values())

    def credits(self) -> float:
        """What the call may cost, from the spec (``x-photoroom-cost``); errors cost nothing,
        so this is an upper bound."""
        plain = {name: v for name, v in self.fields.items() if isinstance(v, str)}
        return self.operation.credits(plain)


@cache
def load_catalogue(path: Path = CATALOGUE_FILE) -> tuple[Scenario, ...]:
    """Every scenario of the catalogue file, expanded and checked against the spec."""
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise CatalogueError(f"{path}: {exc}") from exc
    entries = document.get("scenarios") if isinstance(document, dict) else None
    if not isinstance(entries, list):
        raise CatalogueError(f"{path}: expected a mapping with a list of scenarios")
    scenarios = [scenario for entry in entries for scenario in _expand(entry)]
    ids = [scenario.id for scenario in scenarios]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise CatalogueError(f"{path}: duplicate scenario ids {duplicates}")
    return tuple(scenarios)


def _expand(entry: Mapping[str, Any]) -> list[Scenario]:
    try:
        ident, operation_id = str(entry["id"]), str(entry["operation"])
    except (KeyError, TypeError) as exc:
        raise CatalogueError(f"scenario {entry!r}: needs an id and an operation") from exc
    try:
        op = spec_facts.operation(operation_id)
        key = str(entry.get("key", "given"))
        if key not in KEY_KINDS:
            raise CatalogueError(f"{ident}: key must be one of {', '.join(KEY_KINDS)}")
        fields = {str(n): _resolve(op, str(n), v) for n, v in (entry.get("fields") or {}).items()}
        files = {str(n): str(v) for n, v in (entry.get("files") or {}).items()}
        for name in files:
            op.field(name)
        unknown = {str(n): str(v) for n, v in (entry.get("unknown") or {}).items()}
        for name in unknown:
            if name in op.fields:
                raise CatalogueError(f"{ident}: {name!r} is in the spec; list it under fields")
        each = [
            [(str(name), value) for value in _each_values(op, str(name), reference)]
            for name, reference in (entry.get("each") or {}).items()
        ]
    except spec_facts.UnknownSpecFact as exc:
        raise CatalogueError(f"{ident}: {exc}") from exc
    common: dict[str, Any] = {
        "operation_id": operation_id,
        "files": files,
        "headers": {str(n): str(v) for n, v in (entry.get("headers") or {}).items()},
        "key": key,
        "why": str(entry.get("why", "")),
    }
    if not each:
        return [Scenario(id=ident, fields={**fields, **unknown}, **common)]
    expanded = []
    for combination in itertools.product(*each):
        values = dict(combination)
        label = "-".join(str(v) for v in values.values())
        expanded.append(
            Scenario(id=ident.format(value=label), fields={**fields, **unknown, **values}, **common)
        )
    return expanded


def _each_values(op: Operation, name: str, reference: Any) -> list[str]:
    if reference != "$enum":
        raise CatalogueError(f"{op.operation_id}: `each` takes $enum, got {reference!r}")
    values = spec_facts.enum_values(op.field(name))
    if not values:
        raise CatalogueError(f"{op.operation_id}: {name} has no enum in the spec")
    return [_wire(value) for value in values]


def _resolve(op: Operation, name: str, value: Any) -> FieldValue:
    """A literal, or the value a ``$`` reference stands for in the spec."""
    schema = op.field(name)
    if not isinstance(value, str) or not value.startswith("$"):
        return _wire(value)
    reference, _, argument = value.partition(":")
    if reference == "$image-url":
        return ImageUrl(argument or URL_FIXTURE)
    if reference == "$example":
        index = int(argument or 0)
        candidates = spec_facts.examples(schema) or spec_facts.enum_values(schema)
        if len(candidates) <= index:
            raise CatalogueError(f"{op.operation_id}: {name} has no example #{index} in the spec")
        return _wire(candidates[index])
    if reference == "$not-in-enum":
        if NOT_IN_ANY_ENUM in spec_facts.enum_values(schema):
            raise CatalogueError(f"{op.operation_id}: {name} accepts {NOT_IN_ANY_ENUM!r}")
        return NOT_IN_ANY_ENUM
    if reference == "$above-maximum":
        top = spec_facts.maximum(schema)
        if top is None:
            raise CatalogueError(f"{op.operation_id}: {name} has no maximum in the spec")
        return _wire(top + 1)
    raise CatalogueError(f"{op.operation_id}: unknown reference {value!r} for {name}")


def _wire(value: Any) -> str:
    """How a value travels in a query string or a multipart field."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
