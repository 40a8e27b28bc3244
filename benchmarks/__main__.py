"""``python -m benchmarks [--quick | --scale S] [--only NAME ...] [--output PATH]``.

Runs every benchmark against emulators started here (loopback, free ports, stopped at the end
whatever happens), prints the table and writes it to ``benchmarks/results.md``. ``--quick``
(scale 0.01, two rounds) only proves that everything still runs; its numbers mean nothing and it
writes no results file unless ``--output`` is given.
"""

from __future__ import annotations

import argparse
import importlib
import os
import platform
import shlex
import sys
import tempfile
import time
import traceback
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

from ._harness import ROOT, Context, Emulators, NotReady, Row, render_table, terminate_on_sigterm

#: Module name -> the table rows it fills when it cannot run (benchmark, target).
BENCHMARKS: dict[str, list[tuple[str, str]]] = {
    "overhead": [("per-request overhead, small call", "<= 1.10")],
    "upload": [("per-request overhead, upload", "<= 1.05")],
    "batch": [("batch vs bare httpx pool", ">= 1.00"), ("batch throughput", "-")],
    "event_loop": [
        ("event-loop stall, edit(3800x3800 PIL image)", "<= 20 ms"),
        ("event-loop stall, remove_background(40 MB file)", "<= 20 ms"),
    ],
    "memory": [("memory, large image", "<= 2.0 x input")],
    "import_time": [
        ("import time", "<= 2.0"),
        ("import time, from photoroom import Photoroom", "<= 2.0"),
    ],
    "regeneration": [("regeneration", "-")],
    "segmentation": [("segmentation IoU, mean", ">= 0.85")],
    "emulator": [
        ("emulator remove-background, in-process imaging", "-"),
        ("emulator remove-background, 12 MP, HTTP", "<= 0.5 s"),
        ("emulator full /v2/edit, 12 MP, HTTP", "-"),
        ("emulator GET /v2/account", "-"),
    ],
    "catalogue": [
        ("catalogue batch at the rate limit", ">= 0.95 of the limit, <= 2 % 429"),
        ("catalogue on Dask, one shared rate budget", ">= 0.95 of the limit, <= 2 % 429"),
        ("catalogue manifest memory", "<= 50 MB"),
    ],
}
RESULTS = ROOT / "benchmarks" / "results.md"


def environment() -> str:
    def version(name: str) -> str:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return "missing"

    return (
        f"os.cpu_count() = {os.cpu_count()}, Python {platform.python_version()}, "
        f"httpx {version('httpx')}, Pillow {version('pillow')}, numpy {version('numpy')}, "
        f"{platform.system()} {platform.machine()}"
    )


def run_one(name: str, ctx: Context) -> list[Row]:
    """Run one benchmark module; a missing piece or a crash becomes a row, not an abort."""
    placeholders = BENCHMARKS[name]
    try:
        module = importlib.import_module(f"benchmarks.{name}")
        return list(module.run(ctx))
    except NotReady as exc:
        return [
            Row(b, "-", target=t, status="not measured", notes=[str(exc)]) for b, t in placeholders
        ]
    except Exception as exc:
        traceback.print_exc()
        message = (
            f"{type(exc).__name__}: {str(exc).strip().splitlines()[0] if str(exc).strip() else ''}"
        )
        return [Row(b, "-", target=t, status="error", notes=[message]) for b, t in placeholders]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--scale", type=float, default=None, help="size factor (default 1)")
    parser.add_argument("--quick", action="store_true", help="scale 0.01, two rounds: smoke run")
    parser.add_argument("--only", action="append", choices=sorted(BENCHMARKS), help="repeatable")
    parser.add_argument("--output", type=Path, help=f"results file (default {RESULTS.name})")
    args = parser.parse_args(argv)
    scale = args.scale if args.scale is not None else (0.01 if args.quick else 1.0)
    quick = args.quick or scale < 1.0
    output = args.output or (None if quick or args.only else RESULTS)
    names = args.only or list(BENCHMARKS)

    started = time.perf_counter()
    load_before = os.getloadavg()[0]
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="photoroom-bench-") as tmp, terminate_on_sigterm():
        emulators = Emulators(Path(tmp))
        ctx = Context(scale=scale, workdir=Path(tmp), emulators=emulators, quick=quick)
        try:
            for name in names:
                print(f"running {name} ...", file=sys.stderr, flush=True)
                begin = time.perf_counter()
                rows += run_one(name, ctx)
                print(f"  {name}: {time.perf_counter() - begin:.1f} s", file=sys.stderr, flush=True)
        finally:
            emulators.stop_all()
    total = time.perf_counter() - started

    table = render_table(rows)
    command = "python -m benchmarks" + ("".join(f" {shlex.quote(a)}" for a in argv or sys.argv[1:]))
    load = (
        f"1-minute load average {load_before:.2f} at the start, {os.getloadavg()[0]:.2f} at the end"
    )
    summary = (
        f"{environment()}\n\nTotal runtime {total:.1f} s (`{command.strip()}`); {load} "
        "(the benchmarks alone keep it near the number of cores; well above that, other processes "
        "competed for the CPU and the numbers are pessimistic)."
    )
    print(f"\n{table}\n\n{summary}")
    if output is not None:
        stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
        output.write_text(
            f"# Benchmark results\n\nMeasured {stamp} by `make bench`; every ratio is measured "
            "pair by pair in the same run (see `benchmarks/_harness.py`).\n\n"
            f"{table}\n\n{summary}\n"
        )
        print(f"\nwritten to {output}")
    return 1 if any(row.status == "error" for row in rows) else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        print("\ninterrupted (every emulator was stopped)", file=sys.stderr)
        sys.exit(130)
