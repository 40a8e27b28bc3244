"""Sandbox keys are free but capped: 100 image calls a day and 1 000 a month (docs, "Sandbox
mode"); past a cap the emulator answers 429 with ``Retry-After`` until the cap resets."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from photoroom_emulator.accounts import Accounts
from photoroom_emulator.config import ConfigError, EmulatorConfig, KeySpec, SandboxCaps
from photoroom_emulator.errors import ApiError

from .conftest import ClientFactory, assert_api_error, assert_segment_error, product_png


class FakeClock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


DOCUMENTED_CAPS = SandboxCaps()


def _accounts(clock: FakeClock, caps: SandboxCaps | None = DOCUMENTED_CAPS) -> Accounts:
    return Accounts(EmulatorConfig(keys=(KeySpec("acct", 0, "plus"),), sandbox_caps=caps), clock)


def _sandbox_calls(accounts: Accounts, count: int) -> None:
    caller = accounts.authenticate("sandbox_acct")
    for _ in range(count):
        accounts.reserve(caller, 5)


def test_the_documented_caps_are_the_default() -> None:
    assert EmulatorConfig().sandbox_caps == SandboxCaps(daily=100, monthly=1_000)


def test_the_101st_sandbox_call_of_a_day_is_a_429_until_midnight_utc() -> None:
    clock = FakeClock(datetime(2026, 3, 10, 23, 59, 30, tzinfo=UTC))
    accounts = _accounts(clock)
    _sandbox_calls(accounts, 100)
    with pytest.raises(ApiError) as refused:
        _sandbox_calls(accounts, 1)
    assert refused.value.status == 429
    assert refused.value.headers == {"Retry-After": "30"}
    assert "100 calls per day" in refused.value.message
    clock.now += timedelta(seconds=31)  # the next UTC day
    _sandbox_calls(accounts, 1)


def test_the_monthly_cap_holds_across_days_until_the_next_month() -> None:
    clock = FakeClock(datetime(2026, 2, 1, 12, tzinfo=UTC))
    accounts = _accounts(clock)
    for _ in range(10):
        _sandbox_calls(accounts, 100)
        clock.now += timedelta(days=1)
    with pytest.raises(ApiError) as refused:
        _sandbox_calls(accounts, 1)
    assert "1000 calls per month" in refused.value.message
    assert int(refused.value.headers["Retry-After"]) == int(
        (datetime(2026, 3, 1, tzinfo=UTC) - clock.now).total_seconds()
    )
    clock.now = datetime(2026, 3, 1, tzinfo=UTC)
    _sandbox_calls(accounts, 1)


def test_a_failed_call_gives_its_sandbox_call_back() -> None:
    clock = FakeClock(datetime(2026, 3, 10, tzinfo=UTC))
    accounts = _accounts(clock, SandboxCaps(daily=1, monthly=10))
    caller = accounts.authenticate("sandbox_acct")
    accounts.reserve(caller, 5)
    accounts.refund(caller, 0)
    accounts.reserve(caller, 5)
    with pytest.raises(ApiError):
        accounts.reserve(caller, 5)


def test_billed_calls_of_the_same_account_are_not_capped() -> None:
    clock = FakeClock(datetime(2026, 3, 10, tzinfo=UTC))
    accounts = Accounts(
        EmulatorConfig(keys=(KeySpec("acct", 100, "plus"),), sandbox_caps=SandboxCaps(1, 1)), clock
    )
    _sandbox_calls(accounts, 1)
    billed = accounts.authenticate("acct")
    for _ in range(3):
        accounts.reserve(billed, 1)


def test_caps_off_never_refuses() -> None:
    accounts = _accounts(FakeClock(datetime(2026, 3, 10, tzinfo=UTC)), caps=None)
    _sandbox_calls(accounts, 150)


@pytest.mark.parametrize(
    ("raw", "caps"),
    [("5:50", SandboxCaps(5, 50)), ("7", SandboxCaps(7, 1_000)), ("off", None)],
)
def test_caps_are_configurable(raw: str, caps: SandboxCaps | None) -> None:
    config = EmulatorConfig.from_env({"PHOTOROOM_EMULATOR_SANDBOX_CAPS": raw})
    assert config.sandbox_caps == caps


@pytest.mark.parametrize("raw", ["many", "0:5", "5:x"])
def test_unreadable_caps_are_a_config_error(raw: str) -> None:
    with pytest.raises(ConfigError, match="sandbox_caps"):
        EmulatorConfig.from_mapping({"sandbox_caps": raw})


def test_over_http_the_cap_is_a_429_in_each_hosts_error_shape(make_client: ClientFactory) -> None:
    client = make_client(
        keys=(KeySpec("acct", 0, "plus"),), sandbox_caps=SandboxCaps(2, 3), processing=False
    )
    sandbox = {"x-api-key": "sandbox_acct"}
    files = {"image_file": ("p.png", product_png(), "image/png")}
    for _ in range(2):
        assert client.post("/v1/segment", files=files, headers=sandbox).status_code == 200
    refused = client.post("/v1/segment", files=files, headers=sandbox)
    assert_segment_error(refused, 429)
    assert int(refused.headers["retry-after"]) >= 1
    edit = client.post(
        "/v2/edit", files={"imageFile": ("p.png", product_png(), "image/png")}, headers=sandbox
    )
    assert "Sandbox limit reached" in assert_api_error(edit, 429)


def test_v2_account_reports_the_sandbox_allowance_to_a_sandbox_key(
    make_client: ClientFactory,
) -> None:
    client = make_client(
        keys=(KeySpec("acct", 50, "plus"),), sandbox_caps=SandboxCaps(2, 30), processing=False
    )
    sandbox = {"x-api-key": "sandbox_acct"}
    files = {"image_file": ("p.png", product_png(), "image/png")}
    assert client.post("/v1/segment", files=files, headers=sandbox).status_code == 200
    assert client.get("/v2/account", headers=sandbox).json() == {
        "images": {"available": 1, "subscription": 30},
        "plan": "plus",
    }
    billed = client.get("/v2/account", headers={"x-api-key": "acct"}).json()
    assert billed["images"] == {"available": 10, "subscription": 10}
