"""The one exception the routes raise, and its rendering in each host's own error shape.

The real service runs two hosts with two error bodies: ``sdk.photoroom.com`` (``/v1/segment``)
answers ``{"detail", "status_code", "type"}``; ``image-api.photoroom.com`` (edit, account, render)
answers ``{"error": {"message"}}``, except for 402 whose body is ``{"error": {"detail"}}``. Routes
raise :class:`ApiError` without caring which; the host decides the shape.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Final

from starlette.responses import JSONResponse

CREDITS_EXHAUSTED: Final = (
    "API credits exhausted. Visit https://app.photoroom.com/api-dashboard to purchase more API "
    "credits"
)
UNEXPECTED: Final = "An unexpected error occurred. Please try again later or contact support."

# Machine-readable `type` of segment errors when the raiser names none.
_DEFAULT_TYPES: Final = {
    400: "invalid_request",
    401: "unauthorized",
    402: "payment_required",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    429: "rate_limited",
    500: "internal_error",
    503: "service_unavailable",
}


class Host(enum.Enum):
    """Which of the two real hosts an operation lives on, and so which error body it uses."""

    SEGMENT = "sdk.photoroom.com"
    IMAGE_API = "image-api.photoroom.com"


class ApiError(Exception):
    """An HTTP error answer: status, message for the caller, segment ``type``, extra headers."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        type: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.type = type or _DEFAULT_TYPES.get(status, "error")
        self.headers = dict(headers or {})


class ConnectionDropped(Exception):
    """Raised by the app after a response start to cut the connection (``drop`` fault).

    Under uvicorn the half-sent response makes the client see a protocol error; the in-process
    transports turn it into :class:`httpx.RemoteProtocolError`.
    """


def error_body(error: ApiError, host: Host) -> dict[str, object]:
    """The JSON body of ``error`` as ``host`` writes it."""
    if host is Host.SEGMENT:
        return {"detail": error.message, "status_code": error.status, "type": error.type}
    if error.status == 402:
        return {"error": {"detail": error.message}}
    return {"error": {"message": error.message}}


def error_response(error: ApiError, host: Host) -> JSONResponse:
    """Render ``error`` as a JSON response in the shape of ``host``."""
    return JSONResponse(error_body(error, host), status_code=error.status, headers=error.headers)


def bad_request(message: str, *, type: str = "invalid_request") -> ApiError:
    """A 400 with ``message`` (shorthand used by validation and input fetching)."""
    return ApiError(400, message, type=type)
