"""One rate budget for many processes: a token bucket that every worker asks before it sends.

:class:`RateBudget` holds the account's pace in one place (on Dask it lives in an actor, see
:mod:`photoroom.batch.dask`): each request *reserves* the next free slot (one call, answered
with how long to wait), so the slots of every process together never exceed the target,
however unevenly the work is spread and whenever a process starts or stops. A 429 reported
by any process pauses every later slot for its ``Retry-After`` and multiplies the pace down
(once per cool-down), and successes add back slowly (AIMD, as :class:`RateLimiter` does in
one process): one worker's 429 slows all of them.

:class:`BudgetLimiter` is what a process plugs into :class:`LimitedTransport` in place of a
:class:`RateLimiter`. It learns of pauses from every answer of the budget; a slot granted
before a pause it has since heard of is given back and reserved again after the pause. If the
budget cannot be reached any more (on Dask: the worker holding it died), the process carries
on with its own :class:`RateLimiter` (its share of the rate) rather than failing its rows.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from typing import Any

from .._logging import logger
from .._retries import MAX_RETRY_AFTER, parse_retry_after
from ._limiter import RateLimiter

__all__ = ["BudgetLimiter", "RateBudget"]


class RateBudget:
    """The shared pace: slots at ``rate`` per second, pauses after 429s, AIMD on the rate.

    Plain and single-threaded by design (a Dask actor runs its methods one at a time); the
    lock makes it safe to share between threads of one process too.
    """

    def __init__(
        self,
        rate: float | None,
        *,
        decrease: float = 0.85,
        increase: float = 0.02,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if rate is not None and rate <= 0:
            raise ValueError("rate must be > 0")
        self.target_rate = rate
        self.rate = rate
        self._decrease = decrease
        self._increase = increase
        self._clock = clock
        self._lock = threading.Lock()
        self._next_slot = 0.0
        self._blocked_until = 0.0
        self._cooldown_until = 0.0
        self.granted = 0
        self.rate_limited = 0

    def reserve(self) -> tuple[float, float]:
        """Take the next slot: ``(seconds until it, seconds of pause still pending)``."""
        now = self._clock()
        with self._lock:
            slot = max(now, self._blocked_until)
            if self.rate is not None:  # an idle budget lends at most one slot of catch-up
                slot = max(self._next_slot, now - 1.0 / self.rate, self._blocked_until)
                self._next_slot = slot + 1.0 / self.rate
            slot = max(slot, now)
            self.granted += 1
            return slot - now, max(0.0, self._blocked_until - now)

    def report(self, status_code: int | None, retry_after: float | None = None) -> float:
        """An answer's status (``None``: no answer); returns the pause still pending."""
        now = self._clock()
        with self._lock:
            if status_code == 429:
                self._on_rate_limited(now, retry_after)
            elif status_code is not None and status_code < 500 and self.rate is not None:
                ceiling = self.target_rate if self.target_rate is not None else self.rate
                self.rate = min(ceiling, self.rate + self._increase * ceiling / self.rate)
            return max(0.0, self._blocked_until - now)

    def _on_rate_limited(self, now: float, retry_after: float | None) -> None:
        self.rate_limited += 1
        pause = min(retry_after if retry_after is not None else 1.0, MAX_RETRY_AFTER)
        self._blocked_until = max(self._blocked_until, now + pause)
        self._next_slot = max(self._next_slot, self._blocked_until)
        if now < self._cooldown_until:
            return  # answers to requests sent before the last decrease
        self._cooldown_until = now + max(pause, 1.0)
        if self.rate is not None:
            floor = 0.02 * (self.target_rate or self.rate)
            self.rate = max(floor, self.rate * self._decrease)

    def snapshot(self) -> dict[str, Any]:
        with self._lock:
            return {
                "rate": self.rate,
                "target_rate": self.target_rate,
                "granted": self.granted,
                "rate_limited": self.rate_limited,
            }


BUDGET_TIMEOUT = 10.0
"""Seconds to wait for the budget's answer before pacing alone (a lost actor's worker can
take Dask minutes of connection retries to give up on; an answer normally takes
milliseconds)."""


def _value(answer: Any) -> Any:
    """A Dask actor answers with a future; a local budget with the value itself."""
    result = getattr(answer, "result", None)
    return result(timeout=BUDGET_TIMEOUT) if callable(result) else answer


class BudgetLimiter:
    """A process's side of a shared :class:`RateBudget` (local or a Dask actor handle).

    Has the interface :class:`LimitedTransport` and the engine use (``acquire``,
    ``acquire_blocking``, ``release``, ``sent``, ``rate_limited``); ``rate_limited`` counts the
    429 answers this process saw, the budget counts everyone's.
    """

    def __init__(
        self,
        budget: Any,
        *,
        fallback: RateLimiter | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.budget = budget
        self.fallback = fallback if fallback is not None else RateLimiter(None)
        """Paces this process alone once the budget cannot be reached (its worker was lost)."""
        self.lost: BaseException | None = None
        self._clock = clock
        self._lock = threading.Lock()
        self._blocked_until = 0.0
        self.in_flight = 0
        self.sent = 0
        self.rate_limited = 0

    def _heard(self, pause: float) -> None:
        if pause > 0:
            with self._lock:
                self._blocked_until = max(self._blocked_until, self._clock() + pause)

    def _paused(self) -> float:
        with self._lock:
            return self._blocked_until - self._clock()

    def _reserve(self) -> float | None:
        """The delay of the next slot; ``None`` once the budget is lost (use the fallback)."""
        if self.lost is None:
            try:
                delay, pause = _value(self.budget.reserve())
            except Exception as exc:  # the actor's worker died: Dask says so in many ways
                self._lose(exc)
            else:
                self._heard(float(pause))
                return float(delay)
        return None

    def _lose(self, exc: BaseException) -> None:
        if self.lost is None:
            self.lost = exc
            logger.warning(
                "the shared rate budget cannot be reached (%s: %s): this process now paces "
                "itself alone at %s requests/s",
                type(exc).__name__,
                exc,
                self.fallback.target_rate,
            )

    def _granted(self) -> None:
        with self._lock:
            self.in_flight += 1
            self.sent += 1

    async def acquire(self) -> None:
        while True:
            if (wait := self._paused()) > 0:
                await asyncio.sleep(wait)
            delay = await asyncio.to_thread(self._reserve)
            if delay is None:
                await self.fallback.acquire()
                self._granted()
                return
            if delay > 0:
                await asyncio.sleep(delay)
            if self._paused() <= 0:
                self._granted()
                return

    def acquire_blocking(self) -> None:
        while True:
            if (wait := self._paused()) > 0:
                time.sleep(wait)
            delay = self._reserve()
            if delay is None:
                self.fallback.acquire_blocking()
                self._granted()
                return
            if delay > 0:
                time.sleep(delay)
            if self._paused() <= 0:
                self._granted()
                return

    def release(self, status_code: int | None, headers: Any = None) -> None:
        """Give the slot back and tell the budget how it went (not waiting for its answer)."""
        retry_after = None
        with self._lock:
            self.in_flight = max(0, self.in_flight - 1)
            if status_code == 429:
                self.rate_limited += 1
                retry_after = parse_retry_after(headers) if headers is not None else None
                pause = min(retry_after if retry_after is not None else 1.0, MAX_RETRY_AFTER)
                self._blocked_until = max(self._blocked_until, self._clock() + pause)
        if self.lost is not None:
            self.fallback.release(status_code, headers)
            return
        try:
            answer = self.budget.report(status_code, retry_after)
        except Exception as exc:
            self._lose(exc)
            return
        if not hasattr(answer, "result"):  # a local budget answers at once
            self._heard(float(answer))

    def snapshot(self) -> dict[str, Any]:
        with self._lock:
            return {
                "in_flight": self.in_flight,
                "sent": self.sent,
                "rate_limited": self.rate_limited,
            }
