"""The ``photoroom`` command's API options, derived from the generated table.

Every flag of ``photoroom edit`` and ``photoroom remove-bg`` is an API parameter of the table
(``photoroom.spec``), so a parameter upstream adds appears here after ``make generate`` with no
edit: ``background.color`` is ``--background-color``, ``outputSize`` is ``--output-size``; the
schema says the flag's kind (switch, choice, number, file, list) and its choices; the spec's
description is its help. Keyed maps take ``ID.PROPERTY=VALUE``
(``--layers title.text.content=Sale``) or ``ID=IMAGE``
(``--edit-with-ai-additional-images ref=logo.png``). The request headers the spec declares
(model versions) are flags too, named after their client option
(``--ai-background-model-version``), with the header's values as choices.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from ._options import GROUPS, edit_operations, remove_background_params
from .spec import REMOVE_BACKGROUND, KeyedLeaf, Param, enum_values, operation, type_names

__all__ = [
    "UsageError",
    "add_edit_options",
    "add_remove_background_options",
    "edit_options",
    "flag_name",
    "remove_background_options",
]

_EDIT_DEST = "edit__"
_SEGMENT_DEST = "segment__"


class UsageError(Exception):
    """A command-line mistake (exit code 2)."""


def flag_name(option: str, field: str | None = None) -> str:
    """``--background-color`` for (``background``, ``color``), ``--output-size`` for
    (``output_size``, None)."""
    name = option if field is None else f"{option}_{field}"
    return "--" + name.replace("_", "-")


def _dest(prefix: str, option: str, field: str | None) -> str:
    return f"{prefix}{option}__{field or ''}"


def first_sentence(text: str) -> str:
    sentence = re.split(r"(?<=[.!?])\s", " ".join(text.split()), maxsplit=1)[0]
    return sentence.replace("%", "%%")


def _number(text: str) -> float | int:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got {text!r}") from None
    return int(value) if value.is_integer() and "." not in text else value


def _number_or_text(text: str) -> float | int | str:
    try:
        return _number(text)
    except argparse.ArgumentTypeError:
        return text


def _choice_or_number(choices: Sequence[str]) -> Callable[[str], float | int | str]:
    def convert(text: str) -> float | int | str:
        if text in choices:
            return text
        try:
            return _number(text)
        except argparse.ArgumentTypeError:
            raise argparse.ArgumentTypeError(
                f"expected a number or one of {', '.join(choices)}, got {text!r}"
            ) from None

    return convert


def _argument(schemas: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """argparse keyword arguments for a parameter with these schemas (GET and POST twins)."""
    kinds: set[str] = set()
    values: list[str] = []
    formats: set[str] = set()
    arrays = False
    for schema in schemas:
        element = schema.get("items", {}) if schema.get("type") == "array" else schema
        arrays = arrays or schema.get("type") == "array"
        kinds |= type_names(element)
        values += [str(v) for v in enum_values(element) if str(v) not in values]
        if "format" in element:
            formats.add(element["format"])
    free_string = "string" in kinds and not _only_enum_strings(schemas)
    if arrays:
        return {"nargs": "+", "metavar": "IMAGE" if formats & {"binary", "uri"} else "VALUE"}
    if "binary" in formats:
        return {"metavar": "IMAGE" if "uri" in formats else "PATH"}
    if kinds == {"boolean"}:
        return {"action": argparse.BooleanOptionalAction}
    numeric = bool(kinds & {"number", "integer"})
    if values and not free_string and numeric:
        return {"type": _choice_or_number(values), "metavar": "{" + ",".join(values) + "}|NUMBER"}
    if values and not free_string:
        return {"choices": values}
    if numeric and "string" in kinds:
        return {"type": _number_or_text, "metavar": "VALUE"}
    if numeric:
        return {"type": _number, "metavar": "NUMBER"}
    return {"metavar": "URL" if "uri" in formats else "TEXT"}


def _only_enum_strings(schemas: Sequence[Mapping[str, Any]]) -> bool:
    """Whether every string branch of the schemas is an enum (no free text admitted)."""

    def branches(schema: Mapping[str, Any]) -> Iterable[Mapping[str, Any]]:
        nested = schema.get("anyOf", []) + schema.get("oneOf", [])
        if not nested:
            yield schema
        for branch in nested:
            yield from branches({**schema, "anyOf": [], "oneOf": [], **branch})

    for schema in schemas:
        for branch in branches(schema):
            if "string" in type_names(branch) and not enum_values(branch):
                return False
    return True


def _help(params: Sequence[Param | KeyedLeaf], label: str) -> str:
    text = next((first_sentence(p.description) for p in params if p.description), "")
    return f"{text} [{label}]" if text else f"[{label}]"


def _edit_params() -> dict[tuple[str, str | None], list[Param]]:
    merged: dict[tuple[str, str | None], list[Param]] = {}
    for op in edit_operations():
        for param in op.params:
            if param.option is not None:
                merged.setdefault((param.option, param.field), []).append(param)
    return merged


def _edit_keyed() -> dict[tuple[str, str | None], list[KeyedLeaf]]:
    merged: dict[tuple[str, str | None], list[KeyedLeaf]] = {}
    for op in edit_operations():
        for leaf in op.keyed:
            merged.setdefault((leaf.option, leaf.field), []).append(leaf)
    return merged


def _edit_headers() -> dict[str, list[Param]]:
    merged: dict[str, list[Param]] = {}
    for op in edit_operations():
        for option, param in op.header_by_option.items():
            merged.setdefault(option, []).append(param)
    return merged


def _segment_headers() -> dict[str, list[Param]]:
    return {o: [p] for o, p in operation(REMOVE_BACKGROUND).header_by_option.items()}


def _header_dest(prefix: str, option: str) -> str:
    """The command's prefix like its other API options; ``__header`` keeps it apart from a
    parameter that would have the same option name."""
    return f"{prefix}{option}__header"


def _add_header_options(
    parser: argparse.ArgumentParser, headers: dict[str, list[Param]], prefix: str
) -> None:
    """One flag per request header (model versions) the operation(s) declare."""
    if not headers:
        return
    group = parser.add_argument_group("model versions (request headers)")
    for option, twins in sorted(headers.items()):
        group.add_argument(
            flag_name(option),
            dest=_header_dest(prefix, option),
            default=None,
            help=_help(twins, f"header {twins[0].wire}"),
            **_argument([p.schema for p in twins]),
        )


def _header_values(args: argparse.Namespace, headers: Iterable[str], prefix: str) -> dict[str, Any]:
    values = {option: getattr(args, _header_dest(prefix, option), None) for option in headers}
    return {option: value for option, value in values.items() if value is not None}


def add_edit_options(parser: argparse.ArgumentParser) -> None:
    """One flag per ``/v2/edit`` parameter, grouped like the option groups."""
    params = _edit_params()
    groups: dict[str, Any] = {}
    for (option, field), twins in sorted(
        params.items(), key=lambda kv: (kv[0][1] is not None, kv[0][0], kv[0][1] or "")
    ):
        title = "layout and output options" if field is None else f"{option} options"
        if title not in groups:
            groups[title] = parser.add_argument_group(title)
        wires = " | ".join(dict.fromkeys(p.wire for p in twins))
        groups[title].add_argument(
            flag_name(option, field),
            dest=_dest(_EDIT_DEST, option, field),
            default=None,
            help=_help(twins, wires),
            **_argument([p.schema for p in twins]),
        )
    keyed = parser.add_argument_group("keyed maps (layers, reference images)")
    for (option, field), leaves in sorted(_edit_keyed().items(), key=lambda kv: str(kv[0])):
        example = "ID.PROPERTY=VALUE" if field is None else "ID=IMAGE"
        prefix = leaves[0].prefix
        keyed.add_argument(
            flag_name(option, field),
            dest=_dest(_EDIT_DEST, option, field),
            action="append",
            default=[],
            metavar=example,
            help=f"{prefix}.{{key}}.*, repeatable [{leaves[0].template}]".replace("%", "%%"),
        )
    _add_header_options(parser, _edit_headers(), _EDIT_DEST)


def add_remove_background_options(parser: argparse.ArgumentParser) -> None:
    """One flag per ``/v1/segment`` option."""
    group = parser.add_argument_group("remove-bg options")
    for option, param in remove_background_params().items():
        group.add_argument(
            flag_name(option),
            dest=_dest(_SEGMENT_DEST, option, None),
            default=None,
            help=_help([param], param.wire),
            **_argument([param.schema]),
        )
    _add_header_options(parser, _segment_headers(), _SEGMENT_DEST)


def _leaf_value(text: str, leaves: Sequence[KeyedLeaf], path: str) -> Any:
    normal = path.replace("_", "").lower()
    for leaf in leaves:
        if leaf.path.replace("_", "").lower() == normal:
            kinds = type_names(leaf.schema)
            if kinds & {"number", "integer"} and "string" not in kinds:
                return _number(text)
    return text


def edit_options(args: argparse.Namespace) -> dict[str, Any]:
    """``edit()`` keyword arguments from parsed ``edit`` arguments."""
    options: dict[str, Any] = {}
    fields: dict[str, dict[str, Any]] = {}
    for option, field in _edit_params():
        value = getattr(args, _dest(_EDIT_DEST, option, field), None)
        if value is None:
            continue
        if field is None:
            options[option] = value
        else:
            fields.setdefault(option, {})[field] = value
    for (option, field), leaves in _edit_keyed().items():
        texts = getattr(args, _dest(_EDIT_DEST, option, field), None) or []
        mapping: dict[str, Any] = {}
        for text in texts:
            path, sep, value = text.partition("=")
            if field is not None:
                if not sep or not path or not value:
                    raise UsageError(f"{flag_name(option, field)} {text!r}: expected ID=IMAGE")
                mapping[path] = value
                continue
            key, dot, prop = path.partition(".")
            if not sep or not dot or not prop:
                raise UsageError(
                    f"{flag_name(option)} {text!r}: expected ID.PROPERTY=VALUE, "
                    "e.g. title.text.content=Sale"
                )
            node = mapping.setdefault(key, {})
            *parents, last = prop.split(".")
            for part in parents:
                node = node.setdefault(part, {})
            node[last] = _leaf_value(value, leaves, prop)
        if not mapping:
            continue
        if field is None:
            options[option] = mapping
        else:
            fields.setdefault(option, {})[field] = mapping
    for option, values in fields.items():
        options[option] = GROUPS[option](**values)
    options.update(_header_values(args, _edit_headers(), _EDIT_DEST))
    return options


def remove_background_options(args: argparse.Namespace) -> dict[str, Any]:
    """``remove_background()`` keyword arguments from parsed ``remove-bg`` arguments."""
    out: dict[str, Any] = {}
    for option in remove_background_params():
        value = getattr(args, _dest(_SEGMENT_DEST, option, None), None)
        if value is not None:
            out[option] = value
    out.update(_header_values(args, _segment_headers(), _SEGMENT_DEST))
    return out
