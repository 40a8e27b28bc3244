"""Run a catalogue on Dask: one task per shard (``pip install 'photoroom-client[dask]'``).

>>> from distributed import Client, LocalCluster
>>> from photoroom.batch.dask import run_on_dask
>>> with LocalCluster(n_workers=4, processes=True) as cluster, Client(cluster) as dask:
...     reports = run_on_dask(dask, "s3://shop/catalogue.csv", "s3://shop/shots", shards=16,
...                           rate=10, options={"padding": 0.1})

Each task runs :func:`~photoroom.batch.run_manifest` on shard ``i/N`` with its own client and
its own limiter at ``rate / N`` (so the shards together hold the account's rate), writing the
same store and ledger folder as every other shard (one ledger file per shard and process: no
contention). A task that dies is simply run again by Dask: the ledger and the store make the
rerun skip what its first attempt finished. Every argument must be picklable.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Mapping
from typing import Any

from ._manifest import Operation

__all__ = ["run_on_dask", "run_shard"]


def run_shard(
    index: int,
    count: int,
    manifest: str,
    output: str,
    *,
    operation: Operation = "edit",
    options: Mapping[str, Any] | None = None,
    rate: float | None = None,
    api_key: str | None = None,
    ledger: str | None = None,
    retry_failed: bool = False,
    concurrency: int = 8,
    storage_options: Mapping[str, Any] | None = None,
    client_options: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Run shard ``index`` of ``count`` in this process; the report as a dict (picklable)."""
    from . import RateLimiter, batch_client, run_manifest

    async def main() -> dict[str, Any]:
        limiter = RateLimiter(rate, concurrency=concurrency)
        async with batch_client(api_key, limiter=limiter, **dict(client_options or {})) as client:
            report = await run_manifest(
                client,
                manifest,
                output,
                operation=operation,
                options=options,
                shard=(index, count),
                ledger=ledger,
                retry_failed=retry_failed,
                concurrency=concurrency,
                storage_options=storage_options,
            )
        data = report.to_dict()
        data["worker_pid"] = os.getpid()
        return data

    return asyncio.run(main())


def run_on_dask(
    dask_client: Any,
    manifest: str | os.PathLike[str],
    output: str | os.PathLike[str],
    *,
    shards: int,
    rate: float | None = None,
    **kwargs: Any,
) -> list[dict[str, Any]]:
    """Submit one task per shard to ``dask_client`` (a ``distributed.Client``) and wait.

    ``rate`` is the account's rate (requests per second), divided among the shards; other
    keywords are those of :func:`run_shard`. Returns the shards' reports, in shard order.
    """
    if shards < 1:
        raise ValueError("shards must be >= 1")
    import uuid

    per_shard = None if rate is None else rate / shards
    run = uuid.uuid4().hex[:12]  # a rerun is new work for Dask (never its cached results)
    futures = [
        dask_client.submit(
            run_shard,
            index,
            shards,
            os.fspath(manifest),
            os.fspath(output),
            rate=per_shard,
            pure=False,
            key=f"photoroom-shard-{index}-of-{shards}-{run}",
            **kwargs,
        )
        for index in range(shards)
    ]
    results: list[dict[str, Any]] = dask_client.gather(futures)
    return results
