"""pytest fixtures for testing Photoroom clients against the emulator (loaded via ``pytest11``).

- ``photoroom_emulator``: a session-wide live server; ``.url`` is its base URL.
- ``photoroom_emulator_app``: a fresh ASGI app per test (fresh balances and rate limits).
- ``photoroom_emulator_transport``: an ``httpx`` sync transport over that app.

Settings come from the ``PHOTOROOM_EMULATOR_*`` environment. This module imports nothing heavy at
import time and never fails to load: without the emulator extras, using a fixture skips the test
with the install hint.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

INSTALL_HINT = "the Photoroom emulator needs its extras: pip install 'photoroom-client[emulator]'"


def _require_emulator() -> Any:
    try:
        import photoroom_emulator.app  # noqa: F401
        import photoroom_emulator.transports as transports
    except ImportError as exc:  # pragma: no cover - depends on the environment
        pytest.skip(f"{INSTALL_HINT} ({exc})")
    return transports


@pytest.fixture(scope="session")
def photoroom_emulator() -> Iterator[Any]:
    """A live emulator (uvicorn in a thread) for the whole session; use ``.url``."""
    transports = _require_emulator()
    with transports.run_in_thread() as server:
        yield server


@pytest.fixture
def photoroom_emulator_app() -> Any:
    """A new emulator ASGI app for one test."""
    _require_emulator()
    from photoroom_emulator.app import create_app

    return create_app()


@pytest.fixture
def photoroom_emulator_transport(photoroom_emulator_app: Any) -> Iterator[Any]:
    """A sync ``httpx`` transport over :func:`photoroom_emulator_app`."""
    transports = _require_emulator()
    transport = transports.EmulatorTransport(photoroom_emulator_app)
    yield transport
    transport.close()
