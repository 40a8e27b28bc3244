"""The layer boundaries are import-linter contracts: a wrong import fails ``make lint`` by name.

Each case copies ``src/`` (and the generated client) to a temporary folder, adds one import a
newcomer might write, and runs ``lint-imports`` on the copy with the project's contracts. The
contract that must catch it is looked up by id in ``pyproject.toml``, so a renamed contract is
still checked by the name it has.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def contract_name(contract_id: str) -> str:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    contracts = config["tool"]["importlinter"]["contracts"]
    return next(c["name"] for c in contracts if c["id"] == contract_id)


def lint_copy(tmp_path: Path, module: str, line: str) -> subprocess.CompletedProcess[str]:
    """``lint-imports`` on a copy of the sources where ``module`` also has ``line``."""
    for folder in ("src", "generated"):
        shutil.copytree(
            ROOT / folder, tmp_path / folder, ignore=shutil.ignore_patterns("__pycache__")
        )
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    target = tmp_path / module
    target.write_text(target.read_text() + f"\n{line}\n")
    env = {
        **os.environ,
        "PYTHONPATH": f"{tmp_path / 'src'}{os.pathsep}{tmp_path / 'generated'}",
        "COLUMNS": "200",  # one contract name on one line
    }
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_sources_keep_every_contract(tmp_path: Path) -> None:
    result = lint_copy(tmp_path, "src/photoroom/spec/__init__.py", "")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "line", "contract_id"),
    [
        # the emulator reaching into the client's private core
        (
            "src/photoroom_emulator/app.py",
            "import photoroom._client",
            "emulator-reads-the-public-spec",
        ),
        # the imaging core learning the API's names
        (
            "src/photoroom_emulator/imaging/layout.py",
            "import photoroom.spec",
            "imaging-knows-no-api",
        ),
        (
            "src/photoroom_emulator/imaging/compose.py",
            "from .. import adapter",
            "imaging-knows-no-api",
        ),
        # the spec layer depending on the client built on it
        ("src/photoroom/spec/schema.py", "import photoroom._options", "photoroom-layers"),
        # the client depending on the CLI above it
        ("src/photoroom/_results.py", "import photoroom.cli", "photoroom-layers"),
        # a cycle inside the emulator
        ("src/photoroom_emulator/config.py", "import photoroom_emulator.app", "emulator-acyclic"),
    ],
)
def test_a_wrong_import_fails_with_the_contracts_name(
    tmp_path: Path, module: str, line: str, contract_id: str
) -> None:
    result = lint_copy(tmp_path, module, line)
    assert result.returncode == 1, result.stdout + result.stderr
    broken = result.stdout.split("Broken contracts", 1)[-1]
    assert contract_name(contract_id) in broken, result.stdout
