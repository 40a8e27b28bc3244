"""Generate the ``photoroom_api`` package from an (overlaid) OpenAPI document.

Runs openapi-python-client with the committed config (``openapi/generator.yaml``) and custom
templates (``openapi/templates``), with ``--fail-on-warning``: a warning means the generator
dropped something, and that is a failed build, not a footnote. Generation happens in a fresh
temporary folder (so the result never depends on what is already on disk or on ruff settings
found in parent folders) and is then moved into place.

Then ``scripts/generate_tables.py`` writes, beside it, what the hand-written layers read (the
table of operations, parameters and rules under ``spec/_generated``, and the typed option layer
under ``_generated``) into the ``photoroom`` package folder ``--tables-dir`` (default
``src/photoroom``).

Usage: ``python -m scripts.generate_client SPEC OUTPUT_PACKAGE_DIR [--tables-dir DIR]``
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from . import generate_tables

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "openapi" / "generator.yaml"
TEMPLATES = ROOT / "openapi" / "templates"
PACKAGE = "photoroom_api"
TABLES = ROOT / "src" / "photoroom"
#: Every path ``make generate`` writes (relative to the repository root).
GENERATED_PATHS = (
    "openapi/photoroom.json",
    "generated/photoroom_api",
    "src/photoroom/_generated",
    "src/photoroom/spec/_generated",
)


class GenerationError(RuntimeError):
    """openapi-python-client failed or warned."""


def generate(spec: Path, output: Path) -> list[str]:
    """Generate the package for ``spec`` into ``output``; return the operation modules made."""
    bin_dir = Path(sys.executable).parent  # the venv's openapi-python-client and ruff
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    with tempfile.TemporaryDirectory(prefix="photoroom-gen-") as tmp:
        target = Path(tmp) / PACKAGE
        command = [
            str(bin_dir / "openapi-python-client"), "generate",
            "--path", str(spec.resolve()),
            "--config", str(CONFIG),
            "--custom-template-path", str(TEMPLATES),
            "--meta", "none",
            "--output-path", str(target),
            "--fail-on-warning",
        ]  # fmt: skip
        result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=tmp)
        if result.returncode != 0 or "Warning" in result.stdout:
            raise GenerationError(f"openapi-python-client failed:\n{result.stdout}{result.stderr}")
        if output.exists():
            shutil.rmtree(output)
        output.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(target, output)
        # PEP 561: the package ships its annotations (mypy --strict in users' projects).
        (output / "py.typed").write_text("")
    return sorted(
        f"{path.parent.name}.{path.stem}"
        for path in (output / "api").glob("*/*.py")
        if path.name != "__init__.py"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("spec", type=Path)
    parser.add_argument("output", type=Path)
    parser.add_argument("--tables-dir", type=Path, default=TABLES)
    args = parser.parse_args(argv)
    try:
        operations = generate(args.spec, args.output)
    except GenerationError as error:
        print(error, file=sys.stderr)
        return 1
    try:
        generate_tables.generate(args.spec, args.output, args.tables_dir)
    except generate_tables.TableError as error:
        print(f"generate_tables: {error}", file=sys.stderr)
        return 1
    print(f"generated {args.output} ({len(operations)} operations, no generator warnings):")
    for operation in operations:
        print(f"  {operation}")
    print(f"generated the operation table and option layer under {args.tables_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
