"""Per-call options, copies, raw and streaming responses, the http_client's timeout."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from photoroom import (
    DEFAULT_CONNECTION_LIMITS,
    DEFAULT_TIMEOUT,
    APIError,
    APIResponse,
    APIStatusError,
    AsyncPhotoroom,
    ConflictError,
    DefaultAsyncHttpxClient,
    DefaultHttpxClient,
    EditResult,
    InsecureConnectionWarning,
    InvalidOptionError,
    Photoroom,
    PhotoroomError,
    RemoveBackgroundResult,
    UnprocessableEntityError,
)

from .conftest import API_KEY, AsyncFaultingTransport, FaultingTransport, Recorder, product_png

PNG = product_png()
URL = "https://example.com/shoe.png"


def _names(request: httpx.Request) -> set[str]:
    from .conftest import multipart_fields

    return set(multipart_fields(request))


# -- per-call options -------------------------------------------------------------------------

CALLS: dict[str, Callable[..., Any]] = {
    "edit-upload": lambda client, **kw: client.edit(PNG, **kw),
    "edit-url": lambda client, **kw: client.edit(URL, **kw),
    "remove_background": lambda client, **kw: client.remove_background(PNG, **kw),
    "account": lambda client, **kw: client.account(**kw),
    "account_v1": lambda client, **kw: client.account_v1(**kw),
}


def _answer(request: httpx.Request) -> httpx.Response:
    if request.url.path == "/v2/account":
        return httpx.Response(
            200, json={"images": {"available": 5, "subscription": 9}, "plan": "plus"}
        )
    if request.url.path == "/v1/account":
        return httpx.Response(200, json={"credits": {"available": 5, "subscription": 9}})
    return httpx.Response(200, content=product_png((8, 8)), headers={"content-type": "image/png"})


@pytest.mark.parametrize("name", CALLS)
def test_timeout_headers_and_query_reach_the_request(
    mock_client: Photoroom, recorder: Recorder, name: str
) -> None:
    recorder.answer = _answer

    CALLS[name](
        mock_client,
        timeout=httpx.Timeout(7.0, connect=2.0),
        extra_headers={"x-trace": "abc"},
        extra_query={"debug": "1"},
    )

    request = recorder.last
    assert request.extensions["timeout"] == {"connect": 2.0, "read": 7.0, "write": 7.0, "pool": 7.0}
    assert request.headers["x-trace"] == "abc"
    assert request.url.params["debug"] == "1"
    assert request.headers["x-api-key"] == API_KEY


def test_a_number_timeout_and_the_client_default(
    mock_client: Photoroom, recorder: Recorder
) -> None:
    mock_client.edit(PNG, timeout=3)
    mock_client.edit(PNG)
    first, second = (request.extensions["timeout"] for request in recorder.requests)
    assert first["read"] == 3 and first["connect"] == 3
    assert second["read"] == mock_client.timeout.read


def test_extra_body_adds_form_fields_or_query_fields(
    mock_client: Photoroom, recorder: Recorder
) -> None:
    mock_client.edit(PNG, extra_body={"beta.feature": "on"})
    assert "beta.feature" in _names(recorder.last)
    mock_client.remove_background(PNG, extra_body={"beta": True})
    assert "beta" in _names(recorder.last)
    mock_client.edit(URL, extra_body={"beta.feature": "on"})
    assert recorder.last.url.params["beta.feature"] == "on"
    with pytest.raises(InvalidOptionError, match="extra_body"):
        mock_client.account(extra_body={"x": 1})
    assert len(recorder.requests) == 3


def test_per_call_max_retries(
    make_client: Callable[..., Photoroom], emulator: FaultingTransport, sleeps: list[float]
) -> None:
    client = make_client(max_retries=0)
    emulator.faults = ["503", "503", "503"]
    client.account(max_retries=3)
    assert len(emulator.requests) == 4
    with pytest.raises(InvalidOptionError, match="max_retries"):
        client.account(max_retries=-1)


def test_unknown_keywords_still_fail(mock_client: Photoroom) -> None:
    with pytest.raises((InvalidOptionError, TypeError)):
        mock_client.account(paddingg=1)  # type: ignore[call-arg]


# -- copies -----------------------------------------------------------------------------------


def test_copy_changes_the_key_the_hosts_and_the_pool(recorder: Recorder) -> None:
    other = Recorder()
    with (
        httpx.Client(transport=httpx.MockTransport(recorder)) as first,
        httpx.Client(transport=httpx.MockTransport(other)) as second,
    ):
        client = Photoroom(API_KEY, http_client=first)
        copy = client.with_options(
            api_key="sk-other", base_url="https://proxy.example.com", http_client=second
        )
        assert client.copy is not None and Photoroom.with_options is Photoroom.copy
        copy.remove_background(PNG)
        client.remove_background(PNG)

    assert other.last.headers["x-api-key"] == "sk-other"
    assert other.last.url.host == "proxy.example.com"  # base_url moves the segment host too
    assert recorder.last.headers["x-api-key"] == API_KEY
    assert recorder.last.url.host == "sdk.photoroom.com"


def test_a_custom_http_client_keeps_its_timeout(recorder: Recorder) -> None:
    recorder.answer = _answer
    with httpx.Client(transport=httpx.MockTransport(recorder), timeout=17.0) as http:
        Photoroom(API_KEY, http_client=http).account()
        Photoroom(API_KEY, http_client=http, timeout=4.0).account()
    first, second = (request.extensions["timeout"] for request in recorder.requests)
    assert first["read"] == 17.0 and second["read"] == 4.0


def test_the_default_timeout_fits_ai_edits() -> None:
    assert DEFAULT_TIMEOUT.connect is not None and DEFAULT_TIMEOUT.connect <= 10
    assert DEFAULT_TIMEOUT.read is not None and DEFAULT_TIMEOUT.read >= 60
    with Photoroom(API_KEY) as client:
        assert client.timeout == DEFAULT_TIMEOUT


def test_default_httpx_clients_have_the_pool_limits_and_timeout() -> None:
    with DefaultHttpxClient() as http:
        assert http.timeout == DEFAULT_TIMEOUT
        pool = http._transport._pool  # type: ignore[attr-defined]
        assert pool._max_connections == DEFAULT_CONNECTION_LIMITS.max_connections
        with Photoroom(API_KEY, http_client=http) as client:
            assert client.timeout == DEFAULT_TIMEOUT
    assert DefaultAsyncHttpxClient(timeout=3).timeout.read == 3


# -- raw and streaming responses --------------------------------------------------------------

RESULTS: dict[str, type] = {
    "edit-upload": EditResult,
    "edit-url": EditResult,
    "remove_background": RemoveBackgroundResult,
}


@pytest.mark.parametrize("name", CALLS)
def test_with_raw_response_on_every_operation(
    mock_client: Photoroom, recorder: Recorder, name: str
) -> None:
    recorder.answer = _answer
    call = CALLS[name]

    raw = call(mock_client.with_raw_response, extra_headers={"x-trace": "1"})

    assert isinstance(raw, APIResponse)
    assert isinstance(raw.http_response, httpx.Response) and raw.status_code == 200
    parsed = raw.parse()
    assert parsed is raw.parse()  # parsed once
    if name in RESULTS:
        assert isinstance(parsed, RESULTS[name]) and parsed.content == raw.content
    else:
        assert parsed.http_response is raw.http_response


@pytest.mark.parametrize("name", CALLS)
def test_with_streaming_response_on_every_operation(
    mock_client: Photoroom, recorder: Recorder, name: str
) -> None:
    recorder.answer = _answer
    with CALLS[name](mock_client.with_streaming_response) as response:
        assert "content-type" in response.headers
        body = b"".join(response.iter_bytes())
    assert body == recorder.answer(recorder.last).content


def test_a_streamed_answer_can_still_be_parsed(mock_client: Photoroom) -> None:
    with mock_client.with_streaming_response.edit(PNG) as response:
        result = response.parse()
    assert isinstance(result, EditResult) and result.content_type == "image/png"


def test_raw_responses_still_raise_api_errors(mock_client: Photoroom, recorder: Recorder) -> None:
    recorder.answer = lambda request: httpx.Response(422, json={"detail": "cannot process"})
    with pytest.raises(UnprocessableEntityError) as caught:
        mock_client.with_raw_response.edit(PNG)
    assert isinstance(caught.value, APIError) and isinstance(caught.value, APIStatusError)
    assert caught.value.request is not None and caught.value.body == {"detail": "cannot process"}
    recorder.answer = lambda request: httpx.Response(409, json={"detail": "conflict"})
    with pytest.raises(ConflictError), mock_client.with_streaming_response.account():
        pass


ASYNC_CALLS: dict[str, Callable[..., Any]] = {
    "edit-upload": lambda client, **kw: client.edit(PNG, **kw),
    "remove_background": lambda client, **kw: client.remove_background(PNG, **kw),
    "account": lambda client, **kw: client.account(**kw),
    "account_v1": lambda client, **kw: client.account_v1(**kw),
}


@pytest.mark.parametrize("name", ASYNC_CALLS)
async def test_async_options_raw_and_streaming(
    async_client: AsyncPhotoroom, async_emulator: AsyncFaultingTransport, name: str
) -> None:
    call = ASYNC_CALLS[name]
    await call(async_client, timeout=9.0, extra_headers={"x-trace": "a"}, extra_query={"q": "1"})
    request = async_emulator.requests[-1]
    assert request.extensions["timeout"]["read"] == 9.0
    assert request.headers["x-trace"] == "a" and request.url.params["q"] == "1"

    raw = await call(async_client.with_raw_response)
    assert isinstance(raw, APIResponse) and raw.status_code == 200
    assert raw.parse().http_response is raw.http_response

    async with call(async_client.with_streaming_response) as response:
        chunks = [chunk async for chunk in response.iter_bytes()]
        assert response.headers["content-type"]
    assert b"".join(chunks)


# -- plain HTTP -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url", ["http://evil.example.com", "http://10.0.0.5:8080", "http://emulator:8080"]
)
def test_plain_http_to_another_host_warns(url: str) -> None:
    with pytest.warns(InsecureConnectionWarning, match="plain HTTP"):
        Photoroom(API_KEY, base_url=url).close()
    with Photoroom(API_KEY) as client, pytest.warns(InsecureConnectionWarning):
        client.with_options(base_url=url)


@pytest.mark.parametrize(
    "url",
    ["https://evil.example.com", "http://127.0.0.1:8080", "http://localhost:1", "http://[::1]:80"],
)
def test_https_and_loopback_do_not_warn(url: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        Photoroom(API_KEY, base_url=url).close()


def test_the_warning_never_contains_the_key() -> None:
    with pytest.warns(InsecureConnectionWarning) as record:
        Photoroom(API_KEY, base_url="http://evil.example.com").close()
    assert all(API_KEY not in str(warning.message) for warning in record)


def test_no_key_message_names_the_environment_variable() -> None:
    with pytest.raises(PhotoroomError, match="PHOTOROOM_API_KEY"):
        Photoroom()
