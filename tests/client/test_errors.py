"""API errors become typed exceptions carrying the API's own message and the parsed body."""

from __future__ import annotations

import pickle
from collections.abc import Callable

import httpx
import pytest

from photoroom import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    InternalServerError,
    InvalidOptionError,
    NotFoundError,
    PaymentRequiredError,
    PermissionDeniedError,
    Photoroom,
    PhotoroomError,
    RateLimitError,
)
from photoroom_api.models import APIError, InvalidValue, PaymentError, RemoveBackgroundError
from photoroom_emulator import run_in_thread

from .conftest import API_KEY, BROKE_KEY, FaultingTransport, Recorder, emulator_config, product_png

NOT_AN_IMAGE = b"\x89PNG\r\n\x1a\nthis is not really a png"


def test_an_invalid_upload_is_a_bad_request_with_the_segment_detail(client: Photoroom) -> None:
    with pytest.raises(BadRequestError) as caught:
        client.remove_background(NOT_AN_IMAGE)

    error = caught.value
    assert error.status_code == 400
    assert isinstance(error.body, RemoveBackgroundError)
    assert error.body.type_ == "invalid_image"
    assert error.message == error.body.detail
    assert str(error) == f"400 Bad Request: {error.message}"
    assert isinstance(error, APIStatusError) and isinstance(error, PhotoroomError)


def test_a_rule_violation_on_edit_is_refused_before_sending_with_the_apis_words(
    client: Photoroom,
) -> None:
    with pytest.raises(InvalidOptionError) as caught:
        client.edit(product_png(), output_size="400x300", max_width=100)

    assert str(caught.value) == (
        "maxWidth: maxWidth can only be provided if outputSize is originalImage or croppedSubject"
    )


def test_a_refusal_by_the_server_is_a_bad_request_with_the_error_message(
    client: Photoroom,
) -> None:
    with pytest.raises(BadRequestError) as caught:
        client.edit(b"\x89PNG\r\n\x1a\n" + b"not really a png" * 8, output_size="400x300")

    error = caught.value
    assert isinstance(error.body, InvalidValue)
    assert error.message == error.body.error.message
    assert "imageFile" in error.message


def test_no_credits_left_is_payment_required_on_both_hosts(
    make_client: Callable[..., Photoroom],
) -> None:
    client = make_client(BROKE_KEY)

    with pytest.raises(PaymentRequiredError) as edit_error:
        client.edit(product_png())
    with pytest.raises(PaymentRequiredError) as segment_error:
        client.remove_background(product_png())

    assert isinstance(edit_error.value.body, PaymentError)
    assert edit_error.value.message.startswith("API credits exhausted")
    assert isinstance(segment_error.value.body, RemoveBackgroundError)
    assert segment_error.value.message.startswith("API credits exhausted")


def test_an_unknown_key_is_permission_denied_everywhere(
    make_client: Callable[..., Photoroom],
) -> None:
    client = make_client("sk-not-a-real-key")

    for call in (
        lambda: client.edit(product_png()),
        lambda: client.remove_background(product_png()),
        client.account,
        client.account_v1,
    ):
        with pytest.raises(PermissionDeniedError) as caught:
            call()
        assert caught.value.status_code == 403
        assert caught.value.message == "Unauthorized"


def test_a_rate_limit_carries_retry_after(
    make_client: Callable[..., Photoroom], emulator: FaultingTransport
) -> None:
    emulator.faults = ["429:7"]

    with pytest.raises(RateLimitError) as caught:
        make_client(max_retries=0).account()

    assert caught.value.retry_after == 7
    assert isinstance(caught.value.body, APIError)


@pytest.mark.parametrize("fault", ["500", "503"])
def test_server_errors_are_internal_server_errors(
    make_client: Callable[..., Photoroom], emulator: FaultingTransport, fault: str
) -> None:
    emulator.faults = [fault]

    with pytest.raises(InternalServerError) as caught:
        make_client(max_retries=0).remove_background(product_png())

    assert caught.value.status_code == int(fault)
    assert caught.value.message


def test_a_dropped_connection_is_a_connection_error(
    make_client: Callable[..., Photoroom], emulator: FaultingTransport
) -> None:
    emulator.faults = ["drop"]

    with pytest.raises(APIConnectionError) as caught:
        make_client(max_retries=0).edit(product_png())

    assert "RemoteProtocolError" in str(caught.value)
    assert isinstance(caught.value.__cause__, httpx.RemoteProtocolError)


def test_a_slow_answer_is_a_timeout_against_a_real_server() -> None:
    with run_in_thread(emulator_config()) as server:
        client = Photoroom(API_KEY, base_url=server.url, timeout=0.2, max_retries=0)
        with pytest.raises(APITimeoutError), client:
            client.with_options(default_headers={"x-emulator-fault": "slow:800"}).account()


def test_a_wrong_base_url_is_not_found() -> None:
    with (
        run_in_thread(emulator_config()) as server,
        Photoroom(API_KEY, base_url=server.url + "/nowhere") as client,
        pytest.raises(NotFoundError) as caught,
    ):
        client.account()
    assert caught.value.status_code == 404


def test_a_401_is_an_authentication_error(mock_client: Photoroom, recorder: Recorder) -> None:
    recorder.answer = lambda request: httpx.Response(
        401, json={"error": {"message": "Unauthorized"}}
    )

    with pytest.raises(AuthenticationError) as caught:
        mock_client.account()

    assert caught.value.message == "Unauthorized"


def test_an_html_error_page_still_gives_a_status_error(
    mock_client: Photoroom, recorder: Recorder
) -> None:
    recorder.answer = lambda request: httpx.Response(
        502, text="<html>Bad gateway</html>", headers={"content-type": "text/html"}
    )

    with pytest.raises(InternalServerError) as caught:
        mock_client.with_options(max_retries=0).edit("https://example.com/a.jpg")

    assert caught.value.status_code == 502
    assert caught.value.body == "<html>Bad gateway</html>"
    assert caught.value.message == "<html>Bad gateway</html>"


def test_the_request_id_header_is_kept(mock_client: Photoroom, recorder: Recorder) -> None:
    recorder.answer = lambda request: httpx.Response(
        400, json={"error": {"message": "bad"}}, headers={"x-request-id": "req_123"}
    )

    with pytest.raises(BadRequestError) as caught:
        mock_client.edit("https://example.com/a.jpg")

    assert caught.value.request_id == "req_123"
    assert str(caught.value) == "400 Bad Request: bad (request id req_123)"


def test_errors_survive_pickling_without_their_http_objects(client: Photoroom) -> None:
    with pytest.raises(BadRequestError) as caught:
        client.remove_background(NOT_AN_IMAGE)

    copy = pickle.loads(pickle.dumps(caught.value))

    assert type(copy) is BadRequestError
    assert (copy.status_code, copy.message, str(copy)) == (
        400,
        caught.value.message,
        str(caught.value),
    )
    assert copy.body == caught.value.body
    assert copy.response is None


def test_connection_errors_and_rate_limits_pickle_too() -> None:
    request = httpx.Request("GET", "https://example.com", headers={"x-api-key": API_KEY})
    for error in (
        APIConnectionError("Connection error: boom", request=request),
        APITimeoutError(request=request),
        RateLimitError("slow down", status_code=429, retry_after=3.0),
    ):
        copy = pickle.loads(pickle.dumps(error))
        assert type(copy) is type(error)
        assert str(copy) == str(error)
    assert (
        pickle.loads(
            pickle.dumps(RateLimitError("x", status_code=429, retry_after=3.0))
        ).retry_after
        == 3.0
    )
