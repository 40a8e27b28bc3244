"""Import time: ``python -c "import photoroom"`` against ``python -c "import httpx"``.

Why: scripts and CLIs pay the import on every start. The client needs httpx anyway, so httpx
is the floor; everything above it is the client's own modules and what they pull in eagerly
(the generated package, attrs, dateutil). Each sample is a fresh interpreter (wall clock,
interpreter start-up included on both sides), alternating with the baseline. ``photoroom``
resolves its names lazily, so a second row times what users actually write,
``from photoroom import Photoroom``, against the same baseline.
"""

from __future__ import annotations

import subprocess
import sys
import time

from ._harness import ROOT, Context, Row, child_env, median, ms, verdict

NAME = "import time"
#: What every user writes; ``photoroom`` loads its modules lazily, so this is the real cost.
CLIENT_NAME = "import time, from photoroom import Photoroom"
TARGET = 2.0
SAMPLES = 10


def _run(code: str, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *extra, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        cwd=ROOT,
        env=child_env(),
    )


def _seconds(code: str) -> float:
    start = time.perf_counter()
    _run(code)
    return time.perf_counter() - start


def heaviest_imports(code: str, floor: str, top: int = 5) -> list[tuple[str, float]]:
    """Top-level packages that ``code`` loads and ``floor`` does not, by their own (self)
    import seconds summed over their submodules (from ``-X importtime``)."""

    def self_times(code: str) -> dict[str, float]:
        times: dict[str, float] = {}
        for line in _run(code, "-X", "importtime").stderr.splitlines():
            parts = line.split("|")
            if len(parts) != 3 or not parts[0].startswith("import time:"):
                continue
            try:
                micros = float(parts[0].removeprefix("import time:"))
            except ValueError:
                continue
            package = parts[2].strip().split(".")[0]
            times[package] = times.get(package, 0.0) + micros / 1e6
        return times

    ours, base = self_times(code), self_times(floor)
    extra = {name: t for name, t in ours.items() if name not in base}
    return sorted(extra.items(), key=lambda item: -item[1])[:top]


def run(ctx: Context) -> list[Row]:
    samples = ctx.rounds(SAMPLES)
    commands = {
        "module": "import photoroom",
        "client": "from photoroom import Photoroom",
        "baseline": "import httpx",
    }
    for code in commands.values():
        _seconds(code)  # warm-up: bytecode caches, page cache
    seconds: dict[str, list[float]] = {name: [] for name in commands}
    for index in range(samples):
        order = list(commands.items())
        for name, code in order if index % 2 == 0 else reversed(order):
            seconds[name].append(_seconds(code))

    base = seconds["baseline"]
    rows = []
    for name, label in (("module", NAME), ("client", CLIENT_NAME)):
        ratio = median([o / b for o, b in zip(seconds[name], base, strict=True)])
        heavy = heaviest_imports(commands[name], "import httpx")
        rows.append(
            Row(
                label,
                ms(median(seconds[name])),
                ms(median(base)),
                f"{ratio:.2f}",
                f"<= {TARGET:.1f}",
                verdict(ratio <= TARGET),
                [
                    f'`python -c "{commands[name]}"` vs `python -c "import httpx"`, median '
                    f"of {samples} fresh interpreters each, alternating; imports beyond httpx: "
                    + (", ".join(f"{pkg} {ms(t)}" for pkg, t in heavy) or "none")
                ],
            )
        )
    return rows
