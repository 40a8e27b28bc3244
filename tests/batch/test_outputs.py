"""Output names: a failed row's report names the output its manifest row gave it, and a row
naming an output an earlier line already named fails as a duplicate that names that line
(the index of names is on disk: memory stays flat however long the manifest is)."""

from __future__ import annotations

import json
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest

from photoroom.batch import LEDGER_DIR, Row, read_ledger
from photoroom.batch._outputs import DUPLICATE_OUTPUT, OutputIndex, claim_outputs
from photoroom.cli import main

from .conftest import write_images


def test_failed_rows_and_duplicates_are_reported_with_their_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second, third = write_images(tmp_path / "in", 3)
    manifest = tmp_path / "catalogue.csv"
    manifest.write_text(
        "input,output,padding\n"
        f"{first},SKU-001,\n"  # line 2
        f"{second},SKU-002,\n"  # line 3
        f"{third},SKU-001,\n"  # line 4: SKU-001 again
        f"{tmp_path / 'missing.png'},SKU-404,\n"  # line 5: the input cannot be read
        f"{second},SKU-BAD,7\n",  # line 6: padding out of range
        encoding="utf-8",
    )
    out, report, sheet = tmp_path / "out", tmp_path / "report.json", tmp_path / "review.html"
    argv = ["batch", "edit", str(manifest), "-o", str(out), "--emulator", "--json"]
    code = main([*argv, "--report", str(report), "--review-sheet", str(sheet)])
    assert code == 1
    printed = capsys.readouterr()

    failures = {f["line"]: f for f in json.loads(report.read_text())["failures"]}
    assert sorted(failures) == [4, 5, 6]
    assert {line: f["output"] for line, f in failures.items()} == {
        4: "SKU-001",
        5: "SKU-404",
        6: "SKU-BAD",
    }
    assert failures[4]["error_type"] == DUPLICATE_OUTPUT
    assert "'SKU-001' is already named by line 2" in failures[4]["error"]
    items = [json.loads(line) for line in printed.out.splitlines()]
    failed_items = {i["line"]: i["output"] for i in items if i.get("status") == "failed"}
    assert failed_items == {4: "SKU-001", 5: "SKU-404", 6: "SKU-BAD"}
    assert "line 4: " in printed.err and "-> SKU-001" in printed.err

    # the first row named SKU-001 is written, once; the duplicate never overwrote it
    assert sorted(p.name for p in out.glob("SKU-*")) == ["SKU-001.png", "SKU-002.png"]
    html = sheet.read_text(encoding="utf-8")
    assert "<th>output</th>" in html
    for name in ("SKU-001", "SKU-404", "SKU-BAD"):
        assert f"<td>{name}</td>" in html
    assert not list((out / LEDGER_DIR).glob("*.sqlite"))  # the index is removed at the end

    # a rerun reports the duplicate again, and still names both lines
    assert main([*argv, "--retry-failed", "--report", str(report)]) == 1
    again = {f["line"]: f for f in json.loads(report.read_text())["failures"]}
    assert "line 2" in again[4]["error"] and again[4]["output"] == "SKU-001"
    recorded = [r for r in read_ledger(out / LEDGER_DIR) if r["status"] == "failed"]
    assert {r.get("output") for r in recorded} == {"SKU-001", "SKU-404", "SKU-BAD"}


def _rows(count: int) -> Iterator[Row]:
    for index in range(count):
        yield Row(index + 2, "photo.png", f"sku/{index:09d}", {})


def _peak_bytes(count: int, folder: Path) -> int:
    index = OutputIndex(folder)
    tracemalloc.start()
    try:
        claimed = sum(1 for row in claim_outputs(_rows(count), index) if isinstance(row, Row))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
        index.close()
    assert claimed == count  # every name new: no duplicate
    return peak


def test_the_index_of_names_keeps_memory_flat(tmp_path: Path) -> None:
    """Python's peak over 10x more names stays the same (a set would grow ~100 bytes a name);
    SQLite's own page cache is capped by the index's PRAGMA cache_size."""
    small = _peak_bytes(10_000, tmp_path / "small")
    large = _peak_bytes(100_000, tmp_path / "large")
    assert large < 1.5 * small + 64 * 1024, (small, large)
    assert large < 512 * 1024, large


def test_a_killed_runs_index_is_removed_by_the_next_run(tmp_path: Path) -> None:
    import os
    import socket

    host = socket.gethostname()
    stale = tmp_path / f"outputs.{host}.999999999.0123456789ab.sqlite"  # no such process
    alive = tmp_path / f"outputs.{host}.{os.getpid()}.0123456789ab.sqlite"  # a run beside us
    stale.write_bytes(b"")
    alive.write_bytes(b"")
    index = OutputIndex(tmp_path)
    assert not stale.exists() and alive.exists() and index.path.exists()
    assert index.claim("SKU-1", 2) is None and index.claim("SKU-1", 9) == 2
    index.close()
    assert not index.path.exists() and alive.exists()
