"""Retries never make a user pay twice for one call.

A billed operation (``photoroom._billing``) whose request reached the server in full is not
retried after a read timeout or a cut connection: the server finishes, and bills, work whose
client gave up. Failures before that (no connection, an upload cut half-way) and error answers
(503, 429) are retried as before. ``Retry-After`` beyond the cap and ``x-should-retry`` are
obeyed.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator

import httpx
import pytest

from photoroom import (
    APIConnectionError,
    APITimeoutError,
    AsyncPhotoroom,
    BadRequestError,
    InternalServerError,
    Photoroom,
)
from photoroom._billing import operation_is_billed
from photoroom_emulator import run_in_thread

from .conftest import API_KEY, FAULT_HEADER, FaultingTransport, emulator_config, product_png

# -- against the emulator over real sockets ---------------------------------------------------


def _images_left(client: Photoroom) -> float:
    return client.with_options(default_headers={}).account().images.available


def test_a_read_timeout_after_the_upload_charges_one_edit_at_most() -> None:
    slow_ms = 700
    with run_in_thread(emulator_config()) as server:
        client = Photoroom(API_KEY, base_url=server.url, timeout=0.25, max_retries=2)
        with client:
            before = _images_left(client)
            started = time.monotonic()
            with pytest.raises(APITimeoutError) as caught:
                client.edit(product_png(), extra_headers={FAULT_HEADER: f"slow:{slow_ms}"})
            assert time.monotonic() - started < 0.25 * 2 + 0.5  # one attempt, no retry
            time.sleep(slow_ms / 1000 + 0.6)  # let the server finish (and bill) the request
            spent = before - _images_left(client)

    assert caught.value.may_be_billed
    assert "may have processed and billed it" in str(caught.value)
    assert "retry_billed=True" in str(caught.value)
    assert spent <= 1  # before: 3 (the first attempt and two retries, all billed)


def test_retry_billed_turns_the_retry_back_on() -> None:
    with run_in_thread(emulator_config()) as server:
        client = Photoroom(
            API_KEY, base_url=server.url, timeout=0.25, max_retries=1, retry_billed=True
        )
        with client, pytest.raises(APITimeoutError) as caught:
            client.edit(product_png(), extra_headers={FAULT_HEADER: "slow:700"})
    assert caught.value.may_be_billed
    assert "not retried" not in str(caught.value)


def test_an_unbilled_read_is_still_retried_after_a_timeout() -> None:
    with run_in_thread(emulator_config()) as server:
        client = Photoroom(API_KEY, base_url=server.url, timeout=0.2, max_retries=1)
        sleeps: list[float] = []
        client._sleep = sleeps.append
        with client, pytest.raises(APITimeoutError) as caught:
            client.with_options(default_headers={FAULT_HEADER: "slow:600"}).account()
    assert len(sleeps) == 1  # retried once
    assert not caught.value.may_be_billed


def test_a_503_is_still_retried(
    make_client: Callable[..., Photoroom], emulator: FaultingTransport, sleeps: list[float]
) -> None:
    emulator.faults = ["503", "503"]

    make_client().edit(product_png())

    assert len(emulator.requests) == 3 and len(sleeps) == 2


class CuttingServer:
    """A TCP server that reads ``read_bytes`` of each request (all of it if None), then closes
    the connection without answering; counts the connections."""

    def __init__(self, read_bytes: int | None) -> None:
        self.read_bytes = read_bytes
        self.connections = 0
        self._sock = socket.socket()
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(8)
        self.url = f"http://127.0.0.1:{self._sock.getsockname()[1]}"
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return
            self.connections += 1
            with conn:
                conn.settimeout(5)
                received = b""
                try:
                    while self.read_bytes is None or len(received) < self.read_bytes:
                        chunk = conn.recv(65536)
                        if not chunk:
                            break
                        received += chunk
                        if self.read_bytes is None and _complete(received):
                            break
                except OSError:
                    pass
                conn.setsockopt(
                    socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00"
                )

    def close(self) -> None:
        self._sock.close()


def _complete(data: bytes) -> bool:
    head, sep, body = data.partition(b"\r\n\r\n")
    if not sep:
        return False
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            return len(body) >= int(line.split(b":", 1)[1])
    return True


@pytest.fixture
def cutting_server() -> Iterator[Callable[[int | None], CuttingServer]]:
    servers: list[CuttingServer] = []

    def make(read_bytes: int | None) -> CuttingServer:
        server = CuttingServer(read_bytes)
        servers.append(server)
        return server

    yield make
    for server in servers:
        server.close()


def _big_png() -> bytes:
    # Large enough that the upload cannot sit in the socket buffers when the server hangs up.
    return product_png((1600, 1600)) + b"\x00" * (4 * 1024 * 1024)


def test_a_connection_cut_during_the_upload_is_retried(
    cutting_server: Callable[[int | None], CuttingServer],
) -> None:
    server = cutting_server(4096)
    sleeps: list[float] = []
    client = Photoroom(API_KEY, base_url=server.url, max_retries=2, sleep=sleeps.append)
    with client, pytest.raises(APIConnectionError) as caught:
        client.remove_background(_big_png())
    assert server.connections == 3  # the first attempt and two retries: nothing was billed
    assert not caught.value.may_be_billed


def test_a_connection_cut_after_the_whole_upload_is_not_retried(
    cutting_server: Callable[[int | None], CuttingServer],
) -> None:
    server = cutting_server(None)
    client = Photoroom(API_KEY, base_url=server.url, max_retries=2, sleep=lambda _: None)
    with client, pytest.raises(APIConnectionError) as caught:
        client.edit(product_png())
    assert server.connections == 1
    assert caught.value.may_be_billed and "may have processed and billed it" in str(caught.value)


def test_a_connection_cut_after_an_unbilled_request_is_retried(
    cutting_server: Callable[[int | None], CuttingServer],
) -> None:
    server = cutting_server(None)
    client = Photoroom(API_KEY, base_url=server.url, max_retries=2, sleep=lambda _: None)
    with client, pytest.raises(APIConnectionError):
        client.account()
    assert server.connections == 3


# -- with mock transports ---------------------------------------------------------------------


def _client(handler: Callable[[httpx.Request], httpx.Response], **kwargs: object) -> Photoroom:
    http = httpx.Client(transport=httpx.MockTransport(handler))
    return Photoroom(API_KEY, http_client=http, sleep=lambda _: None, **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "error", [httpx.ConnectError, httpx.ConnectTimeout, httpx.WriteError, httpx.PoolTimeout]
)
def test_failures_before_the_request_was_sent_are_retried(error: type[httpx.HTTPError]) -> None:
    attempts: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        attempts.append(request)
        if len(attempts) < 3:
            raise error("failed", request=request)  # type: ignore[call-arg]
        return httpx.Response(
            200, content=product_png((8, 8)), headers={"content-type": "image/png"}
        )

    _client(handler).edit(product_png())

    assert len(attempts) == 3


def test_a_read_timeout_of_a_billed_call_is_raised_at_once() -> None:
    attempts: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        attempts.append(request)
        raise httpx.ReadTimeout("slow", request=request)

    with pytest.raises(APITimeoutError) as caught:
        _client(handler).remove_background(product_png())

    assert len(attempts) == 1 and caught.value.may_be_billed


def test_x_should_retry_false_stops_a_retry_and_true_forces_one() -> None:
    attempts: list[int] = []

    def refuse(request: httpx.Request) -> httpx.Response:
        attempts.append(1)
        return httpx.Response(503, json={"detail": "down"}, headers={"x-should-retry": "false"})

    with pytest.raises(InternalServerError):
        _client(refuse).edit(product_png())
    assert len(attempts) == 1

    attempts.clear()

    def insist(request: httpx.Request) -> httpx.Response:
        attempts.append(1)
        if len(attempts) == 1:
            return httpx.Response(400, json={"detail": "busy"}, headers={"x-should-retry": "true"})
        return httpx.Response(
            200, content=product_png((8, 8)), headers={"content-type": "image/png"}
        )

    _client(insist).edit(product_png())
    assert len(attempts) == 2


def test_a_400_without_the_header_is_not_retried() -> None:
    attempts: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        attempts.append(1)
        return httpx.Response(400, json={"detail": "bad"})

    with pytest.raises(BadRequestError):
        _client(handler).edit(product_png())
    assert len(attempts) == 1


def test_billing_comes_from_the_spec_table() -> None:
    from photoroom.spec import operation

    assert operation("edit-image-upload").credits({}) > 0 == operation("get-account-v2").credits({})
    assert operation_is_billed("remove-background")
    assert operation_is_billed("edit-image-upload") and operation_is_billed("edit-image-from-url")
    assert not operation_is_billed("get-account-v2") and not operation_is_billed("get-account-v1")


async def test_the_async_client_does_not_retry_a_billed_read_timeout() -> None:
    attempts: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        attempts.append(1)
        raise httpx.ReadTimeout("slow", request=request)

    async def no_sleep(seconds: float) -> None:
        pass

    http = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    async with AsyncPhotoroom(API_KEY, http_client=http, sleep=no_sleep) as client:
        with pytest.raises(APITimeoutError):
            await client.edit(product_png())
        assert len(attempts) == 1
        attempts.clear()
        with pytest.raises(APITimeoutError):
            await client.account()
        assert len(attempts) == 3
    await http.aclose()
