"""The catalogue engine: a streamed manifest in, objects in a store out, a ledger of every row.

For each row of its shard the engine decides (ledger, then the store), validates (the rules of
``edit()``), reads the input if the client must (fsspec URLs), sends it through the client (the
process's rate limiter paces every attempt), writes the answer whole into the store, then
appends the row to the ledger (fsync'd). Killed at any moment it loses at most the rows in
flight: an output written but not yet recorded is found in the store on the next run and
recorded then. Memory stays bounded: rows are read in chunks into a bounded queue, and the
report keeps counts and the failures (up to :data:`MAX_REPORTED_FAILURES`; the ledger has all).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import dataclasses
import functools
import json
import os
import sys
import threading
import time
from collections.abc import Awaitable, Callable, Iterator, Mapping
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, Final, Literal, TextIO, TypeVar, cast

import attrs

from .._exceptions import AuthenticationError, PaymentRequiredError, PermissionDeniedError
from .._threads import write_in_thread
from ._clients import ImageClient, ThreadedClient, operation_method
from ._ledger import Ledger
from ._limiter import RateLimiter, attached_limiter
from ._manifest import (
    BadRow,
    Operation,
    Row,
    input_kind,
    iter_manifest,
    manifest_format,
    options_from_wire,
    row_key,
    shard_of,
)
from ._outputs import OutputIndex, claim_outputs
from ._plan import Plan, check_options, predicted_extension, stem_of
from ._store import LocalStore, open_store

if TYPE_CHECKING:
    from .._results import ImageResult
    from ._store import FsspecStore

__all__ = [
    "LEDGER_DIR",
    "MAX_REPORTED_FAILURES",
    "ManifestReport",
    "RowOutcome",
    "execute",
    "execute_blocking",
    "plan_row",
    "pump",
    "pump_threads",
    "read_fsspec",
    "run_manifest",
]

LEDGER_DIR: Final = ".photoroom-ledger"
"""The ledger folder in a local output store (object stores: ``--ledger``, or a local default)."""
MAX_REPORTED_FAILURES: Final = 10_000
_CHUNK = 256
_FATAL = (AuthenticationError, PermissionDeniedError, PaymentRequiredError)

RowStatus = Literal["written", "skipped", "failed"]
T = TypeVar("T")


@dataclasses.dataclass(frozen=True)
class RowOutcome:
    """What happened to one manifest row."""

    line: int
    input: str
    status: RowStatus
    key: str
    output: str | None = None
    """Where the row was written; for a failed row, the output its manifest row named."""
    error_type: str | None = None
    error: str | None = None
    status_code: int | None = None
    request_id: str | None = None
    uncertainty: float | None = None
    """The answer's ``x-uncertainty-score`` (-1: a person, not scored), for the review sheet."""
    previous: bool = False
    """A failure recorded by an earlier run and not retried (``retry_failed`` redoes it)."""

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in dataclasses.asdict(self).items() if v is not None}


@dataclasses.dataclass
class ManifestReport:
    """Counts of a run, its failures, where things are."""

    manifest: str
    output: str
    ledger: str
    shard: tuple[int, int]
    counts: dict[str, int] = dataclasses.field(
        default_factory=lambda: {"written": 0, "skipped": 0, "failed": 0}
    )
    failures: list[RowOutcome] = dataclasses.field(default_factory=list)
    elapsed: float = 0.0
    rate_limited: int = 0
    """429 answers seen by this process's limiter during the run."""

    @property
    def ok(self) -> bool:
        return self.counts["failed"] == 0

    def add(self, outcome: RowOutcome) -> None:
        self.counts[outcome.status] += 1
        if outcome.status == "failed" and len(self.failures) < MAX_REPORTED_FAILURES:
            self.failures.append(outcome)

    def summary(self) -> str:
        c = self.counts
        index, count = self.shard
        shard = f" (shard {index}/{count})" if count > 1 else ""
        return (
            f"{c['written']} written, {c['skipped']} skipped, {c['failed']} failed{shard} "
            f"-> {self.output} ({self.elapsed:.1f}s)"
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "manifest": self.manifest,
            "output": self.output,
            "ledger": self.ledger,
            "shard": f"{self.shard[0]}/{self.shard[1]}",
            "elapsed": round(self.elapsed, 3),
            "counts": dict(self.counts),
            "rate_limited": self.rate_limited,
            "failures": [f.to_dict() for f in self.failures],
            "failures_truncated": self.counts["failed"] > len(self.failures),
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), indent=indent)


class Progress:
    """``batch edit: 530 written 40 skipped 12 failed | 9.8/s | ETA 0:41`` on stderr."""

    def __init__(self, total: int | None, *, enabled: bool | None, label: str) -> None:
        self.stream: TextIO = sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.total = total
        self.label = label
        self.start = time.monotonic()
        self.last = 0.0

    def line(self, report: ManifestReport) -> str:
        c = report.counts
        finished = c["written"] + c["failed"] + c["skipped"]
        elapsed = max(time.monotonic() - self.start, 1e-6)
        worked = c["written"] + c["failed"]
        rate = worked / elapsed
        eta = ""
        if self.total is not None and rate > 0:
            left = max(0, self.total - finished)
            minutes, seconds = divmod(int(left / rate), 60)
            eta = f" | ETA {minutes // 60}:{minutes % 60:02d}:{seconds:02d}"
        of = f"/{self.total}" if self.total is not None else ""
        return (
            f"{self.label}: {finished}{of} | {c['written']} done {c['failed']} failed "
            f"{c['skipped']} skipped | {rate:.1f}/s{eta}"
        )

    def update(self, report: ManifestReport, *, force: bool = False) -> None:
        now = time.monotonic()
        if not self.enabled or (not force and now - self.last < 0.2):
            return
        self.last = now
        self.stream.write("\r" + self.line(report) + "\x1b[K")
        self.stream.flush()

    def close(self, report: ManifestReport) -> None:
        if self.enabled:
            self.update(report, force=True)
            self.stream.write("\n")
            self.stream.flush()


def _merge(globals_: Mapping[str, Any], row: Mapping[str, Any]) -> dict[str, Any]:
    """Row options over the batch's: a group's fields merge, a keyed map merges by id."""
    from .._generated.options import OptionGroup

    merged = dict(globals_)
    for name, value in row.items():
        base = merged.get(name)
        if isinstance(base, OptionGroup) and isinstance(value, OptionGroup):
            given: Any = value
            fields = {k: v for k, v in attrs.asdict(given, recurse=False).items() if v is not None}
            merged[name] = attrs.evolve(cast(Any, base), **fields)
        elif isinstance(base, Mapping) and isinstance(value, Mapping):
            merged[name] = {**base, **value}
        else:
            merged[name] = value
    return merged


def _wire_globals(options: Mapping[str, Any]) -> dict[str, Any]:
    """The batch's options in a stable, JSON-able form (for the row keys)."""
    out: dict[str, Any] = {}
    for name, value in sorted(options.items()):
        if attrs.has(type(value)):
            out[name] = {
                k: v for k, v in attrs.asdict(value, recurse=False).items() if v is not None
            }
        else:
            out[name] = value
    return out


def plan_row(op_name: Operation, row: Row, key: str, globals_: Mapping[str, Any]) -> Plan | BadRow:
    """A manifest row as a unit of work, or the reason the API would refuse it."""
    try:
        options = _merge(globals_, options_from_wire(op_name, row.wire))
        check_options(op_name, row.input, options)
    except (ValueError, TypeError) as exc:  # InvalidOptionError is a ValueError
        return BadRow(row.line, row.input, str(exc), type(exc).__name__)
    if row.output is not None:
        named = True
        name = (
            row.output
            if PurePosixPath(row.output).suffix
            else row.output + predicted_extension(op_name, options)
        )
    else:
        named = False
        name = stem_of(row.input) + predicted_extension(op_name, options)
    return Plan(row, key, options, name, named)


def read_fsspec(url: str) -> bytes:
    """An fsspec object's bytes (``s3://``...), naming the extra to install if it is missing."""
    try:
        import fsspec
    except ImportError as exc:
        raise ValueError(
            f"reading {url} needs fsspec: pip install 'photoroom-client[batch]'"
        ) from exc
    with fsspec.open(url, "rb") as handle:
        data: bytes = handle.read()
    return data


def count_rows(manifest: str | os.PathLike[str]) -> int | None:
    """Data lines of a local manifest (streamed count; ``None`` for remote manifests)."""
    text = os.fspath(manifest)
    if input_kind(text) != "local":
        return None
    from ._manifest import local_path

    lines = 0
    with open(local_path(text, None), "rb") as handle:
        while block := handle.read(1 << 20):
            lines += block.count(b"\n")
    return max(0, lines - (1 if manifest_format(text) == "csv" else 0))


def default_ledger(store: LocalStore | FsspecStore) -> Path:
    root = store.local_root()
    if root is not None:
        return root / LEDGER_DIR
    import hashlib

    digest = hashlib.sha256(store.url.encode()).hexdigest()[:12]
    return Path(LEDGER_DIR) / digest


async def run_manifest(
    client: ImageClient,
    manifest: str | os.PathLike[str],
    output: str | os.PathLike[str],
    *,
    operation: Operation = "edit",
    options: Mapping[str, Any] | None = None,
    shard: tuple[int, int] = (0, 1),
    ledger: str | os.PathLike[str] | None = None,
    retry_failed: bool = False,
    concurrency: int = 16,
    progress: bool | None = False,
    on_item: Callable[[RowOutcome], None] | None = None,
    storage_options: Mapping[str, Any] | None = None,
    limiter: RateLimiter | None = None,
) -> ManifestReport:
    """Run ``operation`` on the rows of ``manifest`` that fall in ``shard`` into ``output``.

    ``options`` are ``edit()`` (or ``remove_background()``) keywords for every row; a row's own
    columns win. Pace and 429 handling come from the limiter in the client's transport (see
    :func:`photoroom.batch.batch_client`); ``limiter`` is the one whose 429s the report counts
    (default: the one :func:`~photoroom.batch.batch_client` gave ``client``). Raises on an
    authentication or payment error (every row would fail the same way); any other failure is
    recorded and reported.
    """
    index, count = shard
    if count < 1 or not 0 <= index < count:
        raise ValueError(f"shard must be I/N with 0 <= I < N, got {index}/{count}")
    if concurrency < 1:
        raise ValueError("concurrency must be >= 1")
    start = time.monotonic()
    store = open_store(output, **dict(storage_options or {}))
    ledger_dir = Path(ledger) if ledger is not None else default_ledger(store)
    globals_ = dict(options or {})
    wire_globals = _wire_globals(globals_)

    def mine(key: str) -> bool:
        return shard_of(key, count) == index

    book = Ledger(ledger_dir, shard=shard, keep=mine if count > 1 else None)
    report = ManifestReport(os.fspath(manifest), store.url, str(ledger_dir), shard)
    total = await asyncio.to_thread(count_rows, manifest) if progress is not False else None
    if total is not None and count > 1:
        total = round(total / count)
    bar = Progress(total, enabled=progress, label=f"batch {operation}")
    if limiter is None:
        limiter = attached_limiter(client)
    limited_before = limiter.rate_limited if limiter is not None else 0
    inflight: set[str] = set()
    fatal: list[BaseException] = []

    def finish(outcome: RowOutcome) -> None:
        report.add(outcome)
        bar.update(report)
        if on_item is not None:
            on_item(outcome)

    async def record(outcome: RowOutcome, *, write: bool = True) -> None:
        if write:
            status: Literal["done", "failed"] = "failed" if outcome.status == "failed" else "done"
            fields = outcome.to_dict()
            for name in ("key", "status", "previous"):
                fields.pop(name, None)
            fields["result"] = outcome.status
            await write_in_thread(functools.partial(book.record, outcome.key, status, **fields))
            book.state[outcome.key] = (status, fields if status == "failed" else None)
        finish(outcome)

    async def handle(item: Row | BadRow) -> None:
        key = row_key(operation, item, wire_globals)
        if count > 1 and not mine(key):
            return
        known = book.status(key)
        if known == "done" or key in inflight:
            await record(RowOutcome(item.line, item.input, "skipped", key), write=False)
            return
        if known == "failed" and not retry_failed:
            before = book.failure(key) or {}
            outcome = RowOutcome(
                item.line,
                item.input,
                "failed",
                key,
                error_type=before.get("error_type"),
                error=before.get("error"),
                status_code=before.get("status_code"),
                output=before.get("output"),
                previous=True,
            )
            await record(outcome, write=False)
            return
        if isinstance(item, BadRow):
            await record(
                RowOutcome(
                    item.line,
                    item.input,
                    "failed",
                    key,
                    output=item.output,
                    error_type=item.error_type,
                    error=item.reason,
                )
            )
            return
        plan = plan_row(operation, item, key, globals_)
        if isinstance(plan, BadRow):
            await record(
                RowOutcome(
                    item.line,
                    item.input,
                    "failed",
                    key,
                    output=item.output,
                    error_type=plan.error_type,
                    error=plan.reason,
                )
            )
            return
        inflight.add(key)
        try:
            await process(plan)
        finally:
            inflight.discard(key)

    async def process(plan: Plan) -> None:
        try:
            outcome = await execute(plan, store, client, operation, overwrite=False, fatal=_FATAL)
        except _FATAL as exc:
            fatal.append(exc)
            raise
        await record(outcome)

    outputs = OutputIndex(ledger_dir)  # duplicate output names, on disk (flat memory)
    try:
        await pump(claim_outputs(iter_manifest(manifest, operation), outputs), handle, concurrency)
    except BaseException:
        if fatal:
            raise fatal[0] from None
        raise
    finally:
        book.close()
        outputs.close()
        report.elapsed = time.monotonic() - start
        if limiter is not None:
            report.rate_limited = limiter.rate_limited - limited_before
        report.failures.sort(key=lambda outcome: outcome.line)
        bar.close(report)
    return report


async def execute(
    plan: Plan,
    store: LocalStore | FsspecStore,
    client: ImageClient,
    operation: Operation,
    *,
    overwrite: bool,
    fatal: tuple[type[BaseException], ...] = (),
) -> RowOutcome:
    """Do one planned row: skip it if its output is stored (unless ``overwrite``), else call
    the client and put the answer in the store, whole. A failure is returned, never raised
    (except the ``fatal`` ones).

    A blocking client (:class:`ThreadedClient`) does the whole row in one worker thread; an
    asyncio client awaits the call and leaves the disk to worker threads.
    """
    if isinstance(client, ThreadedClient):
        return await client.run(
            functools.partial(
                execute_blocking,
                plan,
                store,
                client.client,
                operation,
                overwrite=overwrite,
                fatal=fatal,
            )
        )
    skipped = await asyncio.to_thread(_stored, plan, store, overwrite)
    if skipped is not None:
        return skipped
    try:
        source = plan.source
        if source is None:
            source = plan.row.input
            if input_kind(source) == "fsspec":
                source = await asyncio.to_thread(read_fsspec, source)
        result = await operation_method(client, operation)(source, **plan.options)
    except fatal:
        raise
    except Exception as exc:  # one row's failure is recorded, never fatal to the batch
        return _failure(plan.row, plan.key, exc)
    return await write_in_thread(_put, plan, store, result, overwrite)


def execute_blocking(
    plan: Plan,
    store: LocalStore | FsspecStore,
    client: Any,
    operation: Operation,
    *,
    overwrite: bool,
    fatal: tuple[type[BaseException], ...] = (),
) -> RowOutcome:
    """:func:`execute` for a blocking client, in the worker thread that makes the call."""
    skipped = _stored(plan, store, overwrite)
    if skipped is not None:
        return skipped
    try:
        source = plan.source
        if source is None:
            source = plan.row.input
            if input_kind(source) == "fsspec":
                source = read_fsspec(source)
        result = operation_method(client, operation)(source, **plan.options)
    except fatal:
        raise
    except Exception as exc:  # one row's failure is recorded, never fatal to the batch
        return _failure(plan.row, plan.key, exc)
    return _put(plan, store, result, overwrite)


def _stored(plan: Plan, store: LocalStore | FsspecStore, overwrite: bool) -> RowOutcome | None:
    """The skipped outcome of a row whose output is already stored, else ``None``."""
    if overwrite or not store.exists(plan.name):
        return None
    row = plan.row
    return RowOutcome(row.line, row.input, "skipped", plan.key, output=store.location(plan.name))


def _put(
    plan: Plan, store: LocalStore | FsspecStore, result: ImageResult, overwrite: bool
) -> RowOutcome:
    """Store the answer under its name (the answer's own extension unless the row named it)."""
    row = plan.row
    name = plan.name
    if not plan.named and not name.endswith(result.extension):
        name = str(PurePosixPath(name).with_suffix(result.extension))
        if not overwrite and store.exists(name):
            return RowOutcome(row.line, row.input, "skipped", plan.key, output=store.location(name))
    try:
        where = store.put(name, result.content)
    except Exception as exc:
        return _failure(row, plan.key, exc)
    return RowOutcome(
        row.line,
        row.input,
        "written",
        plan.key,
        output=where,
        request_id=result.request_id,
        uncertainty=result.uncertainty_score,
    )


async def pump(
    items: Iterator[T], handle: Callable[[T], Awaitable[None]], concurrency: int
) -> None:
    """``handle`` every item with ``concurrency`` tasks; items are pulled in chunks from a
    worker thread into a bounded queue (a manifest is never read whole). Cancelling (or a
    failing ``handle``) cancels every task."""
    queue: asyncio.Queue[T | None] = asyncio.Queue(maxsize=concurrency * 4)

    async def produce() -> None:
        while True:
            chunk = await asyncio.to_thread(_take, items, _CHUNK)
            for item in chunk:
                await queue.put(item)
            if len(chunk) < _CHUNK:
                break
        for _ in range(concurrency):  # only when all is queued: a failure cancels the workers
            await queue.put(None)

    async def work() -> None:
        while (item := await queue.get()) is not None:
            await handle(item)

    tasks = [asyncio.ensure_future(produce())]
    tasks += [asyncio.ensure_future(work()) for _ in range(concurrency)]
    try:
        await asyncio.gather(*tasks)
    except BaseException:
        for task in tasks:
            if not task.cancelling():  # gather cancels them once when it is cancelled itself;
                task.cancel()  # a second cancel would cut short a write it lets finish
        await asyncio.gather(*tasks, return_exceptions=True)
        raise


def pump_threads(items: Iterator[T], handle: Callable[[T], None], concurrency: int) -> None:
    """:func:`pump` with ``concurrency`` threads, each taking the next item until none is left.

    A failing ``handle`` (or an interrupt of the waiting thread) stops every thread from taking
    another item; the rows in flight finish in the background (their writes are atomic).
    """
    lock = threading.Lock()
    stop = threading.Event()

    def work() -> None:
        while not stop.is_set():
            with lock:
                item = next(items, _END)
            if item is _END:
                return
            try:
                handle(cast(T, item))
            except BaseException:
                stop.set()
                raise

    pool = concurrent.futures.ThreadPoolExecutor(concurrency, thread_name_prefix="photoroom")
    try:
        for future in [pool.submit(work) for _ in range(concurrency)]:
            future.result()
    finally:
        stop.set()
        pool.shutdown(wait=False, cancel_futures=True)


_END: Final = object()


def _take(rows: Iterator[T], size: int) -> list[T]:
    chunk: list[T] = []
    for item in rows:
        chunk.append(item)
        if len(chunk) >= size:
            break
    return chunk


def _failure(row: Row, key: str, exc: BaseException) -> RowOutcome:
    return RowOutcome(
        row.line,
        row.input,
        "failed",
        key,
        output=row.output,
        error_type=type(exc).__name__,
        error=str(exc)[:1000],
        status_code=getattr(exc, "status_code", None),
        request_id=getattr(exc, "request_id", None),
    )
