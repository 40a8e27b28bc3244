"""Batches: many inputs, one output folder, bounded concurrency, resumable (folder batches
run on the catalogue engine of :mod:`photoroom.batch`: a manifest of the given inputs).

Each result is written as soon as it arrives (atomically, so an interrupted run leaves only
complete files), named after its input (``shoes/red.jpg`` -> ``out/red.png``). Outputs that
already exist are skipped, so re-running the same command finishes what a previous run did
not. One failing item is recorded in the report and never stops the others.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Awaitable, Callable, Iterable
from pathlib import Path
from typing import Any, Literal

import attrs

from ._inputs import output_stem
from ._progress import ProgressBar
from ._results import ImageResult

__all__ = [
    "BatchItem",
    "BatchReport",
    "BatchStatus",
    "run_batch",
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


async def run_batch(
    inputs: Iterable[Any],
    output_dir: str | os.PathLike[str],
    submit: Callable[[Any], Awaitable[ImageResult]],
    *,
    extension: str,
    concurrency: int,
    overwrite: bool,
    progress: bool | None,
    label: str = "",
    on_item: Callable[[BatchItem], None] | None = None,
) -> BatchReport:
    """Run ``submit`` on every input with at most ``concurrency`` in flight; write each result.

    The folder front end of the catalogue engine (:mod:`photoroom.batch`): each input is a row
    planned here (its output name, the collisions refused), then done by the engine's shared
    executor (skip a stored output, submit, put the answer whole into the folder) and driver.
    ``on_item`` is called with each item as it finishes (the CLI prints it as a JSON line).
    Results are written by a worker thread, so the event loop never waits on the disk. A
    cancelled batch (Ctrl-C) raises as usual; ``on_item`` has seen every item that finished.
    """
    from .batch._engine import Plan, execute, pump
    from .batch._manifest import Row
    from .batch._store import LocalStore

    if concurrency < 1:
        raise ValueError("concurrency must be >= 1")
    start = time.monotonic()
    sources = list(inputs)
    out = Path(output_dir)
    store = LocalStore(out, sibling_temporaries=True)
    items: list[BatchItem | None] = [None] * len(sources)
    bar = ProgressBar(len(sources), enabled=progress, label=label)

    plans: list[Plan] = []
    seen: dict[str, str] = {}
    for index, source in enumerate(sources):
        name = os.fspath(source) if isinstance(source, (str, os.PathLike)) else repr(source)
        try:
            stem = output_stem(source)
        except ValueError as exc:
            items[index] = _failure(name, exc)
            bar.update("failed")
            continue
        if stem in seen:
            items[index] = BatchItem(
                input=name,
                status="failed",
                error_type="ValueError",
                error_message=f"output name {stem!r} is already used by {seen[stem]!r}; rename one",
            )
            bar.update("failed")
            continue
        seen[stem] = name
        row = Row(line=index, input=name, output=None, wire={})
        plans.append(Plan(row, "", {}, stem + extension, named=False, source=source))

    async def submit_plan(plan: Plan) -> ImageResult:
        return await submit(plan.source)

    async def handle(plan: Plan) -> None:
        outcome = await execute(plan, store, submit_plan, overwrite=overwrite)
        item = BatchItem(
            input=plan.row.input,
            status=outcome.status,
            output=outcome.output,
            error_type=outcome.error_type,
            error_message=outcome.error,
            status_code=outcome.status_code,
        )
        items[plan.row.line] = item
        bar.update(item.status)
        if on_item is not None:
            on_item(item)

    if on_item is not None:
        for item in items:
            if item is not None:  # refused before starting (names)
                on_item(item)

    def report() -> BatchReport:
        done = [item for item in items if item is not None]
        return BatchReport(items=done, output_dir=str(out), elapsed=time.monotonic() - start)

    try:
        await pump(iter(plans), handle, min(concurrency, max(1, len(plans))))
    finally:
        bar.close()
    return report()
