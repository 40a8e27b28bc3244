"""Retries: which failures are retried, how long the client waits, and that it never sleeps for
real in tests (the waits are recorded by the injected ``sleep``)."""

from __future__ import annotations

import email.utils
import logging
import random
import time
from collections.abc import Callable

import httpx
import pytest

from photoroom import (
    AsyncPhotoroom,
    BadRequestError,
    InternalServerError,
    PaymentRequiredError,
    PermissionDeniedError,
    Photoroom,
    RateLimitError,
)
from photoroom._retries import MAX_RETRY_AFTER, backoff_delay, parse_retry_after, retry_delay

from .conftest import (
    API_KEY,
    BROKE_KEY,
    AsyncFaultingTransport,
    FaultingTransport,
    Recorder,
    multipart_fields,
    product_png,
)


def test_a_429_is_retried_after_the_retry_after_seconds(
    client: Photoroom, emulator: FaultingTransport, sleeps: list[float]
) -> None:
    emulator.faults = ["429:3"]

    account = client.account()

    assert account.plan == "plus"
    assert len(emulator.requests) == 2
    assert sleeps == [3.0]


def test_a_503_is_retried_with_jittered_backoff(
    client: Photoroom, emulator: FaultingTransport, sleeps: list[float]
) -> None:
    emulator.faults = ["503"]

    client.edit(product_png())

    assert len(emulator.requests) == 2
    assert len(sleeps) == 1
    assert 0 <= sleeps[0] <= 0.5


def test_a_dropped_connection_is_retried_and_the_upload_is_sent_again_whole(
    make_client: Callable[..., Photoroom], emulator: FaultingTransport, sleeps: list[float]
) -> None:
    # The drop comes after the answer started: billed calls retry it only when asked to.
    image = product_png()
    emulator.faults = ["drop"]

    result = make_client(retry_billed=True).remove_background(image)

    assert result.content_type == "image/png"
    first, second = emulator.requests
    assert multipart_fields(first)["image_file"] == [image]
    assert multipart_fields(second)["image_file"] == [image]
    assert len(sleeps) == 1


def test_waits_grow_exponentially_until_retries_run_out(
    make_client: Callable[..., Photoroom], emulator: FaultingTransport, sleeps: list[float]
) -> None:
    emulator.faults = ["500", "503", "500", "503"]

    with pytest.raises(InternalServerError):
        make_client(max_retries=3).edit(product_png())

    assert len(emulator.requests) == 4  # the first attempt and three retries
    assert len(sleeps) == 3
    for retry, wait in enumerate(sleeps):
        assert 0 <= wait <= 0.5 * 2**retry


def test_the_default_is_two_retries(
    client: Photoroom, emulator: FaultingTransport, sleeps: list[float]
) -> None:
    emulator.faults = ["429:1"] * 5

    with pytest.raises(RateLimitError):
        client.account()

    assert len(emulator.requests) == 3
    assert sleeps == [1.0, 1.0]


@pytest.mark.parametrize(
    ("api_key", "image", "error"),
    [
        (API_KEY, b"\x89PNG\r\n\x1a\nbroken", BadRequestError),
        (BROKE_KEY, product_png(), PaymentRequiredError),
        ("sk-unknown", product_png(), PermissionDeniedError),
    ],
    ids=["400", "402", "403"],
)
def test_client_errors_are_never_retried(
    make_client: Callable[..., Photoroom],
    emulator: FaultingTransport,
    sleeps: list[float],
    api_key: str,
    image: bytes,
    error: type[Exception],
) -> None:
    with pytest.raises(error):
        make_client(api_key, max_retries=5).edit(image)

    assert len(emulator.requests) == 1
    assert sleeps == []


def test_with_options_can_turn_retries_off(
    client: Photoroom, emulator: FaultingTransport, sleeps: list[float]
) -> None:
    emulator.faults = ["503"]

    with pytest.raises(InternalServerError):
        client.with_options(max_retries=0).account()

    assert len(emulator.requests) == 1
    assert sleeps == []
    assert client.max_retries == 2  # the original is unchanged


def test_a_huge_retry_after_is_not_waited_for(
    client: Photoroom, emulator: FaultingTransport, sleeps: list[float]
) -> None:
    emulator.faults = ["429:3600"]

    with pytest.raises(RateLimitError) as caught:
        client.account()

    assert caught.value.retry_after == 3600
    assert sleeps == [] and len(emulator.requests) == 1


def test_a_retry_after_at_the_cap_is_waited_for(
    client: Photoroom, emulator: FaultingTransport, sleeps: list[float]
) -> None:
    emulator.faults = [f"429:{MAX_RETRY_AFTER:.0f}"]

    client.account()

    assert sleeps == [MAX_RETRY_AFTER]


def test_timeouts_are_retried(recorder: Recorder, sleeps: list[float]) -> None:
    attempts: list[int] = []

    def answer(request: httpx.Request) -> httpx.Response:
        attempts.append(1)
        if len(attempts) < 3:
            raise httpx.ReadTimeout("slow", request=request)
        return httpx.Response(
            200, json={"images": {"available": 1, "subscription": 1}, "plan": "plus"}
        )

    recorder.answer = answer
    with Photoroom(
        API_KEY,
        http_client=httpx.Client(transport=httpx.MockTransport(recorder)),
        sleep=sleeps.append,
    ) as client:
        assert client.account().plan == "plus"

    assert len(attempts) == 3
    assert len(sleeps) == 2


def test_an_http_date_retry_after_is_honoured(recorder: Recorder, sleeps: list[float]) -> None:
    later = email.utils.formatdate(time.time() + 30, usegmt=True)
    answers = [
        httpx.Response(
            429, json={"error": {"message": "slow down"}}, headers={"retry-after": later}
        ),
        httpx.Response(200, json={"images": {"available": 1, "subscription": 1}, "plan": "plus"}),
    ]
    recorder.answer = lambda request: answers.pop(0)
    with Photoroom(
        API_KEY,
        http_client=httpx.Client(transport=httpx.MockTransport(recorder)),
        sleep=sleeps.append,
    ) as client:
        client.account()

    assert len(sleeps) == 1
    assert 20 <= sleeps[0] <= 30  # the date has a one-second resolution


async def test_the_async_client_retries_the_same_way(
    async_client: AsyncPhotoroom, async_emulator: AsyncFaultingTransport, sleeps: list[float]
) -> None:
    async_emulator.faults = ["429:2", "503"]

    result = await async_client.remove_background(product_png())

    assert result.content_type == "image/png"
    assert len(async_emulator.requests) == 3
    assert sleeps[0] == 2.0
    assert 0 <= sleeps[1] <= 1.0


def test_retries_are_logged_with_the_wait_and_the_count(
    client: Photoroom, emulator: FaultingTransport, caplog: pytest.LogCaptureFixture
) -> None:
    emulator.faults = ["429:4"]

    with caplog.at_level(logging.INFO, logger="photoroom"):
        client.account()

    messages = [record.getMessage() for record in caplog.records if record.name == "photoroom"]
    assert messages[0].startswith("GET https://image-api.photoroom.com/v2/account -> 429")
    assert messages[1].startswith(
        "retrying GET https://image-api.photoroom.com/v2/account in 4.00s (retry 1 of 2)"
    )
    assert messages[2].startswith("GET https://image-api.photoroom.com/v2/account -> 200 OK")
    assert messages[2].endswith("(retry 1)")


def test_backoff_is_full_jitter_under_an_exponential_ceiling() -> None:
    rng = random.Random(1)
    for retry, ceiling in enumerate([0.5, 1.0, 2.0, 4.0, 8.0, 8.0, 8.0]):
        waits = [backoff_delay(retry, rng) for _ in range(200)]
        assert all(0 <= wait <= ceiling for wait in waits)
        assert max(waits) > ceiling * 0.8  # jitter spans the whole range


def test_retry_after_parsing() -> None:
    now = time.time()
    assert parse_retry_after({"Retry-After": "12"}) == 12.0
    assert parse_retry_after({"retry-after-ms": "1500"}) == 1.5
    assert parse_retry_after({"Retry-After": email.utils.formatdate(now - 60, usegmt=True)}) == 0.0
    assert parse_retry_after({"Retry-After": "soon"}) is None
    assert parse_retry_after({}) is None
    assert retry_delay(0, {"Retry-After": "999"}) == MAX_RETRY_AFTER
