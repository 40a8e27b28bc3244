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
from photoroom._cli_options import flag_name
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
NOT_A_VERSION = "no-such-model-version"

EDIT_HEADERS = sorted(
    {option for op in (EDIT_BY_URL, EDIT_BY_UPLOAD) for option in operation(op).header_by_option}
)
"""Header options of ``edit()`` (GET and POST /v2/edit)."""
ALL_HEADERS = sorted(header_params())


def _values(option: str) -> list[str]:
    """The header's documented values, its server default first when it has one."""
    param = header_params()[option]
    values = [str(v) for v in enum_values(param.schema)]
    assert len(values) >= 2, f"{param.wire}: a version header offers a choice"
    return sorted(values, key=lambda v: v != param.default)


def _param(option: str) -> Param:
    return header_params()[option]


def _client(recorder: Recorder, **header_options: Any) -> Photoroom:
    http = httpx.Client(transport=httpx.MockTransport(recorder))
    return Photoroom(API_KEY, http_client=http, sleep=lambda _: None, **header_options)


def _edit_both_ways(client: Photoroom, **options: Any) -> None:
    client.edit(URL, **options)  # GET /v2/edit
    client.edit(product_png((8, 8)), **options)  # POST /v2/edit


def test_the_spec_declares_model_version_headers_on_edit() -> None:
    assert EDIT_HEADERS, "the overlay declares the model-version headers of /v2/edit"
    for option in EDIT_HEADERS:
        assert _param(option).location == "header"
        assert _param(option).default in enum_values(_param(option).schema)


@pytest.mark.parametrize("option", EDIT_HEADERS)
def test_a_client_option_is_sent_as_the_header_on_every_edit(option: str) -> None:
    recorder = Recorder()
    value = _values(option)[-1]  # not the default: the client must send it
    with _client(recorder, **{option: value}) as client:
        _edit_both_ways(client)

    wire = _param(option).wire
    get, post = recorder.requests
    assert get.headers[wire] == value and post.headers[wire] == value
    # A header, never a query parameter or form field.
    assert wire not in get.url.params
    assert wire not in multipart_fields(post)


@pytest.mark.parametrize("option", EDIT_HEADERS)
def test_a_call_option_overrides_the_client_option(option: str) -> None:
    recorder = Recorder()
    client_value, call_value = _values(option)[0], _values(option)[1]
    with _client(recorder, **{option: client_value}) as client:
        _edit_both_ways(client, **{option: call_value})
        client.edit(URL)

    wire = _param(option).wire
    assert [r.headers[wire] for r in recorder.requests] == [call_value, call_value, client_value]


@pytest.mark.parametrize("option", EDIT_HEADERS)
def test_unset_header_options_are_not_sent(option: str) -> None:
    recorder = Recorder()
    with _client(recorder) as client:
        _edit_both_ways(client, **{option: None})

    assert all(_param(option).wire not in r.headers for r in recorder.requests)


@pytest.mark.parametrize("option", EDIT_HEADERS)
def test_a_bad_call_value_is_refused_before_sending(option: str) -> None:
    recorder = Recorder()
    with _client(recorder) as client:
        for image in (URL, product_png((8, 8))):
            with pytest.raises(InvalidOptionError) as refused:
                client.edit(image, **{option: NOT_A_VERSION})
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


@pytest.mark.parametrize("option", EDIT_HEADERS)
def test_with_options_sets_and_unsets_a_header_option(option: str) -> None:
    recorder = Recorder()
    value = _values(option)[-1]
    with _client(recorder) as client:
        client.with_options(**{option: value}).edit(URL)
        client.with_options(**{option: value}).with_options(**{option: None}).edit(URL)
        with pytest.raises(InvalidOptionError):
            client.with_options(**{option: NOT_A_VERSION})

    first, second = recorder.requests
    assert first.headers[_param(option).wire] == value
    assert _param(option).wire not in second.headers


@pytest.mark.parametrize(
    "option", sorted(set(ALL_HEADERS) - set(operation(REMOVE_BACKGROUND).header_by_option))
)
def test_remove_background_refuses_a_header_its_operation_does_not_declare(option: str) -> None:
    recorder = Recorder()
    with _client(recorder, **{option: _values(option)[-1]}) as client:
        with pytest.raises(TypeError, match=option):
            client.remove_background(product_png((8, 8)), **{option: _values(option)[-1]})
        client.remove_background(product_png((8, 8)))  # the client's default is not sent here

    (segment,) = recorder.requests
    assert _param(option).wire not in segment.headers


@pytest.mark.parametrize("option", EDIT_HEADERS)
async def test_async_client_sends_and_checks_the_header(option: str) -> None:
    recorder = Recorder()
    client_value, call_value = _values(option)[0], _values(option)[1]
    async with (
        httpx.AsyncClient(transport=httpx.MockTransport(recorder)) as http,
        AsyncPhotoroom(API_KEY, http_client=http, **{option: client_value}) as client,
    ):
        await client.edit(URL)
        await client.edit(product_png((8, 8)), **{option: call_value})
        with pytest.raises(InvalidOptionError):
            await client.edit(URL, **{option: NOT_A_VERSION})

    wire = _param(option).wire
    assert [r.headers[wire] for r in recorder.requests] == [client_value, call_value]


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


@pytest.mark.parametrize("option", EDIT_HEADERS)
def test_the_cli_flag_offers_the_documented_values(
    option: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        cli.main(["edit", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert flag_name(option) in help_text
    assert "{" + ",".join(str(v) for v in enum_values(_param(option).schema)) + "}" in help_text


@pytest.mark.parametrize("option", EDIT_HEADERS)
def test_the_cli_flag_sends_the_header(
    option: str,
    tmp_path: Path,
    no_network: list[httpx.Request],
    capsys: pytest.CaptureFixture[str],
) -> None:
    photo = tmp_path / "photo.png"
    photo.write_bytes(product_png())
    value = _values(option)[-1]
    argv = ["edit", str(photo), "-o", str(tmp_path / "out"), "--api-key", API_KEY, "--dry-run"]

    assert cli.main([*argv, flag_name(option), value]) == cli.EXIT_OK

    words = shlex.split(capsys.readouterr().out.strip().splitlines()[-1])
    assert f"{_param(option).wire}: {value}" in words
    assert no_network == []


@pytest.mark.parametrize("option", EDIT_HEADERS)
def test_the_cli_refuses_an_undocumented_value(
    option: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main(["edit", str(tmp_path / "p.png"), flag_name(option), NOT_A_VERSION])
    assert exited.value.code == 2
    assert "invalid choice" in capsys.readouterr().err
