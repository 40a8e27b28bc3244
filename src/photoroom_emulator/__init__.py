"""Offline emulator of the Photoroom API, served from the project's overlaid OpenAPI document.

Public API (imported lazily, so ``import photoroom_emulator`` and the pytest plugin stay cheap and
work even without the emulator extras installed)::

    from photoroom_emulator import create_app, EmulatorConfig, run_in_thread
    from photoroom_emulator import EmulatorTransport, AsyncEmulatorTransport

    client = httpx.Client(base_url="https://image-api.photoroom.com",
                          transport=EmulatorTransport(config=EmulatorConfig()))
    with run_in_thread() as server:
        httpx.get(server.url + "/v2/account", headers={"x-api-key": "any"})
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .app import create_app
    from .config import EmulatorConfig
    from .errors import ConnectionDropped
    from .transports import (
        AsyncEmulatorTransport,
        EmulatorTransport,
        RunningEmulator,
        run_in_thread,
    )

__all__ = [
    "AsyncEmulatorTransport",
    "ConnectionDropped",
    "EmulatorConfig",
    "EmulatorTransport",
    "RunningEmulator",
    "create_app",
    "run_in_thread",
]

_HOMES = {
    "create_app": ".app",
    "EmulatorConfig": ".config",
    "ConnectionDropped": ".errors",
    "AsyncEmulatorTransport": ".transports",
    "EmulatorTransport": ".transports",
    "RunningEmulator": ".transports",
    "run_in_thread": ".transports",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(home, __name__), name)
