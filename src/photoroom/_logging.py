"""The ``photoroom`` logger.

Nothing is printed unless the application configures logging or ``PHOTOROOM_LOG=debug|info``
is set, in which case a stderr handler is attached (once). Log lines carry method, URL,
status, elapsed time and retry decisions; headers are never logged, so the API key cannot be.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping

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


def redact_headers(headers: Mapping[str, str]) -> dict[str, str]:
    """A copy of ``headers`` that is safe to print: credentials replaced by ``<redacted>``."""
    return {
        name: "<redacted>" if name.lower() in SENSITIVE_HEADERS else value
        for name, value in headers.items()
    }
