"""``python -m photoroom.demo`` (``make demo``): the command line against the offline emulator.

Runs the same code path as ``photoroom --emulator ...`` on the sample photos of
``tests/data/images/`` and writes into ``demo-output/``:

* ``cutouts/``: transparent cut-outs (``remove-bg``);
* ``marketplace/``: white 1000x1000 shots with 10 % padding, the usual marketplace listing format;
* ``shadow/``: WebP images with a soft AI shadow.

No API key and no network are needed.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from . import cli

SAMPLES = Path("tests") / "data" / "images"
OUTPUT = Path("demo-output")


def find_samples() -> Path:
    """The sample photo folder: next to the source checkout, or under the current directory."""
    candidates = [Path(__file__).resolve().parents[2] / SAMPLES, Path.cwd() / SAMPLES]
    for folder in candidates:
        if folder.is_dir() and any(folder.glob("*.png")):
            return folder
    raise SystemExit(
        "photoroom.demo: sample photos not found (looked in "
        + ", ".join(str(c) for c in candidates)
        + "); run it from a checkout of the photoroom-client repository"
    )


def _human(size: int) -> str:
    for unit in ("B", "KB", "MB"):
        if size < 1024 or unit == "MB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024  # type: ignore[assignment]
    return f"{size} B"  # pragma: no cover


def main(argv: Sequence[str] | None = None) -> int:
    """Run the three demo batches; print every file written with its size."""
    output = Path(argv[0]) if argv else OUTPUT
    samples = sorted(str(p) for p in find_samples().glob("*.png"))
    runs = [
        ("cutouts", ["remove-bg"]),
        (
            "marketplace",
            [
                "edit",
                "--background-color",
                "FFFFFF",
                "--output-size",
                "1000x1000",
                "--padding",
                "0.1",
            ],
        ),
        ("shadow", ["edit", "--shadow-mode", "ai.soft", "--export-format", "webp"]),
    ]
    worst = cli.EXIT_OK
    for folder, command in runs:
        target = output / folder
        print(f"photoroom --emulator {' '.join(command)} {SAMPLES}/*.png -o {target}")
        code = cli.main(
            ["--emulator", "--quiet", *command, *samples, "-o", str(target), "--overwrite"]
        )
        worst = max(worst, code)
        for path in sorted(target.iterdir()):
            if path.is_file() and not path.name.startswith("."):
                print(f"  {path}  {_human(path.stat().st_size)}")
    print("done" if worst == cli.EXIT_OK else f"finished with exit code {worst}")
    return worst


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
