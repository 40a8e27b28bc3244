"""What the engine needs of a client, and how a blocking client gives it.

The engine (:mod:`._engine`) needs of a client only what :class:`ImageClient` says: awaitable
``edit`` and ``remove_background``. :class:`ThreadedClient` gives a blocking client that shape
(each call, or each whole row, in a worker thread of the batch's pool), so one engine serves
both clients without knowing either.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import functools
from collections.abc import Awaitable, Callable, Coroutine
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from ._manifest import Operation

if TYPE_CHECKING:
    from .._results import ImageResult

__all__ = [
    "ImageClient",
    "SyncImageClient",
    "ThreadedClient",
    "operation_method",
    "run_sync",
    "run_with_threads",
]

T = TypeVar("T")


class ImageClient(Protocol):
    """What the engine needs of a client: the two image operations, awaitable."""

    @property
    def edit(self) -> Callable[..., Awaitable[ImageResult]]: ...

    @property
    def remove_background(self) -> Callable[..., Awaitable[ImageResult]]: ...


class SyncImageClient(Protocol):
    """A blocking client (:class:`~photoroom.Photoroom`), run by :class:`ThreadedClient`."""

    @property
    def edit(self) -> Callable[..., ImageResult]: ...

    @property
    def remove_background(self) -> Callable[..., ImageResult]: ...


class ThreadedClient:
    """A blocking client as an :class:`ImageClient`: each call runs in a thread of ``pool``.

    ``run`` also hands a whole row (skip check, call, write) to one thread: a blocking client
    then pays one thread hop per row, as a hand-written thread pool does.
    """

    def __init__(self, client: SyncImageClient, pool: concurrent.futures.Executor) -> None:
        self.client = client
        self._pool = pool

    async def run(self, function: Callable[..., T], /, *args: Any) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._pool, functools.partial(function, *args))

    async def edit(self, image: Any, /, **options: Any) -> ImageResult:
        return await self.run(functools.partial(self.client.edit, image, **options))

    async def remove_background(self, image: Any, /, **options: Any) -> ImageResult:
        return await self.run(functools.partial(self.client.remove_background, image, **options))


def operation_method(client: Any, operation: Operation) -> Callable[..., Any]:
    """The client method of ``operation`` (``edit`` or ``remove_background``)."""
    method: Callable[..., Any] = client.edit if operation == "edit" else client.remove_background
    return method


def run_with_threads(
    client: SyncImageClient,
    concurrency: int,
    body: Callable[[ThreadedClient], Coroutine[Any, Any, T]],
) -> T:
    """Run a batch of a blocking client: ``body`` gets it as an :class:`ImageClient` whose calls
    run in a pool of ``concurrency`` threads (the client's own connection pool, and with it the
    caller's transport, proxy or certificates). Measured faster than an asyncio twin on 2 cores:
    the event loop's per-request CPU, not the network, was the bottleneck (benchmarks/batch.py).
    """

    async def main() -> T:
        pool = concurrent.futures.ThreadPoolExecutor(concurrency, thread_name_prefix="photoroom")
        try:
            return await body(ThreadedClient(client, pool))
        finally:
            pool.shutdown(wait=False, cancel_futures=True)

    return run_sync(main())


def run_sync(coroutine: Coroutine[Any, Any, T]) -> T:
    """``asyncio.run``, also from code that already runs an event loop (Jupyter)."""
    import threading

    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    outcome: dict[str, Any] = {}

    def target() -> None:
        try:
            outcome["value"] = asyncio.run(coroutine)
        except BaseException as exc:
            outcome["error"] = exc

    thread = threading.Thread(target=target, name="photoroom-batch")
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]  # type: ignore[no-any-return]
