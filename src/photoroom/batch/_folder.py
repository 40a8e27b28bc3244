"""Folder batches: many inputs, one output folder, bounded concurrency, resumable (the front
end of the catalogue engine for ``batch_edit``: the given inputs as the rows of a manifest).

Each result is written as soon as it arrives (atomically, so an interrupted run leaves only
complete files), named after its input (``shoes/red.jpg`` -> ``out/red.png``). Outputs that
already exist are skipped, so re-running the same command finishes what a previous run did
not. One failing item is recorded in the report and never stops the others.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, Literal

import attrs

from .._inputs import output_stem
from .._progress import ProgressBar
from ._clients import ImageClient, SyncImageClient
from ._engine import RowOutcome, execute, execute_blocking, pump, pump_threads
from ._manifest import Operation, Row
from ._plan import Plan, check_options, predicted_extension
from ._store import LocalStore

__all__ = [
    "BatchItem",
    "BatchReport",
    "BatchStatus",
    "run_folder",
    "run_folder_blocking",
]

BatchStatus = Literal["written", "skipped", "failed"]


@attrs.frozen
class BatchItem:
    """What happened to one input."""

    input: str
    status: BatchStatus
    output: str | None = None
    """The file written or found (``None`` when failed)."""
    error_type: str | None = None
    """Exception class name, e.g. ``RateLimitError``."""
    error_message: str | None = None
    status_code: int | None = None
    """HTTP status of an API error, ``None`` otherwise."""

    @property
    def ok(self) -> bool:
        return self.status != "failed"


@attrs.frozen
class BatchReport:
    """Per-item outcome of a batch, in input order."""

    items: list[BatchItem]
    output_dir: str
    elapsed: float = attrs.field(default=0.0, eq=False)

    @property
    def written(self) -> list[BatchItem]:
        return [item for item in self.items if item.status == "written"]

    @property
    def skipped(self) -> list[BatchItem]:
        """Inputs whose output already existed (a previous run made it)."""
        return [item for item in self.items if item.status == "skipped"]

    @property
    def failed(self) -> list[BatchItem]:
        return [item for item in self.items if item.status == "failed"]

    @property
    def succeeded(self) -> list[BatchItem]:
        """Written or skipped: every input whose output now exists."""
        return [item for item in self.items if item.status != "failed"]

    @property
    def ok(self) -> bool:
        """True when no item failed."""
        return not self.failed

    def summary(self) -> str:
        return (
            f"{len(self.written)} written, {len(self.skipped)} skipped, {len(self.failed)} failed "
            f"-> {self.output_dir} ({self.elapsed:.1f}s)"
        )

    def to_json(self, *, indent: int | None = 2) -> str:
        """The report as JSON (for CI logs, or to retry only what failed)."""
        data = {
            "output_dir": self.output_dir,
            "elapsed": round(self.elapsed, 3),
            "counts": {
                "written": len(self.written),
                "skipped": len(self.skipped),
                "failed": len(self.failed),
            },
            "items": [attrs.asdict(item) for item in self.items],
        }
        return json.dumps(data, indent=indent)

    def __str__(self) -> str:
        return self.summary()


def _failure(source: str, exc: BaseException) -> BatchItem:
    return BatchItem(
        input=source,
        status="failed",
        error_type=type(exc).__name__,
        error_message=str(exc),
        status_code=getattr(exc, "status_code", None),
    )


class _Folder:
    """A folder batch planned: its rows, the items refused before starting, the report's parts.

    ``finish`` may be called from several threads at once (the blocking driver).
    """

    def __init__(
        self,
        operation: Operation,
        inputs: Iterable[Any],
        output_dir: str | os.PathLike[str],
        options: Mapping[str, Any],
        *,
        concurrency: int,
        progress: bool | None,
        on_item: Callable[[BatchItem], None] | None,
    ) -> None:
        if concurrency < 1:
            raise ValueError("concurrency must be >= 1")
        sources = list(inputs)
        check_options(operation, next(iter(sources), None), options)
        extension = predicted_extension(operation, options)
        self.start = time.monotonic()
        self.out = Path(output_dir)
        self.store = LocalStore(self.out, sibling_temporaries=True)
        self.items: list[BatchItem | None] = [None] * len(sources)
        label = "edit" if operation == "edit" else "remove-bg"
        self.bar = ProgressBar(len(sources), enabled=progress, label=label)
        self.on_item = on_item
        self.lock = threading.Lock()
        own = dict(options)
        self.plans: list[Plan] = []
        seen: dict[str, str] = {}
        for index, source in enumerate(sources):
            name = os.fspath(source) if isinstance(source, (str, os.PathLike)) else repr(source)
            try:
                stem = output_stem(source)
            except ValueError as exc:
                self.items[index] = _failure(name, exc)
                self.bar.update("failed")
                continue
            if stem in seen:
                self.items[index] = BatchItem(
                    input=name,
                    status="failed",
                    error_type="ValueError",
                    error_message=(
                        f"output name {stem!r} is already used by {seen[stem]!r}; rename one"
                    ),
                )
                self.bar.update("failed")
                continue
            seen[stem] = name
            row = Row(line=index, input=name, output=None, wire={})
            self.plans.append(Plan(row, "", own, stem + extension, named=False, source=source))
        if on_item is not None:
            for item in self.items:
                if item is not None:  # refused before starting (names)
                    on_item(item)
        self.workers = min(concurrency, max(1, len(self.plans)))

    def finish(self, plan: Plan, outcome: RowOutcome) -> None:
        item = BatchItem(
            input=plan.row.input,
            status=outcome.status,
            output=outcome.output,
            error_type=outcome.error_type,
            error_message=outcome.error,
            status_code=outcome.status_code,
        )
        self.items[plan.row.line] = item
        with self.lock:
            self.bar.update(item.status)
            if self.on_item is not None:
                self.on_item(item)

    def report(self) -> BatchReport:
        done = [item for item in self.items if item is not None]
        return BatchReport(
            items=done, output_dir=str(self.out), elapsed=time.monotonic() - self.start
        )


async def run_folder(
    client: ImageClient,
    operation: Operation,
    inputs: Iterable[Any],
    output_dir: str | os.PathLike[str],
    options: Mapping[str, Any],
    *,
    concurrency: int,
    overwrite: bool,
    progress: bool | None,
    on_item: Callable[[BatchItem], None] | None = None,
) -> BatchReport:
    """``operation`` on every input with at most ``concurrency`` in flight; write each result.

    Each input is a row planned here (its output name, the collisions refused), then done by
    the engine's executor (skip a stored output, call the client, put the answer whole into the
    folder) and driver. An invalid option raises before anything is sent. ``on_item`` is called
    with each item as it finishes (the CLI prints it as a JSON line). A cancelled batch
    (Ctrl-C) raises as usual; ``on_item`` has seen every item that finished.
    """
    folder = _Folder(
        operation,
        inputs,
        output_dir,
        options,
        concurrency=concurrency,
        progress=progress,
        on_item=on_item,
    )

    async def handle(plan: Plan) -> None:
        outcome = await execute(plan, folder.store, client, operation, overwrite=overwrite)
        folder.finish(plan, outcome)

    try:
        await pump(iter(folder.plans), handle, folder.workers)
    finally:
        folder.bar.close()
    return folder.report()


def run_folder_blocking(
    client: SyncImageClient,
    operation: Operation,
    inputs: Iterable[Any],
    output_dir: str | os.PathLike[str],
    options: Mapping[str, Any],
    *,
    concurrency: int,
    overwrite: bool,
    progress: bool | None,
    on_item: Callable[[BatchItem], None] | None = None,
) -> BatchReport:
    """:func:`run_folder` for a blocking client: the same rows and executor, driven by
    ``concurrency`` threads that each do whole rows (read, send, write), as a hand-written
    thread pool does; no event loop (its per-row hops cost more CPU than the rows' own work on
    two cores, benchmarks/batch.py). ``on_item`` is called under a lock, one item at a time.
    """
    folder = _Folder(
        operation,
        inputs,
        output_dir,
        options,
        concurrency=concurrency,
        progress=progress,
        on_item=on_item,
    )

    def handle(plan: Plan) -> None:
        outcome = execute_blocking(plan, folder.store, client, operation, overwrite=overwrite)
        folder.finish(plan, outcome)

    try:
        pump_threads(iter(folder.plans), handle, folder.workers)
    finally:
        folder.bar.close()
    return folder.report()
