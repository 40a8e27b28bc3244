"""Batches, folder and catalogue: streamed manifests, any fsspec store, a durable ledger, shards
and one process-wide rate limiter, planned and run by one engine.

``Photoroom.batch_edit`` (a folder) and :func:`run_manifest` (a manifest) plan their rows here
(:mod:`._plan`) and run them on one engine (:mod:`._engine`) that needs of a client only an
awaitable ``edit``/``remove_background`` (:class:`ImageClient`; a blocking client runs in worker
threads through :class:`ThreadedClient`) and is handed its rate limiter.

>>> import asyncio
>>> from photoroom.batch import batch_client, run_manifest
>>> async def main() -> None:
...     async with batch_client(rate=10) as client:  # 10 requests/s, AIMD on 429s
...         report = await run_manifest(client, "catalogue.csv", "s3://bucket/shots",
...                                     shard=(0, 4), options={"padding": 0.1})
...         print(report.summary())

The same from a shell: ``photoroom batch edit catalogue.csv --output s3://bucket/shots``.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

from ._budget import BudgetLimiter, RateBudget
from ._clients import ImageClient, SyncImageClient, ThreadedClient
from ._engine import LEDGER_DIR, ManifestReport, RowOutcome, run_manifest
from ._folder import BatchItem, BatchReport, run_folder
from ._ledger import Ledger, latest_records, read_ledger
from ._limiter import (
    LimitedTransport,
    RateLimiter,
    attach_limiter,
    attached_limiter,
    parse_rate,
    shared_limiter,
)
from ._manifest import (
    BadRow,
    ManifestError,
    Row,
    iter_manifest,
    options_from_wire,
    row_key,
    shard_of,
)
from ._store import FsspecStore, LocalStore, open_store

if TYPE_CHECKING:
    from photoroom import AsyncPhotoroom

__all__ = [
    "LEDGER_DIR",
    "BadRow",
    "BatchItem",
    "BatchReport",
    "BudgetLimiter",
    "FsspecStore",
    "ImageClient",
    "Ledger",
    "LimitedTransport",
    "LocalStore",
    "ManifestError",
    "ManifestReport",
    "RateBudget",
    "RateLimiter",
    "Row",
    "RowOutcome",
    "SyncImageClient",
    "ThreadedClient",
    "attach_limiter",
    "attached_limiter",
    "batch_client",
    "iter_manifest",
    "latest_records",
    "open_store",
    "options_from_wire",
    "parse_rate",
    "read_ledger",
    "row_key",
    "run_folder",
    "run_manifest",
    "shard_of",
    "shared_limiter",
]


@contextlib.asynccontextmanager
async def batch_client(
    api_key: str | None = None,
    *,
    rate: float | None = None,
    concurrency: int = 16,
    limiter: RateLimiter | None = None,
    transport: Any = None,
    **client_options: Any,
) -> AsyncIterator[AsyncPhotoroom]:
    """An :class:`~photoroom.AsyncPhotoroom` whose every attempt passes the process's limiter.

    ``rate`` is the target in requests per second (``None``: as fast as ``concurrency`` and the
    429 answers allow); ``transport`` an inner ``httpx`` async transport (tests: the emulator's).
    The limiter is :func:`shared_limiter` (configured with ``rate`` and ``concurrency``) unless
    one is given, so the batches of one process share the account's limit.
    """
    import httpx

    # The public name, as a user imports it: the clients use this package (batch_edit,
    # run_manifest), so this package reaches the client class only through photoroom's exports.
    from photoroom import AsyncPhotoroom

    from .._config import DEFAULT_CONNECTION_LIMITS, DEFAULT_TIMEOUT

    if limiter is None:
        limiter = shared_limiter()
        limiter.configure(rate, concurrency)
    inner = (
        transport
        if transport is not None
        else httpx.AsyncHTTPTransport(limits=DEFAULT_CONNECTION_LIMITS)
    )
    timeout = client_options.get("timeout")
    http = httpx.AsyncClient(
        transport=LimitedTransport(inner, limiter),
        timeout=timeout if isinstance(timeout, (int, float, httpx.Timeout)) else DEFAULT_TIMEOUT,
    )
    try:
        async with AsyncPhotoroom(api_key, http_client=http, **client_options) as client:
            attach_limiter(client, limiter)
            yield client
    finally:
        await http.aclose()
