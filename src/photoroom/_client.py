"""The two public clients: :class:`Photoroom` (blocking) and :class:`AsyncPhotoroom` (asyncio).

Each holds one pooled ``httpx`` client for its lifetime (use it as a context manager, or call
``close()``). Their operations (``edit``, ``remove_background``, ``account``, ``account_v1``)
are declared once in :mod:`photoroom._operations` and sent by :mod:`photoroom._core`;
``client.with_raw_response.<method>(...)`` returns the ``httpx`` answer with ``parse()``,
``client.with_streaming_response.<method>(...)`` is a context manager around the unread answer.
Batches run on the engine of :mod:`photoroom.batch`.

The asyncio client keeps its event loop free: input preparation (file reads, PIL encoding,
joining the multipart body) and disk writes run in a worker thread (``asyncio.to_thread``).
"""

from __future__ import annotations

import os
import time
from collections.abc import Awaitable, Callable, Iterable, Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self, Unpack

import httpx

from ._config import DEFAULT_CONNECTION_LIMITS, NOT_GIVEN, NotGiven
from ._core import AsyncCore, AsyncRawView, AsyncStreamView, SyncCore, SyncRawView, SyncStreamView
from ._operations import Operations
from ._retries import DEFAULT_MAX_RETRIES

# Results and the batch engine load on first use: ``import photoroom`` stays close to
# ``import httpx`` (see photoroom/__init__.py).
if TYPE_CHECKING:
    from ._generated.options import HeaderOptions
    from ._operations import EditCallOptions, RemoveBackgroundCallOptions
    from .batch import ManifestReport, RateLimiter, RowOutcome
    from .batch._folder import BatchItem, BatchReport
    from .batch._manifest import Operation


__all__ = ["AsyncPhotoroom", "Photoroom"]

BatchInput = str | os.PathLike[str]


async def _asyncio_sleep(seconds: float) -> None:
    import asyncio

    await asyncio.sleep(seconds)


class PhotoroomWithRawResponse(Operations, SyncRawView):
    """``client.with_raw_response``: each method returns an :class:`APIResponse`."""


class PhotoroomWithStreamingResponse(Operations, SyncStreamView):
    """``client.with_streaming_response``: each method is a context manager around a
    :class:`StreamedResponse` whose body is read as you iterate it."""


class AsyncPhotoroomWithRawResponse(Operations, AsyncRawView):
    """``client.with_raw_response`` of :class:`AsyncPhotoroom`."""


class AsyncPhotoroomWithStreamingResponse(Operations, AsyncStreamView):
    """``client.with_streaming_response`` of :class:`AsyncPhotoroom` (``async with``)."""


class Photoroom(Operations, SyncCore):
    """Blocking client for the Photoroom API.

    >>> client = Photoroom()  # key from PHOTOROOM_API_KEY
    >>> client.remove_background("shoe.jpg").save("out/shoe")

    Args:
        api_key: Defaults to the ``PHOTOROOM_API_KEY`` environment variable.
        base_url: Host of ``/v2/edit`` and ``/v*/account`` (and of ``/v1/segment`` unless
            ``segment_base_url`` is given). Defaults to ``PHOTOROOM_BASE_URL``, then
            ``https://image-api.photoroom.com``.
        segment_base_url: Host of ``/v1/segment``. Defaults to ``PHOTOROOM_SEGMENT_BASE_URL``,
            then ``https://sdk.photoroom.com``.
        timeout: Seconds per attempt (or an ``httpx.Timeout``; ``None`` waits forever).
            Default :data:`DEFAULT_TIMEOUT` (connect 10 s, read 120 s), or the timeout of
            ``http_client`` when one is passed.
        max_retries: Retries after connection errors, 408/409/429 and 5xx. A billed call whose
            request was sent in full is not retried after a timeout or a cut connection (it
            may have been charged) unless ``retry_billed=True``.
        http_client: Your own ``httpx.Client`` (proxies, transports; :class:`DefaultHttpxClient`
            has this library's pool limits); you keep closing it.
        default_headers: Sent with every request.
        retry_billed: Also retry billed calls that may have been charged (see ``max_retries``).
        sleep: How to wait between retries (``time.sleep``); injectable for tests.

    Every operation also takes ``timeout=``, ``max_retries=``, ``extra_headers=``,
    ``extra_query=`` and ``extra_body=`` for that call alone.
    """

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str | None = None,
        segment_base_url: str | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.Client | None = None,
        default_headers: Mapping[str, str] | None = None,
        retry_billed: bool = False,
        sleep: Callable[[float], None] | None = None,
        **header_options: Unpack[HeaderOptions],
    ) -> None:
        super().__init__(
            api_key,
            base_url=base_url,
            segment_base_url=segment_base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            retry_billed=retry_billed,
            http_client=http_client,
            header_options=header_options,
        )
        self._owns_http = http_client is None
        self._http = http_client or httpx.Client(
            timeout=self.timeout, limits=DEFAULT_CONNECTION_LIMITS
        )
        self._sleep = sleep or time.sleep

    @property
    def with_raw_response(self) -> PhotoroomWithRawResponse:
        """The same methods, returning the ``httpx`` answer (``.parse()`` gives the result)."""
        return PhotoroomWithRawResponse(self)

    @property
    def with_streaming_response(self) -> PhotoroomWithStreamingResponse:
        """The same methods as context managers around the unread answer (``iter_bytes()``)."""
        return PhotoroomWithStreamingResponse(self)

    def close(self) -> None:
        """Close the connection pool (unless it was passed in as ``http_client``)."""
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- batches: the engine of photoroom.batch, rows done by a pool of threads --------------

    def batch_edit(
        self,
        inputs: Iterable[BatchInput],
        output_dir: str | os.PathLike[str],
        *,
        concurrency: int = 8,
        overwrite: bool = False,
        progress: bool | None = None,
        on_item: Callable[[BatchItem], None] | None = None,
        **options: Unpack[EditCallOptions],
    ) -> BatchReport:
        """``edit()`` every input into ``output_dir`` (see :meth:`AsyncPhotoroom.batch_edit`)."""
        return self._folder(
            "edit", inputs, output_dir, options, concurrency, overwrite, progress, on_item
        )

    def batch_remove_background(
        self,
        inputs: Iterable[BatchInput],
        output_dir: str | os.PathLike[str],
        *,
        concurrency: int = 8,
        overwrite: bool = False,
        progress: bool | None = None,
        on_item: Callable[[BatchItem], None] | None = None,
        **options: Unpack[RemoveBackgroundCallOptions],
    ) -> BatchReport:
        """``remove_background()`` every input into ``output_dir``."""
        return self._folder(
            "remove-bg", inputs, output_dir, options, concurrency, overwrite, progress, on_item
        )

    def _folder(
        self,
        operation: Operation,
        inputs: Iterable[BatchInput],
        output_dir: str | os.PathLike[str],
        options: Mapping[str, Any],
        concurrency: int,
        overwrite: bool,
        progress: bool | None,
        on_item: Callable[[BatchItem], None] | None,
    ) -> BatchReport:
        from .batch._folder import run_folder_blocking

        return run_folder_blocking(
            self,
            operation,
            inputs,
            output_dir,
            options,
            concurrency=concurrency,
            overwrite=overwrite,
            progress=progress,
            on_item=on_item,
        )

    def run_manifest(
        self,
        manifest: str | os.PathLike[str],
        output: str | os.PathLike[str],
        *,
        operation: Operation = "edit",
        options: Mapping[str, Any] | None = None,
        shard: tuple[int, int] = (0, 1),
        ledger: str | os.PathLike[str] | None = None,
        retry_failed: bool = False,
        concurrency: int = 16,
        progress: bool | None = False,
        on_item: Callable[[RowOutcome], None] | None = None,
        storage_options: Mapping[str, Any] | None = None,
        limiter: RateLimiter | None = None,
    ) -> ManifestReport:
        """Run a catalogue manifest (see :func:`photoroom.batch.run_manifest`), ``concurrency``
        rows at a time, each call in a worker thread of this client.

        Pace: the client's own transport (pass ``http_client=`` with a
        :class:`~photoroom.batch.LimitedTransport`, and its ``limiter`` here to count its 429s).
        """
        from .batch._clients import run_with_threads
        from .batch._engine import run_manifest

        if concurrency < 1:
            raise ValueError("concurrency must be >= 1")
        return run_with_threads(
            self,
            concurrency,
            lambda client: run_manifest(
                client,
                manifest,
                output,
                operation=operation,
                options=options,
                shard=shard,
                ledger=ledger,
                retry_failed=retry_failed,
                concurrency=concurrency,
                progress=progress,
                on_item=on_item,
                storage_options=storage_options,
                limiter=limiter,
            ),
        )


class AsyncPhotoroom(Operations, AsyncCore):
    """asyncio client for the Photoroom API; same methods as :class:`Photoroom`, awaited.

    >>> async with AsyncPhotoroom() as client:
    ...     result = await client.edit("shoe.jpg", shadow="ai.soft")

    Reading files, encoding PIL images, joining upload bodies and writing ``save_to=`` files
    happen in a worker thread, so other tasks of the event loop keep running meanwhile.
    """

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str | None = None,
        segment_base_url: str | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.AsyncClient | None = None,
        default_headers: Mapping[str, str] | None = None,
        retry_billed: bool = False,
        sleep: Callable[[float], Awaitable[None]] | None = None,
        **header_options: Unpack[HeaderOptions],
    ) -> None:
        super().__init__(
            api_key,
            base_url=base_url,
            segment_base_url=segment_base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            retry_billed=retry_billed,
            http_client=http_client,
            header_options=header_options,
        )
        self._owns_http = http_client is None
        self._http = http_client or httpx.AsyncClient(
            timeout=self.timeout, limits=DEFAULT_CONNECTION_LIMITS
        )
        self._sleep = sleep or _asyncio_sleep

    @property
    def with_raw_response(self) -> AsyncPhotoroomWithRawResponse:
        """The same methods, returning the ``httpx`` answer (``.parse()`` gives the result)."""
        return AsyncPhotoroomWithRawResponse(self)

    @property
    def with_streaming_response(self) -> AsyncPhotoroomWithStreamingResponse:
        """The same methods as async context managers around the unread answer."""
        return AsyncPhotoroomWithStreamingResponse(self)

    async def close(self) -> None:
        """Close the connection pool (unless it was passed in as ``http_client``)."""
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    async def batch_edit(
        self,
        inputs: Iterable[BatchInput],
        output_dir: str | os.PathLike[str],
        *,
        concurrency: int = 8,
        overwrite: bool = False,
        progress: bool | None = None,
        on_item: Callable[[BatchItem], None] | None = None,
        **options: Unpack[EditCallOptions],
    ) -> BatchReport:
        """``edit()`` every input (paths or URLs) into ``output_dir``, ``concurrency`` at a time.

        Outputs are named after the inputs with the extension of the result
        (``photos/shoe.jpg`` -> ``output_dir/shoe.png``), written atomically as each result
        arrives, and skipped when they already exist unless ``overwrite`` (so a re-run resumes).
        Failures are recorded in the returned :class:`BatchReport`, never raised; an invalid
        option raises before anything is sent. ``progress`` draws a bar on stderr (default:
        when stderr is a terminal); ``on_item`` is called with each finished item.
        """
        from .batch._folder import run_folder

        return await run_folder(
            self,
            "edit",
            inputs,
            output_dir,
            options,
            concurrency=concurrency,
            overwrite=overwrite,
            progress=progress,
            on_item=on_item,
        )

    async def batch_remove_background(
        self,
        inputs: Iterable[BatchInput],
        output_dir: str | os.PathLike[str],
        *,
        concurrency: int = 8,
        overwrite: bool = False,
        progress: bool | None = None,
        on_item: Callable[[BatchItem], None] | None = None,
        **options: Unpack[RemoveBackgroundCallOptions],
    ) -> BatchReport:
        """``remove_background()`` every input into ``output_dir``; see :meth:`batch_edit`."""
        from .batch._folder import run_folder

        return await run_folder(
            self,
            "remove-bg",
            inputs,
            output_dir,
            options,
            concurrency=concurrency,
            overwrite=overwrite,
            progress=progress,
            on_item=on_item,
        )
