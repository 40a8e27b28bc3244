"""What every call needs except I/O, shared by :class:`Photoroom` and :class:`AsyncPhotoroom`.

Configuration, option validation, request building (through the generated code), response
parsing, error mapping, retry decisions and logging all live here; the two public clients only
add the ``send``/``sleep`` loop (sync or async). That is what keeps them from drifting apart.

Requests are built by the generated operation modules (``_get_kwargs``), then sent with the
client's own pooled ``httpx`` client so that the raw ``httpx.Response`` is kept, and parsed by
the generated ``_build_response``. The client adds what the generated code cannot know: the
keyed-map leaves, the ``x-api-key`` header, the host of each operation, retries and logging.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import random
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar, cast

import httpx

from ._exceptions import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    InvalidOptionError,
    PhotoroomError,
    RateLimitError,
    status_error_class,
)
from ._inputs import ImageBytes, load_image
from ._logging import logger, setup_logging
from ._retries import is_retryable_status, parse_retry_after, retry_delay
from ._version import __version__

if TYPE_CHECKING:
    from photoroom_api.client import Client as GeneratedClient

    from ._results import Account, AccountV1, EditResult, RemoveBackgroundResult

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_SEGMENT_BASE_URL",
    "DEFAULT_TIMEOUT",
    "NOT_GIVEN",
    "NotGiven",
]

DEFAULT_BASE_URL = "https://image-api.photoroom.com"
"""Image Editing (``/v2/edit``), account and legacy endpoints."""
DEFAULT_SEGMENT_BASE_URL = "https://sdk.photoroom.com"
"""Remove Background (``/v1/segment``)."""
DEFAULT_TIMEOUT = 60.0
"""Seconds; AI edits (backgrounds, virtual models) routinely take 10-30 s."""

_JOIN_LIMIT = 8 * 1024 * 1024
"""Bytes up to which an upload is sent as one block (see ``_build_request``).

httpx writes a multipart body field by field (four socket writes per field, and a file in
64 KB reads), each write releasing and re-taking the GIL; batches of small uploads spend their
time there (``benchmarks/batch.py``). Joining costs one copy of the body, so large uploads keep
streaming. Either way each attempt sends the whole file: httpx rewinds file parts.
"""

T = TypeVar("T")
HttpxClientT = TypeVar("HttpxClientT", httpx.Client, httpx.AsyncClient)


class NotGiven:
    """Marks an argument as not passed where ``None`` is a meaningful value (no timeout)."""

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN = NotGiven()


@dataclasses.dataclass(frozen=True)
class Call(Generic[T]):
    """One API operation ready to be sent (and re-sent on retry)."""

    operation: str
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


class BaseClient(Generic[HttpxClientT]):
    """Configuration and the non-I/O half of every call."""

    _http: HttpxClientT
    _owns_http: bool
    """Whether ``close()`` closes ``_http`` (not for copies from ``with_options``)."""
    """Whether ``_http`` came from the caller (their transport, proxy or certificates)."""

    def __init__(
        self,
        api_key: str | None,
        *,
        base_url: str | None,
        segment_base_url: str | None,
        timeout: float | httpx.Timeout | None,
        max_retries: int,
        default_headers: Mapping[str, str] | None,
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
        self.timeout: httpx.Timeout = (
            timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)
        )
        self.max_retries = max_retries
        self.default_headers: dict[str, str] = dict(default_headers or {})
        self._rng = random.Random()
        self._generated: GeneratedClient | None = None

    # -- configuration ------------------------------------------------------------------------

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(base_url={self.base_url!r}, "
            f"segment_base_url={self.segment_base_url!r}, max_retries={self.max_retries}, "
            f"timeout={self.timeout.read})"
        )

    def __reduce__(self) -> Any:
        raise TypeError(f"{type(self).__name__} cannot be pickled (it holds an API key and a pool)")

    def with_options(
        self,
        *,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        default_headers: Mapping[str, str] | NotGiven = NOT_GIVEN,
    ) -> Self:
        """A copy with other settings that shares this client's connection pool.

        ``default_headers`` are merged into the current ones. Closing the copy does not close
        the pool; closing the original does.
        """
        clone = object.__new__(type(self))
        clone.__dict__.update(self.__dict__)
        clone._owns_http = False
        if not isinstance(timeout, NotGiven):
            clone.timeout = (
                timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)
            )
        if not isinstance(max_retries, NotGiven):
            if max_retries < 0:
                raise ValueError("max_retries must be >= 0")
            clone.max_retries = max_retries
        if not isinstance(default_headers, NotGiven):
            clone.default_headers = {**self.default_headers, **default_headers}
        return clone

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
                return kwargs

            return Call(
                "edit",
                self.base_url,
                get_kwargs,
                get_op._build_response,
                on_success,
                save_to=save_to,
                on_saved=on_saved,
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
            "edit",
            self.base_url,
            post_kwargs,
            post_op._build_response,
            on_success,
            save_to=save_to,
            on_saved=on_saved,
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

        fields = build_remove_background(options)
        as_json = options.get("as_json", False)
        if not isinstance(as_json, bool):
            raise InvalidOptionError("as_json", f"expected True or False, got {as_json!r}")
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
            "remove_background",
            self.segment_base_url,
            kwargs,
            op._build_response,
            on_success,
            headers,
            save_to,
            on_saved,
        )

    def _account_call(self) -> Call[Account]:
        from photoroom_api.api.account import get_account_v2 as op
        from photoroom_api.models.get_account_v2_response_200 import GetAccountV2Response200

        from ._results import Account, Quota

        def on_success(response: httpx.Response, parsed: Any) -> Account:
            if not isinstance(parsed, GetAccountV2Response200):
                raise PhotoroomError(f"unexpected /v2/account answer: {response.text[:200]!r}")
            images = Quota(parsed.images.available, parsed.images.subscription)
            return Account(plan=parsed.plan, images=images, http_response=response)

        return Call("account", self.base_url, op._get_kwargs, op._build_response, on_success)

    def _account_v1_call(self) -> Call[AccountV1]:
        from photoroom_api.api.account import get_account_v1 as op
        from photoroom_api.models.get_account_v1_response_200 import GetAccountV1Response200

        from ._results import AccountV1, Quota

        def on_success(response: httpx.Response, parsed: Any) -> AccountV1:
            if not isinstance(parsed, GetAccountV1Response200):
                raise PhotoroomError(f"unexpected /v1/account answer: {response.text[:200]!r}")
            credits_ = Quota(parsed.credits_.available, parsed.credits_.subscription)
            return AccountV1(credits=credits_, http_response=response)

        return Call("account_v1", self.base_url, op._get_kwargs, op._build_response, on_success)

    # -- one attempt --------------------------------------------------------------------------

    def _build_request(self, call: Call[Any]) -> httpx.Request:
        kwargs = call.make_kwargs()
        method = str(kwargs.pop("method")).upper()
        url = call.base_url + str(kwargs.pop("url"))
        headers = {
            "user-agent": f"photoroom-python/{__version__}",
            **self.default_headers,
            **kwargs.pop("headers", {}),
            **call.headers,
            "x-api-key": self._api_key,
        }
        request = self._http.build_request(
            method, url, headers=headers, timeout=self.timeout, **kwargs
        )
        if "files" in kwargs and int(request.headers.get("content-length", 0)) <= _JOIN_LIMIT:
            request.read()  # the multipart body as one block: one socket write, not four per field
        return request

    def _on_response(
        self,
        call: Call[T],
        request: httpx.Request,
        response: httpx.Response,
        retries: int,
        elapsed: float,
        saved: Path | None = None,
    ) -> Step[T]:
        """Turn an answer into a result, an error, or a retry. ``saved``: the file the answer's
        body was streamed into (``Call.stream_target``); the body is then not in memory."""
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
        if saved is not None and call.on_saved is not None:
            return Step(value=call.on_saved(response, saved))
        try:
            parsed = call.build_response(client=self._generated_client(), response=response).parsed
        except (ValueError, KeyError, TypeError, AttributeError):
            parsed = None  # a body the spec does not describe (a proxy's HTML page, ...)
        if 200 <= status < 300:
            try:
                return Step(value=call.on_success(response, parsed))
            except PhotoroomError as unreadable:
                return Step(error=unreadable)
            except (ValueError, KeyError, TypeError) as exc:
                return Step(
                    error=PhotoroomError(f"could not read the {call.operation} answer: {exc}")
                )
        error = self._status_error(response, parsed)
        if is_retryable_status(status) and retries < self.max_retries:
            return self._retry(call, request, error, retries, response.headers)
        return Step(error=error)

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
        failure: APIConnectionError
        if isinstance(exc, httpx.TimeoutException):
            failure = APITimeoutError(f"Request timed out ({type(exc).__name__}).", request=request)
        else:
            failure = APIConnectionError(
                f"Connection error: {type(exc).__name__}: {exc}", request=request
            )
        failure.__cause__ = exc
        if isinstance(exc, httpx.TransportError) and retries < self.max_retries:
            return self._retry(call, request, failure, retries, None)
        return Step(error=failure)

    def _retry(
        self,
        call: Call[T],
        request: httpx.Request,
        error: PhotoroomError,
        retries: int,
        headers: Mapping[str, str] | None,
    ) -> Step[T]:
        wait = retry_delay(retries, headers, self._rng)
        logger.info(
            "retrying %s %s in %.2fs (retry %d of %d) after: %s",
            request.method,
            request.url.copy_with(query=None),
            wait,
            retries + 1,
            self.max_retries,
            error,
        )
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
