"""Rate limiting and injected faults: what a client's retry logic will meet."""

from __future__ import annotations

import httpx
import pytest

from photoroom_emulator import AsyncEmulatorTransport, EmulatorConfig, run_in_thread
from photoroom_emulator.config import RateLimit
from photoroom_emulator.faults import Fault, FaultInjector
from photoroom_emulator.ratelimit import RateLimiter

from .conftest import API_KEY, BASE_URL, ClientFactory, assert_api_error, assert_segment_error

FAULT = "x-emulator-fault"


def test_rate_limit_answers_429_with_retry_after(make_client: ClientFactory) -> None:
    client = make_client(rate_limit=RateLimit(rate=0.01, burst=2))
    assert client.get("/v2/account").status_code == 200
    assert client.get("/v2/account").status_code == 200
    limited = client.get("/v2/account")
    assert_api_error(limited, 429)
    assert int(limited.headers["Retry-After"]) >= 1
    # Buckets are per key: another key still gets through.
    assert client.get("/v2/account", headers={"x-api-key": "other"}).status_code == 200


def test_rate_limit_uses_the_segment_shape_on_segment(make_client: ClientFactory) -> None:
    client = make_client(rate_limit=RateLimit(rate=0.01, burst=1))
    client.get("/v2/account")
    response = client.post("/v1/segment", files={"image_file": ("a.png", b"x", "image/png")})
    body = assert_segment_error(response, 429)
    assert body["type"] == "rate_limited"
    assert response.headers["Retry-After"].isdigit()


def test_token_bucket_refills_with_time() -> None:
    now = [0.0]
    limiter = RateLimiter(RateLimit(rate=2, burst=1), clock=lambda: now[0])
    assert limiter.wait_time("k") == 0
    assert limiter.wait_time("k") == pytest.approx(0.5)
    now[0] += 0.5
    assert limiter.wait_time("k") == 0


def test_rate_limit_is_off_by_default(make_client: ClientFactory) -> None:
    client = make_client()
    assert all(client.get("/v2/account").status_code == 200 for _ in range(50))


@pytest.mark.parametrize("fault", ["500", "503"])
def test_fault_header_server_errors(make_client: ClientFactory, fault: str) -> None:
    client = make_client()
    response = client.get("/v2/account", headers={FAULT: fault})
    assert_api_error(response, int(fault))
    segment = client.post(
        "/v1/segment", headers={FAULT: fault}, files={"image_file": ("a.png", b"x")}
    )
    assert_segment_error(segment, int(fault))


def test_fault_header_429_carries_retry_after(make_client: ClientFactory) -> None:
    client = make_client()
    default = client.get("/v2/account", headers={FAULT: "429"})
    assert_api_error(default, 429)
    assert default.headers["Retry-After"] == "1"
    explicit = client.get("/v2/account", headers={FAULT: "429:7"})
    assert explicit.headers["Retry-After"] == "7"


def test_slow_fault_still_answers(make_client: ClientFactory) -> None:
    client = make_client()
    assert client.get("/v2/account", headers={FAULT: "slow:20"}).status_code == 200


def test_unknown_fault_is_a_400(make_client: ClientFactory) -> None:
    client = make_client()
    message = assert_api_error(client.get("/v2/account", headers={FAULT: "explode"}), 400)
    assert FAULT in message


def test_fault_header_can_be_disabled(make_client: ClientFactory) -> None:
    client = make_client(fault_header=False)
    assert client.get("/v2/account", headers={FAULT: "500"}).status_code == 200


def test_drop_is_a_protocol_error_through_the_sync_transport(make_client: ClientFactory) -> None:
    client = make_client()
    with pytest.raises(httpx.RemoteProtocolError):
        client.get("/v2/account", headers={FAULT: "drop"})
    assert client.get("/v2/account").status_code == 200  # the transport survives


async def test_drop_is_a_protocol_error_through_the_async_transport() -> None:
    transport = AsyncEmulatorTransport(config=EmulatorConfig())
    async with httpx.AsyncClient(
        transport=transport, base_url=BASE_URL, headers={"x-api-key": API_KEY}
    ) as client:
        with pytest.raises(httpx.RemoteProtocolError):
            await client.get("/v2/account", headers={FAULT: "drop"})
        assert (await client.get("/v2/account")).status_code == 200


def test_drop_cuts_a_real_connection() -> None:
    with run_in_thread(EmulatorConfig()) as server:
        with pytest.raises(httpx.RemoteProtocolError):
            httpx.get(server.url + "/v2/account", headers={"x-api-key": "k", FAULT: "drop"})
        assert httpx.get(server.url + "/v2/account", headers={"x-api-key": "k"}).status_code == 200


def test_random_faults_are_reproducible_with_a_seed() -> None:
    config = EmulatorConfig(fault_rate=0.5, faults=("500", "429"), seed=7)
    rolls_a = _rolls(config, 200)
    assert rolls_a == _rolls(config, 200)
    hits = [fault for fault in rolls_a if fault is not None]
    assert 40 < len(hits) < 160
    assert {fault.kind for fault in hits if isinstance(fault, Fault)} == {"500", "429"}


def test_faults_never_hit_when_disabled() -> None:
    assert all(fault is None for fault in _rolls(EmulatorConfig(seed=1), 1000))
    config = EmulatorConfig(fault_rate=0.0, faults=("500",), seed=1)
    assert all(fault is None for fault in _rolls(config, 1000))


def test_random_faults_reach_the_client(make_client: ClientFactory) -> None:
    client = make_client(fault_rate=1.0, faults=("503",), seed=3)
    assert_api_error(client.get("/v2/account"), 503)


def _rolls(config: EmulatorConfig, count: int) -> list[Fault | None]:
    injector = FaultInjector(config)
    return [injector.choose(None) for _ in range(count)]
