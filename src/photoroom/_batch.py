"""Batches: many inputs, one output folder, bounded concurrency, resumable.

Each result is written as soon as it arrives (atomically, so an interrupted run leaves only
complete files), named after its input (``shoes/red.jpg`` -> ``out/red.png``). Outputs that
already exist are skipped, so re-running the same command finishes what a previous run did
not. One failing item is recorded in the report and never stops the others.
"""

from __future__ import annotations

import asyncio
import json
import os
import time
from collections.abc import Awaitable, Callable, Iterable
from pathlib import Path
from typing import Any, Literal

import attrs

from ._inputs import output_stem
from ._progress import ProgressBar
from ._results import ImageResult, atomic_write

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

    ``on_item`` is called with each item as it finishes (the CLI prints it as a JSON line).
    Results are written by a worker thread, so the event loop never waits on the disk. A
    cancelled batch (Ctrl-C) raises as usual; ``on_item`` has seen every item that finished.
    """
    if concurrency < 1:
        raise ValueError("concurrency must be >= 1")
    start = time.monotonic()
    sources = list(inputs)
    out = Path(output_dir)
    out.mkdir(parents=True, exist_ok=True)
    items: list[BatchItem | None] = [None] * len(sources)
    bar = ProgressBar(len(sources), enabled=progress, label=label)

    todo: list[tuple[int, str]] = []
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
        todo.append((index, stem))

    async def process(source: Any, name: str, stem: str) -> BatchItem:
        expected = out / (stem + extension)
        if not overwrite and expected.exists():
            return BatchItem(input=name, status="skipped", output=str(expected))
        try:
            result = await submit(source)
        except Exception as exc:  # one item's failure is recorded, never fatal to the batch
            return _failure(name, exc)
        target = out / (stem + result.extension)
        if not overwrite and target != expected and target.exists():
            return BatchItem(input=name, status="skipped", output=str(target))
        try:
            await asyncio.to_thread(atomic_write, target, result.content)
        except OSError as exc:
            return _failure(name, exc)
        return BatchItem(input=name, status="written", output=str(target))

    pending = iter(todo)

    async def worker() -> None:
        for index, stem in pending:  # workers share one iterator: each item runs once
            source = sources[index]
            name = os.fspath(source) if isinstance(source, (str, os.PathLike)) else repr(source)
            item = await process(source, name, stem)
            items[index] = item
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
        await asyncio.gather(*(worker() for _ in range(min(concurrency, max(1, len(todo))))))
    finally:
        bar.close()
    return report()
