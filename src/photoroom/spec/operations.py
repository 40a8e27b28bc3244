"""A typed view of the generated operation table (``photoroom.spec._generated.table``).

The table is written by ``make generate`` from the overlaid spec; this module only gives it
types and lookups. The client's validation, the CLI, the emulator and the fuzzing rules all read
API facts (parameter names, schemas, server defaults, rules, limits, costs, plans, media types)
from here, never from a copy of their own.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterator, Mapping
from typing import Any, Final, Literal

__all__ = [
    "EDIT_BY_UPLOAD",
    "EDIT_BY_URL",
    "MISSING",
    "REMOVE_BACKGROUND",
    "KeyedLeaf",
    "Operation",
    "Param",
    "all_plans",
    "header_params",
    "operation",
    "operations",
]

#: The operationIds the hand-written layers call by name (the overlay gives them, Q3).
EDIT_BY_URL: Final = "edit-image-from-url"
EDIT_BY_UPLOAD: Final = "edit-image-upload"
REMOVE_BACKGROUND: Final = "remove-background"

MISSING: Final[Any] = object()
"""``Param.default`` when the server states no default."""


@dataclasses.dataclass(frozen=True)
class Param:
    """One query parameter, multipart field or request header of an operation."""

    wire: str
    """Name on the wire: ``background.blur.radius``."""
    python: str
    """The generated client's keyword: ``background_blur_radius``."""
    location: Literal["query", "body", "header"]
    required: bool
    schema: Mapping[str, Any]
    description: str
    deprecated: bool
    option: str | None
    """Ergonomic keyword that carries it (``background``); ``None`` for the operation's image."""
    field: str | None
    """Field of the option group (``blur_radius``); ``None`` for plain keywords."""
    default: Any = MISSING

    @property
    def binary(self) -> bool:
        """A file (or a list of files) travels here."""
        return _element(self.schema).get("format") == "binary"

    @property
    def is_array(self) -> bool:
        return self.schema.get("type") == "array"


@dataclasses.dataclass(frozen=True)
class KeyedLeaf:
    """A leaf whose name holds a caller-chosen id: ``layers.{key}.text.content``."""

    template: str
    prefix: str
    """What comes before ``.{key}.``: ``layers``, ``editWithAI.additionalImages``."""
    option: str
    field: str | None
    path: str
    """What comes after ``.{key}.``: ``text.content``."""
    schema: Mapping[str, Any]
    description: str

    @property
    def binary(self) -> bool:
        return _element(self.schema).get("format") == "binary"

    def name(self, key: str) -> str:
        return self.template.replace("{key}", key)


@dataclasses.dataclass(frozen=True)
class Operation:
    """One operation of the spec with everything the hand-written layers need."""

    operation_id: str
    method: str
    path: str
    server: str
    location: Literal["query", "body"]
    module: str
    """The generated operation module (``photoroom_api.api.image_editing.edit_image_upload``)."""
    body_model: str | None
    """Dotted path of the generated multipart body class, for body operations."""
    deprecated: bool
    image: tuple[str, ...]
    """Wire names of the operation's image input (the client's positional ``image``)."""
    params: tuple[Param, ...]
    """Query parameters or multipart fields (never headers)."""
    key_pattern: str
    keyed: tuple[KeyedLeaf, ...]
    rules: tuple[Mapping[str, Any], ...]
    limits: Mapping[str, Any]
    cost: Mapping[str, Any]
    plans: tuple[str, ...]
    media_types: Mapping[str, str]
    """Output format value -> the media type answered (``jpg`` -> ``image/jpeg``)."""
    response_headers: tuple[str, ...]
    key_parameter: str | None = None
    """A query parameter that may carry the API key instead of the header (legacy render)."""
    headers: tuple[Param, ...] = ()
    """Request header parameters (model versions), apart from ``params`` so that nothing sends
    them as query parameters or form fields; ``option`` is the client keyword that sets one."""

    @functools.cached_property
    def header_by_option(self) -> dict[str, Param]:
        return {p.option: p for p in self.headers if p.option is not None}

    def header(self, wire: str) -> Param | None:
        """The header parameter named ``wire`` (case-insensitive, as HTTP header names are)."""
        return next((p for p in self.headers if p.wire.lower() == wire.lower()), None)

    @functools.cached_property
    def by_wire(self) -> dict[str, Param]:
        return {param.wire: param for param in self.params}

    @functools.cached_property
    def by_option(self) -> dict[tuple[str | None, str | None], Param]:
        return {(p.option, p.field): p for p in self.params if p.option is not None}

    def param(self, wire: str) -> Param | None:
        return self.by_wire.get(wire)

    def schema_of(self, name: str) -> Mapping[str, Any]:
        """The schema of a parameter or of the keyed leaf a name fills (``layers.t.text.x``)."""
        param = self.by_wire.get(name)
        if param is not None:
            return param.schema
        for leaf in self.keyed:
            prefix, _, suffix = leaf.template.partition("{key}")
            key = name[len(prefix) : len(name) - len(suffix)] if suffix else ""
            if name.startswith(prefix) and name.endswith(suffix) and key and "." not in key:
                return leaf.schema
        return {}

    def default(self, wire: str) -> Any:
        """The server default of ``wire`` (``MISSING`` if none or unknown)."""
        param = self.by_wire.get(wire)
        return MISSING if param is None else param.default

    def credits(self, values: Mapping[str, Any]) -> float:
        """What one call costs with these parameter values (``x-photoroom-cost``)."""
        cost = float(self.cost.get("credits", 0))
        for name, by_value in (self.cost.get("per-value") or {}).items():
            value = values.get(name, self.default(name))
            if value in by_value:
                cost = float(by_value[value])
        return cost

    @property
    def billed(self) -> bool:
        """Whether a call may spend credits (its base cost or any per-value cost is not 0)."""
        per_value = self.cost.get("per-value") or {}
        costs = [self.cost.get("credits", 0), *(c for v in per_value.values() for c in v.values())]
        return any(float(c) for c in costs)


def _element(schema: Mapping[str, Any]) -> Mapping[str, Any]:
    items = schema.get("items")
    return items if schema.get("type") == "array" and isinstance(items, Mapping) else schema


def _param(p: Mapping[str, Any]) -> Param:
    return Param(
        wire=p["wire"],
        python=p["python"],
        location=p["in"],
        required=p["required"],
        schema=p["schema"],
        description=p["description"],
        deprecated=p["deprecated"],
        option=p["option"],
        field=p["field"],
        default=p.get("default", MISSING),
    )


def _build(entry: Mapping[str, Any]) -> Operation:
    params = tuple(_param(p) for p in entry["params"])
    keyed = tuple(
        KeyedLeaf(
            template=leaf["template"],
            prefix=leaf["prefix"],
            option=leaf["option"],
            field=leaf["field"],
            path=leaf["path"],
            schema=leaf["schema"],
            description=leaf["description"],
        )
        for leaf in entry["keyed"]["leaves"]
    )
    return Operation(
        operation_id=entry["operation_id"],
        method=entry["method"],
        path=entry["path"],
        server=entry["server"],
        location=entry["location"],
        module=entry["module"],
        body_model=entry.get("body_model"),
        deprecated=entry["deprecated"],
        image=tuple(entry["image"]),
        params=params,
        key_pattern=entry["keyed"]["key_pattern"],
        keyed=keyed,
        rules=tuple(entry["rules"]),
        limits=entry["limits"],
        cost=entry["cost"],
        plans=tuple(entry["plans"]),
        media_types=entry["media_types"],
        response_headers=tuple(entry["response_headers"]),
        key_parameter=entry.get("key_parameter"),
        headers=tuple(_param(p) for p in entry.get("headers", [])),
    )


@functools.cache
def operations() -> dict[str, Operation]:
    """Every operation of the spec by operationId (built once from the generated table)."""
    from ._generated.table import OPERATIONS

    return {operation_id: _build(entry) for operation_id, entry in OPERATIONS.items()}


def operation(operation_id: str) -> Operation:
    return operations()[operation_id]


def all_plans() -> tuple[str, ...]:
    """Every plan some operation names (``x-photoroom-plans``), in first-seen order."""
    seen: dict[str, None] = {}
    for op in operations().values():
        seen.update(dict.fromkeys(op.plans))
    return tuple(seen)


def header_params() -> dict[str, Param]:
    """Every request header parameter of the spec by its client option
    (``ai_background_model_version``), the first operation's declaration of it."""
    found: dict[str, Param] = {}
    for op in operations().values():
        for option, param in op.header_by_option.items():
            found.setdefault(option, param)
    return found


def iter_fields(op: Operation) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """``(wire name, schema)`` of every field of ``op``, keyed leaves by their template."""
    for param in op.params:
        yield param.wire, param.schema
    for leaf in op.keyed:
        yield leaf.template, leaf.schema
