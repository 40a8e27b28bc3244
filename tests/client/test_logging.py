"""``PHOTOROOM_LOG=debug`` says strictly more than ``info``, and neither ever shows the key."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap

import pytest

from .conftest import API_KEY, REPO

SCRIPT = textwrap.dedent(
    f"""
    import httpx
    from photoroom import Photoroom
    from photoroom_emulator import EmulatorConfig, EmulatorTransport
    from tests.client.conftest import FaultingTransport, product_png

    transport = FaultingTransport(EmulatorTransport(config=EmulatorConfig.from_mapping({{}})))
    transport.faults = ["503"]
    with httpx.Client(transport=transport) as http:
        client = Photoroom({API_KEY!r}, http_client=http, sleep=lambda _: None)
        client.edit(product_png(), padding=0.1)
        client.account(extra_headers={{"x-trace": "t"}})
    """
)


def _run(level: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PHOTOROOM_")}
    env["PHOTOROOM_LOG"] = level
    env["PYTHONPATH"] = str(REPO)
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stderr


@pytest.fixture(scope="module")
def logs() -> dict[str, str]:
    return {level: _run(level) for level in ("info", "debug")}


def _messages(text: str) -> list[str]:
    """The log messages, with times and waits (which differ from run to run) blanked."""
    lines = [line.split("] ", 1)[1] for line in text.splitlines() if "] " in line]
    return [re.sub(r"\d+\.\d+s", "#s", line) for line in lines]


def test_debug_says_strictly_more_than_info(logs: dict[str, str]) -> None:
    info, debug = _messages(logs["info"]), _messages(logs["debug"])
    assert info and len(debug) > len(info)
    assert set(info) <= set(debug)  # everything info says, debug says too


def test_debug_shows_the_request_the_attempts_the_answer_and_the_retry_reason(
    logs: dict[str, str],
) -> None:
    debug = logs["debug"]
    assert (
        "request built: POST https://image-api.photoroom.com/v2/edit (edit-image-upload)" in debug
    )
    assert "imageFile" in debug and "padding" in debug and "body=" in debug
    assert "sending POST" in debug and "attempt 2 of 3" in debug
    assert "answered: status=503" in debug and "answered: status=200" in debug
    assert "retry reason: status 503 is transient" in debug
    assert "x-api-key': '<redacted>'" in debug


def test_neither_level_contains_the_key(logs: dict[str, str]) -> None:
    for text in logs.values():
        assert API_KEY not in text
        assert API_KEY[-8:] not in text
