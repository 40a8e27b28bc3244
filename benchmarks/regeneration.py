"""Regeneration: the steps of ``make generate`` from the pinned spec, into a temporary folder.

Why: contributors regenerate after every overlay edit and ``make test`` regenerates to check
the committed output, so this is a loop people wait on. The steps are the Makefile's (apply the
overlay, validate the overlaid spec, run the generator) but every output goes to a temporary
folder: ``generated/`` and ``openapi/photoroom.json`` are never touched.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ._harness import ROOT, Context, Row, child_env, median

NAME = "regeneration"
REPEATS = 3


def _steps(tmp: Path) -> list[tuple[str, list[str]]]:
    spec = tmp / "photoroom.json"
    return [
        (
            "overlay",
            [
                "-m",
                "scripts.apply_overlay",
                "openapi/photoroom.upstream.json",
                "overlay/photoroom.overlay.yaml",
                str(spec),
                "--strict",
            ],
        ),
        ("validate", ["-m", "openapi_spec_validator", str(spec)]),
        ("generate", ["-m", "scripts.generate_client", str(spec), str(tmp / "photoroom_api")]),
    ]


def _once() -> dict[str, float]:
    seconds: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="photoroom-bench-gen-") as tmp:
        for name, args in _steps(Path(tmp)):
            start = time.perf_counter()
            done = subprocess.run(
                [sys.executable, *args],
                cwd=ROOT,
                env=child_env(),
                capture_output=True,
                text=True,
                timeout=300,
                check=False,
            )
            seconds[name] = time.perf_counter() - start
            if done.returncode != 0:
                raise RuntimeError(f"{name} failed: {(done.stderr or done.stdout)[-2000:]}")
    return seconds


def run(ctx: Context) -> list[Row]:
    runs = [_once() for _ in range(1 if ctx.quick else REPEATS)]
    totals = [sum(r.values()) for r in runs]
    steps = ", ".join(f"{name} {median([r[name] for r in runs]):.2f} s" for name in runs[0])
    return [
        Row(
            NAME,
            f"{median(totals):.2f} s",
            status="report",
            notes=[f"median of {len(runs)}: {steps} (into a temporary folder)"],
        )
    ]
