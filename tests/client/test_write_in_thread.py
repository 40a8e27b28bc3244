"""A cancelled task waits for the disk write it started (photoroom._threads)."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest

from photoroom._threads import write_in_thread


async def test_a_cancel_waits_for_the_write_then_is_passed_on() -> None:
    started = threading.Event()
    finished: list[str] = []

    def slow_write() -> None:
        started.set()
        time.sleep(0.2)
        finished.append("renamed into place")

    task = asyncio.ensure_future(write_in_thread(slow_write))
    await asyncio.to_thread(started.wait)
    task.cancel()

    with pytest.raises(asyncio.CancelledError):
        await task
    assert finished == ["renamed into place"]


async def test_the_result_and_errors_come_back_as_from_the_function() -> None:
    def fail() -> None:
        raise OSError("disk full")

    assert await write_in_thread(lambda: 42) == 42
    with pytest.raises(OSError, match="disk full"):
        await write_in_thread(fail)
