"""Run a catalogue on Dask: one task per shard, one rate budget for the whole cluster
(``pip install 'photoroom-client[dask]'``).

>>> from distributed import Client, LocalCluster
>>> from photoroom.batch.dask import run_on_dask
>>> with LocalCluster(n_workers=4, processes=True) as cluster, Client(cluster) as dask:
...     reports = run_on_dask(dask, "s3://shop/catalogue.csv", "s3://shop/shots", shards=16,
...                           rate=10, options={"padding": 0.1})

Each task runs :func:`~photoroom.batch.run_manifest` on shard ``i/N`` with its own client,
writing the same store and ledger folder as every other shard (one ledger file per shard and
process: no contention). A task that dies is simply run again by Dask: the ledger and the store
make the rerun skip what its first attempt finished. Every argument must be picklable.

The account's ``rate`` is held by one :class:`~photoroom.batch._budget.RateBudget` living in a
Dask actor (``rate_sharing="shared"``, the default): every request of every shard reserves its
slot there, so the cluster runs at the account's limit however uneven the shards are, whichever
finish first, and whatever Dask reruns; a 429 seen by any shard pauses and slows all of them.
The budget lives on one worker: if that worker is lost, each shard carries on with its own
limiter at ``rate / N`` (and a warning in its log), and the next run makes a new budget.
:func:`run_on_dask` returns (or raises a shard's error) only once no shard is running, so a
rerun never overlaps the shards of a failed run. ``rate_sharing="per-shard"`` gives each
shard its own limiter at ``rate / N`` instead (no actor; the cluster then runs below the limit
as soon as one shard finishes before the others).
"""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import Mapping
from typing import Any, Literal

from ._manifest import Operation

__all__ = ["BudgetAddress", "RateSharing", "run_on_dask", "run_shard"]

RateSharing = Literal["shared", "per-shard"]


class BudgetAddress:
    """Where the run's :class:`RateBudget` actor lives, handed to the shards as plain data.

    Handing them the actor itself would make every shard a dependent of the actor's key: when
    the worker holding it dies, Dask would start every running shard again beside the copy
    still running (two copies of a shard write the same rows). With its address, a shard
    opens its own handle, and a lost budget only makes it fall back to its own limiter.
    """

    __slots__ = ("address", "key")

    def __init__(self, address: str, key: str) -> None:
        self.address = address
        self.key = key

    def __reduce__(self) -> tuple[Any, ...]:
        return (BudgetAddress, (self.address, self.key))

    def handle(self) -> Any:
        """An actor handle of the budget (in a Dask worker or client process)."""
        from distributed import actor

        from ._budget import RateBudget

        make: Any = actor.Actor  # untyped
        return make(RateBudget, self.address, self.key)


def run_shard(
    index: int,
    count: int,
    manifest: str,
    output: str,
    *,
    operation: Operation = "edit",
    options: Mapping[str, Any] | None = None,
    rate: float | None = None,
    budget: Any = None,
    api_key: str | None = None,
    ledger: str | None = None,
    retry_failed: bool = False,
    concurrency: int = 8,
    storage_options: Mapping[str, Any] | None = None,
    client_options: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Run shard ``index`` of ``count`` in this process; the report as a dict (picklable).

    ``budget`` (a :class:`RateBudget`, an actor handle or a :class:`BudgetAddress` of one)
    paces every request of the shard; without it, or once it cannot be reached, the shard has
    its own limiter at ``rate``. The report adds ``attempts`` (requests this shard sent,
    retries included) and ``worker_pid``.
    """
    from . import RateLimiter, batch_client, run_manifest
    from ._budget import BudgetLimiter

    async def main() -> dict[str, Any]:
        own = RateLimiter(rate, concurrency=concurrency)
        shared = budget.handle() if isinstance(budget, BudgetAddress) else budget
        limiter: Any = own if shared is None else BudgetLimiter(shared, fallback=own)
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
        data["attempts"] = limiter.sent
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
    rate_sharing: RateSharing = "shared",
    **kwargs: Any,
) -> list[dict[str, Any]]:
    """Submit one task per shard to ``dask_client`` (a ``distributed.Client``) and wait.

    ``rate`` is the account's rate (requests per second): with ``rate_sharing="shared"`` one
    budget in a Dask actor paces every shard (without ``rate`` it still shares every 429's
    pause); with ``"per-shard"`` each shard gets ``rate / shards``. Other keywords are those
    of :func:`run_shard`. Returns the shards' reports, in shard order.
    """
    if shards < 1:
        raise ValueError("shards must be >= 1")
    if rate_sharing not in ("shared", "per-shard"):
        raise ValueError(f"rate_sharing is 'shared' or 'per-shard', got {rate_sharing!r}")
    from ._budget import RateBudget

    run = uuid.uuid4().hex[:12]  # a rerun is new work for Dask (never its cached results)
    budget: Any = None
    per_shard = None if rate is None else rate / shards  # shared: if the budget is lost
    if rate_sharing == "shared":
        actor = dask_client.submit(
            RateBudget, rate, actor=True, pure=False, key=f"photoroom-rate-budget-{run}"
        )
        actor.result()  # placed and built; the future keeps it alive until the run ends
        (address,) = dask_client.who_has([actor])[actor.key]
        budget = BudgetAddress(address, str(actor.key))
    futures = [
        dask_client.submit(
            run_shard,
            index,
            shards,
            os.fspath(manifest),
            os.fspath(output),
            rate=per_shard,
            budget=budget,
            pure=False,
            key=f"photoroom-shard-{index}-of-{shards}-{run}",
            **kwargs,
        )
        for index in range(shards)
    ]
    import distributed

    wait: Any = distributed.wait  # untyped
    wait(futures)  # every shard finished or failed: none is still writing when this returns
    results: list[dict[str, Any]] = dask_client.gather(futures)
    return results
