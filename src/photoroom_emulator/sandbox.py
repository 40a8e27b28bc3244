"""The free allowance of ``sandbox_`` keys: so many image calls per UTC day and per month.

The docs ("Sandbox mode") give the caps, 100 calls a day and 1 000 a month, but not how the API
answers the call past them. The emulator answers what the spec declares for "too many requests"
on every operation: a 429 with ``Retry-After`` (the seconds until the cap resets), in the host's
error shape. The wording is the emulator's own; ``photoroom-emulator parity`` records what the
real API says once a sandbox key has reached a cap. Calls that fail give their call back, as
failed calls consume nothing (Pricing: "Calls that result in an error will not consume an image").
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from .config import SandboxCaps
from .errors import ApiError

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Allowance:
    """What one account's sandbox key may still call, for ``/v2/account``."""

    daily_left: int
    monthly_left: int
    monthly_cap: int

    @property
    def calls_left(self) -> int:
        """Calls possible right now: the tighter of the two caps."""
        return min(self.daily_left, self.monthly_left)


class SandboxAllowance:
    """Thread-safe counters of sandbox image calls per account, per UTC day and calendar month."""

    def __init__(self, caps: SandboxCaps, clock: Clock = utc_now) -> None:
        self._caps = caps
        self._clock = clock
        self._lock = threading.Lock()
        # account -> (day, calls that day, month, calls that month)
        self._used: dict[str, tuple[str, int, str, int]] = {}

    def take(self, account: str) -> None:
        """Count one call of ``account``'s sandbox key; a 429 when a cap is reached."""
        now = self._clock()
        with self._lock:
            day, daily, month, monthly = self._current(account, now)
            if monthly >= self._caps.monthly:
                raise _cap_reached("month", self._caps.monthly, _next_month(now) - now)
            if daily >= self._caps.daily:
                raise _cap_reached("day", self._caps.daily, _next_day(now) - now)
            self._used[account] = (day, daily + 1, month, monthly + 1)

    def give_back(self, account: str) -> None:
        """Return the call of a request that failed after :meth:`take`."""
        now = self._clock()
        with self._lock:
            day, daily, month, monthly = self._current(account, now)
            self._used[account] = (day, max(daily - 1, 0), month, max(monthly - 1, 0))

    def left(self, account: str) -> Allowance:
        with self._lock:
            _, daily, _, monthly = self._current(account, self._clock())
        return Allowance(
            daily_left=max(self._caps.daily - daily, 0),
            monthly_left=max(self._caps.monthly - monthly, 0),
            monthly_cap=self._caps.monthly,
        )

    def _current(self, account: str, now: datetime) -> tuple[str, int, str, int]:
        """The account's counters, restarted when the day or the month has turned."""
        day, month = now.strftime("%Y-%m-%d"), now.strftime("%Y-%m")
        used_day, daily, used_month, monthly = self._used.get(account, (day, 0, month, 0))
        if used_month != month:
            return day, 0, month, 0
        if used_day != day:
            return day, 0, month, monthly
        return day, daily, month, monthly


def _cap_reached(period: str, cap: int, wait: timedelta) -> ApiError:
    seconds = max(1, int(wait.total_seconds()) + (wait.microseconds > 0))
    return ApiError(
        429,
        f"Sandbox limit reached: sandbox mode allows {cap} calls per {period}. Retry after "
        f"{seconds} s, or call without the sandbox_ prefix (billed).",
        type="rate_limited",
        headers={"Retry-After": str(seconds)},
    )


def _next_day(now: datetime) -> datetime:
    return (now + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)


def _next_month(now: datetime) -> datetime:
    first = now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    return (first + timedelta(days=32)).replace(day=1)
