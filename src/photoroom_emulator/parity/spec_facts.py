"""Every fact about the API the parity tools need, read from the overlaid spec.

This is the one module of :mod:`photoroom_emulator.parity` that reads the spec: the emulator's
document (:func:`photoroom_emulator.spec.load_spec`), its ``$ref``s followed by the spec layer's
``resolve_ref``, so the catalogue can read another source by changing this module alone.
Operations are named by their ``operationId``; fields by their wire names.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from photoroom.spec import resolve_ref

from ..spec import load_spec

Schema = dict[str, Any]

_METHODS = ("get", "post", "put", "patch", "delete")


class UnknownSpecFact(LookupError):
    """The catalogue names an operation or field the spec does not have."""


@dataclass(frozen=True)
class Operation:
    """One operation of the spec, with what the catalogue asks of it."""

    operation_id: str
    method: str
    path: str
    document: Schema

    @property
    def fields(self) -> dict[str, Schema]:
        """Request fields by wire name: query parameters, or the multipart body's properties."""
        return _fields(self.operation_id)

    def field(self, name: str) -> Schema:
        try:
            return self.fields[name]
        except KeyError:
            raise UnknownSpecFact(f"{self.operation_id} has no request field {name!r}") from None

    @property
    def server(self) -> str | None:
        """The base URL the real API serves this operation from (its first ``servers`` entry)."""
        servers = self.document.get("servers") or load_spec().get("servers") or []
        return str(servers[0]["url"]).rstrip("/") if servers else None

    @property
    def max_side(self) -> int | None:
        """The widest side an input image may have (``x-photoroom-limits``)."""
        side = self.document.get("x-photoroom-limits", {}).get("max-side")
        return int(side) if side is not None else None

    @property
    def plans(self) -> tuple[str, ...]:
        """Plans that may call the operation (``x-photoroom-plans``)."""
        return tuple(self.document.get("x-photoroom-plans", {}).get("plans", ()))

    def credits(self, fields: Mapping[str, str]) -> float:
        """What one call with ``fields`` costs (``x-photoroom-cost``: base and per-value)."""
        cost = self.document.get("x-photoroom-cost", {})
        credits = float(cost.get("credits", 0))
        for name, prices in cost.get("per-value", {}).items():
            if name in fields and fields[name] in prices:
                credits = float(prices[fields[name]])
        return credits


@cache
def operation(operation_id: str) -> Operation:
    """The operation whose ``operationId`` is ``operation_id``."""
    spec = load_spec()
    for path, item in spec["paths"].items():
        for method in _METHODS:
            document = item.get(method)
            if isinstance(document, dict) and document.get("operationId") == operation_id:
                return Operation(operation_id, method.upper(), path, document)
    raise UnknownSpecFact(f"the spec has no operation {operation_id!r}")


@cache
def _fields(operation_id: str) -> dict[str, Schema]:
    spec = load_spec()
    document = operation(operation_id).document
    fields: dict[str, Schema] = {}
    for parameter in document.get("parameters", []):
        parameter = resolve_ref(spec, parameter)
        if parameter.get("in") == "query":
            fields[parameter["name"]] = resolve_ref(spec, parameter.get("schema", {}))
    for media in document.get("requestBody", {}).get("content", {}).values():
        body = resolve_ref(spec, media.get("schema", {}))
        for name, schema in body.get("properties", {}).items():
            fields[name] = resolve_ref(spec, schema)
    return fields


def enum_values(schema: Schema) -> list[Any]:
    """The values of the first ``enum`` in the schema (its own, or an ``anyOf``/``oneOf``
    branch's)."""
    if "enum" in schema:
        return list(schema["enum"])
    for branch in schema.get("anyOf", []) + schema.get("oneOf", []):
        values = enum_values(resolve_ref(load_spec(), branch))
        if values:
            return values
    return []


def examples(schema: Schema) -> list[Any]:
    """The schema's examples (``examples``, then ``example``)."""
    found = list(schema.get("examples", []))
    if "example" in schema:
        found.append(schema["example"])
    return found


def server_default(schema: Schema) -> Any:
    """What the server assumes when the field is not sent (``x-server-default``, ``default``)."""
    return schema.get("x-server-default", schema.get("default"))


def maximum(schema: Schema) -> float | None:
    """The largest value the field takes (``maximum``), if the spec gives one."""
    value = schema.get("maximum", schema.get("exclusiveMaximum"))
    return float(value) if value is not None else None


def media_types(schema: Schema) -> dict[str, str]:
    """Output format values -> the media type answered (``x-photoroom-media-types``)."""
    return dict(schema.get("x-photoroom-media-types", {}))


def api_hosts() -> frozenset[str]:
    """Every host the spec says the real API answers on."""
    from urllib.parse import urlsplit

    spec = load_spec()
    urls = [server["url"] for server in spec.get("servers", [])]
    for item in spec["paths"].values():
        for method in _METHODS:
            document = item.get(method)
            if isinstance(document, dict):
                urls += [server["url"] for server in document.get("servers", [])]
    return frozenset(urlsplit(url).hostname or "" for url in urls) - {""}
