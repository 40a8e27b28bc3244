"""The exception hierarchy.

Mirrors openai-python so habits carry over: catch :class:`PhotoroomError` for everything,
:class:`APIError` for anything that happened on the way to or at the API (it has ``request`` and
``body``), :class:`APIConnectionError` for "the API could not be reached", :class:`APIStatusError`
(or one of its per-status subclasses) for "the API answered with an error". Client-side
validation fails fast with :class:`InvalidOptionError`, which is also a :class:`ValueError`;
bad inputs (missing file, not an image, too large) are :class:`InvalidImageError` subclasses of
it, raised before anything is sent.

Errors never hold the API key in a form that leaks: their ``str``/``repr`` mention only the
status and the API's own message, and pickling drops the ``httpx`` request and response (whose
headers carry the key).
"""

from __future__ import annotations

from typing import Any

import httpx

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "EmptyImageError",
    "ImageNotFoundError",
    "ImageTooLargeError",
    "InsecureConnectionWarning",
    "InternalServerError",
    "InvalidImageError",
    "InvalidOptionError",
    "NotAnImageError",
    "NotFoundError",
    "PaymentRequiredError",
    "PermissionDeniedError",
    "PhotoroomError",
    "RateLimitError",
    "UnprocessableEntityError",
]


def _rebuild(cls: type[PhotoroomError], state: dict[str, Any]) -> PhotoroomError:
    error = cls.__new__(cls)
    Exception.__init__(error, state.pop("_args"))
    error.__dict__.update(state)
    return error


class PhotoroomError(Exception):
    """Base class of every error raised by this library."""

    # Attributes holding httpx objects (their headers carry the API key): never pickled.
    _unpicklable: tuple[str, ...] = ()

    def __reduce__(self) -> tuple[Any, ...]:
        state = {k: v for k, v in self.__dict__.items() if k not in self._unpicklable}
        state.update(dict.fromkeys(self._unpicklable))
        state["_args"] = str(self)
        return (_rebuild, (type(self), state))


class InsecureConnectionWarning(UserWarning):
    """The API key would be sent over plain HTTP to a host that is not this machine."""


class InvalidOptionError(PhotoroomError, ValueError):
    """An option was rejected before anything was sent; ``parameter`` names it as the API does."""

    def __init__(self, parameter: str, reason: str) -> None:
        self.parameter = parameter
        self.reason = reason
        super().__init__(f"{parameter}: {reason}")


class InvalidImageError(InvalidOptionError):
    """An input image was refused locally, before anything was sent; ``path`` names the file."""

    def __init__(self, parameter: str, reason: str, *, path: str | None = None) -> None:
        self.path = path
        super().__init__(parameter, f"{path}: {reason}" if path else reason)


class ImageNotFoundError(InvalidImageError):
    """The path does not exist, or is a directory."""


class EmptyImageError(InvalidImageError):
    """The file or bytes are empty (0 bytes)."""


class NotAnImageError(InvalidImageError):
    """The bytes are not an image format the API reads (checked from the magic bytes)."""


class ImageTooLargeError(InvalidImageError):
    """The file is larger than the operation accepts, in bytes or in pixels."""


class APIError(PhotoroomError):
    """Base of every error that happened on the way to or at the API.

    ``request`` is the ``httpx.Request`` sent (``None`` when unknown); ``body`` the answer's
    parsed body (``None`` when no answer arrived).
    """

    _unpicklable: tuple[str, ...] = ("request",)
    request: httpx.Request | None
    body: object

    def __init__(
        self, message: str, *, request: httpx.Request | None = None, body: object = None
    ) -> None:
        self.message = message
        self.request = request
        self.body = body
        super().__init__(message)


class APIConnectionError(APIError):
    """The API could not be reached, or the connection broke before a full answer arrived.

    ``may_be_billed`` is True when the whole request had been sent to a billed operation before
    the failure: the API may have processed (and charged) it, so it was not retried unless
    ``retry_billed=True``.
    """

    def __init__(
        self,
        message: str = "Connection error.",
        *,
        request: httpx.Request | None = None,
        may_be_billed: bool = False,
    ):
        self.may_be_billed = may_be_billed
        super().__init__(message, request=request)


class APITimeoutError(APIConnectionError):
    """The request took longer than the configured ``timeout``."""

    def __init__(
        self,
        message: str = "Request timed out.",
        *,
        request: httpx.Request | None = None,
        may_be_billed: bool = False,
    ):
        super().__init__(message, request=request, may_be_billed=may_be_billed)


class APIStatusError(APIError):
    """The API answered with a 4xx or 5xx status.

    ``message`` is the API's own explanation (``detail`` on the segment host, ``error.message``
    or ``error.detail`` on the image-api host); ``body`` is the parsed generated error model
    (e.g. ``RemoveBackgroundError``, ``APIError``), or the decoded JSON / text when the status is
    not documented.
    """

    _unpicklable = ("request", "response")

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        body: object = None,
        response: httpx.Response | None = None,
        request_id: str | None = None,
    ) -> None:
        self.status_code = status_code
        self.response = response
        self.request_id = request_id
        self.message = message
        request = None
        if response is not None:
            try:
                request = response.request
            except RuntimeError:  # a Response built without a request
                request = None
        super().__init__(self._describe(), request=request, body=body)
        self.message = message

    def _describe(self) -> str:
        try:
            reason = httpx.codes(self.status_code).get_reason_phrase(self.status_code)
        except ValueError:
            reason = ""
        text = f"{self.status_code} {reason}".rstrip()
        if self.message:
            text += f": {self.message}"
        if self.request_id:
            text += f" (request id {self.request_id})"
        return text

    def __repr__(self) -> str:
        return f"{type(self).__name__}(status_code={self.status_code}, message={self.message!r})"


class BadRequestError(APIStatusError):
    """400: the API refused an option or the image."""


class AuthenticationError(APIStatusError):
    """401: the API key is missing or wrong."""


class PaymentRequiredError(APIStatusError):
    """402: the account has no credits left."""


class PermissionDeniedError(APIStatusError):
    """403: the key is invalid or its plan does not include this endpoint.

    The real API answers 403, not 401, to a missing or invalid key.
    """


class NotFoundError(APIStatusError):
    """404: no such endpoint (usually a wrong ``base_url``)."""


class ConflictError(APIStatusError):
    """409: the request conflicts with the state of the resource (retried automatically)."""


class UnprocessableEntityError(APIStatusError):
    """422: the request was well-formed but its content could not be processed."""


class RateLimitError(APIStatusError):
    """429: too many requests; ``retry_after`` is the server's ``Retry-After`` in seconds."""

    def __init__(self, message: str, *, retry_after: float | None = None, **kwargs: Any) -> None:
        self.retry_after = retry_after
        super().__init__(message, **kwargs)


class InternalServerError(APIStatusError):
    """5xx: the API failed; these are retried automatically."""


_STATUS_ERRORS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    402: PaymentRequiredError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def status_error_class(status_code: int) -> type[APIStatusError]:
    """The most specific error class for an HTTP status."""
    if status_code >= 500:
        return InternalServerError
    return _STATUS_ERRORS.get(status_code, APIStatusError)
