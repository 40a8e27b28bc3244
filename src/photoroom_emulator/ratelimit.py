"""Per-key token buckets, so clients can exercise their 429 / ``Retry-After`` handling.

The real API does not publish its caps; the emulator's are whatever the configuration says, and
off by default.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable

from .config import RateLimit
from .errors import ApiError


class RateLimiter:
    """``rate`` tokens per second per key, up to ``burst`` saved; one request takes one token."""

    def __init__(self, limit: RateLimit, clock: Callable[[], float] = time.monotonic) -> None:
        self._limit = limit
        self._clock = clock
        self._lock = threading.Lock()
        self._buckets: dict[str, tuple[float, float]] = {}  # key -> (tokens, last refill time)

    def wait_time(self, key: str) -> float:
        """Take a token for ``key`` and return 0, or return the seconds until one is available."""
        now = self._clock()
        with self._lock:
            tokens, last = self._buckets.get(key, (float(self._limit.burst), now))
            tokens = min(float(self._limit.burst), tokens + (now - last) * self._limit.rate)
            if tokens >= 1.0:
                self._buckets[key] = (tokens - 1.0, now)
                return 0.0
            self._buckets[key] = (tokens, now)
            return (1.0 - tokens) / self._limit.rate

    def check(self, key: str) -> None:
        """Raise a 429 with ``Retry-After`` (whole seconds, at least 1) when ``key`` is over."""
        wait = self.wait_time(key)
        if wait > 0:
            retry_after = max(1, math.ceil(wait))
            raise ApiError(
                429,
                f"Too many requests: rate limit of {self._limit.rate:g} requests per second "
                f"exceeded. Retry after {retry_after} s.",
                type="rate_limited",
                headers={"Retry-After": str(retry_after)},
            )
