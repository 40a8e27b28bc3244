"""The two public clients: :class:`Photoroom` (blocking) and :class:`AsyncPhotoroom` (asyncio).

Each holds one pooled ``httpx`` client for its lifetime (use it as a context manager, or call
``close()``), and adds only the send/sleep loop to :class:`~photoroom._base_client.BaseClient`.
"""

from __future__ import annotations

import functools
import os
import time
from collections.abc import Awaitable, Callable, Coroutine, Iterable, Mapping
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self, TypeVar, Unpack

import httpx

from ._base_client import DEFAULT_TIMEOUT, BaseClient, Call, Step
from ._inputs import is_url
from ._retries import DEFAULT_MAX_RETRIES

# Option groups, results and the batch engine load on first use: ``import photoroom`` stays
# close to ``import httpx`` (see photoroom/__init__.py).
if TYPE_CHECKING:
    from ._batch import BatchReport
    from ._inputs import ImageInput
    from ._options import EditOptions, Export, RemoveBackgroundOptions
    from ._results import Account, AccountV1, EditResult, ImageResult, RemoveBackgroundResult

__all__ = ["AsyncPhotoroom", "Photoroom"]

T = TypeVar("T")
BatchInput = str | os.PathLike[str]

# A placeholder upload (PNG signature) to validate batch options for the POST variant without
# reading any input file.
_PLACEHOLDER_UPLOAD = b"\x89PNG\r\n\x1a\n"


def _default_limits() -> httpx.Limits:
    return httpx.Limits(max_connections=100, max_keepalive_connections=100)


def _edit_extension(options: Mapping[str, Any]) -> str:
    from ._batch import predicted_extension

    export: Export | None = options.get("export")
    return predicted_extension(getattr(export, "format", None))


def _remove_background_extension(options: Mapping[str, Any]) -> str:
    from ._batch import predicted_extension

    return predicted_extension(options.get("format"))


def _precheck_edit(sources: list[Any], options: Mapping[str, Any]) -> None:
    """Fail the whole batch at once on an invalid option, before any request or file read."""
    from ._options import build_edit

    sample = next(iter(sources), None)
    build_edit(sample if is_url(sample) else _PLACEHOLDER_UPLOAD, options)


def _precheck_remove_background(options: Mapping[str, Any]) -> None:
    from ._options import build_remove_background

    build_remove_background(options)


async def _asyncio_sleep(seconds: float) -> None:
    import asyncio

    await asyncio.sleep(seconds)


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
        max_retries: Retries after connection errors, timeouts, 408/409/429 and 5xx.
        http_client: Your own ``httpx.Client`` (proxies, transports); you keep closing it.
        default_headers: Sent with every request.
        sleep: How to wait between retries (``time.sleep``); injectable for tests.
    """

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str | None = None,
        segment_base_url: str | None = None,
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.Client | None = None,
        default_headers: Mapping[str, str] | None = None,
        sleep: Callable[[float], None] | None = None,
    ) -> None:
        super().__init__(
            api_key,
            base_url=base_url,
            segment_base_url=segment_base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
        )
        self._owns_http = http_client is None
        self._http = http_client or httpx.Client(timeout=self.timeout, limits=_default_limits())
        self._sleep = sleep or time.sleep

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

    def _request(self, call: Call[T]) -> T:
        retries = 0
        while True:
            request = self._build_request(call)
            start = time.monotonic()
            step: Step[T]
            saved: Path | None = None
            try:
                if call.save_to is None:
                    response = self._http.send(request)
                else:
                    response, saved = self._send_saving(call, request)
            except httpx.RequestError as exc:
                step = self._on_transport_error(
                    call, request, exc, retries, time.monotonic() - start
                )
            else:
                elapsed = time.monotonic() - start
                step = self._on_response(call, request, response, retries, elapsed, saved)
            if step.wait is None:
                return step.result()
            self._sleep(step.wait)
            retries += 1

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
        **options: Unpack[RemoveBackgroundOptions],
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
        **options: Unpack[EditOptions],
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

    def account(self) -> Account:
        """Plan and image balance (``GET /v2/account``)."""
        return self._request(self._account_call())

    def account_v1(self) -> AccountV1:
        """Legacy credit balance (``GET /v1/account``)."""
        return self._request(self._account_v1_call())

    # -- batches ------------------------------------------------------------------------------

    def batch_edit(
        self,
        inputs: Iterable[BatchInput],
        output_dir: str | os.PathLike[str],
        *,
        concurrency: int = 8,
        overwrite: bool = False,
        progress: bool | None = None,
        **options: Unpack[EditOptions],
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
        )

    def batch_remove_background(
        self,
        inputs: Iterable[BatchInput],
        output_dir: str | os.PathLike[str],
        *,
        concurrency: int = 8,
        overwrite: bool = False,
        progress: bool | None = None,
        **options: Unpack[RemoveBackgroundOptions],
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
                )
            finally:
                pool.shutdown(wait=False, cancel_futures=True)

        return _run(with_threads())


class AsyncPhotoroom(BaseClient[httpx.AsyncClient]):
    """asyncio client for the Photoroom API; same methods as :class:`Photoroom`, awaited.

    >>> async with AsyncPhotoroom() as client:
    ...     result = await client.edit("shoe.jpg", shadow="ai.soft")
    """

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str | None = None,
        segment_base_url: str | None = None,
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.AsyncClient | None = None,
        default_headers: Mapping[str, str] | None = None,
        sleep: Callable[[float], Awaitable[None]] | None = None,
    ) -> None:
        super().__init__(
            api_key,
            base_url=base_url,
            segment_base_url=segment_base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
        )
        self._owns_http = http_client is None
        self._http = http_client or httpx.AsyncClient(
            timeout=self.timeout, limits=_default_limits()
        )
        self._sleep = sleep or _asyncio_sleep

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

    async def _request(self, call: Call[T]) -> T:
        retries = 0
        while True:
            request = self._build_request(call)
            start = time.monotonic()
            step: Step[T]
            saved: Path | None = None
            try:
                if call.save_to is None:
                    response = await self._http.send(request)
                else:
                    response, saved = await self._send_saving(call, request)
            except httpx.RequestError as exc:
                step = self._on_transport_error(
                    call, request, exc, retries, time.monotonic() - start
                )
            else:
                elapsed = time.monotonic() - start
                step = self._on_response(call, request, response, retries, elapsed, saved)
            if step.wait is None:
                return step.result()
            await self._sleep(step.wait)
            retries += 1

    async def _send_saving(
        self, call: Call[T], request: httpx.Request
    ) -> tuple[httpx.Response, Path | None]:
        """Send; stream a successful image answer to ``call.save_to``, read anything else.

        The chunks are written with blocking writes: each is at most a network read, and the
        local disk is far faster than the network that delivers it.
        """
        from ._results import atomic_file

        response = await self._http.send(request, stream=True)
        try:
            target = call.stream_target(response)
            if target is None:
                await response.aread()
                return response, None
            with atomic_file(target) as handle:  # a dropped connection leaves no partial file
                async for chunk in response.aiter_bytes():
                    handle.write(chunk)
            return response, target
        finally:
            await response.aclose()

    async def remove_background(
        self,
        image: ImageInput,
        *,
        save_to: str | os.PathLike[str] | None = None,
        **options: Unpack[RemoveBackgroundOptions],
    ) -> RemoveBackgroundResult:
        """Cut the subject out (``POST /v1/segment``); see :meth:`Photoroom.remove_background`."""
        return await self._request(self._remove_background_call(image, options, save_to))

    async def edit(
        self,
        image: ImageInput | None = None,
        *,
        save_to: str | os.PathLike[str] | None = None,
        **options: Unpack[EditOptions],
    ) -> EditResult:
        """Edit an image (``/v2/edit``); see :meth:`Photoroom.edit`."""
        return await self._request(self._edit_call(image, options, save_to))

    async def account(self) -> Account:
        """Plan and image balance (``GET /v2/account``)."""
        return await self._request(self._account_call())

    async def account_v1(self) -> AccountV1:
        """Legacy credit balance (``GET /v1/account``)."""
        return await self._request(self._account_v1_call())

    async def batch_edit(
        self,
        inputs: Iterable[BatchInput],
        output_dir: str | os.PathLike[str],
        *,
        concurrency: int = 8,
        overwrite: bool = False,
        progress: bool | None = None,
        **options: Unpack[EditOptions],
    ) -> BatchReport:
        """``edit()`` every input (paths or URLs) into ``output_dir``, ``concurrency`` at a time.

        Outputs are named after the inputs with the extension of the result
        (``photos/shoe.jpg`` -> ``output_dir/shoe.png``), written atomically as each result
        arrives, and skipped when they already exist unless ``overwrite`` (so a re-run resumes).
        Failures are recorded in the returned :class:`BatchReport`, never raised; an invalid
        option raises before anything is sent. ``progress`` draws a bar on stderr (default:
        when stderr is a terminal).
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
        )

    async def batch_remove_background(
        self,
        inputs: Iterable[BatchInput],
        output_dir: str | os.PathLike[str],
        *,
        concurrency: int = 8,
        overwrite: bool = False,
        progress: bool | None = None,
        **options: Unpack[RemoveBackgroundOptions],
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
        )


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
