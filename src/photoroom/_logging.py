"""The ``photoroom`` logger.

Nothing is printed unless the application configures logging or ``PHOTOROOM_LOG=debug|info``
is set, in which case a stderr handler is attached (once).

``info``: one line per answer (method, URL without its query, status, elapsed) and per retry.
``debug`` adds: the request built (operation, parameter names, body size, timeout, headers with
credentials redacted), each attempt sent, the answer's request id, content type and size, and
the reason of every retry decision (taken or not). The API key is never logged: headers go
through :func:`redact_headers`, and URLs are logged without their query.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import httpx

logger = logging.getLogger("photoroom")

SENSITIVE_HEADERS = frozenset({"x-api-key", "authorization", "proxy-authorization", "cookie"})

_configured = False


def setup_logging() -> None:
    """Honour ``PHOTOROOM_LOG`` (``debug`` or ``info``) by adding a stderr handler, once."""
    global _configured
    if _configured:
        return
    _configured = True
    level = os.environ.get("PHOTOROOM_LOG", "").strip().lower()
    if level not in ("debug", "info"):
        return
    handler = logging.StreamHandler()
    handler.setFormatter(
        logging.Formatter("[%(asctime)s %(levelname)s %(name)s] %(message)s", "%H:%M:%S")
    )
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG if level == "debug" else logging.INFO)


def redact_headers(headers: Mapping[str, str] | httpx.Headers) -> dict[str, str]:
    """A copy of ``headers`` that is safe to print: credentials replaced by ``<redacted>``."""
    return {
        name: "<redacted>" if name.lower() in SENSITIVE_HEADERS else value
        for name, value in headers.items()
    }
