"""Whether a negative multipart case is still invalid once it is on the wire.

Multipart makes every plain field a string: schemathesis 4.32.5 sends ``{"templateId": {}}`` as
the text ``{}``, a one-item list as one part and an empty list as no part at all. A "negative"
case whose only violations are such type changes is a valid request as sent, and a server that
answers it 200 is right. Schemathesis knows this (``_form_body_is_valid_as_sent`` in its
``negative_data_rejection`` check) but gives up as soon as the body holds a file: it validates the
file's ``bytes`` with ``jsonschema_rs``, which raises ``Unsupported type: 'bytes'``, and the
check then reports ``ST201 Schema-violating request accepted`` (seed 271828, POST /v1/render with
``templateId={}``, ``imageUrl`` as a list and an ``imageFile``).

:func:`valid_as_sent` serializes the case exactly as schemathesis does, parses the multipart body
back, and validates what a server reads (a file part is a valid ``format: binary`` value; a text
part is its text, or the JSON it spells; a repeated part of a scalar field is a list, so it stays
invalid). The ``filter_case`` hook of :mod:`tests.fuzz.hooks` drops such cases: nothing is lost,
they are not negative.
"""

from __future__ import annotations

import contextlib
import json
from email.parser import BytesParser
from email.policy import HTTP
from typing import Any, Final

import jsonschema_rs
import requests
import schemathesis

MULTIPART: Final = "multipart/form-data"
# Any base URL does: the request is only prepared, never sent.
_BASE_URL: Final = "http://127.0.0.1:1"


def sent_fields(case: schemathesis.Case[Any]) -> dict[str, list[str | None]] | None:
    """The parts of ``case``'s multipart body as sent: text, or None for a file part."""
    kwargs = case.as_transport_kwargs(base_url=_BASE_URL)
    names = ("method", "url", "headers", "params", "data", "files")
    prepared = requests.Request(**{name: kwargs[name] for name in names if name in kwargs})
    request = prepared.prepare()
    body = request.body
    content_type = str(request.headers.get("Content-Type", ""))
    if isinstance(body, str):
        body = body.encode()
    if not isinstance(body, bytes) or not content_type.startswith(MULTIPART):
        return None
    message = BytesParser(policy=HTTP).parsebytes(
        f"Content-Type: {content_type}\r\n\r\n".encode() + body
    )
    fields: dict[str, list[str | None]] = {}
    for part in message.iter_parts():
        name = str(part.get_param("name", header="content-disposition"))
        payload = part.get_payload(decode=True)
        is_text = part.get_filename() is None and "content-type" not in part
        text = payload.decode(errors="replace") if is_text and isinstance(payload, bytes) else None
        fields.setdefault(name, []).append(text)
    return fields


def valid_as_sent(case: schemathesis.Case[Any]) -> bool:
    """Whether the multipart body of ``case``, as a server reads it, satisfies the schema.

    False whenever that cannot be told (not multipart, a file part in a plain field, ...): the
    case is then judged as generated.
    """
    if not (case.media_type or "").startswith(MULTIPART) or not isinstance(case.body, dict):
        return False
    body = case.operation.get_body_for_media_type(case.media_type or MULTIPART)
    schema = body.resolved_schema if body is not None else None
    if not isinstance(schema, dict):
        return False
    properties = schema.get("properties") or {}
    try:
        fields = sent_fields(case)
        if fields is None:
            return False
        validator = jsonschema_rs.validator_for(schema, validate_formats=True)
        read: dict[str, Any] = {}
        for name, parts in fields.items():
            declared = properties.get(name, _extra_field(schema))
            if not isinstance(declared, dict):
                return False  # a field the schema forbids: a real violation
            values = [_reading(validator, read, name, declared, part) for part in parts]
            if any(value is _UNREADABLE for value in values):
                return False
            read[name] = values if _is_array(declared) or len(values) > 1 else values[0]
        return bool(validator.is_valid(read))
    except Exception:  # a body or schema this cannot read: judge the case as generated
        return False


_UNREADABLE: Final = object()


def _extra_field(schema: dict[str, Any]) -> dict[str, Any] | None:
    """What a field the schema does not name may hold: None when it forbids one.

    Without ``additionalProperties`` (all of Photoroom's multipart bodies) any field may come
    along; the emulator reports it in ``pr-unsupported-attributes`` and answers 200. Seed 16180
    found such a case: ``templateId`` generated as an integer (the text of a number, a valid
    string as sent) beside a field with a made-up name, reported as ``ST201``.
    """
    extra = schema.get("additionalProperties", True)
    if extra is False:
        return None
    return extra if isinstance(extra, dict) else {}


def _reading(
    validator: Any, read: dict[str, Any], name: str, declared: dict[str, Any], part: str | None
) -> Any:
    """What a server makes of one part: a file is a binary value, text is itself or its JSON."""
    binary = _is_binary(declared)
    if part is None:
        return "" if binary else _UNREADABLE
    if binary:
        return _UNREADABLE  # text where a file belongs: the server refuses it
    readings: list[Any] = [part]
    with contextlib.suppress(ValueError):
        readings.append(json.loads(part))
    for reading in readings:
        probe = {**read, name: [reading] if _is_array(declared) else reading}
        if not any(error.instance_path[:1] == [name] for error in validator.iter_errors(probe)):
            return reading
    return readings[0]


def _is_array(schema: dict[str, Any]) -> bool:
    return schema.get("type") == "array"


def _is_binary(schema: dict[str, Any]) -> bool:
    items = schema.get("items") if _is_array(schema) else schema
    return isinstance(items, dict) and items.get("format") == "binary"
