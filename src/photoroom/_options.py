"""Options of ``edit()`` and ``remove_background()``: validation and translation to generated calls.

The options themselves are generated (``photoroom._generated.options``, by ``make generate``):
a parameter without a dot is a keyword of ``edit()`` (``padding=0.1``), a parameter
``group.rest`` is a field of the group's frozen attrs class (``background=Background(color=...)``).
Everything this module checks comes from the generated table (``photoroom.spec``): which
keyword or field is which wire name and generated keyword, each value's JSON Schema, the keyed
leaves (``layers.{key}.*``) and the cross-parameter rules. Nothing here names an API parameter.

What is added on top is ergonomics, declared here once:

* a group with a ``mode`` field also takes the mode alone (``shadow="ai.soft"``), and ``True``
  when the mode has a single value (``ironing=True``); using any field of such a group implies
  that single mode;
* keyed maps are Python mappings (``layers={"title": {"text": {"content": "Sale"}}}``), with
  snake-case keys accepted for camelCase leaves;
* the operation follows the inputs: an image URL is edited by URL (GET), a file is uploaded
  (POST), and file-valued options need the upload.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import uuid
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final, Literal, cast

import attrs

from ._exceptions import InvalidOptionError
from ._generated.options import GROUPS, EditOptions, OptionGroup
from ._generated.options import RemoveBackgroundOptions as _GeneratedRemoveBackgroundOptions
from ._inputs import ImageBytes, is_url, load_image
from .spec import (
    EDIT_BY_UPLOAD,
    EDIT_BY_URL,
    REMOVE_BACKGROUND,
    KeyedLeaf,
    Operation,
    Param,
    enum_values,
    first_violation,
    operation,
    schema_error,
    value_from,
)

if TYPE_CHECKING:
    from photoroom_api.types import File

__all__ = [
    "EDIT_BY_UPLOAD",
    "EDIT_BY_URL",
    "GROUPS",
    "REMOVE_BACKGROUND",
    "EditOptions",
    "EditRequest",
    "OptionGroup",
    "RemoveBackgroundOptions",
    "build_edit",
    "build_remove_background",
    "edit_operations",
]

MODE_FIELD: Final = "mode"
"""A group with this field takes its mode alone as a shortcut (``shadow="ai.soft"``)."""


class RemoveBackgroundOptions(_GeneratedRemoveBackgroundOptions, total=False):
    """Keyword options of ``remove_background()`` / ``batch_remove_background()``."""

    as_json: bool
    """Ask for ``{"base64img": ...}`` JSON (decoded for you: the result is the same)."""


@dataclasses.dataclass
class EditRequest:
    """A validated edit: which operation, its generated keyword arguments, and keyed leaves."""

    method: Literal["get", "post"]
    generated: dict[str, Any]
    keyed: list[tuple[str, Any]]


def edit_operations() -> tuple[Operation, Operation]:
    """The URL (GET) and upload (POST) variants of the edit operation."""
    return operation(EDIT_BY_URL), operation(EDIT_BY_UPLOAD)


# --- ergonomics: groups, modes, keyed maps --------------------------------------------------------


def _fmt(value: object) -> str:
    return repr(value) if isinstance(value, str) else str(value)


def _close_matches(word: str, candidates: Sequence[str]) -> str:
    import difflib  # only needed to word an error

    hint = difflib.get_close_matches(word, list(candidates), n=1)
    return f" (did you mean {hint[0]!r}?)" if hint else ""


def _unknown_option(name: str, valid: Sequence[str], where: str) -> TypeError:
    return TypeError(
        f"{where} got an unexpected keyword argument {name!r}{_close_matches(name, valid)}"
    )


def _single_mode(option: str) -> str | None:
    """The mode of group ``option`` when its schema allows exactly one value (``ai.auto``)."""
    for op in edit_operations():
        param = op.by_option.get((option, MODE_FIELD))
        if param is not None:
            values = enum_values(param.schema)
            return str(values[0]) if len(values) == 1 else None
    return None


def _mode_values(option: str) -> list[str]:
    for op in edit_operations():
        param = op.by_option.get((option, MODE_FIELD))
        if param is not None:
            return [str(v) for v in enum_values(param.schema)]
    return []


def _group_fields(option: str, value: Any) -> dict[str, Any]:
    """Field values of a group option given as an instance, its mode alone, or ``True``."""
    cls = GROUPS[option]
    fields = attrs.fields_dict(cast(Any, cls))
    if isinstance(value, cls):
        values = {name: getattr(value, name) for name in fields}
    elif value is True or isinstance(value, str):
        if MODE_FIELD not in fields:
            raise InvalidOptionError(option, f"expected a {cls.__name__}(...), got {_fmt(value)}")
        values = {MODE_FIELD: None if value is True else value}
    else:
        raise InvalidOptionError(
            option, f"expected a {cls.__name__}(...), got {type(value).__name__}"
        )
    if MODE_FIELD in fields and values.get(MODE_FIELD) is None:
        single = _single_mode(option)
        if single is not None:
            values[MODE_FIELD] = single
        elif value is True:
            allowed = ", ".join(_mode_values(option))
            raise InvalidOptionError(
                f"{cls.api_prefix}.{MODE_FIELD}",
                f"choose a mode: {allowed} ({option}=True is ambiguous)",
            )
    return {name: v for name, v in values.items() if v is not None}


def _normalise(path: str) -> str:
    return path.replace("_", "").lower()


def _walk(value: Mapping[str, Any], prefix: str) -> Iterator[tuple[str, Any]]:
    for key, item in value.items():
        path = f"{prefix}.{key}" if prefix else str(key)
        if isinstance(item, Mapping):
            yield from _walk(item, path)
        else:
            yield path, item


@dataclasses.dataclass(frozen=True)
class _KeyedValue:
    """One keyed value before the operation is known: ``(option, field)``, id, leaf path."""

    option: str
    field: str | None
    key: str
    path: str | None
    """The leaf path for tree maps (``text.content``); ``None`` for maps of images."""
    value: Any

    @property
    def needs_upload(self) -> bool:
        return (self.path is None and not is_url(self.value)) or (
            self.path is not None and _normalise(self.path).endswith("imagefile")
        )


def _keyed_options(option: str, field: str | None, value: Any) -> list[_KeyedValue]:
    where = option if field is None else f"{option}.{field}"
    if not isinstance(value, Mapping):
        raise InvalidOptionError(
            where, f"expected a mapping of id to value, got {type(value).__name__}"
        )
    out: list[_KeyedValue] = []
    for key, item in value.items():
        if field is not None:  # a map of images (editWithAI.additionalImages.{key}.imageUrl)
            if item is not None:
                out.append(_KeyedValue(option, field, str(key), None, item))
            continue
        if not isinstance(item, Mapping):
            raise InvalidOptionError(
                f"{where}.{key}",
                "expected a mapping like {'text': {'content': ...}}, "
                f"got {type(item).__name__}",
            )
        out.extend(
            _KeyedValue(option, None, str(key), path, leaf)
            for path, leaf in _walk(item, "")
            if leaf is not None
        )
    return out


@functools.cache
def _keyed_groups() -> frozenset[tuple[str, str | None]]:
    """The ``(option, field)`` pairs that take maps of ids; the spec table does not change."""
    return frozenset({(leaf.option, leaf.field) for op in edit_operations() for leaf in op.keyed})


# --- checking one value ------------------------------------------------------------------------


def _file(api_name: str, value: object) -> File:
    loaded = load_image(value, parameter=api_name)
    if isinstance(loaded, str):
        raise InvalidOptionError(
            api_name,
            "a URL cannot be sent where the API takes a file (uploads take files); "
            "pass the image as a path, bytes or file object",
        )
    return loaded.to_file()


def check_value(api_name: str, value: Any, schema: Mapping[str, Any]) -> Any:
    """``value`` checked against ``schema``; files become generated ``File`` objects."""
    element = schema.get("items", {}) if schema.get("type") == "array" else schema
    if element.get("format") == "binary":
        if schema.get("type") == "array":
            if isinstance(value, str | bytes) or not isinstance(value, Sequence):
                raise InvalidOptionError(api_name, f"expected a list, got {type(value).__name__}")
            reason = schema_error(["file"] * len(value), {**schema, "items": {}})
            if reason:
                raise InvalidOptionError(api_name, reason)
            return [_file(api_name, item) for item in value]
        return _file(api_name, value)
    if isinstance(value, tuple):
        value = list(value)
    if isinstance(value, uuid.UUID):
        value = str(value)
    reason = schema_error(value, schema)
    if reason is not None:
        hint = ""
        values = [str(v) for v in enum_values(schema)]
        if isinstance(value, str) and values and len(values) < 40:
            hint = _close_matches(value, values)
        shown = f"{len(value)} items" if isinstance(value, list) else _fmt(value)
        raise InvalidOptionError(api_name, f"{shown} {reason}{hint}"[:400])
    if element.get("format") == "uuid" and isinstance(value, str):
        return uuid.UUID(value)
    return value


# --- edit --------------------------------------------------------------------------------------


def _flatten_edit(
    options: Mapping[str, Any],
) -> tuple[list[tuple[str, str | None, Any]], list[_KeyedValue]]:
    """``(option, field, value)`` for every value given, and the keyed values apart."""
    keyed_groups = _keyed_groups()
    plain: list[tuple[str, str | None, Any]] = []
    keyed: list[_KeyedValue] = []
    for option, value in options.items():
        if value is None:
            continue
        if (option, None) in keyed_groups:
            keyed.extend(_keyed_options(option, None, value))
        elif option in GROUPS:
            for field, field_value in _group_fields(option, value).items():
                if (option, field) in keyed_groups:
                    keyed.extend(_keyed_options(option, field, field_value))
                else:
                    plain.append((option, field, field_value))
        else:
            plain.append((option, None, value))
    return plain, keyed


def _needs_upload(plain: list[tuple[str, str | None, Any]], keyed: list[_KeyedValue]) -> bool:
    _, upload = edit_operations()
    for option, field, value in plain:
        param = upload.by_option.get((option, field))
        if param is not None and param.binary:
            values = (
                value if isinstance(value, Sequence) and not isinstance(value, str) else [value]
            )
            if any(not is_url(item) for item in values):
                return True
    return any(item.needs_upload for item in keyed)


def _keyed_leaf(op: Operation, item: _KeyedValue) -> tuple[KeyedLeaf, str]:
    """The leaf of ``op`` that ``item`` fills, and its wire name."""
    candidates = [
        leaf for leaf in op.keyed if (leaf.option, leaf.field) == (item.option, item.field)
    ]
    where = candidates[0].prefix if candidates else item.option
    if not op.key_pattern or not _key_ok(op.key_pattern, item.key):
        raise InvalidOptionError(
            f"{where}.{item.key}",
            f"the id {item.key!r} must match {op.key_pattern} (letters, digits, _ and -)",
        )
    if item.path is None:  # a map of images: the URL leaf by URL, the file leaf otherwise
        want_file = not is_url(item.value)
        for leaf in candidates:
            if leaf.binary == want_file:
                return leaf, leaf.name(item.key)
        other = "an uploaded image (POST)" if want_file else "an image URL (GET)"
        raise InvalidOptionError(
            f"{where}.{item.key}", f"this image is only accepted together with {other}"
        )
    by_path = {_normalise(leaf.path): leaf for leaf in candidates}
    found = by_path.get(_normalise(item.path))
    if found is None:
        other_op = edit_operations()[0] if op.method == "post" else edit_operations()[1]
        if any(
            _normalise(other.path) == _normalise(item.path)
            for other in other_op.keyed
            if (other.option, other.field) == (item.option, item.field)
        ):
            raise InvalidOptionError(
                f"{where}.{item.key}.{item.path}",
                "is only accepted together with an uploaded image (POST)",
            )
        paths = [c.path for c in candidates]
        raise InvalidOptionError(
            f"{where}.{item.key}.{item.path}",
            f"is not a known property{_close_matches(item.path, paths)}",
        )
    return found, found.name(item.key)


def _key_ok(pattern: str, key: str) -> bool:
    return re.search(pattern, key) is not None  # re caches the compiled pattern


def _param_for(op: Operation, option: str, field: str | None) -> Param:
    param = op.by_option.get((option, field))
    if param is not None:
        return param
    url_op, upload_op = edit_operations()
    other = upload_op if op is url_op else url_op
    twin = other.by_option.get((option, field))
    wire = twin.wire if twin is not None else f"{option}.{field}"
    where = (
        "an uploaded image (POST, image given as a file)" if op is url_op else "an image URL (GET)"
    )
    raise InvalidOptionError(wire, f"is only accepted together with {where}")


@dataclasses.dataclass(frozen=True)
class _CheckedOptions:
    """``edit()`` options validated for one kind of main image (see :func:`build_edit`)."""

    op: Operation
    generated: dict[str, Any]
    keyed: list[tuple[str, Any]]
    has_files: bool
    """Options that carry files (``background.image_file=...``) hold fresh streams: not reused."""


_CHECKED: dict[tuple[Any, ...], _CheckedOptions] = {}
_CHECKED_SIZE = 256

ImageKind = Literal["url", "file"]
"""How the main image is given; options are checked once per kind, whatever the image."""


def build_edit(image: object, options: Mapping[str, Any]) -> EditRequest:
    """Validate ``edit()`` arguments and translate them to the generated GET or POST call.

    Options are validated once per distinct set and kind of image (a URL, a file, none): a loop
    or a batch sends the same options hundreds of times, and their validation was the largest
    part of the client's own work per call. Only the image is loaded every time.
    """
    valid = list(EditOptions.__annotations__)
    for name in options:
        if name not in EditOptions.__annotations__:
            raise _unknown_option(name, valid, "edit()")
    main = None if image is None else load_image(image, parameter="image")
    kind: ImageKind | None = None if main is None else "url" if isinstance(main, str) else "file"
    try:
        key: tuple[Any, ...] | None = (kind, *((n, _fingerprint(v)) for n, v in options.items()))
    except TypeError:  # a mapping, list or file among the options: validated every time
        key = None
    checked = _CHECKED.get(key) if key is not None else None
    if checked is None:
        checked = _check_edit_options(options, kind)
        if key is not None and not checked.has_files:
            if len(_CHECKED) >= _CHECKED_SIZE:
                _CHECKED.clear()
            _CHECKED[key] = checked
    generated = dict(checked.generated)
    op = checked.op
    if isinstance(main, ImageBytes) and op.image:
        generated[op.by_wire[op.image[0]].python] = main.to_file()
    elif main is not None and op.image:
        generated[op.by_wire[op.image[0]].python] = main
    method = cast(Literal["get", "post"], op.method)
    return EditRequest(method, generated, list(checked.keyed))


_SCALARS = (str, int, float, bool, type(None), uuid.UUID)
_GROUP_KEYS: dict[int, tuple[OptionGroup, Any]] = {}
"""The key of each recently checked option group, by identity (see :func:`_fingerprint`)."""


def _fingerprint(value: Any) -> Any:
    """A cache key for an option value that tells apart what ``==`` does not: ``1``, ``1.0``
    and ``True`` are sent (and checked) differently. ``TypeError`` for what is not cached."""
    if isinstance(value, _SCALARS):
        return type(value), value
    if isinstance(value, OptionGroup):
        # Groups are frozen: the same object (a batch passes one per row) has the same key.
        known = _GROUP_KEYS.get(id(value))
        if known is not None and known[0] is value:
            return known[1]
        fields = attrs.fields(cast(Any, type(value)))
        key = type(value), tuple(_fingerprint(getattr(value, f.name)) for f in fields)
        if len(_GROUP_KEYS) >= _CHECKED_SIZE:
            _GROUP_KEYS.clear()
        _GROUP_KEYS[id(value)] = (value, key)  # holds the group: its id is not reused meanwhile
        return key
    if isinstance(value, tuple):
        return tuple, tuple(_fingerprint(item) for item in value)
    raise TypeError(f"not cached: {type(value).__name__}")


def _check_edit_options(options: Mapping[str, Any], kind: ImageKind | None) -> _CheckedOptions:
    """The options checked, the operation chosen and the rules applied, for a main image given
    as ``kind`` (or none). The rules see the image as given, not its value: they test presence."""
    plain, keyed = _flatten_edit(options)
    uploads = _needs_upload(plain, keyed)
    if kind is not None:
        method: Literal["get", "post"] = "get" if kind == "url" else "post"
    else:
        method = "post" if uploads else "get"
    if method == "get" and uploads:
        raise InvalidOptionError(
            "image",
            "file options (…imageFile) need the image as a file too: the URL endpoint (GET) "
            "cannot carry files; download the image or pass URLs for the other images",
        )
    url_op, upload_op = edit_operations()
    op = url_op if method == "get" else upload_op

    sent: dict[str, Any] = {}
    generated: dict[str, Any] = {}
    has_files = False
    for option, field, value in plain:
        param = _param_for(op, option, field)
        checked = check_value(param.wire, value, param.schema)
        has_files = has_files or param.binary
        sent[param.wire] = checked
        generated[param.python] = checked
    keyed_out: list[tuple[str, Any]] = []
    for item in keyed:
        leaf, name = _keyed_leaf(op, item)
        checked = check_value(name, item.value, leaf.schema)
        has_files = has_files or leaf.binary
        sent[name] = checked
        keyed_out.append((name, checked.to_tuple() if leaf.binary else checked))

    if kind is not None and op.image:
        sent[op.image[0]] = f"<the image {kind}>"
    _check_rules(op, sent)
    return _CheckedOptions(op, generated, keyed_out, has_files)


def _check_rules(op: Operation, sent: Mapping[str, Any]) -> None:
    violation = first_violation(
        op.rules,
        set(sent),
        value_from(sent, op.default),
        image=op.image[0] if op.image else "image",
    )
    if violation is not None:
        raise InvalidOptionError(violation.parameter, violation.message)


# --- remove_background ---------------------------------------------------------------------------


def remove_background_params() -> dict[str, Param]:
    """``remove_background()`` keyword -> its parameter (the image aside)."""
    op = operation(REMOVE_BACKGROUND)
    return {p.option: p for p in op.params if p.option is not None}


def build_remove_background(options: Mapping[str, Any]) -> dict[str, Any]:
    """Validate ``remove_background()`` options; return the generated body's keyword arguments."""
    params = remove_background_params()
    body: dict[str, Any] = {}
    sent: dict[str, Any] = {}
    for option, value in options.items():
        if option == "as_json":
            continue
        if option not in params:
            raise _unknown_option(option, [*params, "as_json"], "remove_background()")
        if value is None:
            continue
        param = params[option]
        checked = check_value(param.wire, value, param.schema)
        sent[param.wire] = checked
        body[param.python] = checked
    op = operation(REMOVE_BACKGROUND)
    sent.update(dict.fromkeys(op.image, True))
    _check_rules(op, sent)
    return body


def predicted_media_type(operation_id: str, options: Mapping[str, Any]) -> str | None:
    """The media type the answer will have: from the output-format parameter (the one whose
    schema carries ``x-photoroom-media-types``), as given in ``options`` or by its default."""
    op = operation(operation_id)
    for param in op.params:
        media_types = param.schema.get("x-photoroom-media-types")
        if not media_types or param.option is None:
            continue
        value = options.get(param.option)
        if param.field is not None:
            value = getattr(value, param.field, None) if isinstance(value, OptionGroup) else None
        if value is None:
            value = param.default
        found = media_types.get(value)
        return str(found) if found else None
    return None
