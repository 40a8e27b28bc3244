"""Smoke test of ``python -m benchmarks``: every benchmark still runs at a tiny scale.

``--quick`` shrinks every size (scale 0.01: a few requests, kilobyte images) and repeats twice,
so the numbers mean nothing and nothing here looks at them: the test only proves that each
benchmark produces a measured row, that the run exits cleanly and that it leaves no emulator
listening behind it.
"""

from __future__ import annotations

import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

#: Every row the benchmark table must have.
BENCHMARKS = [
    "per-request overhead, small call",
    "per-request overhead, upload",
    "batch vs bare httpx pool",
    "batch throughput",
    "event-loop stall, edit(3800x3800 PIL image)",
    "event-loop stall, remove_background(40 MB file)",
    "memory, large image",
    "import time",
    "import time, from photoroom import Photoroom",
    "regeneration",
    "emulator remove-background, in-process imaging",
    "emulator remove-background, 12 MP, HTTP",
    "emulator full /v2/edit, 12 MP, HTTP",
    "emulator GET /v2/account",
    "catalogue batch at the rate limit",
    "catalogue on Dask, one shared rate budget",
    "catalogue manifest memory",
]
MEASURED = {"pass", "FAIL", "report"}


@pytest.fixture(scope="module")
def quick_run(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[subprocess.CompletedProcess[str], str]:
    output = tmp_path_factory.mktemp("bench") / "results.md"
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick", "--output", str(output)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    return done, output.read_text() if output.exists() else ""


def _rows(table: str) -> dict[str, list[str]]:
    rows = {}
    for line in table.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) == 6:
            rows[cells[0]] = cells
    return rows


def test_the_quick_run_exits_cleanly(
    quick_run: tuple[subprocess.CompletedProcess[str], str],
) -> None:
    done, table = quick_run
    assert done.returncode == 0, done.stderr[-4000:]
    assert "os.cpu_count()" in table and "Total runtime" in table


@pytest.mark.parametrize("benchmark", BENCHMARKS)
def test_every_benchmark_is_measured(
    quick_run: tuple[subprocess.CompletedProcess[str], str], benchmark: str
) -> None:
    done, table = quick_run
    rows = _rows(table)
    assert benchmark in rows, f"no row for {benchmark!r}:\n{table}\n{done.stderr[-2000:]}"
    status = rows[benchmark][5]
    notes = [line for line in table.splitlines() if line.startswith(f"- **{benchmark}**")]
    assert status in MEASURED, f"{benchmark}: {status}: {notes}"


def test_no_emulator_is_left_running(
    quick_run: tuple[subprocess.CompletedProcess[str], str],
) -> None:
    done, _ = quick_run
    ports = [
        int(port) for port in re.findall(r"started emulator http://127\.0\.0\.1:(\d+)", done.stderr)
    ]
    assert ports, done.stderr[-2000:]
    for port in ports:
        with socket.socket() as sock:
            sock.settimeout(1.0)
            assert sock.connect_ex(("127.0.0.1", port)) != 0, f"emulator on port {port} still up"
