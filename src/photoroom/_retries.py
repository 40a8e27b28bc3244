"""When to retry and how long to wait: pure functions, shared by the sync and async clients.

Exponential backoff with *full jitter* (a uniform wait in ``[0, min(cap, base * 2**retry)]``)
spreads the retries of many concurrent clients instead of synchronising them, which matters
for batch jobs that hit a rate limit together. A ``Retry-After`` from the server wins over the
computed wait; one longer than :data:`MAX_RETRY_AFTER` is not waited for at all (the error is
raised, carrying ``retry_after``), so a client is never parked for an hour. ``x-should-retry:
true|false`` from the server is obeyed.

Money: a transport failure is retried only when the API cannot have done (and billed) the
work, see :func:`transport_failure_is_safe`.
"""

from __future__ import annotations

import email.utils
import random
import time
from collections.abc import Mapping

import httpx

DEFAULT_MAX_RETRIES = 2
INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0
MAX_RETRY_AFTER = 60.0

# 408 timeout, 409 lock conflict, 429 rate limit: transient by definition. 5xx: server side.
# 400/401/402/403/404/422 are never retried: the same request would fail the same way.
RETRYABLE_STATUS_CODES = frozenset({408, 409, 429})

#: Failures that happen before the whole request reached the server: it cannot have processed
#: (nor billed) it, so they are always safe to retry.
NOT_SENT_ERRORS: tuple[type[httpx.TransportError], ...] = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
    httpx.WriteError,
    httpx.WriteTimeout,
    httpx.UnsupportedProtocol,
    httpx.ProxyError,
)


def is_retryable_status(status_code: int) -> bool:
    """Whether an answer with this status may succeed if sent again."""
    return status_code in RETRYABLE_STATUS_CODES or status_code >= 500


def should_retry_header(headers: Mapping[str, str]) -> bool | None:
    """The server's ``x-should-retry`` (``true``/``false``), or None when absent."""
    value = str(headers.get("x-should-retry", "")).strip().lower()
    return {"true": True, "false": False}.get(value)


def status_retry_reason(status_code: int, headers: Mapping[str, str]) -> tuple[bool, str]:
    """Whether to retry an error answer, and why (for the debug log)."""
    retry_after = parse_retry_after(headers)
    if retry_after is not None and retry_after > MAX_RETRY_AFTER:
        return False, f"Retry-After {retry_after:.0f}s exceeds the {MAX_RETRY_AFTER:.0f}s cap"
    header = should_retry_header(headers)
    if header is not None:
        return header, f"x-should-retry: {str(header).lower()}"
    if is_retryable_status(status_code):
        return True, f"status {status_code} is transient"
    return False, f"status {status_code} would fail the same way again"


def transport_failure_is_safe(exc: httpx.TransportError) -> bool:
    """Whether the failure happened before the server had the whole request (safe to resend)."""
    return isinstance(exc, NOT_SENT_ERRORS)


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
