"""Python client for the Photoroom API (remove backgrounds, edit product photos).

>>> from photoroom import Background, Photoroom
>>> client = Photoroom()  # reads PHOTOROOM_API_KEY
>>> client.remove_background("shoe.jpg").save("out/shoe")
>>> client.edit("shoe.jpg", background=Background(color="FFFFFF"), padding=0.1,
...             output_size="1000x1000", shadow="ai.soft").save("out/shoe-white")

:class:`Photoroom` blocks, :class:`AsyncPhotoroom` is for asyncio; both batch whole folders
(``batch_edit``, ``batch_remove_background``). Requests are built by the generated low-level
package ``photoroom_api``; this package adds option groups with validation, results with typed
metadata, retries, errors with the API's messages, and a ``photoroom`` command line.

Names are loaded on first access (PEP 562), so ``import photoroom`` costs little more than
``import httpx`` and a script pays only for what it uses.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._generated import OPTION_NAMES
from ._version import __version__

if TYPE_CHECKING:
    from ._client import AsyncPhotoroom, Photoroom
    from ._config import (
        DEFAULT_BASE_URL,
        DEFAULT_CONNECTION_LIMITS,
        DEFAULT_SEGMENT_BASE_URL,
        DEFAULT_TIMEOUT,
        NOT_GIVEN,
        DefaultAsyncHttpxClient,
        DefaultHttpxClient,
        NotGiven,
        RequestOptions,
    )
    from ._exceptions import (
        APIConnectionError,
        APIError,
        APIStatusError,
        APITimeoutError,
        AuthenticationError,
        BadRequestError,
        ConflictError,
        EmptyImageError,
        ImageNotFoundError,
        ImageTooLargeError,
        InsecureConnectionWarning,
        InternalServerError,
        InvalidImageError,
        InvalidOptionError,
        NotAnImageError,
        NotFoundError,
        PaymentRequiredError,
        PermissionDeniedError,
        PhotoroomError,
        RateLimitError,
        UnprocessableEntityError,
    )
    from ._generated.options import *  # noqa: F403  (option groups, Literal aliases)
    from ._inputs import ImageInput
    from ._options import RemoveBackgroundOptions
    from ._response import APIResponse, AsyncStreamedResponse, StreamedResponse
    from ._results import (
        Account,
        AccountV1,
        EditResult,
        ImageResult,
        Quota,
        RemoveBackgroundResult,
    )
    from ._retries import DEFAULT_MAX_RETRIES
    from .batch._folder import BatchItem, BatchReport

# Public name -> private module defining it.
_HOMES: dict[str, str] = {
    **dict.fromkeys(
        [
            "DEFAULT_BASE_URL",
            "DEFAULT_CONNECTION_LIMITS",
            "DEFAULT_SEGMENT_BASE_URL",
            "DEFAULT_TIMEOUT",
            "NOT_GIVEN",
            "DefaultAsyncHttpxClient",
            "DefaultHttpxClient",
            "NotGiven",
            "RequestOptions",
        ],
        "._config",
    ),
    **dict.fromkeys(["BatchItem", "BatchReport"], ".batch._folder"),
    **dict.fromkeys(["AsyncPhotoroom", "Photoroom"], "._client"),
    **dict.fromkeys(
        [
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
        ],
        "._exceptions",
    ),
    **dict.fromkeys(["APIResponse", "AsyncStreamedResponse", "StreamedResponse"], "._response"),
    "ImageInput": "._inputs",
    **dict.fromkeys(OPTION_NAMES, "._generated.options"),
    "RemoveBackgroundOptions": "._options",
    **dict.fromkeys(
        ["Account", "AccountV1", "EditResult", "ImageResult", "Quota", "RemoveBackgroundResult"],
        "._results",
    ),
    "DEFAULT_MAX_RETRIES": "._retries",
}

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_CONNECTION_LIMITS",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_SEGMENT_BASE_URL",
    "DEFAULT_TIMEOUT",
    "NOT_GIVEN",
    "APIConnectionError",
    "APIError",
    "APIResponse",
    "APIStatusError",
    "APITimeoutError",
    "Account",
    "AccountV1",
    "AsyncPhotoroom",
    "AsyncStreamedResponse",
    "AuthenticationError",
    "BadRequestError",
    "BatchItem",
    "BatchReport",
    "ConflictError",
    "DefaultAsyncHttpxClient",
    "DefaultHttpxClient",
    "EditResult",
    "EmptyImageError",
    "ImageInput",
    "ImageNotFoundError",
    "ImageResult",
    "ImageTooLargeError",
    "InsecureConnectionWarning",
    "InternalServerError",
    "InvalidImageError",
    "InvalidOptionError",
    "NotAnImageError",
    "NotFoundError",
    "NotGiven",
    "PaymentRequiredError",
    "PermissionDeniedError",
    "Photoroom",
    "PhotoroomError",
    "Quota",
    "RateLimitError",
    "RemoveBackgroundOptions",
    "RemoveBackgroundResult",
    "RequestOptions",
    "StreamedResponse",
    "UnprocessableEntityError",
    "__version__",
    *OPTION_NAMES,
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home, __name__), name)
    globals()[name] = value  # later lookups skip __getattr__
    return value


def __dir__() -> list[str]:
    return __all__
