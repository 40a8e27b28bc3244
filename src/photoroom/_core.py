"""The request machine: build, send, retry and parse any declared operation, sync or async.

An operation (:mod:`photoroom._operations`) is declared once as an :class:`Endpoint`: a builder
that turns the caller's arguments into a :class:`Call` (the generated ``_get_kwargs`` plus what
the generated code cannot know) and the parser inside it. What a call returns is the caller's
choice, not the operation's: the parsed result (the client itself), the read ``httpx`` answer
(``with_raw_response``) or the unread stream (``with_streaming_response``). The endpoint binds
itself to each of those six owners (sync or async x three modes) through ``_method_for``, the way
openai-python wraps one resource method into its ``*WithRawResponse`` twins, so no operation is
written twice.

The non-I/O half of every attempt (request building, logging, error mapping, retry decisions
that never make a user pay twice) is :class:`CoreBase`; :class:`SyncCore` and
:class:`AsyncCore` add only the send/sleep loop.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import logging
import os
import time
import weakref
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine, Iterator, Mapping
from pathlib import Path
from types import MethodType
from typing import (
    TYPE_CHECKING,
    Any,
    Concatenate,
    Generic,
    Literal,
    ParamSpec,
    Self,
    TypeVar,
    cast,
    overload,
)

import httpx

from ._billing import operation_is_billed
from ._config import NO_OPTIONS, CallOptions, ClientConfig, HttpxClientT, NotGiven
from ._exceptions import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    PhotoroomError,
    RateLimitError,
    status_error_class,
)
from ._logging import logger, redact_headers
from ._multipart import MultipartBody
from ._response import APIResponse, AsyncStreamedResponse, StreamedResponse
from ._retries import parse_retry_after, retry_delay, status_retry_reason, transport_failure_is_safe
from ._threads import to_thread, write_in_thread
from ._version import __version__

if TYPE_CHECKING:
    from photoroom_api.client import Client as GeneratedClient

__all__ = ["AsyncCore", "Call", "Endpoint", "SyncCore"]

T = TypeVar("T")
R = TypeVar("R")
P = ParamSpec("P")
Mode = Literal["parse", "raw", "stream"]
"""What a call returns: the parsed result, the read ``httpx`` answer, or the unread stream."""

_WRITE_BLOCK = 1024 * 1024
"""Bytes of a streamed answer the async client gathers before one (threaded) disk write."""


@dataclasses.dataclass(frozen=True)
class Call(Generic[T]):
    """One API operation ready to be sent (and re-sent on retry)."""

    operation: str
    """The spec's operationId (what billing and the logs name)."""
    base_url: str
    make_kwargs: Callable[[], dict[str, Any]]
    """Returns the generated ``_get_kwargs`` output plus keyed leaves, fresh for each attempt."""
    build_response: Callable[..., Any]
    """The generated ``_build_response`` of the operation."""
    on_success: Callable[[httpx.Response, Any], T]
    headers: Mapping[str, str] = dataclasses.field(default_factory=dict)
    save_to: str | os.PathLike[str] | None = None
    """``save_to=``: stream a successful image answer to this file instead of into memory."""
    on_saved: Callable[[httpx.Response, Path], T] | None = None
    """Builds the result of an answer streamed to a file (``on_success`` gets the rest)."""
    options: CallOptions = NO_OPTIONS
    uploads: bool = False
    """The request carries an image: joining its body copies it (the async client offloads)."""
    parses_success: bool = True
    """``on_success`` reads the generated model of a successful answer (an image answer's result
    is built from the ``httpx`` answer itself: its model is not made)."""

    def stream_target(self, response: httpx.Response) -> Path | None:
        """The file to stream ``response`` into, or ``None`` to read it into memory.

        Only successful image answers are streamed; errors and JSON answers are read and parsed.
        """
        if self.save_to is None or self.on_saved is None or not 200 <= response.status_code < 300:
            return None
        content_type = response.headers.get("content-type", "").split(";", 1)[0].strip().lower()
        if not content_type.startswith("image/"):
            return None
        from ._results import output_path

        return output_path(self.save_to, content_type)


@dataclasses.dataclass
class Step(Generic[T]):
    """Outcome of one attempt: a value, an error, and whether to retry after ``wait`` seconds."""

    value: T | None = None
    error: PhotoroomError | None = None
    wait: float | None = None

    def result(self) -> T:
        if self.error is not None:
            raise self.error
        return cast(T, self.value)


class _TrackedBody(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A request body that records whether the transport started and finished sending it."""

    def __init__(self, inner: MultipartBody) -> None:
        self._inner = inner
        self.started = False
        self.finished = False

    def __iter__(self) -> Iterator[bytes]:
        self.started, self.finished = True, False
        yield from self._inner
        self.finished = True

    async def __aiter__(self) -> AsyncIterator[bytes]:
        self.started, self.finished = True, False
        async for chunk in self._inner:
            yield chunk
        self.finished = True


_BODIES: weakref.WeakKeyDictionary[httpx.Request, _TrackedBody] = weakref.WeakKeyDictionary()
_GENERATED: list[GeneratedClient] = []


def _generated_client() -> GeneratedClient:
    # Only handed to the generated _build_response (which reads raise_on_unexpected_status);
    # it never sends anything and never sees the key, so one serves every client.
    if not _GENERATED:
        from photoroom_api.client import Client

        _GENERATED.append(Client(base_url="", raise_on_unexpected_status=False))
    return _GENERATED[0]


def _is_success(response: httpx.Response) -> bool:
    return 200 <= response.status_code < 300


class CoreBase(ClientConfig[HttpxClientT]):
    """The non-I/O half of every call: request, answer, error, retry decision, logs."""

    def _max_retries(self, call: Call[Any]) -> int:
        chosen = call.options.max_retries
        return self.max_retries if chosen is None else chosen

    def _build_request(self, call: Call[Any], retries: int = 0) -> httpx.Request:
        kwargs = call.make_kwargs()
        method = str(kwargs.pop("method")).upper()
        url = call.base_url + str(kwargs.pop("url"))
        options = call.options
        headers = {
            "user-agent": f"photoroom-python/{__version__}",
            **self.default_headers,
            **kwargs.pop("headers", {}),
            **call.headers,
            "x-api-key": self._api_key,
            **options.extra_headers,
        }
        if options.extra_query:
            params = kwargs.get("params")
            kwargs["params"] = {**(params or {}), **options.extra_query}
        if options.extra_body and "files" in kwargs:
            files: list[Any] = list(kwargs["files"])
            for name, value in options.extra_body.items():
                files.append((name, (None, _form_value(value), "text/plain")))
            kwargs["files"] = files
        timeout = self.timeout if isinstance(options.timeout, NotGiven) else options.timeout
        files = kwargs.pop("files", None)
        tracked = None
        if files is not None:
            # Tells a failure during the upload (the server cannot have processed the request:
            # safe to retry) from one after it (it may have been processed and billed).
            body = MultipartBody(files)
            headers.update(body.headers)
            tracked = _TrackedBody(body)
            # Streamed content (not bytes) keeps httpx from reading a body it would then have
            # to forget; the stream set below serves sync and async clients and hooks alike.
            kwargs["content"] = ()
        request = self._http.build_request(method, url, headers=headers, timeout=timeout, **kwargs)
        if tracked is not None:
            request.stream = tracked
            _BODIES[request] = tracked
        if logger.isEnabledFor(logging.DEBUG):
            names = [str(part[0]) for part in files or ()]
            names += [str(name) for name in (kwargs.get("params") or {})]
            logger.debug(
                "request built: %s %s (%s) params=[%s] body=%s bytes timeout=%s headers=%s%s",
                method,
                request.url.copy_with(query=None),
                call.operation,
                ", ".join(dict.fromkeys(names)),
                request.headers.get("content-length", "0"),
                _describe_timeout(timeout),
                redact_headers(request.headers),
                f" retry={retries}" if retries else "",
            )
        return request

    def _log_sending(self, request: httpx.Request, retries: int, max_retries: int) -> None:
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug(
                "sending %s %s (attempt %d of %d)",
                request.method,
                request.url.copy_with(query=None),
                retries + 1,
                max_retries + 1,
            )

    def _on_response(
        self,
        call: Call[T],
        request: httpx.Request,
        response: httpx.Response,
        retries: int,
        elapsed: float,
        saved: Path | None = None,
        mode: Mode = "parse",
    ) -> Step[Any]:
        """Turn an answer into a result, an error, or a retry. ``saved``: the file the answer's
        body was streamed into (``Call.stream_target``); the body is then not in memory.
        ``mode``: ``raw`` and ``stream`` return the answer wrapped (:mod:`._response`)."""
        status = response.status_code
        if logger.isEnabledFor(logging.INFO):  # building the URL costs more than the check
            logger.info(
                "%s %s -> %d %s in %.2fs%s",
                request.method,
                request.url.copy_with(query=None),
                status,
                response.reason_phrase,
                elapsed,
                f" (retry {retries})" if retries else "",
            )
            logger.debug(
                "answered: status=%d request_id=%s content-type=%s bytes=%s elapsed=%.3fs",
                status,
                response.headers.get("x-request-id") or response.headers.get("pr-request-id"),
                response.headers.get("content-type"),
                response.headers.get("content-length", "?"),
                elapsed,
            )
        if mode != "parse" and 200 <= status < 300:
            return Step(value=response)  # the caller wraps it (raw or streamed)
        if saved is not None and call.on_saved is not None:
            return Step(value=call.on_saved(response, saved))
        if 200 <= status < 300:
            try:
                return Step(value=self._parse(call, response))
            except PhotoroomError as unreadable:
                return Step(error=unreadable)
        parsed = _parse_body(call, response)
        error = _status_error(response, parsed)
        retry, reason = status_retry_reason(status, response.headers)
        max_retries = self._max_retries(call)
        if retry and retries < max_retries:
            return self._retry(call, request, error, retries, response.headers, reason)
        logger.debug(
            "not retrying %s %s: %s%s",
            request.method,
            request.url.copy_with(query=None),
            reason,
            f" (retries used: {retries} of {max_retries})" if retry else "",
        )
        return Step(error=error)

    def _parse(self, call: Call[T], response: httpx.Response) -> T:
        """The result of a successful, read answer."""
        parsed = _parse_body(call, response) if call.parses_success else None
        try:
            return call.on_success(response, parsed)
        except PhotoroomError:
            raise
        except (ValueError, KeyError, TypeError) as exc:
            raise PhotoroomError(f"could not read the {call.operation} answer: {exc}") from exc

    def _on_transport_error(
        self,
        call: Call[T],
        request: httpx.Request,
        exc: httpx.RequestError,
        retries: int,
        elapsed: float,
    ) -> Step[T]:
        if logger.isEnabledFor(logging.INFO):
            logger.info(
                "%s %s -> %s after %.2fs%s",
                request.method,
                request.url.copy_with(query=None),
                type(exc).__name__,
                elapsed,
                f" (retry {retries})" if retries else "",
            )
        transport = isinstance(exc, httpx.TransportError)
        body = _BODIES.get(request)
        # The body went out in part only (a real connection stack reads it as it sends it),
        # or the error type says the request never reached the server in full.
        cut_upload = body is not None and body.started and not body.finished
        safe = transport and (
            cut_upload or transport_failure_is_safe(cast(httpx.TransportError, exc))
        )
        billed = operation_is_billed(call.operation)
        may_be_billed = transport and not safe and billed
        note = ""
        if may_be_billed:
            note = (
                f" after the whole {call.operation} request was sent: the API may have "
                "processed and billed it"
                + ("" if self.retry_billed else ", so it was not retried (retry_billed=True would)")
            )
        failure: APIConnectionError
        if isinstance(exc, httpx.TimeoutException):
            failure = APITimeoutError(
                f"Request timed out ({type(exc).__name__}){note}.",
                request=request,
                may_be_billed=may_be_billed,
            )
        else:
            failure = APIConnectionError(
                f"Connection error: {type(exc).__name__}: {exc}{note}",
                request=request,
                may_be_billed=may_be_billed,
            )
        failure.__cause__ = _detached(exc)
        max_retries = self._max_retries(call)
        if not transport:
            reason = f"{type(exc).__name__} is not a network failure"
        elif safe:
            reason = f"{type(exc).__name__}: the request did not reach the server in full"
        elif not billed:
            reason = f"{type(exc).__name__} on {call.operation}, which is not billed"
        elif self.retry_billed:
            reason = f"{type(exc).__name__} on billed {call.operation}, retry_billed=True"
        else:
            reason = f"{type(exc).__name__} after a billed request was sent (may be charged)"
        retryable = transport and (safe or not billed or self.retry_billed)
        if retryable and retries < max_retries:
            return self._retry(call, request, failure, retries, None, reason)
        logger.debug(
            "not retrying %s %s: %s%s",
            request.method,
            request.url.copy_with(query=None),
            reason,
            f" (retries used: {retries} of {max_retries})" if retryable else "",
        )
        return Step(error=failure)

    def _retry(
        self,
        call: Call[T],
        request: httpx.Request,
        error: PhotoroomError,
        retries: int,
        headers: Mapping[str, str] | None,
        reason: str = "",
    ) -> Step[T]:
        wait = retry_delay(retries, headers, self._rng)
        logger.info(
            "retrying %s %s in %.2fs (retry %d of %d) after: %s",
            request.method,
            request.url.copy_with(query=None),
            wait,
            retries + 1,
            self._max_retries(call),
            error,
        )
        logger.debug("retry reason: %s", reason)
        return Step(error=error, wait=wait)


class SyncCore(CoreBase[httpx.Client]):
    """The blocking send/sleep loop."""

    _sleep: Callable[[float], None]

    def _send(self, call: Call[Any], mode: Mode) -> Any:
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

    @classmethod
    def _method_for(cls, endpoint: Endpoint[..., Any]) -> Callable[..., Any]:
        build = endpoint.build

        def method(self: SyncCore, *args: Any, **kwargs: Any) -> Any:
            return self._send(build(self, *args, **kwargs), "parse")

        return method


class AsyncCore(CoreBase[httpx.AsyncClient]):
    """The asyncio send/sleep loop; body joins and disk writes go to a worker thread."""

    _sleep: Callable[[float], Awaitable[None]]

    async def _build(self, endpoint: Endpoint[..., T], args: Any, kwargs: Any) -> Call[T]:
        """Read and encode the input off the event loop when the operation uploads one."""
        if endpoint.offload:
            return await to_thread(functools.partial(endpoint.build, self, *args, **kwargs))
        return endpoint.build(self, *args, **kwargs)

    async def _send(self, call: Call[Any], mode: Mode) -> Any:
        retries = 0
        max_retries = self._max_retries(call)
        while True:
            if call.uploads:  # joins the multipart body: a copy of the image
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

    @classmethod
    def _method_for(cls, endpoint: Endpoint[..., Any]) -> Callable[..., Any]:
        async def method(self: AsyncCore, *args: Any, **kwargs: Any) -> Any:
            return await self._send(await self._build(endpoint, args, kwargs), "parse")

        return method


class SyncRawView:
    """``client.with_raw_response``: each operation returns an :class:`APIResponse`."""

    def __init__(self, client: SyncCore) -> None:
        self._client = client

    @classmethod
    def _method_for(cls, endpoint: Endpoint[..., Any]) -> Callable[..., Any]:
        build = endpoint.build

        def method(self: SyncRawView, *args: Any, **kwargs: Any) -> Any:
            client = self._client
            call = build(client, *args, **kwargs)
            response: httpx.Response = client._send(call, "raw")
            return APIResponse(response, functools.partial(client._parse, call))

        return method


class SyncStreamView:
    """``client.with_streaming_response``: each operation is a context manager around a
    :class:`StreamedResponse` whose body is read as you iterate it."""

    def __init__(self, client: SyncCore) -> None:
        self._client = client

    @classmethod
    def _method_for(cls, endpoint: Endpoint[..., Any]) -> Callable[..., Any]:
        build = endpoint.build

        @contextlib.contextmanager
        def stream(client: SyncCore, call: Call[Any]) -> Iterator[StreamedResponse[Any]]:
            response: httpx.Response = client._send(call, "stream")
            try:
                yield StreamedResponse(response, functools.partial(client._parse, call))
            finally:
                response.close()

        def method(self: SyncStreamView, *args: Any, **kwargs: Any) -> Any:
            # Built now (a bad option raises at the call); sent when the block is entered.
            return stream(self._client, build(self._client, *args, **kwargs))

        return method


class AsyncRawView:
    """``client.with_raw_response`` of the asyncio client."""

    def __init__(self, client: AsyncCore) -> None:
        self._client = client

    @classmethod
    def _method_for(cls, endpoint: Endpoint[..., Any]) -> Callable[..., Any]:
        async def method(self: AsyncRawView, *args: Any, **kwargs: Any) -> Any:
            client = self._client
            call = await client._build(endpoint, args, kwargs)
            response: httpx.Response = await client._send(call, "raw")
            return APIResponse(response, functools.partial(client._parse, call))

        return method


class AsyncStreamView:
    """``client.with_streaming_response`` of the asyncio client (``async with``)."""

    def __init__(self, client: AsyncCore) -> None:
        self._client = client

    @classmethod
    def _method_for(cls, endpoint: Endpoint[..., Any]) -> Callable[..., Any]:
        @contextlib.asynccontextmanager
        async def method(
            self: AsyncStreamView, *args: Any, **kwargs: Any
        ) -> AsyncIterator[AsyncStreamedResponse[Any]]:
            client = self._client
            call = await client._build(endpoint, args, kwargs)
            response: httpx.Response = await client._send(call, "stream")
            try:
                yield AsyncStreamedResponse(response, functools.partial(client._parse, call))
            finally:
                await response.aclose()

        return method


_Owner = SyncCore | AsyncCore | SyncRawView | SyncStreamView | AsyncRawView | AsyncStreamView


class Endpoint(Generic[P, R]):
    """One operation, declared once: ``build`` turns the caller's arguments into a :class:`Call`
    (the request and the parser of its answer).

    As a class attribute it becomes the operation's method on each owner, typed for it:
    ``R`` on the blocking client, a coroutine of ``R`` on the asyncio one, and the raw and
    streamed answers of ``R`` on their ``with_raw_response``/``with_streaming_response`` views.
    ``offload``: the builder reads or encodes the input (the asyncio owners run it in a thread).
    """

    def __init__(
        self, build: Callable[Concatenate[Any, P], Call[R]], *, offload: bool = False
    ) -> None:
        self.build = build
        self.offload = offload
        self.__doc__ = build.__doc__
        self._methods: dict[type[Any], Callable[..., Any]] = {}

    def __set_name__(self, owner: type[Any], name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, owner: type[Any] | None = None) -> Self: ...
    @overload
    def __get__(self, obj: SyncCore, owner: type[Any] | None = None) -> Callable[P, R]: ...
    @overload
    def __get__(
        self, obj: AsyncCore, owner: type[Any] | None = None
    ) -> Callable[P, Coroutine[Any, Any, R]]: ...
    @overload
    def __get__(
        self, obj: SyncRawView, owner: type[Any] | None = None
    ) -> Callable[P, APIResponse[R]]: ...
    @overload
    def __get__(
        self, obj: SyncStreamView, owner: type[Any] | None = None
    ) -> Callable[P, contextlib.AbstractContextManager[StreamedResponse[R]]]: ...
    @overload
    def __get__(
        self, obj: AsyncRawView, owner: type[Any] | None = None
    ) -> Callable[P, Coroutine[Any, Any, APIResponse[R]]]: ...
    @overload
    def __get__(
        self, obj: AsyncStreamView, owner: type[Any] | None = None
    ) -> Callable[P, contextlib.AbstractAsyncContextManager[AsyncStreamedResponse[R]]]: ...
    def __get__(self, obj: _Owner | None, owner: type[Any] | None = None) -> Any:
        if obj is None:
            return self
        kind = type(obj)
        function = self._methods.get(kind)
        if function is None:
            function = self._methods[kind] = self._describe(obj._method_for(self), kind)
        return MethodType(function, obj)

    def _describe(self, function: Callable[..., Any], owner: type[Any]) -> Callable[..., Any]:
        """The builder's name, docstring and parameters on ``owner``'s method (``help()``)."""
        import inspect

        functools.update_wrapper(function, self.build)
        function.__name__ = self.name
        function.__qualname__ = f"{owner.__name__}.{self.name}"
        signature = inspect.signature(self.build)  # its first parameter takes the bound owner
        function.__signature__ = signature.replace(  # type: ignore[attr-defined]
            return_annotation=inspect.Signature.empty
        )
        return function

    def __repr__(self) -> str:
        return f"<operation {self.name!r} ({self.build.__module__}.{self.build.__name__})>"


def _parse_body(call: Call[Any], response: httpx.Response) -> Any:
    try:
        return call.build_response(client=_generated_client(), response=response).parsed
    except (ValueError, KeyError, TypeError, AttributeError):
        return None  # a body the spec does not describe (a proxy's HTML page, ...)


def _status_error(response: httpx.Response, parsed: Any) -> APIStatusError:
    body: object = parsed
    if body is None:
        try:
            body = response.json()
        except ValueError:
            body = response.text
    message = _api_message(body) or response.text[:200].strip()
    cls = status_error_class(response.status_code)
    kwargs: dict[str, Any] = {
        "status_code": response.status_code,
        "body": body,
        "response": response,
        "request_id": response.headers.get("x-request-id"),
    }
    if cls is RateLimitError:
        kwargs["retry_after"] = parse_retry_after(response.headers)
    return cls(message, **kwargs)


def _form_value(value: object) -> bytes:
    if isinstance(value, bytes):
        return value
    if isinstance(value, bool):
        return b"true" if value else b"false"
    return str(value).encode()


def _describe_timeout(timeout: httpx.Timeout | None) -> str:
    if timeout is None:
        return "none"
    return f"connect={timeout.connect} read={timeout.read}"


def _api_message(body: object) -> str | None:
    """The API's own explanation: ``detail`` (segment) or ``error.message``/``error.detail``."""
    if isinstance(body, Mapping):
        detail = body.get("detail")
        if isinstance(detail, str):
            return detail
        inner = body.get("error")
        if isinstance(inner, Mapping):
            for key in ("message", "detail"):
                if isinstance(inner.get(key), str):
                    return str(inner[key])
        if isinstance(body.get("message"), str):
            return str(body["message"])
        return None
    detail = getattr(body, "detail", None)
    if isinstance(detail, str):
        return detail
    inner = getattr(body, "error", None)
    for key in ("message", "detail"):
        value = getattr(inner, key, None)
        if isinstance(value, str):
            return value
    return None


def _detached(exc: BaseException) -> BaseException:
    """A copy of a transport error without its ``request`` (whose headers carry the key), to
    chain under ours: the chain survives pickling by tools that pickle causes too (tblib, which
    Dask installs), and must not carry the key there."""
    try:
        return type(exc)(str(exc))
    except Exception:  # an exception type whose constructor wants more
        return RuntimeError(f"{type(exc).__name__}: {exc}")
