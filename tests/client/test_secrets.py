"""The API key never leaks: not in logs, reprs, error messages, pickles or batch reports."""

from __future__ import annotations

import logging
import pickle
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import photoroom._logging
from photoroom import (
    BadRequestError,
    PermissionDeniedError,
    Photoroom,
    PhotoroomError,
    RateLimitError,
)
from photoroom._logging import redact_headers
from photoroom_emulator import run_in_thread

from .conftest import API_KEY, FaultingTransport, emulator_config, product_png

SECRET = "sk-unknown-secret-5f2b9c"


@pytest.fixture
def photoroom_log_debug(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """``PHOTOROOM_LOG=debug`` as a user would set it (the handler is removed afterwards)."""
    logger = logging.getLogger("photoroom")
    handlers, level = list(logger.handlers), logger.level
    monkeypatch.setenv("PHOTOROOM_LOG", "debug")
    monkeypatch.setattr(photoroom._logging, "_configured", False)
    yield
    logger.handlers[:] = handlers
    logger.setLevel(level)


def every_kind_of_call(
    client: Photoroom, emulator: FaultingTransport, tmp_path: Path
) -> list[object]:
    """Successes, retries and failures of every operation; returns what they produced."""
    produced: list[object] = []
    emulator.faults = ["429:1", "503"]
    produced.append(client.remove_background(product_png()))
    produced.append(client.edit(product_png(), shadow="ai.soft"))
    emulator.faults = ["drop"]  # retried: reading the account is not billed
    produced.append(client.account())
    produced.append(client.account_v1())
    for call in (lambda: client.remove_background(b"\x89PNG\r\n\x1a\nbroken"),):
        with pytest.raises(BadRequestError) as caught:
            call()
        produced.append(caught.value)
    images = []
    for index in range(3):
        path = tmp_path / f"in{index}.png"
        path.write_bytes(product_png())
        images.append(path)
    report = client.batch_edit(images, tmp_path / "out", progress=False)
    produced.extend([report, report.to_json()])
    return produced


def test_no_log_line_contains_the_key(
    make_client: Callable[..., Photoroom],
    emulator: FaultingTransport,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
    photoroom_log_debug: None,
) -> None:
    client = make_client(SECRET)
    with caplog.at_level(logging.DEBUG):
        with pytest.raises(PermissionDeniedError):
            client.account()
        good = make_client()
        every_kind_of_call(good, emulator, tmp_path)

    assert caplog.records, "expected log lines"
    assert SECRET not in caplog.text
    assert API_KEY not in caplog.text
    assert API_KEY not in capsys.readouterr().err


def test_debug_logs_of_a_real_http_connection_do_not_contain_the_key(
    caplog: pytest.LogCaptureFixture, photoroom_log_debug: None
) -> None:
    with (
        run_in_thread(emulator_config()) as server,
        caplog.at_level(logging.DEBUG),
        Photoroom(API_KEY, base_url=server.url) as client,
    ):
        client.account()
        client.remove_background(product_png())

    assert any(record.name.startswith("httpcore") for record in caplog.records)
    assert API_KEY not in caplog.text


def test_reprs_of_clients_results_errors_and_reports_do_not_contain_the_key(
    client: Photoroom, emulator: FaultingTransport, tmp_path: Path
) -> None:
    produced = every_kind_of_call(client, emulator, tmp_path)
    produced += [client, client.with_options(max_retries=0)]

    for thing in produced:
        assert API_KEY not in repr(thing)
        assert API_KEY not in str(thing)


def test_errors_do_not_carry_the_key_in_their_message_args_or_pickle(
    make_client: Callable[..., Photoroom], emulator: FaultingTransport
) -> None:
    errors: list[PhotoroomError] = []
    with pytest.raises(PermissionDeniedError) as denied:
        make_client(SECRET).edit(product_png())
    errors.append(denied.value)
    emulator.faults = ["429:1"]
    with pytest.raises(RateLimitError) as limited:
        make_client(SECRET, max_retries=0).remove_background(product_png())
    errors.append(limited.value)
    emulator.faults = ["drop"]
    with pytest.raises(PhotoroomError) as dropped:
        make_client(SECRET, max_retries=0).account()
    errors.append(dropped.value)

    for error in errors:
        # The live error still has its response (and the request, key included) for debugging...
        assert SECRET not in repr(error) and SECRET not in str(error)
        assert all(SECRET not in repr(arg) for arg in error.args)
        # ...but a pickled one (sent to a worker, a queue, a log store) has neither.
        assert SECRET.encode() not in pickle.dumps(error)
        # Nor does its cause, which tools like tblib (installed by Dask) pickle with it.
        if error.__cause__ is not None:
            assert SECRET.encode() not in pickle.dumps(error.__cause__)


def test_clients_refuse_to_be_pickled(client: Photoroom) -> None:
    with pytest.raises(TypeError, match="cannot be pickled"):
        pickle.dumps(client)


def test_header_redaction_helper() -> None:
    assert redact_headers({"x-api-key": API_KEY, "Accept": "image/png"}) == {
        "x-api-key": "<redacted>",
        "Accept": "image/png",
    }


def test_a_missing_key_is_a_clear_error() -> None:
    with pytest.raises(PhotoroomError, match=r"^No API key: pass Photoroom\(api_key="):
        Photoroom()
