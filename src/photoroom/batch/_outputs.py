"""Which line first named each output: an on-disk index, so duplicates are caught at any size.

Two manifest rows that name the same ``output`` would write the same object: the second would
find the first's object and be skipped as done, silently. The engine therefore passes every
row of the manifest (every shard reads the whole manifest, so each can judge its own rows
alone) through :func:`claim_outputs`, which records each name with the line that named it
first in a SQLite file beside the ledger and turns a later row naming it again into a
:class:`BadRow` that names that first line. A Python set would hold every name of a
10-million-row catalogue in memory; SQLite keeps them on disk behind a small page cache, so
memory stays flat. The index is rebuilt by each run (it is a view of the manifest, not state:
a crash loses nothing) and removed at the end.
"""

from __future__ import annotations

import os
import socket
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

from ._manifest import BadRow, Row

__all__ = ["DUPLICATE_OUTPUT", "OutputIndex", "claim_outputs"]

DUPLICATE_OUTPUT = "DuplicateOutput"
"""The ``error_type`` of a row whose output an earlier line already named."""
_COMMIT_EVERY = 4096
_CACHE_KIB = 4096

T = TypeVar("T", Row, BadRow)


class OutputIndex:
    """Output name -> the first line that named it, in a SQLite file (one per run)."""

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        root = Path(folder)
        root.mkdir(parents=True, exist_ok=True)
        host = socket.gethostname()
        _remove_leftovers(root, host)
        # one per run: shards of one Dask worker process run side by side
        self.path = root / f"outputs.{host}.{os.getpid()}.{uuid.uuid4().hex[:12]}.sqlite"
        # used by the manifest's reader thread (one at a time, not always the same thread)
        self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=OFF")
        self._db.execute("PRAGMA synchronous=OFF")
        self._db.execute(f"PRAGMA cache_size=-{_CACHE_KIB}")
        self._db.execute("CREATE TABLE outputs (name TEXT PRIMARY KEY, line INTEGER) WITHOUT ROWID")
        self._db.execute("BEGIN")
        self._pending = 0

    def claim(self, name: str, line: int) -> int | None:
        """Record ``name`` for ``line``; the earlier line that named it, if any."""
        cursor = self._db.execute(
            "INSERT INTO outputs (name, line) VALUES (?, ?) ON CONFLICT (name) DO NOTHING "
            "RETURNING line",
            (name, line),
        )
        if cursor.fetchone() is None:
            found = self._db.execute("SELECT line FROM outputs WHERE name = ?", (name,)).fetchone()
            return int(found[0])
        self._pending += 1
        if self._pending >= _COMMIT_EVERY:
            self._db.execute("COMMIT")
            self._db.execute("BEGIN")
            self._pending = 0
        return None

    def close(self) -> None:
        """Drop the index (it is rebuilt from the manifest by every run)."""
        try:
            self._db.close()
        finally:
            self.path.unlink(missing_ok=True)


def _remove_leftovers(root: Path, host: str) -> None:
    """Indexes left by killed runs of this machine (their process is gone) are removed."""
    for path in root.glob(f"outputs.{host}.*.sqlite"):
        try:
            pid = int(path.name[len(f"outputs.{host}.") :].split(".")[0])
            os.kill(pid, 0)
        except ProcessLookupError:
            path.unlink(missing_ok=True)
        except (ValueError, PermissionError, OSError):
            continue  # not ours to judge: another user's process, or a foreign name


def claim_outputs(rows: Iterator[Row | BadRow], index: OutputIndex) -> Iterator[Row | BadRow]:
    """``rows`` as they are, except that a row naming an output an earlier line named becomes
    a :class:`BadRow` (``DuplicateOutput``) that names that line."""
    for row in rows:
        if isinstance(row, Row) and row.output is not None:
            first = index.claim(row.output, row.line)
            if first is not None:
                row = BadRow(
                    row.line,
                    row.input,
                    f"output {row.output!r} is already named by line {first}",
                    DUPLICATE_OUTPUT,
                    output=row.output,
                )
        yield row
