"""Cross-parameter rules (``x-photoroom-rules`` in the overlay), evaluated in one place.

The client checks them before sending and the emulator answers 400 with the same message, so
the two cannot disagree; the fuzzing rules read the same data to build valid cases. The rule
kinds are documented in ``overlay/photoroom.overlay.yaml`` and ``overlay/README.md``:

- ``exclusive: [names]``: at most one is given (``foo.*`` is a prefix; ``{key}`` one id at a time);
- ``one-required: [names]``: at least one is given;
- ``requires: {param, any-of: [names]}`` / ``requires: {param, value-in: {name: [values]}}``;
- ``forbids: {when: {name: value}, params: [names]}``.

A value is what the caller sent, else the parameter's server default.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from typing import Any, Final

__all__ = ["RuleViolation", "first_violation", "matches", "pattern_for"]

_NO_VALUE: Final[Any] = object()


@dataclasses.dataclass(frozen=True)
class RuleViolation:
    """A broken rule: the parameter to blame, the API's wording, and the rule itself."""

    parameter: str
    message: str
    rule: Mapping[str, Any]


@functools.lru_cache(maxsize=4096)
def pattern_for(name: str) -> re.Pattern[str]:
    """The regex of a rule name: ``a.b`` exact, ``a.*`` a prefix, ``{key}`` one id segment."""
    prefix = name.endswith(".*")
    stem = name[:-2] if prefix else name
    parts = [re.escape(part) for part in stem.split("{key}")]
    body = "(?P<key>[^.]+)".join(parts)
    return re.compile(body + (r"\..+" if prefix else ""))


def matches(name: str, given: Collection[str]) -> Iterator[tuple[str, str | None]]:
    """``(given name, bound key)`` for every given name the rule name ``name`` covers."""
    if "*" not in name and "{" not in name:  # a plain name: no pattern needed
        if name in given:
            yield name, None
        return
    pattern = pattern_for(name)
    for candidate in given:
        found = pattern.fullmatch(candidate)
        if found:
            yield candidate, found.groupdict().get("key")


def first_violation(
    rules: Sequence[Mapping[str, Any]],
    given: Collection[str],
    value: Callable[[str], Any],
    *,
    image: str = "image",
) -> RuleViolation | None:
    """The first rule that ``given`` (names sent) and ``value`` (name -> value) break."""
    for rule in rules:
        broken = _check(rule, given, value)
        if broken is not None:
            parameter, fields = broken
            message = str(rule.get("message", "{param} is not allowed here"))
            for placeholder, text in {"image": image, **fields}.items():
                message = message.replace("{" + placeholder + "}", text)
            return RuleViolation(parameter, message, rule)
    return None


def _check(
    rule: Mapping[str, Any], given: Collection[str], value: Callable[[str], Any]
) -> tuple[str, dict[str, str]] | None:
    if "exclusive" in rule:
        by_key: dict[str | None, list[str]] = {}
        for entry in rule["exclusive"]:
            found = list(matches(entry, given))
            if len(found) > 1:
                found.sort()  # report the same name whatever the order given
            seen_keys: set[str | None] = set()
            for name, key in found:
                if key in seen_keys:
                    continue  # one entry counts once per key (a prefix covers many leaves)
                seen_keys.add(key)
                by_key.setdefault(key, []).append(name)
        if all(len(names) < 2 for names in by_key.values()):
            return None
        for key, names in sorted(by_key.items(), key=lambda item: str(item[0])):
            if len(names) > 1:
                return names[0], {"given": " and ".join(names), "key": key or "", "param": names[0]}
        return None
    if "one-required" in rule:
        if not any(any(True for _ in matches(entry, given)) for entry in rule["one-required"]):
            names = list(rule["one-required"])
            return names[0], {"param": names[0], "given": ""}
        return None
    if "requires" in rule:
        spec = rule["requires"]
        param = spec["param"]
        if param not in given:
            return None
        if "any-of" in spec and not any(name in given for name in spec["any-of"]):
            return param, {"param": param}
        for name, allowed in (spec.get("value-in") or {}).items():
            if value(name) not in allowed:
                return param, {"param": param}
        return None
    if "forbids" in rule:
        spec = rule["forbids"]
        if all(value(name) == expected for name, expected in spec["when"].items()):
            for param in spec["params"]:
                if param in given:
                    return param, {"param": param}
        return None
    raise ValueError(f"unknown rule kind: {sorted(rule)}")


def value_from(sent: Mapping[str, Any], defaults: Callable[[str], Any]) -> Callable[[str], Any]:
    """``name -> value`` as the rules see it: what was sent, else the server default."""

    def value(name: str) -> Any:
        if name in sent:
            return sent[name]
        return defaults(name)

    return value
