"""Work the async client hands to a worker thread; disk writes a cancelled task waits for.

``asyncio.to_thread`` cannot stop its thread: cancelling the awaiting task returns at once while
the write goes on, so a batch that says it stopped can still be renaming a file into place (or
its ledger lags what the store holds). :func:`write_in_thread` lets a started write finish (or
fail) before the cancellation goes on.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


async def to_thread(function: Callable[..., T], /, *args: Any) -> T:
    """``asyncio.to_thread`` (asyncio loads with the first async call, not with the package)."""
    import asyncio

    return await asyncio.to_thread(function, *args)


async def write_in_thread(function: Callable[..., T], /, *args: Any) -> T:
    """``function(*args)`` in a worker thread; a cancel waits for it, then is passed on."""
    import asyncio  # loads with the first async call, not with the package

    future = asyncio.ensure_future(asyncio.to_thread(function, *args))
    try:
        return await asyncio.shield(future)
    except asyncio.CancelledError:
        await asyncio.wait([future])  # the write completes or fails; a second cancel still wins
        raise
