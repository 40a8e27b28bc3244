"""Injected failures, so clients can test retries, timeouts and broken connections offline.

A request asks for one with the header ``x-emulator-fault: 500|503|429[:seconds]|slow:<ms>|drop``;
the configuration can also roll one at random (``fault_rate`` among ``faults``, seeded). With
``fault_rate`` 0 no random fault ever happens; the header can be turned off with
``fault_header=False``.
"""

from __future__ import annotations

import random
import threading
from dataclasses import dataclass
from typing import Final

import anyio
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from .config import ConfigError, EmulatorConfig, parse_fault_kind
from .errors import UNEXPECTED, ApiError, ConnectionDropped

FAULT_HEADER: Final = "x-emulator-fault"
DEFAULT_RETRY_AFTER: Final = 1


@dataclass(frozen=True)
class Fault:
    """One failure to inject: ``kind`` is 500, 503, 429, slow or drop; ``value`` its argument."""

    kind: str
    value: float | None = None

    @classmethod
    def parse(cls, text: str) -> Fault:
        kind, value = parse_fault_kind(text)
        return cls(kind, value)


class DroppedConnection(Response):
    """Starts a response promising a body, then raises so the connection is cut mid-answer."""

    def __init__(self) -> None:
        super().__init__(b"", status_code=200)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [(b"content-type", b"image/png"), (b"content-length", b"1024")],
            }
        )
        raise ConnectionDropped("connection dropped by the x-emulator-fault 'drop' fault")


class FaultInjector:
    """Chooses the fault of a request (header first, then the seeded dice) and applies it."""

    def __init__(self, config: EmulatorConfig) -> None:
        self._config = config
        self._random_faults = tuple(Fault.parse(text) for text in config.faults)
        self._rng = random.Random(config.seed)
        self._lock = threading.Lock()

    def choose(self, header: str | None) -> Fault | None:
        """The fault for a request carrying ``header`` (None when it should run normally)."""
        if header and self._config.fault_header:
            try:
                return Fault.parse(header)
            except ConfigError as exc:
                raise ApiError(400, f"{FAULT_HEADER}: {exc}") from exc
        if self._config.fault_rate <= 0 or not self._random_faults:
            return None
        with self._lock:
            if self._rng.random() >= self._config.fault_rate:
                return None
            return self._rng.choice(self._random_faults)

    async def apply(self, fault: Fault | None) -> Response | None:
        """Raise the fault's error, sleep for ``slow``, or return the dropping response."""
        if fault is None:
            return None
        if fault.kind == "slow":
            await anyio.sleep((fault.value or 0) / 1000)
            return None
        if fault.kind == "drop":
            return DroppedConnection()
        if fault.kind == "429":
            seconds = DEFAULT_RETRY_AFTER if fault.value is None else int(fault.value)
            raise ApiError(
                429,
                f"Too many requests (injected fault). Retry after {seconds} s.",
                type="rate_limited",
                headers={"Retry-After": str(seconds)},
            )
        if fault.kind == "503":
            raise ApiError(
                503,
                "The service is temporarily unavailable (injected fault). Please retry.",
                type="service_unavailable",
            )
        raise ApiError(500, UNEXPECTED, type="internal_error")
