"""The safety rules of a parity run: a billed key never reaches a remote host (not one byte),
the plan is printed before anything is sent, the budget and the pace hold, and the key is never
written to a snapshot or a log."""

from __future__ import annotations

import io
import json
import socket
from pathlib import Path
from typing import Any

import httpx
import pytest

from photoroom_emulator.__main__ import main
from photoroom_emulator.parity.record import RecordSettings, record
from photoroom_emulator.parity.runner import REMOTE_PACE, Keys, RunRefused, Target

REMOTE = "https://image-api.photoroom.com"  # never contacted: the transports below answer
BILLED_KEY = "live-key-0123456789abcdef"
SANDBOX_KEY = "sandbox_live-key-0123456789abcdef"


class CountingTransport(httpx.BaseTransport):
    """Counts requests and the bytes of their bodies; answers like an API that echoes the key."""

    def __init__(self, log: io.StringIO | None = None) -> None:
        self.requests: list[httpx.Request] = []
        self.bytes_sent = 0
        self.log_when_first_sent: str | None = None
        self.log = log

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if not self.requests and self.log is not None:
            self.log_when_first_sent = self.log.getvalue()
        self.requests.append(request)
        self.bytes_sent += len(request.read())
        key = request.headers.get("x-api-key", "")
        return httpx.Response(403, json={"error": {"message": f"Invalid key {key}"}})


@pytest.fixture
def no_sockets(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Any attempt to open a connection is recorded and fails."""
    attempts: list[Any] = []

    def refuse(*args: Any, **kwargs: Any) -> None:
        attempts.append(args)
        raise OSError("no network in tests")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    return attempts


@pytest.mark.parametrize("target", [REMOTE, "api"])
def test_a_billed_key_against_a_remote_host_is_refused_before_one_byte(
    target: str, tmp_path: Path, no_sockets: list[Any]
) -> None:
    transport = CountingTransport()
    log = io.StringIO()
    settings = RecordSettings(
        target=Target(target, transport), keys=Keys(BILLED_KEY), out=tmp_path / "out", max_calls=5
    )
    with pytest.raises(RunRefused, match="no 'sandbox_' prefix") as refused:
        record(settings, log)
    assert transport.requests == [] and transport.bytes_sent == 0 and no_sockets == []
    assert not (tmp_path / "out").exists()
    assert BILLED_KEY not in str(refused.value) and BILLED_KEY not in log.getvalue()


def test_the_command_line_refuses_too_and_never_prints_the_key(
    tmp_path: Path, no_sockets: list[Any], capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        ["parity", "record", "--target", REMOTE, "--api-key", BILLED_KEY, "--out", str(tmp_path)]
    )
    printed = capsys.readouterr()
    assert code == 2 and no_sockets == []
    assert "--allow-billed" in printed.err
    assert BILLED_KEY not in printed.out + printed.err
    assert list(tmp_path.iterdir()) == []


def test_a_basic_key_without_the_prefix_is_refused_as_well(tmp_path: Path) -> None:
    transport = CountingTransport()
    keys = Keys(SANDBOX_KEY, basic="basic-live-key")
    settings = RecordSettings(Target(REMOTE, transport), keys, tmp_path, max_calls=5)
    with pytest.raises(RunRefused, match="--basic-key"):
        record(settings, io.StringIO())
    assert transport.requests == []


def test_allow_billed_lets_a_billed_key_through_and_says_what_it_may_cost(tmp_path: Path) -> None:
    transport, log = CountingTransport(), io.StringIO()
    settings = RecordSettings(
        Target(REMOTE, transport), Keys(BILLED_KEY), tmp_path, 3, allow_billed=True, sleep=_no_wait
    )
    record(settings, log)
    assert len(transport.requests) == 3
    assert "billed key" in log.getvalue()
    assert "credits this run may spend: at most 3" in log.getvalue()  # three 1-credit segments


def _no_wait(seconds: float) -> None:
    pass


def test_a_sandbox_run_prints_its_plan_first_keeps_the_budget_and_paces_itself(
    tmp_path: Path,
) -> None:
    log = io.StringIO()
    transport = CountingTransport(log)
    waits: list[float] = []
    settings = RecordSettings(
        Target(REMOTE, transport), Keys(SANDBOX_KEY), tmp_path, max_calls=7, sleep=waits.append
    )
    plan = record(settings, log)
    assert len(transport.requests) == 7
    assert transport.log_when_first_sent is not None
    assert "parity: 7 calls to https://image-api.photoroom.com" in transport.log_when_first_sent
    assert "at most 0 (0 with a sandbox key" in transport.log_when_first_sent
    assert waits == [REMOTE_PACE] * 6
    assert sum("over the call budget" in reason for reason in plan.skipped.values()) > 0
    # a remote target cannot fetch loopback URLs: those scenarios are skipped, not sent
    assert any("--image-base-url" in reason for reason in plan.skipped.values())


def test_no_snapshot_or_log_contains_the_key_even_when_the_answer_echoes_it(
    tmp_path: Path,
) -> None:
    log = io.StringIO()
    transport = CountingTransport()
    record(
        RecordSettings(Target(REMOTE, transport), Keys(SANDBOX_KEY), tmp_path, 4, sleep=_no_wait),
        log,
    )
    assert all(r.headers["x-api-key"] == SANDBOX_KEY for r in transport.requests[:1])
    written = {p.name: p.read_text() for p in tmp_path.iterdir()}
    assert len(written) == 5  # four snapshots and the manifest
    for name, text in written.items():
        assert SANDBOX_KEY not in text, name
    echoed = json.loads(written["segment-default.snapshot.json"])
    body = echoed["segment-default"]["recorded-content"]["observation"]["body"]
    assert body == {"error": {"message": "Invalid key <api-key>"}}
    assert SANDBOX_KEY not in log.getvalue()


def test_loopback_targets_need_no_sandbox_key(tmp_path: Path) -> None:
    assert Target("http://127.0.0.1:8080").is_loopback
    assert Target("http://localhost:8080").is_loopback
    assert Target("http://[::1]:8080").is_loopback
    assert not Target("http://10.0.0.5:8080").is_loopback
    assert not Target("https://image-api.photoroom.com.evil.test").is_loopback
    transport = CountingTransport()
    record(
        RecordSettings(Target("http://127.0.0.1:9", transport), Keys(BILLED_KEY), tmp_path, 1),
        io.StringIO(),
    )
    assert len(transport.requests) == 1
