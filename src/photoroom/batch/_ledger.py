"""The ledger: one JSONL record per finished or failed row, so a rerun skips what is done.

Each process appends to its own file (``shard-0003-of-0010.<host>-<pid>.jsonl``), so workers
never contend for a file; a record is one ``write`` of one line on an ``O_APPEND`` descriptor,
fsync'd before the row counts as finished. Killed at any moment, a run loses at most the rows
in flight: a torn last line is ignored on reading. Reading gathers every file of the folder
(every shard, every earlier run and worker); per key, a ``done`` record wins over any failure
(the output is stored), and otherwise the latest record by its ``time`` (files are per process,
so their order says nothing about when a record was written).
"""

from __future__ import annotations

import json
import os
import socket
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Literal

__all__ = ["Ledger", "LedgerRecord", "latest_records", "read_ledger"]

Status = Literal["done", "failed"]
LedgerRecord = dict[str, Any]


def read_ledger(folder: str | os.PathLike[str]) -> Iterator[LedgerRecord]:
    """Every complete record of every ledger file in ``folder`` (torn lines skipped)."""
    root = Path(folder)
    if not root.is_dir():
        return
    for path in sorted(root.glob("*.jsonl")):
        with open(path, "rb") as handle:
            for raw in handle:
                if not raw.endswith(b"\n"):
                    continue  # the last line of a killed writer
                try:
                    record = json.loads(raw)
                except ValueError:
                    continue
                if isinstance(record, dict) and "key" in record and "status" in record:
                    yield record


def _rank(record: LedgerRecord) -> tuple[bool, float]:
    return (record["status"] == "done", float(record.get("time", 0)))


def latest_records(
    folder: str | os.PathLike[str], keep: Callable[[str], bool] | None = None
) -> dict[str, LedgerRecord]:
    """The record that decides each key's state (see the module docstring)."""
    latest: dict[str, LedgerRecord] = {}
    for record in read_ledger(folder):
        key = str(record["key"])
        if keep is not None and not keep(key):
            continue
        if key not in latest or _rank(record) >= _rank(latest[key]):
            latest[key] = record
    return latest


class Ledger:
    """Appends the records of this process; knows the state of every key seen before."""

    def __init__(
        self,
        folder: str | os.PathLike[str],
        *,
        shard: tuple[int, int] = (0, 1),
        keep: Callable[[str], bool] | None = None,
    ) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        index, count = shard
        self.state: dict[str, tuple[Status, LedgerRecord | None]] = {}
        """key -> last status (and the record of failures, for the report)."""
        for key, record in latest_records(self.folder, keep).items():
            status: Status = "done" if record["status"] == "done" else "failed"
            self.state[key] = (status, record if status == "failed" else None)
        name = f"shard-{index:04d}-of-{count:04d}.{socket.gethostname()}-{os.getpid()}.jsonl"
        self.path = self.folder / name
        self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    def status(self, key: str) -> Status | None:
        found = self.state.get(key)
        return None if found is None else found[0]

    def failure(self, key: str) -> LedgerRecord | None:
        found = self.state.get(key)
        return None if found is None else found[1]

    def record(self, key: str, status: Status, **fields: Any) -> LedgerRecord:
        """Append one record and fsync it (blocking: call it from a worker thread)."""
        record: LedgerRecord = {"key": key, "status": status, "time": round(time.time(), 3)}
        record.update(fields)
        line = (json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n").encode()
        os.write(self._fd, line)
        os.fsync(self._fd)
        return record

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
