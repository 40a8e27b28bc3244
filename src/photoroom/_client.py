"""The two public clients: :class:`Photoroom` (blocking) and :class:`AsyncPhotoroom` (asyncio).

Each holds one pooled ``httpx`` client for its lifetime (use it as a context manager, or call
``close()``), and adds only the send/sleep loop to :class:`~photoroom._base_client.BaseClient`.
``client.with_raw_response.<method>(...)`` returns the ``httpx`` answer with ``parse()``;
``client.with_streaming_response.<method>(...)`` is a context manager around the unread answer.

The asyncio client keeps its event loop free: input preparation (file reads, PIL encoding,
joining the multipart body) and disk writes run in a worker thread (``asyncio.to_thread``).
"""

from __future__ import annotations

import contextlib
import functools
import os
import time
from collections.abc import (
    AsyncIterator,
    Awaitable,
    Callable,
    Coroutine,
    Iterable,
    Iterator,
    Mapping,
)
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self, TypeVar, Unpack, cast

import httpx

from ._base_client import (
    DEFAULT_CONNECTION_LIMITS,
    NOT_GIVEN,
    BaseClient,
    Call,
    CallOptions,
    Mode,
    NotGiven,
    RequestOptions,
    Step,
)
from ._inputs import is_url
from ._response import APIResponse, AsyncStreamedResponse, StreamedResponse
from ._retries import DEFAULT_MAX_RETRIES
from ._threads import to_thread, write_in_thread

# Option groups, results and the batch engine load on first use: ``import photoroom`` stays
# close to ``import httpx`` (see photoroom/__init__.py).
if TYPE_CHECKING:
    from ._batch import BatchItem, BatchReport
    from ._inputs import ImageInput
    from ._options import EditOptions, RemoveBackgroundOptions
    from ._results import Account, AccountV1, EditResult, ImageResult, RemoveBackgroundResult

    class EditCallOptions(EditOptions, RequestOptions, total=False):
        """``edit()`` options and the per-call request options."""

    class RemoveBackgroundCallOptions(RemoveBackgroundOptions, RequestOptions, total=False):
        """``remove_background()`` options and the per-call request options."""


__all__ = ["AsyncPhotoroom", "Photoroom"]

T = TypeVar("T")
BatchInput = str | os.PathLike[str]

# A placeholder upload (PNG signature) to validate batch options for the POST variant without
# reading any input file.
_PLACEHOLDER_UPLOAD = b"\x89PNG\r\n\x1a\n"
_UPLOADS = frozenset({"edit-image-upload", "remove-background"})
_WRITE_BLOCK = 1024 * 1024
"""Bytes of a streamed answer the async client gathers before one (threaded) disk write."""


def _edit_extension(options: Mapping[str, Any]) -> str:
    from ._inputs import extension_for
    from ._options import predicted_media_type
    from .spec import EDIT_BY_UPLOAD

    return extension_for(predicted_media_type(EDIT_BY_UPLOAD, options))


def _remove_background_extension(options: Mapping[str, Any]) -> str:
    from ._inputs import extension_for
    from ._options import predicted_media_type
    from .spec import REMOVE_BACKGROUND

    return extension_for(predicted_media_type(REMOVE_BACKGROUND, options))


def _precheck_edit(sources: list[Any], options: Mapping[str, Any]) -> None:
    """Fail the whole batch at once on an invalid option, before any request or file read."""
    from ._options import build_edit

    _, own = CallOptions.split(options)
    sample = next(iter(sources), None)
    build_edit(sample if is_url(sample) else _PLACEHOLDER_UPLOAD, own)


def _precheck_remove_background(options: Mapping[str, Any]) -> None:
    from ._options import build_remove_background

    _, own = CallOptions.split(options)
    build_remove_background(own)


async def _asyncio_sleep(seconds: float) -> None:
    import asyncio

    await asyncio.sleep(seconds)


def _is_success(response: httpx.Response) -> bool:
    return 200 <= response.status_code < 300


class Photoroom(BaseClient[httpx.Client]):
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

    # -- lifecycle ----------------------------------------------------------------------------

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

    # -- the loop -----------------------------------------------------------------------------

    def _loop(self, call: Call[Any], mode: Mode) -> Any:
        retries = 0
        max_retries = self._max_retries(call)
        while True:
            request = self._build_request(call, retries)
            self._log_sending(request, retries, max_retries)
            start = time.monotonic()
            step: Step[Any]
            saved: Path | None = None
            try:
                if mode == "stream":
                    response = self._http.send(request, stream=True)
                    if not _is_success(response):
                        try:
                            response.read()
                        finally:
                            response.close()
                elif mode == "parse" and call.save_to is not None:
                    response, saved = self._send_saving(call, request)
                else:
                    response = self._http.send(request)
            except httpx.RequestError as exc:
                step = self._on_transport_error(
                    call, request, exc, retries, time.monotonic() - start
                )
            else:
                elapsed = time.monotonic() - start
                step = self._on_response(call, request, response, retries, elapsed, saved, mode)
            if step.wait is None:
                return step.result()
            self._sleep(step.wait)
            retries += 1

    def _request(self, call: Call[T]) -> T:
        return cast(T, self._loop(call, "parse"))

    def _request_raw(self, call: Call[T]) -> APIResponse[T]:
        response: httpx.Response = self._loop(call, "raw")
        return APIResponse(response, functools.partial(self._parse, call))

    @contextlib.contextmanager
    def _request_stream(self, call: Call[T]) -> Iterator[StreamedResponse[T]]:
        response: httpx.Response = self._loop(call, "stream")
        try:
            yield StreamedResponse(response, functools.partial(self._parse, call))
        finally:
            response.close()

    def _send_saving(
        self, call: Call[T], request: httpx.Request
    ) -> tuple[httpx.Response, Path | None]:
        """Send; stream a successful image answer to ``call.save_to``, read anything else."""
        from ._results import atomic_file

        response = self._http.send(request, stream=True)
        try:
            target = call.stream_target(response)
            if target is None:
                response.read()
                return response, None
            with atomic_file(target) as handle:  # a dropped connection leaves no partial file
                for chunk in response.iter_bytes():
                    handle.write(chunk)
            return response, target
        finally:
            response.close()

    # -- operations ---------------------------------------------------------------------------

    def remove_background(
        self,
        image: ImageInput,
        *,
        save_to: str | os.PathLike[str] | None = None,
        **options: Unpack[RemoveBackgroundCallOptions],
    ) -> RemoveBackgroundResult:
        """Cut the subject out (``POST /v1/segment``, Basic plan); a transparent PNG by default.

        ``save_to`` streams the image to that file as it arrives (see :meth:`edit`).
        """
        return self._request(self._remove_background_call(image, options, save_to))

    def edit(
        self,
        image: ImageInput | None = None,
        *,
        save_to: str | os.PathLike[str] | None = None,
        **options: Unpack[EditCallOptions],
    ) -> EditResult:
        """Edit an image (``/v2/edit``, Plus plan): background, shadow, lighting, layout, AI edits.

        A URL is fetched by the API (GET); a path, bytes, file or PIL image is uploaded (POST).
        ``image`` may be omitted for generated images (``image_from_prompt=...``). See
        :class:`EditOptions` for every option.

        ``save_to`` streams the answer to that file as it arrives instead of holding it in
        memory (a path without an extension gets the one of the answer's format); the file
        appears complete or not at all, and ``result.path`` says where it is.
        """
        return self._request(self._edit_call(image, options, save_to))

    def account(self, **options: Unpack[RequestOptions]) -> Account:
        """Plan and image balance (``GET /v2/account``)."""
        return self._request(self._account_call(options))

    def account_v1(self, **options: Unpack[RequestOptions]) -> AccountV1:
        """Legacy credit balance (``GET /v1/account``)."""
        return self._request(self._account_v1_call(options))

    # -- batches ------------------------------------------------------------------------------

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
        sources = list(inputs)
        _precheck_edit(sources, options)
        return self._run_batch(
            "edit",
            sources,
            output_dir,
            options,
            _edit_extension(options),
            concurrency,
            overwrite,
            progress,
            on_item,
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
        sources = list(inputs)
        _precheck_remove_background(options)
        extension = _remove_background_extension(options)
        return self._run_batch(
            "remove_background",
            sources,
            output_dir,
            options,
            extension,
            concurrency,
            overwrite,
            progress,
            on_item,
        )

    def _run_batch(
        self,
        operation: str,
        sources: list[Any],
        output_dir: str | os.PathLike[str],
        options: Mapping[str, Any],
        extension: str,
        concurrency: int,
        overwrite: bool,
        progress: bool | None,
        on_item: Callable[[BatchItem], None] | None,
    ) -> BatchReport:
        import asyncio
        import concurrent.futures

        from ._batch import run_batch

        label = "edit" if operation == "edit" else "remove-bg"

        async def with_threads() -> BatchReport:
            # The sync client's own pool (and with it the caller's transport, proxy or
            # certificates), from a thread pool of the batch's size. Measured faster than an
            # asyncio twin on 2 cores: the event loop's per-request CPU, not the network, was
            # the bottleneck (benchmarks/batch.py).
            loop = asyncio.get_running_loop()
            method: Callable[..., ImageResult] = getattr(self, operation)
            pool = concurrent.futures.ThreadPoolExecutor(
                concurrency, thread_name_prefix="photoroom"
            )

            def submit(source: Any) -> Awaitable[ImageResult]:
                return loop.run_in_executor(pool, functools.partial(method, source, **options))

            try:
                return await run_batch(
                    sources,
                    output_dir,
                    submit,
                    extension=extension,
                    concurrency=concurrency,
                    overwrite=overwrite,
                    progress=progress,
                    label=label,
                    on_item=on_item,
                )
            finally:
                pool.shutdown(wait=False, cancel_futures=True)

        return _run(with_threads())


class PhotoroomWithRawResponse:
    """``client.with_raw_response``: each method returns an :class:`APIResponse`."""

    def __init__(self, client: Photoroom) -> None:
        self._client = client

    def remove_background(
        self,
        image: ImageInput,
        *,
        save_to: str | os.PathLike[str] | None = None,
        **options: Unpack[RemoveBackgroundCallOptions],
    ) -> APIResponse[RemoveBackgroundResult]:
        client = self._client
        return client._request_raw(client._remove_background_call(image, options, save_to))

    def edit(
        self,
        image: ImageInput | None = None,
        *,
        save_to: str | os.PathLike[str] | None = None,
        **options: Unpack[EditCallOptions],
    ) -> APIResponse[EditResult]:
        return self._client._request_raw(self._client._edit_call(image, options, save_to))

    def account(self, **options: Unpack[RequestOptions]) -> APIResponse[Account]:
        return self._client._request_raw(self._client._account_call(options))

    def account_v1(self, **options: Unpack[RequestOptions]) -> APIResponse[AccountV1]:
        return self._client._request_raw(self._client._account_v1_call(options))


class PhotoroomWithStreamingResponse:
    """``client.with_streaming_response``: each method is a context manager around a
    :class:`StreamedResponse` whose body is read as you iterate it."""

    def __init__(self, client: Photoroom) -> None:
        self._client = client

    def remove_background(
        self,
        image: ImageInput,
        *,
        save_to: str | os.PathLike[str] | None = None,
        **options: Unpack[RemoveBackgroundCallOptions],
    ) -> contextlib.AbstractContextManager[StreamedResponse[RemoveBackgroundResult]]:
        client = self._client
        return client._request_stream(client._remove_background_call(image, options, save_to))

    def edit(
        self,
        image: ImageInput | None = None,
        *,
        save_to: str | os.PathLike[str] | None = None,
        **options: Unpack[EditCallOptions],
    ) -> contextlib.AbstractContextManager[StreamedResponse[EditResult]]:
        return self._client._request_stream(self._client._edit_call(image, options, save_to))

    def account(
        self, **options: Unpack[RequestOptions]
    ) -> contextlib.AbstractContextManager[StreamedResponse[Account]]:
        return self._client._request_stream(self._client._account_call(options))

    def account_v1(
        self, **options: Unpack[RequestOptions]
    ) -> contextlib.AbstractContextManager[StreamedResponse[AccountV1]]:
        return self._client._request_stream(self._client._account_v1_call(options))


class AsyncPhotoroom(BaseClient[httpx.AsyncClient]):
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

    async def _loop(self, call: Call[Any], mode: Mode) -> Any:
        retries = 0
        max_retries = self._max_retries(call)
        while True:
            if call.operation in _UPLOADS:  # joins the multipart body: a copy of the image
                request = await to_thread(self._build_request, call, retries)
            else:
                request = self._build_request(call, retries)
            self._log_sending(request, retries, max_retries)
            start = time.monotonic()
            step: Step[Any]
            saved: Path | None = None
            try:
                if mode == "stream":
                    response = await self._http.send(request, stream=True)
                    if not _is_success(response):
                        try:
                            await response.aread()
                        finally:
                            await response.aclose()
                elif mode == "parse" and call.save_to is not None:
                    response, saved = await self._send_saving(call, request)
                else:
                    response = await self._http.send(request)
            except httpx.RequestError as exc:
                step = self._on_transport_error(
                    call, request, exc, retries, time.monotonic() - start
                )
            else:
                elapsed = time.monotonic() - start
                if mode == "parse" and saved is None and call.save_to is not None:
                    # on_success writes the file: off the event loop
                    step = await to_thread(
                        self._on_response, call, request, response, retries, elapsed, saved, mode
                    )
                else:
                    step = self._on_response(call, request, response, retries, elapsed, saved, mode)
            if step.wait is None:
                return step.result()
            await self._sleep(step.wait)
            retries += 1

    async def _request(self, call: Call[T]) -> T:
        return cast(T, await self._loop(call, "parse"))

    async def _request_raw(self, call: Call[T]) -> APIResponse[T]:
        response: httpx.Response = await self._loop(call, "raw")
        return APIResponse(response, functools.partial(self._parse, call))

    @contextlib.asynccontextmanager
    async def _request_stream(
        self, build: Callable[[], Call[T]], offload: bool
    ) -> AsyncIterator[AsyncStreamedResponse[T]]:
        call = await to_thread(build) if offload else build()
        response: httpx.Response = await self._loop(call, "stream")
        try:
            yield AsyncStreamedResponse(response, functools.partial(self._parse, call))
        finally:
            await response.aclose()

    async def _send_saving(
        self, call: Call[T], request: httpx.Request
    ) -> tuple[httpx.Response, Path | None]:
        """Send; stream a successful image answer to ``call.save_to``, read anything else.

        Chunks are gathered into blocks of about 1 MB, each written by a worker thread.
        """
        from ._results import atomic_file

        response = await self._http.send(request, stream=True)
        try:
            target = call.stream_target(response)
            if target is None:
                await response.aread()
                return response, None
            with atomic_file(target) as handle:  # a dropped connection leaves no partial file
                block: list[bytes] = []
                size = 0
                async for chunk in response.aiter_bytes():
                    block.append(chunk)
                    size += len(chunk)
                    if size >= _WRITE_BLOCK:
                        await write_in_thread(handle.write, b"".join(block))
                        block, size = [], 0
                if block:
                    await write_in_thread(handle.write, b"".join(block))
            return response, target
        finally:
            await response.aclose()

    async def remove_background(
        self,
        image: ImageInput,
        *,
        save_to: str | os.PathLike[str] | None = None,
        **options: Unpack[RemoveBackgroundCallOptions],
    ) -> RemoveBackgroundResult:
        """Cut the subject out (``POST /v1/segment``); see :meth:`Photoroom.remove_background`."""
        call = await to_thread(self._remove_background_call, image, options, save_to)
        return await self._request(call)

    async def edit(
        self,
        image: ImageInput | None = None,
        *,
        save_to: str | os.PathLike[str] | None = None,
        **options: Unpack[EditCallOptions],
    ) -> EditResult:
        """Edit an image (``/v2/edit``); see :meth:`Photoroom.edit`."""
        call = await to_thread(self._edit_call, image, options, save_to)
        return await self._request(call)

    async def account(self, **options: Unpack[RequestOptions]) -> Account:
        """Plan and image balance (``GET /v2/account``)."""
        return await self._request(self._account_call(options))

    async def account_v1(self, **options: Unpack[RequestOptions]) -> AccountV1:
        """Legacy credit balance (``GET /v1/account``)."""
        return await self._request(self._account_v1_call(options))

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
        from ._batch import run_batch

        sources = list(inputs)
        _precheck_edit(sources, options)
        return await run_batch(
            sources,
            output_dir,
            functools.partial(self.edit, **options),
            extension=_edit_extension(options),
            concurrency=concurrency,
            overwrite=overwrite,
            progress=progress,
            label="edit",
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
        from ._batch import run_batch

        sources = list(inputs)
        _precheck_remove_background(options)
        return await run_batch(
            sources,
            output_dir,
            functools.partial(self.remove_background, **options),
            extension=_remove_background_extension(options),
            concurrency=concurrency,
            overwrite=overwrite,
            progress=progress,
            label="remove-bg",
            on_item=on_item,
        )


class AsyncPhotoroomWithRawResponse:
    """``client.with_raw_response`` of :class:`AsyncPhotoroom`."""

    def __init__(self, client: AsyncPhotoroom) -> None:
        self._client = client

    async def remove_background(
        self,
        image: ImageInput,
        *,
        save_to: str | os.PathLike[str] | None = None,
        **options: Unpack[RemoveBackgroundCallOptions],
    ) -> APIResponse[RemoveBackgroundResult]:
        client = self._client
        call = await to_thread(client._remove_background_call, image, options, save_to)
        return await client._request_raw(call)

    async def edit(
        self,
        image: ImageInput | None = None,
        *,
        save_to: str | os.PathLike[str] | None = None,
        **options: Unpack[EditCallOptions],
    ) -> APIResponse[EditResult]:
        call = await to_thread(self._client._edit_call, image, options, save_to)
        return await self._client._request_raw(call)

    async def account(self, **options: Unpack[RequestOptions]) -> APIResponse[Account]:
        return await self._client._request_raw(self._client._account_call(options))

    async def account_v1(self, **options: Unpack[RequestOptions]) -> APIResponse[AccountV1]:
        return await self._client._request_raw(self._client._account_v1_call(options))


class AsyncPhotoroomWithStreamingResponse:
    """``client.with_streaming_response`` of :class:`AsyncPhotoroom` (``async with``)."""

    def __init__(self, client: AsyncPhotoroom) -> None:
        self._client = client

    def remove_background(
        self,
        image: ImageInput,
        *,
        save_to: str | os.PathLike[str] | None = None,
        **options: Unpack[RemoveBackgroundCallOptions],
    ) -> contextlib.AbstractAsyncContextManager[AsyncStreamedResponse[RemoveBackgroundResult]]:
        client = self._client
        build = functools.partial(client._remove_background_call, image, options, save_to)
        return client._request_stream(build, offload=True)

    def edit(
        self,
        image: ImageInput | None = None,
        *,
        save_to: str | os.PathLike[str] | None = None,
        **options: Unpack[EditCallOptions],
    ) -> contextlib.AbstractAsyncContextManager[AsyncStreamedResponse[EditResult]]:
        build = functools.partial(self._client._edit_call, image, options, save_to)
        return self._client._request_stream(build, offload=True)

    def account(
        self, **options: Unpack[RequestOptions]
    ) -> contextlib.AbstractAsyncContextManager[AsyncStreamedResponse[Account]]:
        build = functools.partial(self._client._account_call, options)
        return self._client._request_stream(build, offload=False)

    def account_v1(
        self, **options: Unpack[RequestOptions]
    ) -> contextlib.AbstractAsyncContextManager[AsyncStreamedResponse[AccountV1]]:
        build = functools.partial(self._client._account_v1_call, options)
        return self._client._request_stream(build, offload=False)


def _run(coroutine: Coroutine[Any, Any, T]) -> T:
    """``asyncio.run``, also from code that already runs an event loop (Jupyter)."""
    import asyncio
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
