"""How a client is configured: defaults, the key, the hosts, timeouts, retries, headers.

Everything here is settled when a client is made (or copied) and read by every call; nothing here
sends or parses. The request machine is :mod:`photoroom._core`, the operations
:mod:`photoroom._operations`.
"""

from __future__ import annotations

import dataclasses
import ipaddress
import os
import random
import warnings
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Generic, Self, TypedDict, TypeVar, Unpack
from urllib.parse import urlsplit

import httpx

from ._exceptions import InsecureConnectionWarning, InvalidOptionError, PhotoroomError
from ._logging import setup_logging

if TYPE_CHECKING:
    from ._generated.options import HeaderOptions

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_CONNECTION_LIMITS",
    "DEFAULT_SEGMENT_BASE_URL",
    "DEFAULT_TIMEOUT",
    "NOT_GIVEN",
    "CallOptions",
    "ClientConfig",
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

HttpxClientT = TypeVar("HttpxClientT", httpx.Client, httpx.AsyncClient)


class NotGiven:
    """Marks an argument as not passed where ``None`` is a meaningful value (no timeout)."""

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN = NotGiven()


def as_timeout(timeout: float | httpx.Timeout | None) -> httpx.Timeout:
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
            return NO_OPTIONS, rest
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
                timeout=as_timeout(options["timeout"]) if "timeout" in options else NOT_GIVEN,
                max_retries=max_retries,
                extra_headers=dict(options.get("extra_headers", {})),
                extra_query=dict(options.get("extra_query", {})),
                extra_body=dict(options.get("extra_body", {})),
            ),
            rest,
        )


NO_OPTIONS = CallOptions()


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


def _checked_header_options(options: Mapping[str, Any]) -> dict[str, str]:
    if not options:
        return {}
    from ._headers import client_header_options  # the option layer, only when one is given

    return client_header_options(options)


class ClientConfig(Generic[HttpxClientT]):
    """The settings of a client and its ``httpx`` pool: what every call reads, nothing it does."""

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
        header_options: Mapping[str, Any] | None = None,
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
            self.timeout = as_timeout(timeout)
        self.max_retries = max_retries
        self.retry_billed = retry_billed
        """Also retry a billed call whose request was sent in full but whose answer timed out
        or was cut (the API may have charged it: a retry may charge again)."""
        self.default_headers: dict[str, str] = dict(default_headers or {})
        self.header_options: dict[str, str] = _checked_header_options(header_options or {})
        """The spec's header options (model versions) this client sends to every operation that
        declares them, unless a call gives its own: option -> value."""
        self._rng = random.Random()

    def _check_hosts(self, stacklevel: int) -> None:
        """Warn about plain HTTP; ``stacklevel`` 1 is the caller of this method."""
        for url in dict.fromkeys((self.base_url, self.segment_base_url)):
            _warn_if_insecure(url, stacklevel + 1)

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
        **header_options: Unpack[HeaderOptions],
    ) -> Self:
        """A copy with other settings that shares this client's connection pool.

        ``default_headers`` are merged into the current ones, and so are the header options
        (``ai_background_model_version=...``; ``None`` unsets one). ``base_url`` also moves the
        segment host unless ``segment_base_url`` is given. With ``http_client`` the copy uses
        that pool (and its timeout, unless ``timeout`` is given); the caller closes it. Closing
        a copy never closes the original's pool; closing the original does.
        """
        clone = object.__new__(type(self))
        clone.__dict__.update(self.__dict__)
        clone._owns_http = False
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
            clone.timeout = as_timeout(timeout)
        if not isinstance(max_retries, NotGiven):
            if max_retries < 0:
                raise ValueError("max_retries must be >= 0")
            clone.max_retries = max_retries
        if not isinstance(default_headers, NotGiven):
            clone.default_headers = {**self.default_headers, **default_headers}
        if not isinstance(retry_billed, NotGiven):
            clone.retry_billed = retry_billed
        if header_options:
            merged: dict[str, Any] = {**self.header_options, **header_options}
            clone.header_options = _checked_header_options(merged)
        return clone

    with_options = copy
