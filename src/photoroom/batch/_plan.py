"""Planning, shared by folder batches and manifests: what a batch calls, how it checks the
options before anything is sent, and how an output is named.

The engine (:mod:`._engine`) needs of a client only what :class:`ImageClient` says: awaitable
``edit`` and ``remove_background``. :class:`ThreadedClient` gives a blocking client that shape
(each call in a worker thread of the batch's pool), so one engine serves both clients.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import dataclasses
import functools
from collections.abc import Awaitable, Callable, Coroutine, Mapping
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any, Final, Protocol, TypeVar

from ._manifest import Operation, Row, input_kind

if TYPE_CHECKING:
    from .._results import ImageResult

__all__ = [
    "ImageClient",
    "Plan",
    "SyncImageClient",
    "ThreadedClient",
    "check_options",
    "predicted_extension",
    "stem_of",
]

PLACEHOLDER_UPLOAD: Final = b"\x89PNG\r\n\x1a\n"
"""A placeholder upload (PNG signature): validates the options of an upload without reading
any input."""
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


def predicted_extension(operation: Operation, options: Mapping[str, Any]) -> str:
    """The extension of the answer ``options`` ask for (``.png``, ``.jpg``, ``.webp``)."""
    from .._inputs import extension_for
    from .._options import predicted_media_type
    from .._spec import EDIT_BY_UPLOAD, REMOVE_BACKGROUND

    op_id = EDIT_BY_UPLOAD if operation == "edit" else REMOVE_BACKGROUND
    return extension_for(predicted_media_type(op_id, options))


def check_options(operation: Operation, source: object, options: Mapping[str, Any]) -> None:
    """Raise on an option the call would refuse, before any request or file read.

    ``source`` decides between the URL and the upload variant of ``edit``; an upload is
    checked with a placeholder, so no input is read.
    """
    from .._config import CallOptions
    from .._inputs import is_url
    from .._options import build_edit, build_remove_background

    _, own = CallOptions.split(options)
    if operation == "edit":
        build_edit(source if is_url(source) else PLACEHOLDER_UPLOAD, own)
    else:
        build_remove_background(own)


def stem_of(source: str) -> str:
    """A manifest input's file stem (``s3://b/shoes/red.jpg`` -> ``red``)."""
    from urllib.parse import unquote, urlsplit

    path = urlsplit(source).path if "://" in source else source
    return PurePosixPath(unquote(path).replace("\\", "/")).stem or "image"


@dataclasses.dataclass
class Plan:
    """One unit of work, whichever front end planned it (a manifest row, a folder's file)."""

    row: Row
    key: str
    options: dict[str, Any]
    name: str
    """The output's name in the store, with the extension the options predict."""
    named: bool
    """The manifest gave the output name (else: the input's stem and the answer's extension)."""
    source: Any = None
    """What the client receives (folder batches: the caller's own input object; manifests: the
    input, or its bytes when the client cannot read its URL)."""


def is_fsspec(source: str) -> bool:
    return input_kind(source) == "fsspec"


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
