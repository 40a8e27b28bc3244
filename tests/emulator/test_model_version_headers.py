"""The request headers the spec declares (model versions): the emulator accepts the documented
values, answers 400 in the host's error shape to any other, and records the value it used (the
sent one, else the server default). Every operation that declares a header is covered, with the
names and values of ``photoroom.spec``; nothing is echoed, because the docs say the API does
not."""

from __future__ import annotations

import httpx
import pytest

from photoroom.spec import (
    EDIT_BY_UPLOAD,
    EDIT_BY_URL,
    REMOVE_BACKGROUND,
    Operation,
    Param,
    enum_values,
    operations,
)
from photoroom_emulator.errors import ApiError
from photoroom_emulator.spec import load_spec
from photoroom_emulator.validation import build_validators

from .conftest import assert_api_error, assert_segment_error, product_png

VALIDATORS = build_validators(load_spec())
URL = "https://example.com/a.png"
NOT_A_VERSION = "no-such-model-version"

DECLARED = [
    pytest.param(op, header, id=f"{op.operation_id}:{header.wire}")
    for op in operations().values()
    for header in op.headers
]


def test_both_edit_operations_declare_model_version_headers() -> None:
    assert operations()[EDIT_BY_URL].headers
    assert operations()[EDIT_BY_UPLOAD].headers


@pytest.mark.parametrize(("op", "header"), DECLARED)
def test_every_documented_value_is_used_and_an_absent_header_is_its_default(
    op: Operation, header: Param
) -> None:
    validator = VALIDATORS[op.operation_id]
    for value in enum_values(header.schema):
        assert validator.validate_headers({header.wire: str(value)})[header.wire] == value
    assert validator.validate_headers({})[header.wire] == header.default


@pytest.mark.parametrize(("op", "header"), DECLARED)
def test_an_undocumented_value_is_a_400_naming_the_header(op: Operation, header: Param) -> None:
    with pytest.raises(ApiError) as refused:
        VALIDATORS[op.operation_id].validate_headers({header.wire: NOT_A_VERSION})
    assert refused.value.status == 400
    values = ", ".join(str(v) for v in enum_values(header.schema))
    assert refused.value.message == f"{header.wire} must be one of {values}"


def _send(client: httpx.Client, op: Operation, headers: dict[str, str]) -> httpx.Response:
    """A request ``op`` would otherwise accept, with ``headers``."""
    image = op.image[0]
    if op.method == "get":
        return client.get(op.path, params={image: URL}, headers=headers)
    files = {image: ("p.png", product_png(), "image/png")}
    return client.post(op.path, files=files, headers=headers)


@pytest.mark.parametrize(("op", "header"), DECLARED)
def test_the_server_answers_400_in_the_api_shape(
    client: httpx.Client, op: Operation, header: Param
) -> None:
    response = _send(client, op, {header.wire: NOT_A_VERSION})

    if op.operation_id == REMOVE_BACKGROUND:  # the Remove Background host's error shape
        body = assert_segment_error(response, 400)
        assert header.wire in body["detail"]
    else:
        assert header.wire in assert_api_error(response, 400)


@pytest.mark.parametrize(("op", "header"), [p for p in DECLARED if p.values[0].method == "post"])
def test_a_documented_value_is_answered_without_echo(
    client: httpx.Client, op: Operation, header: Param
) -> None:
    value = str(enum_values(header.schema)[-1])
    response = _send(client, op, {header.wire: value})

    assert response.status_code == 200, response.text
    assert header.wire not in response.headers
    assert header.wire not in response.headers.get("pr-unsupported-attributes", "")
