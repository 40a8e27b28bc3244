"""The request headers the spec declares (model versions): a typed option of the client (its
default) and of each call (which wins), checked before anything is sent, sent as the header and
never as a query parameter or form field; a CLI flag each. Names and values come from
``photoroom.spec``, so a header the overlay adds tomorrow is exercised here with no edit."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Any

import httpx
import pytest

from photoroom import AsyncPhotoroom, InvalidOptionError, Photoroom, cli
from photoroom.cli import flag_name
from photoroom.spec import (
    EDIT_BY_UPLOAD,
    EDIT_BY_URL,
    REMOVE_BACKGROUND,
    Param,
    enum_values,
    header_params,
    operation,
)

from .conftest import API_KEY, Recorder, multipart_fields, product_png

URL = "https://example.com/a.png"
PNG = product_png((8, 8))
NOT_A_VERSION = "no-such-model-version"

WAYS: dict[str, list[tuple[object, str]]] = {
    "edit": [(URL, EDIT_BY_URL), (PNG, EDIT_BY_UPLOAD)],
    "remove_background": [(PNG, REMOVE_BACKGROUND)],
}
"""Client method -> each way of calling it: (image, the operation it becomes)."""
CLI_COMMAND = {"edit": "edit", "remove_background": "remove-bg"}

CASES = [
    pytest.param(method, option, id=f"{method}-{option}")
    for method, ways in WAYS.items()
    for option in sorted({o for _, op in ways for o in operation(op).header_by_option})
]
"""Every (client method, header option) pair the spec declares."""
ALL_HEADERS = sorted(header_params())


def _values(option: str) -> list[str]:
    """The header's documented values, its server default first when it has one."""
    param = header_params()[option]
    values = [str(v) for v in enum_values(param.schema)]
    assert len(values) >= 2, f"{param.wire}: a version header offers a choice"
    return sorted(values, key=lambda v: v != param.default)


def _param(option: str) -> Param:
    return header_params()[option]


def _declares(op: str, option: str) -> bool:
    return option in operation(op).header_by_option


def _client(recorder: Recorder, **header_options: Any) -> Photoroom:
    http = httpx.Client(transport=httpx.MockTransport(recorder))
    return Photoroom(API_KEY, http_client=http, sleep=lambda _: None, **header_options)


def _call_every_way(client: Photoroom, method: str, **options: Any) -> list[str]:
    """Call ``method`` each way it can be called; the operations called, in order."""
    for image, _ in WAYS[method]:
        getattr(client, method)(image, **options)
    return [op for _, op in WAYS[method]]


def test_the_spec_declares_model_version_headers() -> None:
    assert CASES, "the overlay declares the model-version headers (of /v2/edit at least)"
    for option in ALL_HEADERS:
        assert _param(option).location == "header"
        assert _param(option).default in enum_values(_param(option).schema)


@pytest.mark.parametrize(("method", "option"), CASES)
def test_a_client_option_is_sent_as_the_header(method: str, option: str) -> None:
    recorder = Recorder()
    value = _values(option)[-1]  # not the default: the client must send it
    with _client(recorder, **{option: value}) as client:
        called = _call_every_way(client, method)

    wire = _param(option).wire
    for request, op in zip(recorder.requests, called, strict=True):
        assert request.headers.get(wire) == (value if _declares(op, option) else None)
        # A header, never a query parameter or form field.
        assert wire not in request.url.params
        if request.method == "POST":
            assert wire not in multipart_fields(request)


@pytest.mark.parametrize(("method", "option"), CASES)
def test_a_call_option_overrides_the_client_option(method: str, option: str) -> None:
    recorder = Recorder()
    client_value, call_value = _values(option)[0], _values(option)[1]
    with _client(recorder, **{option: client_value}) as client:
        overridden = _call_every_way(client, method, **{option: call_value})
        default = _call_every_way(client, method)

    wire = _param(option).wire
    expected = [call_value if _declares(op, option) else None for op in overridden]
    expected += [client_value if _declares(op, option) else None for op in default]
    assert [r.headers.get(wire) for r in recorder.requests] == expected


@pytest.mark.parametrize(("method", "option"), CASES)
def test_unset_header_options_are_not_sent(method: str, option: str) -> None:
    recorder = Recorder()
    with _client(recorder) as client:
        _call_every_way(client, method, **{option: None})

    assert all(_param(option).wire not in r.headers for r in recorder.requests)


@pytest.mark.parametrize(("method", "option"), CASES)
def test_a_bad_call_value_is_refused_before_sending(method: str, option: str) -> None:
    recorder = Recorder()
    with _client(recorder) as client:
        for image, _ in WAYS[method]:
            with pytest.raises(InvalidOptionError) as refused:
                getattr(client, method)(image, **{option: NOT_A_VERSION})
            assert refused.value.parameter == _param(option).wire
            assert all(v in refused.value.reason for v in _values(option))

    assert recorder.requests == []


@pytest.mark.parametrize("option", ALL_HEADERS)
def test_a_bad_client_value_is_refused_when_the_client_is_made(option: str) -> None:
    with pytest.raises(InvalidOptionError) as refused:
        Photoroom(API_KEY, **{option: NOT_A_VERSION})
    assert refused.value.parameter == _param(option).wire


def test_an_unknown_header_option_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="unexpected keyword argument"):
        Photoroom(API_KEY, **{"no_such_model_version": "1"})  # type: ignore[call-arg]


@pytest.mark.parametrize(("method", "option"), CASES)
def test_with_options_sets_and_unsets_a_header_option(method: str, option: str) -> None:
    recorder = Recorder()
    value = _values(option)[-1]
    with _client(recorder) as client:
        called = _call_every_way(client.with_options(**{option: value}), method)
        unset = client.with_options(**{option: value}).with_options(**{option: None})
        _call_every_way(unset, method)
        with pytest.raises(InvalidOptionError):
            client.with_options(**{option: NOT_A_VERSION})

    wire = _param(option).wire
    sent, after_unset = recorder.requests[: len(called)], recorder.requests[len(called) :]
    assert [r.headers.get(wire) for r in sent] == [
        value if _declares(op, option) else None for op in called
    ]
    assert all(wire not in r.headers for r in after_unset)


UNDECLARED = [
    pytest.param(method, option, id=f"{method}-{option}")
    for method, ways in WAYS.items()
    for option in ALL_HEADERS
    if not any(_declares(op, option) for _, op in ways)
]
"""(client method, header option) pairs whose operations do not take the header."""


@pytest.mark.parametrize(("method", "option"), UNDECLARED)
def test_a_call_refuses_a_header_its_operation_does_not_declare(method: str, option: str) -> None:
    recorder = Recorder()
    value = _values(option)[-1]
    with _client(recorder, **{option: value}) as client:
        for image, _ in WAYS[method]:
            with pytest.raises(TypeError, match=option):
                getattr(client, method)(image, **{option: value})
        _call_every_way(client, method)  # the client's default is not sent there either

    assert all(_param(option).wire not in r.headers for r in recorder.requests)


@pytest.mark.parametrize(("method", "option"), CASES)
async def test_async_client_sends_and_checks_the_header(method: str, option: str) -> None:
    recorder = Recorder()
    client_value, call_value = _values(option)[0], _values(option)[1]
    async with (
        httpx.AsyncClient(transport=httpx.MockTransport(recorder)) as http,
        AsyncPhotoroom(API_KEY, http_client=http, **{option: client_value}) as client,
    ):
        expected = []
        for image, op in WAYS[method]:
            await getattr(client, method)(image)
            await getattr(client, method)(image, **{option: call_value})
            declared = _declares(op, option)
            expected += [client_value if declared else None, call_value if declared else None]
            with pytest.raises(InvalidOptionError):
                await getattr(client, method)(image, **{option: NOT_A_VERSION})

    wire = _param(option).wire
    assert [r.headers.get(wire) for r in recorder.requests] == expected


@pytest.mark.parametrize(("method", "option"), CASES)
def test_a_batch_sends_the_header_and_refuses_a_bad_value_before_any_request(
    method: str, option: str, tmp_path: Path
) -> None:
    photo = tmp_path / "photo.png"
    photo.write_bytes(product_png())
    recorder = Recorder()
    value = _values(option)[-1]
    with _client(recorder) as client:
        batch = getattr(client, f"batch_{method}")
        with pytest.raises(InvalidOptionError):
            batch([photo], tmp_path / "refused", progress=False, **{option: NOT_A_VERSION})
        assert recorder.requests == []

        report = batch([photo], tmp_path / "out", progress=False, **{option: value})
    assert len(report.written) == 1, report.summary()
    (upload,) = recorder.requests
    expected = value if _declares(WAYS[method][-1][1], option) else None
    assert upload.headers.get(_param(option).wire) == expected


# --- the CLI ----------------------------------------------------------------------------------


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[httpx.Request]:
    """Every request handed to httpx's network transports (a dry run must send none)."""
    sent: list[httpx.Request] = []

    async def refuse(self: Any, request: httpx.Request) -> httpx.Response:
        sent.append(request)
        raise httpx.ConnectError("the test forbids sending", request=request)

    monkeypatch.setattr(httpx.AsyncHTTPTransport, "handle_async_request", refuse)
    return sent


@pytest.mark.parametrize(("method", "option"), CASES)
def test_the_cli_flag_offers_the_documented_values(
    method: str, option: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        cli.main([CLI_COMMAND[method], "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert flag_name(option) in help_text
    assert "{" + ",".join(str(v) for v in enum_values(_param(option).schema)) + "}" in help_text


@pytest.mark.parametrize(("method", "option"), CASES)
def test_the_cli_flag_sends_the_header(
    method: str,
    option: str,
    tmp_path: Path,
    no_network: list[httpx.Request],
    capsys: pytest.CaptureFixture[str],
) -> None:
    photo = tmp_path / "photo.png"
    photo.write_bytes(product_png())
    value = _values(option)[-1]
    argv = [CLI_COMMAND[method], str(photo), "-o", str(tmp_path / "out"), "--dry-run"]
    argv += ["--api-key", API_KEY]

    assert cli.main([*argv, flag_name(option), value]) == cli.EXIT_OK

    words = shlex.split(capsys.readouterr().out.strip().splitlines()[-1])
    assert f"{_param(option).wire}: {value}" in words
    assert no_network == []


@pytest.mark.parametrize(("method", "option"), CASES)
def test_the_cli_refuses_an_undocumented_value(
    method: str, option: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [CLI_COMMAND[method], str(tmp_path / "p.png"), flag_name(option), NOT_A_VERSION]
    with pytest.raises(SystemExit) as exited:
        cli.main(argv)
    assert exited.value.code == 2
    assert "invalid choice" in capsys.readouterr().err
