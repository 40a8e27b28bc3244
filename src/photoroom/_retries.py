"""When to retry and how long to wait: pure functions, shared by the sync and async clients.

Exponential backoff with *full jitter* (a uniform wait in ``[0, min(cap, base * 2**retry)]``)
spreads the retries of many concurrent clients instead of synchronising them, which matters
for batch jobs that hit a rate limit together. A ``Retry-After`` from the server wins over the
computed wait, capped so that a misbehaving proxy cannot park the client for an hour.
"""

from __future__ import annotations

import email.utils
import random
import time
from collections.abc import Mapping

DEFAULT_MAX_RETRIES = 2
INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0
MAX_RETRY_AFTER = 60.0

# 408 timeout, 409 lock conflict, 429 rate limit: transient by definition. 5xx: server side.
# 400/401/402/403/404 are never retried: the same request would fail the same way.
RETRYABLE_STATUS_CODES = frozenset({408, 409, 429})


def is_retryable_status(status_code: int) -> bool:
    """Whether an answer with this status may succeed if sent again."""
    return status_code in RETRYABLE_STATUS_CODES or status_code >= 500


def parse_retry_after(headers: Mapping[str, str], *, now: float | None = None) -> float | None:
    """Seconds to wait from ``Retry-After`` (seconds or an HTTP date) or ``retry-after-ms``.

    Returns ``None`` when absent or unreadable; never negative.
    """
    lowered = {k.lower(): v for k, v in headers.items()}
    raw_ms = lowered.get("retry-after-ms")
    if raw_ms is not None:
        try:
            return max(0.0, float(raw_ms) / 1000.0)
        except ValueError:
            pass
    raw = lowered.get("retry-after")
    if raw is None:
        return None
    raw = raw.strip()
    try:
        return max(0.0, float(raw))
    except ValueError:
        pass
    try:
        moment = email.utils.parsedate_to_datetime(raw)
    except (TypeError, ValueError, IndexError):
        return None
    current = time.time() if now is None else now
    return max(0.0, moment.timestamp() - current)


def backoff_delay(retry: int, rng: random.Random | None = None) -> float:
    """Full-jitter exponential backoff before retry number ``retry`` (0-based)."""
    ceiling = min(MAX_RETRY_DELAY, INITIAL_RETRY_DELAY * (2**retry))
    return (rng or random).uniform(0.0, ceiling)


def retry_delay(
    retry: int, headers: Mapping[str, str] | None = None, rng: random.Random | None = None
) -> float:
    """The wait before retry number ``retry``: ``Retry-After`` (capped) if given, else backoff."""
    if headers is not None:
        retry_after = parse_retry_after(headers)
        if retry_after is not None:
            return min(retry_after, MAX_RETRY_AFTER)
    return backoff_delay(retry, rng)
