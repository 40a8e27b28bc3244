"""Check a Python value against a parameter's JSON Schema (from the generated table).

The client installs light (no ``jsonschema``), and the schemas of this API's parameters use a
small vocabulary: ``type``, ``enum``/``const``, ``anyOf``/``oneOf``, numeric bounds, ``pattern``,
lengths, ``items`` and the formats ``uri``, ``uuid`` and ``binary``. This module covers exactly
that, with messages that name the parameter the way the API does. The emulator validates the
same schemas with ``jsonschema``; ``tests/client/test_client_emulator_agree.py`` proves the two
verdicts match.
"""

from __future__ import annotations

import math
import operator
import re
import uuid
from collections.abc import Callable, Mapping, Sequence
from typing import Any
from urllib.parse import urlsplit

__all__ = ["SchemaError", "enum_values", "is_uri", "schema_error", "type_names"]


class SchemaError(ValueError):
    """``value`` does not match the schema; ``str()`` says why (``must be one of a, b``)."""


def is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def enum_values(schema: Mapping[str, Any]) -> list[Any]:
    """Every ``enum``/``const`` value in ``schema`` and its ``anyOf``/``oneOf`` branches."""
    values = list(schema.get("enum", []))
    if "const" in schema:
        values.append(schema["const"])
    for branch in schema.get("anyOf", []) + schema.get("oneOf", []):
        values.extend(v for v in enum_values(branch) if v not in values)
    return values


def type_names(schema: Mapping[str, Any]) -> set[str]:
    """The JSON types ``schema`` admits (``{"number", "string"}`` for the spacing anyOf)."""
    declared = schema.get("type")
    kinds: set[str] = set()
    if isinstance(declared, str):
        kinds.add(declared)
    elif isinstance(declared, list):
        kinds.update(declared)
    for branch in schema.get("anyOf", []) + schema.get("oneOf", []):
        kinds |= type_names(branch)
    if not kinds:
        for value in enum_values(schema):
            kinds.add(_json_type(value))
    return kinds


def schema_error(value: Any, schema: Mapping[str, Any]) -> str | None:
    """Why ``value`` does not match ``schema``, or ``None`` when it does."""
    try:
        _check(value, schema)
    except SchemaError as error:
        return str(error)
    return None


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, Sequence):
        return "array"
    return "object"


def _matches_type(value: Any, kind: str) -> bool:
    if kind == "string":
        return isinstance(value, str)
    if kind == "number":
        return is_number(value)
    if kind == "integer":
        return is_number(value) and float(value).is_integer()
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "array":
        return isinstance(value, Sequence) and not isinstance(value, str | bytes)
    return kind == "object" and isinstance(value, Mapping)


def _check(value: Any, schema: Mapping[str, Any]) -> None:
    for keyword in ("anyOf", "oneOf"):
        if keyword in schema:
            rest = {k: v for k, v in schema.items() if k not in ("anyOf", "oneOf")}
            reasons = []
            for branch in schema[keyword]:
                reason = schema_error(value, {**rest, **branch})
                if reason is None:
                    break
                reasons.append(reason)
            else:
                unique = "; or ".join(dict.fromkeys(reasons))
                raise SchemaError(f"must match a schema in {keyword} ({unique})")
            return
    declared = schema.get("type")
    kinds = [declared] if isinstance(declared, str) else list(declared or [])
    if kinds and not any(_matches_type(value, kind) for kind in kinds):
        raise SchemaError(f"must be {' or '.join(kinds)}")
    if "const" in schema and value != schema["const"]:
        raise SchemaError(f"must be {schema['const']}")
    if "enum" in schema and value not in schema["enum"]:
        values = [str(v) for v in schema["enum"]]
        shown = ", ".join(values) if len(values) <= 12 else ", ".join(values[:8]) + ", ..."
        raise SchemaError(
            f"must be one of {shown}" + (f" ({len(values)} values)" if len(values) > 12 else "")
        )
    if is_number(value):
        _check_number(value, schema)
    if isinstance(value, str):
        _check_string(value, schema)
    if _matches_type(value, "array") and not isinstance(value, Mapping):
        if "minItems" in schema and len(value) < schema["minItems"]:
            raise SchemaError(f"must NOT have fewer than {schema['minItems']} items")
        if "maxItems" in schema and len(value) > schema["maxItems"]:
            raise SchemaError(f"must NOT have more than {schema['maxItems']} items")
        items = schema.get("items")
        if isinstance(items, Mapping) and items.get("format") != "binary":
            for item in value:
                _check(item, items)


_BOUNDS: dict[str, tuple[Callable[[Any, Any], bool], str]] = {
    "minimum": (operator.ge, ">="),
    "maximum": (operator.le, "<="),
    "exclusiveMinimum": (operator.gt, ">"),
    "exclusiveMaximum": (operator.lt, "<"),
}


def _check_number(value: float, schema: Mapping[str, Any]) -> None:
    for keyword, (ok, sign) in _BOUNDS.items():
        if keyword in schema and not ok(value, schema[keyword]):
            raise SchemaError(f"must be {sign} {schema[keyword]}")


def _check_string(value: str, schema: Mapping[str, Any]) -> None:
    if "minLength" in schema and len(value) < schema["minLength"]:
        raise SchemaError(f"must NOT have fewer than {schema['minLength']} characters")
    if "maxLength" in schema and len(value) > schema["maxLength"]:
        raise SchemaError(f"must NOT have more than {schema['maxLength']} characters")
    if "pattern" in schema and not re.search(schema["pattern"], value):
        raise SchemaError(f'must match pattern "{schema["pattern"]}"')
    fmt = schema.get("format")
    if fmt == "uri" and not is_uri(value):
        raise SchemaError('must match format "uri"')
    if fmt == "uuid":
        try:
            uuid.UUID(value)
        except ValueError:
            raise SchemaError('must match format "uuid"') from None


def is_uri(value: str) -> bool:
    """JSON Schema's ``uri`` as this API uses it: a scheme and a host or path."""
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return bool(parts.scheme) and bool(parts.netloc or parts.path)
