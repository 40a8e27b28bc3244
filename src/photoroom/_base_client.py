"""What every call needs except I/O, shared by :class:`Photoroom` and :class:`AsyncPhotoroom`.

Configuration, option validation, request building (through the generated code), response
parsing, error mapping, retry decisions and logging all live here; the two public clients only
add the ``send``/``sleep`` loop (sync or async). That is what keeps them from drifting apart.

Requests are built by the generated operation modules (``_get_kwargs``), then sent with the
client's own pooled ``httpx`` client so that the raw ``httpx.Response`` is kept, and parsed by
the generated ``_build_response``. The client adds what the generated code cannot know: the
keyed-map leaves, the ``x-api-key`` header, the host of each operation, per-call options
(``timeout``, ``max_retries``, ``extra_headers``, ``extra_query``, ``extra_body``), retries that
never make a user pay twice, and logging.
"""

from __future__ import annotations

import dataclasses
import ipaddress
import logging
import os
import random
import time
import warnings
import weakref
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, Literal, Self, TypedDict, TypeVar, cast
from urllib.parse import urlsplit

import httpx

from ._billing import operation_is_billed
from ._exceptions import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    InsecureConnectionWarning,
    InvalidOptionError,
    PhotoroomError,
    RateLimitError,
    status_error_class,
)
from ._inputs import ImageBytes, load_image, upload_limits
from ._logging import logger, redact_headers, setup_logging
from ._multipart import MultipartBody
from ._retries import parse_retry_after, retry_delay, status_retry_reason, transport_failure_is_safe
from ._version import __version__
from .spec import limits_of

if TYPE_CHECKING:
    from photoroom_api.client import Client as GeneratedClient

    from ._results import Account, AccountV1, EditResult, RemoveBackgroundResult

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_CONNECTION_LIMITS",
    "DEFAULT_SEGMENT_BASE_URL",
    "DEFAULT_TIMEOUT",
    "NOT_GIVEN",
    "DefaultAsyncHttpxClient",
    "DefaultHttpxClient",
    "NotGiven",
    "RequestOptions",
]

DEFAULT_BASE_URL = "https://image-api.photoroom.com"
"""Image Editing (``/v2/edit``), account and legacy endpoints."""
DEFAULT_SEGMENT_BASE_URL = "https://sdk.photoroom.com"
"""Remove Background (``/v1/segment``)."""
DEFAULT_TIMEOUT = httpx.Timeout(120.0, connect=10.0)
"""Connect within 10 s; then up to 120 s per read (and per write, and for a pool slot).

Remove Background answers in about 350 ms (median, Photoroom FAQ); AI Backgrounds take about
5 s ("~5 seconds", docs: AI Backgrounds benchmark), the Studio model about 10 s (help centre:
"AI models for AI Backgrounds"); virtual models, upscaling and large outputs take longer. A read
timeout of a billed call is not retried (the API may have charged it), so the read timeout is
generous: a false timeout costs credits, a long wait only time.
"""
DEFAULT_CONNECTION_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=100)
"""The pool of the client's own ``httpx`` client (and of :class:`DefaultHttpxClient`)."""

T = TypeVar("T")
HttpxClientT = TypeVar("HttpxClientT", httpx.Client, httpx.AsyncClient)
Mode = Literal["parse", "raw", "stream"]
"""What a call returns: the parsed result, the read ``httpx`` answer, or the unread stream."""


class NotGiven:
    """Marks an argument as not passed where ``None`` is a meaningful value (no timeout)."""

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN = NotGiven()


def _as_timeout(timeout: float | httpx.Timeout | None) -> httpx.Timeout:
    return timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)


class DefaultHttpxClient(httpx.Client):
    """An ``httpx.Client`` with this library's timeout and pool limits, to customise and pass as
    ``Photoroom(http_client=...)`` (proxies, certificates, transports)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("timeout", DEFAULT_TIMEOUT)
        kwargs.setdefault("limits", DEFAULT_CONNECTION_LIMITS)
        super().__init__(**kwargs)


class DefaultAsyncHttpxClient(httpx.AsyncClient):
    """The ``httpx.AsyncClient`` twin of :class:`DefaultHttpxClient`."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("timeout", DEFAULT_TIMEOUT)
        kwargs.setdefault("limits", DEFAULT_CONNECTION_LIMITS)
        super().__init__(**kwargs)


class RequestOptions(TypedDict, total=False):
    """Per-call settings every operation takes besides its own options."""

    timeout: float | httpx.Timeout | None
    """Seconds (or an ``httpx.Timeout``) for each attempt of this call; ``None``: no limit."""
    max_retries: int
    """Retries of this call (instead of the client's ``max_retries``)."""
    extra_headers: Mapping[str, str]
    """Headers added to (or replacing) the ones the client sends."""
    extra_query: Mapping[str, object]
    """Query parameters added to the URL."""
    extra_body: Mapping[str, object]
    """Form fields added to the multipart body (on ``GET`` edits: query parameters)."""


REQUEST_OPTIONS = frozenset(RequestOptions.__annotations__)


@dataclasses.dataclass(frozen=True)
class CallOptions:
    """:class:`RequestOptions` of one call, checked."""

    timeout: httpx.Timeout | NotGiven = NOT_GIVEN
    max_retries: int | None = None
    extra_headers: Mapping[str, str] = dataclasses.field(default_factory=dict)
    extra_query: Mapping[str, object] = dataclasses.field(default_factory=dict)
    extra_body: Mapping[str, object] = dataclasses.field(default_factory=dict)

    @classmethod
    def split(cls, options: Mapping[str, Any]) -> tuple[CallOptions, dict[str, Any]]:
        """The request options of ``options``, and the operation's own options."""
        rest = {k: v for k, v in options.items() if k not in REQUEST_OPTIONS}
        if len(rest) == len(options):
            return _NO_OPTIONS, rest
        max_retries = options.get("max_retries")
        if max_retries is not None and (
            not isinstance(max_retries, int) or isinstance(max_retries, bool) or max_retries < 0
        ):
            raise InvalidOptionError("max_retries", f"expected an int >= 0, got {max_retries!r}")
        for name in ("extra_headers", "extra_query", "extra_body"):
            if not isinstance(options.get(name, {}), Mapping):
                raise InvalidOptionError(name, f"expected a mapping, got {options[name]!r}")
        return (
            cls(
                timeout=_as_timeout(options["timeout"]) if "timeout" in options else NOT_GIVEN,
                max_retries=max_retries,
                extra_headers=dict(options.get("extra_headers", {})),
                extra_query=dict(options.get("extra_query", {})),
                extra_body=dict(options.get("extra_body", {})),
            ),
            rest,
        )


_NO_OPTIONS = CallOptions()


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
    options: CallOptions = _NO_OPTIONS

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


_LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})


def _is_loopback(host: str) -> bool:
    host = host.strip("[]").lower()
    if host in _LOOPBACK_NAMES or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _warn_if_insecure(url: str, stacklevel: int) -> None:
    """Warn when the key would travel in clear text to another machine.

    A warning, not a refusal: plain HTTP to an emulator or proxy on a private network (a CI
    service container, ``http://emulator:8080``) is legitimate, and ``warnings`` lets a project
    turn it into an error (``-W error::photoroom.InsecureConnectionWarning``).
    """
    parts = urlsplit(url)
    if parts.scheme.lower() == "http" and not _is_loopback(parts.hostname or ""):
        warnings.warn(
            InsecureConnectionWarning(
                f"{parts.scheme}://{parts.netloc} is plain HTTP to a host that is not this "
                "machine: the API key (x-api-key) would be readable on the network; use https"
            ),
            stacklevel=stacklevel + 1,
        )


class BaseClient(Generic[HttpxClientT]):
    """Configuration and the non-I/O half of every call."""

    _http: HttpxClientT
    _owns_http: bool
    """Whether ``close()`` closes ``_http`` (not for copies, nor for a caller's client)."""

    def __init__(
        self,
        api_key: str | None,
        *,
        base_url: str | None,
        segment_base_url: str | None,
        timeout: float | httpx.Timeout | NotGiven | None,
        max_retries: int,
        default_headers: Mapping[str, str] | None,
        retry_billed: bool = False,
        http_client: httpx.Client | httpx.AsyncClient | None = None,
    ) -> None:
        setup_logging()
        key = api_key if api_key is not None else os.environ.get("PHOTOROOM_API_KEY")
        if not key:
            raise PhotoroomError(
                "No API key: pass Photoroom(api_key=...) or set the PHOTOROOM_API_KEY "
                "environment variable (keys are at https://app.photoroom.com/api-dashboard)"
            )
        if max_retries < 0:
            raise ValueError("max_retries must be >= 0")
        self._api_key = key
        env_base = os.environ.get("PHOTOROOM_BASE_URL") or None
        env_segment = os.environ.get("PHOTOROOM_SEGMENT_BASE_URL") or None
        # Explicit arguments beat the environment; PHOTOROOM_BASE_URL (an emulator, a proxy)
        # serves both hosts unless the segment host is given on its own.
        self.base_url = (base_url or env_base or DEFAULT_BASE_URL).rstrip("/")
        self.segment_base_url = (
            segment_base_url or base_url or env_segment or env_base or DEFAULT_SEGMENT_BASE_URL
        ).rstrip("/")
        self._check_hosts(stacklevel=3)  # the user's Photoroom(...) line
        # A caller's http_client keeps its own timeout unless one is passed here.
        if isinstance(timeout, NotGiven):
            self.timeout: httpx.Timeout = (
                http_client.timeout if http_client is not None else DEFAULT_TIMEOUT
            )
        else:
            self.timeout = _as_timeout(timeout)
        self.max_retries = max_retries
        self.retry_billed = retry_billed
        """Also retry a billed call whose request was sent in full but whose answer timed out
        or was cut (the API may have charged it: a retry may charge again)."""
        self.default_headers: dict[str, str] = dict(default_headers or {})
        self._rng = random.Random()
        self._generated: GeneratedClient | None = None

    def _check_hosts(self, stacklevel: int) -> None:
        """Warn about plain HTTP; ``stacklevel`` 1 is the caller of this method."""
        for url in dict.fromkeys((self.base_url, self.segment_base_url)):
            _warn_if_insecure(url, stacklevel + 1)

    # -- configuration ------------------------------------------------------------------------

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(base_url={self.base_url!r}, "
            f"segment_base_url={self.segment_base_url!r}, max_retries={self.max_retries}, "
            f"timeout={self.timeout.read})"
        )

    def __reduce__(self) -> Any:
        raise TypeError(f"{type(self).__name__} cannot be pickled (it holds an API key and a pool)")

    def copy(
        self,
        *,
        api_key: str | NotGiven = NOT_GIVEN,
        base_url: str | NotGiven = NOT_GIVEN,
        segment_base_url: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        http_client: HttpxClientT | NotGiven = NOT_GIVEN,
        default_headers: Mapping[str, str] | NotGiven = NOT_GIVEN,
        retry_billed: bool | NotGiven = NOT_GIVEN,
    ) -> Self:
        """A copy with other settings that shares this client's connection pool.

        ``default_headers`` are merged into the current ones. ``base_url`` also moves the
        segment host unless ``segment_base_url`` is given. With ``http_client`` the copy uses
        that pool (and its timeout, unless ``timeout`` is given); the caller closes it. Closing
        a copy never closes the original's pool; closing the original does.
        """
        clone = object.__new__(type(self))
        clone.__dict__.update(self.__dict__)
        clone._owns_http = False
        clone._generated = None
        if not isinstance(api_key, NotGiven):
            if not api_key:
                raise PhotoroomError("api_key must be a non-empty string")
            clone._api_key = api_key
        if not isinstance(base_url, NotGiven):
            clone.base_url = base_url.rstrip("/")
            if isinstance(segment_base_url, NotGiven):
                clone.segment_base_url = clone.base_url
        if not isinstance(segment_base_url, NotGiven):
            clone.segment_base_url = segment_base_url.rstrip("/")
        if not isinstance(base_url, NotGiven) or not isinstance(segment_base_url, NotGiven):
            clone._check_hosts(stacklevel=2)  # the user's copy(...) line
        if not isinstance(http_client, NotGiven):
            clone._http = http_client
            if isinstance(timeout, NotGiven):
                clone.timeout = http_client.timeout
        if not isinstance(timeout, NotGiven):
            clone.timeout = _as_timeout(timeout)
        if not isinstance(max_retries, NotGiven):
            if max_retries < 0:
                raise ValueError("max_retries must be >= 0")
            clone.max_retries = max_retries
        if not isinstance(default_headers, NotGiven):
            clone.default_headers = {**self.default_headers, **default_headers}
        if not isinstance(retry_billed, NotGiven):
            clone.retry_billed = retry_billed
        return clone

    with_options = copy

    def _generated_client(self) -> GeneratedClient:
        # Only handed to the generated _build_response (which reads raise_on_unexpected_status);
        # it never sends anything and never sees the key.
        if self._generated is None:
            from photoroom_api.client import Client

            self._generated = Client(base_url=self.base_url, raise_on_unexpected_status=False)
        return self._generated

    # -- building calls -----------------------------------------------------------------------

    def _edit_call(
        self,
        image: object,
        options: Mapping[str, Any],
        save_to: str | os.PathLike[str] | None = None,
    ) -> Call[EditResult]:
        from ._options import build_edit
        from ._results import EditResult
        from .spec import EDIT_BY_UPLOAD

        call_options, options = CallOptions.split(options)
        with upload_limits(limits_of(EDIT_BY_UPLOAD)):
            request = build_edit(image, options)

        def on_success(response: httpx.Response, parsed: Any) -> EditResult:
            result = EditResult(response.content, response)
            if save_to is not None:
                result.path = result.save(save_to)
            return result

        def on_saved(response: httpx.Response, path: Path) -> EditResult:
            return EditResult(None, response, path=path)

        if request.method == "get":
            from photoroom_api.api.image_editing import edit_image_from_url as get_op

            def get_kwargs() -> dict[str, Any]:
                kwargs = get_op._get_kwargs(**request.generated)
                kwargs["params"].update(request.keyed)
                kwargs["params"].update(call_options.extra_body)  # GET: the same fields, queried
                return kwargs

            return Call(
                "edit-image-from-url",
                self.base_url,
                get_kwargs,
                get_op._build_response,
                on_success,
                save_to=save_to,
                on_saved=on_saved,
                options=call_options,
            )

        from photoroom_api.api.image_editing import edit_image_upload as post_op
        from photoroom_api.models.edit_image_upload_body import EditImageUploadBody

        def post_kwargs() -> dict[str, Any]:
            body = EditImageUploadBody(**request.generated)
            kwargs = post_op._get_kwargs(body=body)
            kwargs["files"].extend(
                (
                    name,
                    value
                    if isinstance(value, tuple)
                    else (None, str(value).encode(), "text/plain"),
                )
                for name, value in request.keyed
            )
            return kwargs

        return Call(
            "edit-image-upload",
            self.base_url,
            post_kwargs,
            post_op._build_response,
            on_success,
            save_to=save_to,
            on_saved=on_saved,
            options=call_options,
        )

    def _remove_background_call(
        self,
        image: object,
        options: Mapping[str, Any],
        save_to: str | os.PathLike[str] | None = None,
    ) -> Call[RemoveBackgroundResult]:
        from photoroom_api.api.remove_background import remove_background as op
        from photoroom_api.models.remove_background_post_params import RemoveBackgroundPOSTParams

        from ._options import build_remove_background
        from ._results import RemoveBackgroundResult
        from .spec import REMOVE_BACKGROUND

        call_options, options = CallOptions.split(options)
        fields = build_remove_background(options)
        as_json = options.get("as_json", False)
        if not isinstance(as_json, bool):
            raise InvalidOptionError("as_json", f"expected True or False, got {as_json!r}")
        with upload_limits(limits_of(REMOVE_BACKGROUND)):
            loaded = load_image(image, parameter="image")
        if not isinstance(loaded, ImageBytes):
            raise InvalidOptionError(
                "image",
                "remove_background() uploads the image (/v1/segment takes no URLs); pass a path, "
                "bytes or a file, or use edit(url) which the API fetches itself",
            )

        def kwargs() -> dict[str, Any]:
            return op._get_kwargs(
                body=RemoveBackgroundPOSTParams(image_file=loaded.to_file(), **fields)
            )

        def on_success(response: httpx.Response, parsed: Any) -> RemoveBackgroundResult:
            result = RemoveBackgroundResult._from_response(response)
            if save_to is not None:  # a JSON (base64img) answer is decoded, then saved
                result.path = result.save(save_to)
            return result

        def on_saved(response: httpx.Response, path: Path) -> RemoveBackgroundResult:
            return RemoveBackgroundResult(None, response, path=path)

        headers = {"accept": "application/json"} if as_json else {}
        return Call(
            "remove-background",
            self.segment_base_url,
            kwargs,
            op._build_response,
            on_success,
            headers,
            save_to,
            on_saved,
            call_options,
        )

    def _account_call(self, options: Mapping[str, Any]) -> Call[Account]:
        from photoroom_api.api.account import get_account_v2 as op
        from photoroom_api.models.get_account_v2_response_200 import GetAccountV2Response200

        from ._results import Account, Quota

        call_options, rest = CallOptions.split(options)
        _no_body("account", call_options, rest)

        def on_success(response: httpx.Response, parsed: Any) -> Account:
            if not isinstance(parsed, GetAccountV2Response200):
                raise PhotoroomError(f"unexpected /v2/account answer: {response.text[:200]!r}")
            images = Quota(parsed.images.available, parsed.images.subscription)
            return Account(plan=parsed.plan, images=images, http_response=response)

        return Call(
            "get-account-v2",
            self.base_url,
            op._get_kwargs,
            op._build_response,
            on_success,
            options=call_options,
        )

    def _account_v1_call(self, options: Mapping[str, Any]) -> Call[AccountV1]:
        from photoroom_api.api.account import get_account_v1 as op
        from photoroom_api.models.get_account_v1_response_200 import GetAccountV1Response200

        from ._results import AccountV1, Quota

        call_options, rest = CallOptions.split(options)
        _no_body("account_v1", call_options, rest)

        def on_success(response: httpx.Response, parsed: Any) -> AccountV1:
            if not isinstance(parsed, GetAccountV1Response200):
                raise PhotoroomError(f"unexpected /v1/account answer: {response.text[:200]!r}")
            credits_ = Quota(parsed.credits_.available, parsed.credits_.subscription)
            return AccountV1(credits=credits_, http_response=response)

        return Call(
            "get-account-v1",
            self.base_url,
            op._get_kwargs,
            op._build_response,
            on_success,
            options=call_options,
        )

    # -- one attempt --------------------------------------------------------------------------

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
            return Step(value=response)  # the client wraps it (raw or streamed)
        if saved is not None and call.on_saved is not None:
            return Step(value=call.on_saved(response, saved))
        if 200 <= status < 300:
            try:
                return Step(value=self._parse(call, response))
            except PhotoroomError as unreadable:
                return Step(error=unreadable)
        parsed = self._parse_body(call, response)
        error = self._status_error(response, parsed)
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

    def _parse_body(self, call: Call[Any], response: httpx.Response) -> Any:
        try:
            return call.build_response(client=self._generated_client(), response=response).parsed
        except (ValueError, KeyError, TypeError, AttributeError):
            return None  # a body the spec does not describe (a proxy's HTML page, ...)

    def _parse(self, call: Call[T], response: httpx.Response) -> T:
        """The result of a successful, read answer."""
        parsed = self._parse_body(call, response)
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

    def _status_error(self, response: httpx.Response, parsed: Any) -> APIStatusError:
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


def _no_body(operation: str, options: CallOptions, rest: Mapping[str, Any]) -> None:
    if rest:
        name = next(iter(rest))
        raise InvalidOptionError(name, f"{operation}() takes no option {name!r}")
    if options.extra_body:
        raise InvalidOptionError("extra_body", f"{operation}() is a GET: it has no body")


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


def now() -> float:
    """Monotonic seconds (one place to read the clock for elapsed-time logging)."""
    return time.monotonic()


def _detached(exc: BaseException) -> BaseException:
    """A copy of a transport error without its ``request`` (whose headers carry the key), to
    chain under ours: the chain survives pickling by tools that pickle causes too (tblib, which
    Dask installs), and must not carry the key there."""
    try:
        return type(exc)(str(exc))
    except Exception:  # an exception type whose constructor wants more
        return RuntimeError(f"{type(exc).__name__}: {exc}")
