"""Turn schema-valid parameters into parameters the API accepts, so positive cases go deep.

The schema cannot say everything: images must be real images, URLs must answer, and the rules
the spec states in prose are data in the overlay (``x-photoroom-rules``). A positive case that
breaks one of those is answered 400 and never reaches the imaging code. :func:`make_acceptable`
rewrites such a case, staying inside the schema (it only replaces values with other
schema-valid values and drops optional parameters), so the case is still a positive one.

Everything comes from the generated table (``photoroom.spec``), so a parameter or rule that
upstream adds is fuzzed with no edit here:

- fields whose schema is a file (``format: binary``) get a real PNG/JPEG/WebP from
  :mod:`tests.fuzz.images`; URL fields (``format: uri``) point at the local image server;
- every rule of the operation is then satisfied by the generic repair of its kind
  (``one-required``: add the operation's image; ``exclusive``: keep one; ``requires``: drop the
  parameter; ``forbids``: drop the forbidden ones), checked with the evaluator the client and
  the emulator use;
- sizes stay small so a case costs milliseconds: any ``WxH`` value within 8..512 px a side,
  unbounded numbers at most 512, ``px`` spacings at most 6 px (and then the input at least 64 px
  a side, or 0 px when no fixed ``WxH`` size gives them room).

One limit is the emulator's, not the spec's, and is declared in :data:`EMULATOR_LIMITS`.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Mapping
from typing import Any, Final

from photoroom.spec import (
    MISSING,
    Operation,
    first_violation,
    matches,
    operations,
    type_names,
    value_from,
)

from .images import Sample, samples

MAX_SIDE: Final = 512
MIN_SIDE: Final = 8
MAX_PX: Final = 6
ROOMY_SIDE: Final = 64

#: The emulator's upscaler refuses inputs over 0.26-1 MP unless told to downscale first, and a
#: picture generated from a prompt is 0.6-1 MP (spec: "AI Upscale takes at most 1 MP fast,
#: 0.26 MP slow"). With a generated input, the first parameter is set to the second's value.
EMULATOR_LIMITS: Final = {"generated-input": ("upscale.downscaleIfNeeded", "always")}

_SIZE: Final = re.compile(r"(\d+)x(\d+)")
_PX: Final = re.compile(r"(\d+)px")

Params = dict[str, Any]


def operation_of(path: str, method: str) -> Operation:
    """The table's operation for ``method path``."""
    for op in operations().values():
        if op.path == path and op.method.upper() == method.upper():
            return op
    raise KeyError(f"{method} {path} is not in the spec")


def _schema(op: Operation, name: str) -> Mapping[str, Any]:
    return op.schema_of(name)


def _element(schema: Mapping[str, Any]) -> Mapping[str, Any]:
    return schema.get("items", {}) if schema.get("type") == "array" else schema


def make_acceptable(
    path: str,
    method: str,
    params: Mapping[str, Any],
    binary_fields: frozenset[str],
    *,
    rng: random.Random,
    image_base: str,
) -> Params:
    """A copy of ``params`` (query or multipart fields of ``method path``) the API accepts.

    ``binary_fields`` names the fields the operation declares as files (arrays included).
    """
    op = operation_of(path, method)
    out = dict(params)
    images = _Images(rng, image_base)
    for name in list(out):
        element = _element(_schema(op, name))
        if name in binary_fields or element.get("format") == "binary":
            out[name] = images.files(out[name])
        elif element.get("format") == "uri":
            out[name] = images.urls(out[name])
    _satisfy_rules(op, out, images, rng)
    _sizes(op, out, images)
    return out


def _image_value(op: Operation, name: str, images: _Images, min_side: int = 0) -> Any:
    if _element(_schema(op, name)).get("format") == "binary":
        return images.file(min_side)
    return images.url(min_side)


def _satisfy_rules(op: Operation, out: Params, images: _Images, rng: random.Random) -> None:
    for rule in op.rules:
        if "one-required" in rule:
            names = rule["one-required"]
            if not any(any(True for _ in matches(n, out)) for n in names):
                image = next((n for n in names if n in op.image), None)
                if image is not None:
                    out[image] = _image_value(op, image, images)
        elif "exclusive" in rule:
            _keep_one(out, rule["exclusive"], op, rng)
        elif "requires" in rule:
            spec = rule["requires"]
            param = spec["param"]
            if param not in out:
                continue
            value = value_from(out, op.default)
            if ("any-of" in spec and not any(n in out for n in spec["any-of"])) or any(
                _typed(op, name, value(name)) not in allowed
                for name, allowed in (spec.get("value-in") or {}).items()
            ):
                del out[param]
        elif "forbids" in rule:
            spec = rule["forbids"]
            value = value_from(out, op.default)
            if all(_typed(op, n, value(n)) == v for n, v in spec["when"].items()):
                for param in spec["params"]:
                    out.pop(param, None)
    if not any(name in out for name in op.image):
        key, value = EMULATOR_LIMITS["generated-input"]
        if op.param(key) is not None and any(n.split(".")[0] == key.split(".")[0] for n in out):
            out[key] = value
    violation = first_violation(
        op.rules, set(out), lambda n: _typed(op, n, value_from(out, op.default)(n))
    )
    assert violation is None, f"fuzz repair left a rule broken: {violation}"


def _typed(op: Operation, name: str, value: Any) -> Any:
    """A wire value as the rules compare it (``"false"`` of a boolean field is ``False``)."""
    if isinstance(value, str) and "boolean" in type_names(_schema(op, name)):
        return {"true": True, "false": False}.get(value.lower(), value)
    return value if value is not MISSING else MISSING


def _keep_one(out: Params, entries: list[str], op: Operation, rng: random.Random) -> None:
    """Keep the names of one entry of an ``exclusive`` rule (per ``{key}``); drop the others."""
    by_key: dict[str | None, dict[str, list[str]]] = {}
    for entry in entries:
        for name, key in matches(entry, list(out)):
            by_key.setdefault(key, {}).setdefault(entry, []).append(name)
    for groups in by_key.values():
        if len(groups) > 1:
            keep = rng.choice(sorted(groups))
            for entry, names in groups.items():
                if entry != keep:
                    for name in names:
                        out.pop(name, None)


class _Images:
    """Picks samples with the case's own random generator, so a seed replays the same files."""

    def __init__(self, rng: random.Random, base: str) -> None:
        self._rng, self._base = rng, base

    def sample(self, min_side: int = 0) -> Sample:
        return self._rng.choice([s for s in samples() if min(s.size) >= min_side])

    def file(self, min_side: int = 0) -> bytes:
        return self.sample(min_side).data

    def url(self, min_side: int = 0) -> str:
        return self._base + self.sample(min_side).name

    def files(self, current: Any) -> bytes | list[bytes]:
        if isinstance(current, list):
            return [self.file() for _ in range(min(max(len(current), 1), 4))]
        return self.file()

    def urls(self, current: Any) -> str | list[str]:
        if isinstance(current, list):
            return [self.url() for _ in range(min(max(len(current), 1), 4))]
        return self.url()


def _sizes(op: Operation, out: Params, images: _Images) -> None:
    fixed = any(_SIZE.fullmatch(str(value)) for value in out.values())
    roomy = False
    for name, value in list(out.items()):
        if px := _PX.fullmatch(str(value)):
            out[name] = f"{int(px.group(1)) % (MAX_PX + 1)}px" if fixed else "0px"
            roomy = roomy or fixed
    low = ROOMY_SIDE if roomy else MIN_SIDE
    if roomy:
        for name in op.image:
            if name in out:
                out[name] = _image_value(op, name, images, low)
    for name, value in list(out.items()):
        if size := _SIZE.fullmatch(str(value)):
            width, height = (_clamp(int(side), low, MAX_SIDE) for side in size.groups())
            out[name] = f"{width}x{height}"
            continue
        schema = _schema(op, name)
        number = _as_number(value)
        numeric = {"number", "integer"} & type_names(schema)
        if number is None or not numeric or "maximum" in schema or "exclusiveMaximum" in schema:
            continue
        floor = schema.get("minimum", 0)
        if floor >= 1:  # a size in pixels: small, and roomy enough for px spacings
            out[name] = _clamp(int(number), low if roomy else int(floor), MAX_SIDE)
        elif number > MAX_SIDE:
            out[name] = MAX_SIDE


def _as_number(value: Any) -> float | None:
    """The number a parameter holds (numbers and numerals), or None for words like ``left``."""
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _clamp(value: int, low: int, high: int) -> int:
    return max(low, min(high, value))
