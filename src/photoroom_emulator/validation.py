"""Request validation driven by the OpenAPI document, so the emulator accepts what the spec accepts.

At start-up one Draft 2020-12 validator is built per query parameter / multipart field of each
operation (:class:`OperationValidator`), plus one per keyed leaf of
``x-photoroom-keyed-parameters`` (``layers.{key}.text.content``, ...). Nothing here lists the
parameters by hand; the cross-parameter rules the spec states in prose are data in the overlay
(``x-photoroom-rules``), checked by :func:`check_rules`.

Per request:

1. Each incoming string is coerced to the schema's type(s) first (query strings and form fields are
   text): ``"true"``/``"false"`` for booleans, numerals for number/integer, tried in that order
   and falling back to the string, so ``anyOf: [number, string]`` takes ``0.1`` and ``"10%"``.
2. The value is validated; a failure is a 400 whose message names the parameter the way the
   real API does: ``removeBackground must be boolean``, ``shadow.mode must be one of ai.soft,
   ...``, ``padding must match a schema in anyOf (...)``.
3. A bare value sent for an object (``virtualModel.model=sam``, whose leaves are
   ``virtualModel.model.preset.name`` / ``...custom.imageUrl``) is a 400: "must match a schema in
   anyOf" when the object is a choice of variants, "must be object" otherwise.
4. Names the operation does not know are collected for the ``pr-unsupported-attributes`` header
   (the real API ignores them rather than failing).
5. Missing required fields are 400s; absent fields get their ``x-server-default`` (the overlay
   records it on GET parameters and multipart fields alike).
6. Request headers the operation declares (``in: header``, the model versions) are checked the
   same way (:meth:`OperationValidator.validate_headers`); the values used, sent or default,
   are ``Params.headers``. Other headers are not the validator's business.
"""

from __future__ import annotations

import json
import math
import re
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError, relevance
from starlette.datastructures import UploadFile

from photoroom.spec import (
    MISSING,
    first_violation,
    inline_refs,
    is_uri,
    operation,
    resolve_ref,
    unresolved_refs,
)

from .errors import ApiError, bad_request
from .spec import Spec

UNSUPPORTED_HEADER: Final = "pr-unsupported-attributes"

_MISSING: Final = object()


def _is_uri(value: object) -> bool:
    """The client's ``uri`` check (one definition); non-strings are the type keyword's job."""
    return not isinstance(value, str) or is_uri(value)


def _is_uuid(value: object) -> bool:
    if not isinstance(value, str):
        return True
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


# Only the formats the spec's request fields use; "binary" marks files and is handled apart.
FORMAT_CHECKER: Final = FormatChecker(formats=())
FORMAT_CHECKER.checks("uri")(_is_uri)
FORMAT_CHECKER.checks("uuid")(_is_uuid)


@dataclass(frozen=True)
class FieldRule:
    """How one parameter is read and checked: its schema, validator, coercions and default."""

    name: str
    schema: Mapping[str, Any]
    validator: Draft202012Validator
    coercions: tuple[str, ...]
    binary: bool = False
    array: bool = False
    required: bool = False
    default: Any = _MISSING

    @classmethod
    def build(
        cls, name: str, schema: Mapping[str, Any], *, required: bool, default: Any
    ) -> FieldRule:
        is_array = schema.get("type") == "array"
        element = schema.get("items", {}) if is_array else schema
        return cls(
            name=name,
            schema=schema,
            validator=Draft202012Validator(schema, format_checker=FORMAT_CHECKER),
            coercions=_coercions(element),
            binary=element.get("format") == "binary",
            array=is_array,
            required=required,
            default=default,
        )

    def coerce(self, raw: str) -> list[Any]:
        """Candidate typed values for a text value, most specific first."""
        candidates: list[Any] = []
        for kind in self.coercions:
            value = _coerce(raw, kind)
            if value is not _MISSING and not any(
                type(value) is type(other) and value == other for other in candidates
            ):
                candidates.append(value)
        return candidates or [raw]


@dataclass(frozen=True)
class KeyedRule:
    """A keyed leaf such as ``layers.{key}.text.content``: a name pattern and its field rule."""

    pattern: re.Pattern[str]
    rule: FieldRule


@dataclass
class Params:
    """The outcome of validation: typed values, uploaded files, unknown names."""

    sent: dict[str, Any] = field(default_factory=dict)
    values: dict[str, Any] = field(default_factory=dict)
    files: dict[str, list[UploadFile]] = field(default_factory=dict)
    unsupported: list[str] = field(default_factory=list)
    headers: dict[str, Any] = field(default_factory=dict)
    """The declared request headers as used: sent, else their server default (by wire name)."""

    def given(self, name: str) -> bool:
        """Whether the caller sent ``name`` (as a value or a file), defaults aside."""
        return name in self.sent or name in self.files

    def get(self, name: str, default: Any = None) -> Any:
        """The value of ``name``: as sent, else its server default, else ``default``."""
        return self.values.get(name, default)

    def file(self, name: str) -> UploadFile | None:
        uploads = self.files.get(name)
        return uploads[0] if uploads else None

    def unsupported_header(self) -> dict[str, str]:
        """``pr-unsupported-attributes`` for the response, when something was ignored."""
        if not self.unsupported:
            return {}
        # Names are the caller's text: escape what a header cannot carry (non-ASCII, controls),
        # and quote names with edge spaces or none at all (a header value cannot end in a space).
        names = (
            name.encode("unicode_escape").decode("ascii")
            if name and name == name.strip()
            else json.dumps(name)
            for name in self.unsupported
        )
        return {UNSUPPORTED_HEADER: "Unsupported attributes: " + ", ".join(names)}


Item = tuple[str, "str | UploadFile"]


class OperationValidator:
    """Validates the query parameters or multipart fields of one operation."""

    def __init__(
        self,
        operation_id: str,
        fields: Mapping[str, FieldRule],
        keyed: Iterable[KeyedRule] = (),
        headers: Mapping[str, FieldRule] | None = None,
    ) -> None:
        self.operation_id = operation_id
        self.fields = dict(fields)
        self.keyed = tuple(keyed)
        self.headers = dict(headers or {})
        """Declared request headers by their wire name (``pr-ai-background-model-version``)."""
        self._objects = _object_nodes(self.fields, self.keyed)

    @classmethod
    def from_spec(cls, spec: Spec, method: str, path: str) -> OperationValidator:
        """Build the validator of ``method path`` from the spec (see the module docstring)."""
        path_item = spec["paths"][path]
        op = path_item[method.lower()]
        declared: dict[str, tuple[dict[str, Any], bool]] = {}
        headers: dict[str, tuple[dict[str, Any], bool]] = {}
        for parameter in op.get("parameters", []):
            parameter = resolve_ref(spec, parameter)
            where = {"query": declared, "header": headers}.get(parameter.get("in", ""))
            if where is not None:
                schema = _inline(spec, parameter.get("schema", {}))
                where[parameter["name"]] = (schema, bool(parameter.get("required")))
        body = resolve_ref(spec, op.get("requestBody", {}))
        for media in body.get("content", {}).values():
            schema = _inline(spec, media.get("schema", {}))
            required = set(schema.get("required", []))
            for name, prop in schema.get("properties", {}).items():
                declared[name] = (prop, name in required)
        fields, header_rules = (
            {
                name: FieldRule.build(
                    name,
                    schema,
                    required=required,
                    default=schema.get("x-server-default", _MISSING),
                )
                for name, (schema, required) in found.items()
            }
            for found in (declared, headers)
        )
        keyed = _keyed_rules(spec, op.get("x-photoroom-keyed-parameters"))
        return cls(op.get("operationId", f"{method} {path}"), fields, keyed, header_rules)

    def validate_headers(self, headers: Mapping[str, str]) -> dict[str, Any]:
        """The declared request headers, checked (a 400 naming the header otherwise), as used:
        sent, else their server default. ``headers`` is case-insensitive (Starlette's)."""
        used: dict[str, Any] = {}
        for name, rule in self.headers.items():
            raw = headers.get(name)
            if raw is None:
                if rule.required:
                    raise _missing(rule)
                if rule.default is not _MISSING:
                    used[name] = rule.default
                continue
            used[name] = self._value(rule, [raw])
        return used

    def validate(self, items: Iterable[Item]) -> Params:
        """Check every item, apply server defaults; the first fault raises a 400 ApiError."""
        grouped: dict[str, list[str | UploadFile]] = {}
        for name, value in items:
            grouped.setdefault(name, []).append(value)

        params = Params()
        for name, values in grouped.items():
            rule = self._rule(name)
            if rule is None:
                self._reject_bare_object(name)
                params.unsupported.append(name)
                continue
            if rule.binary:
                params.files[name] = self._files(rule, values)
            else:
                params.sent[name] = self._value(rule, values)

        for name, rule in self.fields.items():
            if params.given(name):
                continue
            if rule.required:
                raise _missing(rule)
            if rule.default is not _MISSING:
                params.values[name] = rule.default
        params.values.update(params.sent)
        return params

    def _rule(self, name: str) -> FieldRule | None:
        rule = self.fields.get(name)
        if rule is not None:
            return rule
        for keyed in self.keyed:
            if keyed.pattern.fullmatch(name):
                return FieldRule(
                    name=name,
                    schema=keyed.rule.schema,
                    validator=keyed.rule.validator,
                    coercions=keyed.rule.coercions,
                    binary=keyed.rule.binary,
                    array=keyed.rule.array,
                )
        return None

    def _reject_bare_object(self, name: str) -> None:
        for pattern, is_choice in self._objects:
            if pattern.fullmatch(name):
                expected = "match a schema in anyOf" if is_choice else "be object"
                raise bad_request(f"{name} must {expected}")

    def _files(self, rule: FieldRule, values: list[str | UploadFile]) -> list[UploadFile]:
        uploads = [value for value in values if isinstance(value, UploadFile)]
        if len(uploads) != len(values):
            raise bad_request(f"{rule.name} must be a file")
        if not rule.array and len(uploads) > 1:
            raise bad_request(f"{rule.name} must be a single file")
        if rule.array:
            errors = list(rule.validator.iter_errors(["file"] * len(uploads)))
            if errors:
                raise bad_request(f"{rule.name} {_phrase(_top_error(errors))}")
        return uploads

    def _value(self, rule: FieldRule, values: list[str | UploadFile]) -> Any:
        texts = [value for value in values if isinstance(value, str)]
        if len(texts) != len(values):
            raise bad_request(f"{rule.name} must be {_type_names(rule.schema)}, not a file")
        if rule.array:
            items = [rule.coerce(text)[0] for text in texts]
            errors = list(rule.validator.iter_errors(items))
            if errors:
                raise bad_request(f"{rule.name} {_phrase(_top_error(errors))}")
            return items
        if len(texts) > 1:
            raise bad_request(f"{rule.name} must be a single value, got {len(texts)}")
        candidates = rule.coerce(texts[0])
        for candidate in candidates:
            if rule.validator.is_valid(candidate):
                return candidate
        raise bad_request(_explain(rule, candidates))


def check_rules(params: Params, operation_id: str) -> None:
    """The cross-parameter rules of the operation (``x-photoroom-rules``, read from the
    generated table), evaluated by the module the client uses too (:mod:`photoroom.spec`),
    so the emulator's 400 and the client's local refusal say the same thing."""
    op = operation(operation_id)
    violation = first_violation(
        op.rules,
        set(params.sent) | set(params.files),
        lambda name: params.values.get(name, MISSING),
        image=op.image[0] if op.image else "image",
    )
    if violation is not None:
        kind = "missing_image" if "one-required" in violation.rule else "invalid_parameter"
        raise bad_request(violation.message, type=kind)


# --- building -----------------------------------------------------------------------------------


def _inline(spec: Spec, node: Any) -> Any:
    """A copy of ``node`` with every ``$ref`` inlined (``photoroom.spec.inline_refs``); a field's
    rule needs its whole schema, so a reference that cannot be inlined is refused."""
    inlined = inline_refs(spec, node)
    left = unresolved_refs(inlined)
    if left:
        raise ValueError(f"unsupported or circular $ref: {left[0]!r}")
    return inlined


def _keyed_rules(spec: Spec, extension: Mapping[str, Any] | None) -> list[KeyedRule]:
    if not extension:
        return []
    key = _unanchored(extension.get("key-pattern", "[^.]+"))
    rules = []
    for template, schema in extension.get("leaves", {}).items():
        pattern = re.compile(_template_regex(template, key))
        rule = FieldRule.build(template, _inline(spec, schema), required=False, default=_MISSING)
        rules.append(KeyedRule(pattern, rule))
    return rules


def _template_regex(template: str, key_pattern: str) -> str:
    return f"(?:{key_pattern})".join(re.escape(part) for part in template.split("{key}"))


def _unanchored(pattern: str) -> str:
    return pattern.removeprefix("^").removesuffix("$")


def _object_nodes(
    fields: Mapping[str, FieldRule], keyed: Iterable[KeyedRule]
) -> list[tuple[re.Pattern[str], bool]]:
    """Dot-prefixes of leaf names that are objects, and whether each is a choice of variants.

    A node whose children are all objects themselves (``virtualModel.model`` -> ``preset``,
    ``custom``) came from an ``anyOf`` of object variants in the upstream spec.
    """
    children: dict[str, set[str]] = {}
    for name in list(fields) + [rule.rule.name for rule in keyed]:
        parts = name.split(".")
        for depth in range(1, len(parts)):
            children.setdefault(".".join(parts[:depth]), set()).add(parts[depth])
    nodes = []
    for node, kids in children.items():
        if node in fields:
            continue  # a declared leaf (e.g. background.expandPrompt) wins over the object form
        is_choice = len(kids) > 1 and all(f"{node}.{kid}" in children for kid in kids)
        pattern = re.compile(
            _template_regex(node, r"[^.]+") if "{key}" in node else re.escape(node)
        )
        nodes.append((pattern, is_choice))
    return nodes


# --- coercion ------------------------------------------------------------------------------------

_ORDER: Final = ("boolean", "integer", "number", "string")


def _coercions(schema: Mapping[str, Any]) -> tuple[str, ...]:
    kinds = _schema_types(schema)
    return tuple(kind for kind in _ORDER if kind in kinds) or ("string",)


def _schema_types(schema: Mapping[str, Any]) -> set[str]:
    declared = schema.get("type")
    if isinstance(declared, str):
        return {declared}
    if isinstance(declared, list):
        return set(declared)
    kinds: set[str] = set()
    for keyword in ("anyOf", "oneOf"):
        for branch in schema.get(keyword, []):
            kinds |= _schema_types(branch)
    values = list(schema.get("enum", [])) + ([schema["const"]] if "const" in schema else [])
    for value in values:
        if isinstance(value, bool):
            kinds.add("boolean")
        elif isinstance(value, int | float):
            kinds.add("number")
        elif isinstance(value, str):
            kinds.add("string")
    return kinds or {"string"}


def _coerce(raw: str, kind: str) -> Any:
    text = raw.strip()
    if kind == "string":
        return raw
    if kind == "boolean":
        return {"true": True, "false": False}.get(text.lower(), _MISSING)
    if kind == "integer":
        return int(text) if re.fullmatch(r"[+-]?\d+", text) else _MISSING
    if kind == "number":
        try:
            number = float(text)
        except ValueError:
            return _MISSING
        if not math.isfinite(number):
            return _MISSING
        return int(number) if number.is_integer() and re.fullmatch(r"[+-]?\d+", text) else number
    return _MISSING


# --- messages ------------------------------------------------------------------------------------


def _missing(rule: FieldRule) -> ApiError:
    if rule.binary:
        return bad_request("Please provide an image.", type="missing_image")
    return bad_request(f"{rule.name}: Required", type="missing_parameter")


def _explain(rule: FieldRule, candidates: list[Any]) -> str:
    """The message for a value no coercion candidate made valid."""
    per_candidate = [list(rule.validator.iter_errors(candidate)) for candidate in candidates]
    first = _top_error(per_candidate[0])
    if first.validator not in ("anyOf", "oneOf"):
        return f"{rule.name} {_phrase(first)}"
    branches: list[str] = []
    for index, _branch in enumerate(first.validator_value):
        options = [
            sub
            for errors in per_candidate
            for error in errors
            if error.validator == first.validator
            for sub in error.context or ()
            if sub.relative_schema_path and sub.relative_schema_path[0] == index
        ]
        chosen = next((sub for sub in options if sub.validator != "type"), None)
        chosen = chosen or (options[0] if options else None)
        if chosen is not None:
            branches.append(_phrase(chosen))
    keyword = first.validator
    detail = f" ({'; or '.join(dict.fromkeys(branches))})" if branches else ""
    return f"{rule.name} must match a schema in {keyword}{detail}"


def _top_error(errors: list[ValidationError]) -> ValidationError:
    """The most relevant error at the top of the schema (``best_match`` would descend into
    ``anyOf`` branches and hide that the value matched none of them)."""
    return max(errors, key=relevance)


def _phrase(error: ValidationError) -> str:
    """``must be boolean``, ``must be one of a, b``, ... for one jsonschema error."""
    keyword, expected = error.validator, error.validator_value
    if keyword == "type":
        return f"must be {' or '.join(expected) if isinstance(expected, list) else expected}"
    if keyword == "enum":
        return "must be one of " + ", ".join(str(value) for value in expected)
    if keyword == "const":
        return f"must be {expected}"
    if keyword == "pattern":
        return f'must match pattern "{expected}"'
    if keyword in _COMPARISONS:
        return f"must be {_COMPARISONS[keyword]} {expected}"
    if keyword == "minLength":
        return f"must NOT have fewer than {expected} characters"
    if keyword == "maxLength":
        return f"must NOT have more than {expected} characters"
    if keyword == "minItems":
        return f"must NOT have fewer than {expected} items"
    if keyword == "maxItems":
        return f"must NOT have more than {expected} items"
    if keyword == "format":
        return f'must match format "{expected}"'
    if keyword in ("anyOf", "oneOf"):
        return f"must match a schema in {keyword}"
    return f"is invalid: {error.message}"


_COMPARISONS: Final = {
    "minimum": ">=",
    "maximum": "<=",
    "exclusiveMinimum": ">",
    "exclusiveMaximum": "<",
}


def _type_names(schema: Mapping[str, Any]) -> str:
    return " or ".join(kind for kind in _ORDER if kind in _schema_types(schema))


def build_validators(spec: Spec) -> dict[str, OperationValidator]:
    """One validator per operation of the spec, keyed by operationId."""
    validators: dict[str, OperationValidator] = {}
    for path, path_item in spec["paths"].items():
        for method, op in path_item.items():
            if isinstance(op, dict) and "responses" in op:
                validator = OperationValidator.from_spec(spec, method, path)
                validators[validator.operation_id] = validator
    return validators
