"""One rate limiter per process: a target rate, and AIMD on the rate and on the concurrency.

Every attempt the client sends (first tries and retries alike) passes through
:class:`LimitedTransport`, which asks the process's :class:`RateLimiter` for a slot: requests
are paced at the current rate (never above the target), at most ``concurrency`` are in flight,
and nothing is sent while a ``Retry-After`` is pending. A 429 multiplies the rate and the
concurrency down (once per cool-down, so the answers of requests already in flight do not
collapse it) and pauses the whole process for its ``Retry-After``; each success adds back a
little (additive increase: ``increase`` x the target per second, 2 % by default). A batch
therefore settles just under the account's limit instead of hammering it.
"""

from __future__ import annotations

import asyncio
import threading
import time
import weakref
from collections.abc import Callable
from typing import Any

import httpx

from .._retries import MAX_RETRY_AFTER, parse_retry_after

__all__ = ["LimitedTransport", "RateLimiter", "parse_rate", "shared_limiter"]

_POLL = 0.005
"""Seconds between looks at a full concurrency window."""


def parse_rate(text: str) -> float:
    """``10/s``, ``600/min``, ``36000/h`` or a bare number (per second) -> requests per second."""
    value, _, unit = text.strip().partition("/")
    seconds = {"": 1.0, "s": 1.0, "sec": 1.0, "m": 60.0, "min": 60.0, "h": 3600.0}.get(
        unit.strip().lower()
    )
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if seconds is None or not number > 0:
        raise ValueError(f"a rate is like 10/s, 600/min or 36000/h, got {text!r}")
    return number / seconds


class RateLimiter:
    """Paces and bounds requests; learns from 429 answers (thread-safe, asyncio-friendly)."""

    def __init__(
        self,
        rate: float | None = None,
        *,
        concurrency: int = 16,
        decrease: float = 0.85,
        increase: float = 0.02,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if rate is not None and rate <= 0:
            raise ValueError("rate must be > 0")
        if concurrency < 1:
            raise ValueError("concurrency must be >= 1")
        self.target_rate = rate
        self.rate = rate
        """Current pace (requests per second); ``None`` without a target."""
        self.max_concurrency = concurrency
        self.concurrency = float(concurrency)
        self._decrease = decrease
        self._increase = increase
        self._clock = clock
        self._lock = threading.Lock()
        self._next_slot = 0.0
        self._blocked_until = 0.0
        self._cooldown_until = 0.0
        self.in_flight = 0
        self.sent = 0
        self.rate_limited = 0

    def configure(self, rate: float | None, concurrency: int) -> None:
        """Set a new target (the shared limiter of a process is configured by each batch)."""
        with self._lock:
            self.target_rate = self.rate = rate
            self.max_concurrency = concurrency
            self.concurrency = float(concurrency)

    # -- slots ----------------------------------------------------------------------------

    def try_acquire(self) -> float:
        """Take a slot and return 0, or return how long to wait before asking again."""
        now = self._clock()
        with self._lock:
            if now < self._blocked_until:
                return self._blocked_until - now
            if self.in_flight >= max(1, int(self.concurrency)):
                return _POLL
            if self.rate is not None:
                if now < self._next_slot:
                    return self._next_slot - now
                self._next_slot = max(self._next_slot, now - 1.0 / self.rate) + 1.0 / self.rate
            self.in_flight += 1
            self.sent += 1
            return 0.0

    async def acquire(self) -> None:
        while (wait := self.try_acquire()) > 0:
            await asyncio.sleep(wait)

    def acquire_blocking(self) -> None:
        while (wait := self.try_acquire()) > 0:
            time.sleep(wait)

    def release(self, status_code: int | None, headers: Any = None) -> None:
        """Give the slot back with the answer's status (``None``: no answer)."""
        now = self._clock()
        with self._lock:
            self.in_flight = max(0, self.in_flight - 1)
            if status_code == 429:
                self._on_rate_limited(now, headers)
            elif status_code is not None and status_code < 500:
                self._on_success(now)

    def _on_rate_limited(self, now: float, headers: Any) -> None:
        self.rate_limited += 1
        retry_after = parse_retry_after(headers) if headers is not None else None
        pause = min(retry_after if retry_after is not None else 1.0, MAX_RETRY_AFTER)
        self._blocked_until = max(self._blocked_until, now + pause)
        if now < self._cooldown_until:
            return  # the answers of requests sent before the last decrease
        self._cooldown_until = now + max(pause, 1.0)
        self.concurrency = max(1.0, self.concurrency * 0.5)
        if self.rate is not None:  # without a target only the concurrency window adapts
            floor = 0.02 * (self.target_rate or self.rate)
            self.rate = max(floor, self.rate * self._decrease)

    def _on_success(self, now: float) -> None:
        self.concurrency = min(
            float(self.max_concurrency), self.concurrency + 1.0 / self.concurrency
        )
        if self.rate is not None:  # + increase x (target or current rate) per second
            ceiling = self.target_rate if self.target_rate is not None else float("inf")
            scale = self.target_rate if self.target_rate is not None else self.rate
            self.rate = min(ceiling, self.rate + self._increase * scale / max(self.rate, 1e-3))

    def snapshot(self) -> dict[str, Any]:
        with self._lock:
            return {
                "rate": self.rate,
                "target_rate": self.target_rate,
                "concurrency": self.concurrency,
                "in_flight": self.in_flight,
                "sent": self.sent,
                "rate_limited": self.rate_limited,
            }


_SHARED: RateLimiter | None = None
_SHARED_LOCK = threading.Lock()


def shared_limiter() -> RateLimiter:
    """The process's limiter (every batch of a process shares one account limit)."""
    global _SHARED
    with _SHARED_LOCK:
        if _SHARED is None:
            _SHARED = RateLimiter()
        return _SHARED


class LimitedTransport(httpx.AsyncBaseTransport, httpx.BaseTransport):
    """An ``httpx`` transport (sync or async) whose every request passes through a limiter."""

    def __init__(self, inner: Any, limiter: RateLimiter) -> None:
        self.inner = inner
        self.limiter = limiter

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await self.limiter.acquire()
        try:
            response: httpx.Response = await self.inner.handle_async_request(request)
        except BaseException:
            self.limiter.release(None)
            raise
        self.limiter.release(response.status_code, response.headers)
        return response

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.limiter.acquire_blocking()
        try:
            response: httpx.Response = self.inner.handle_request(request)
        except BaseException:
            self.limiter.release(None)
            raise
        self.limiter.release(response.status_code, response.headers)
        return response

    async def aclose(self) -> None:
        close = getattr(self.inner, "aclose", None)
        if close is not None:
            await close()

    def close(self) -> None:
        close = getattr(self.inner, "close", None)
        if close is not None:
            close()


_ATTACHED: weakref.WeakKeyDictionary[object, RateLimiter] = weakref.WeakKeyDictionary()


def attach_limiter(client: object, limiter: RateLimiter) -> None:
    """Remember that ``client``'s attempts pass ``limiter`` (what :func:`batch_client` made)."""
    _ATTACHED[client] = limiter


def attached_limiter(client: object) -> RateLimiter | None:
    """The limiter :func:`attach_limiter` gave ``client``, if any (a report counts its 429s)."""
    return _ATTACHED.get(client)
