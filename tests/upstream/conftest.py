"""``make update-spec`` in a temporary copy of the repository, with the real virtualenv.

- ``repo_copy`` (fixture): a copy of what the pipeline needs (Makefile, pyproject.toml, openapi/,
  overlay/, scripts/, generated/, src/), never .venv or .git;
- :func:`run_update_spec`: ``make update-spec SPEC=...`` in such a copy, using this checkout's
  virtualenv without reinstalling into it (``VENV=`` plus make's ``-o`` on the install stamp);
- :func:`tree_hashes`: sha256 of every file the pipeline may touch, to prove a byte-for-byte
  restore.

The virtualenv has the project installed in editable mode (pointing at this checkout), so the
pipeline's smoke test puts the copy's ``src`` and ``generated`` first on the import path and
checks that ``photoroom``, ``photoroom_api`` and ``photoroom_emulator`` come from the copy.
"""

from __future__ import annotations

import hashlib
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator, Mapping
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from .fabricate import ROOT, write_spec

VENV = Path(sys.prefix)
COPIED = ("Makefile", "pyproject.toml", "openapi", "overlay", "scripts", "generated", "src")
WATCHED = (
    "openapi",
    "generated",
    "src/photoroom/_generated",
    "src/photoroom/spec/_generated",
)
IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", ".mypy_cache", ".ruff_cache")


def copy_repository(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=IGNORED, symlinks=True)
        else:
            shutil.copy2(source, target / name)
    return target


@pytest.fixture()
def repo_copy(tmp_path: Path) -> Path:
    """A fresh copy of the repository (only what the spec pipeline needs)."""
    return copy_repository(tmp_path / "repo")


def tree_hashes(repo: Path, watched: tuple[str, ...] = WATCHED) -> dict[str, str]:
    """relative path -> sha256 for every file under ``watched`` (bytecode caches excluded)."""
    hashes = {}
    for folder in watched:
        for path in sorted((repo / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                hashes[str(path.relative_to(repo))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return hashes


def make_command(repo: Path, target: str, **variables: str) -> list[str]:
    """``make`` in ``repo`` with this virtualenv, never reinstalling into it."""
    stamp = VENV / ".installed-stamp"
    assignments = [f"{key}={value}" for key, value in {"VENV": str(VENV), **variables}.items()]
    return ["make", "--no-print-directory", "-C", str(repo), "-o", str(stamp), *assignments, target]


def run_update_spec(
    repo: Path,
    document: Mapping[str, Any] | Path | str,
    *,
    fmt: str = "json",
    env: Mapping[str, str] | None = None,
    allow_breaking: bool = False,
    timeout: float = 180,
) -> subprocess.CompletedProcess[str]:
    """``make update-spec SPEC=...`` in ``repo``; ``document`` is a dict (written as ``fmt``
    next to the copy), a path or a URL. Never raises on failure: check ``returncode``."""
    if isinstance(document, Mapping):
        spec = str(write_spec(repo.parent / "incoming", dict(document), fmt))
    else:
        spec = str(document)
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("ALLOW_BREAKING", "PYTHONPATH", "MAKEFLAGS", "MAKELEVEL")
    }
    environment |= dict(env or {})
    variables = {"SPEC": spec} | ({"ALLOW_BREAKING": "1"} if allow_breaking else {})
    return subprocess.run(
        make_command(repo, "update-spec", **variables),
        capture_output=True,
        text=True,
        env=environment,
        timeout=timeout,
    )


def report_of(result: subprocess.CompletedProcess[str]) -> str:
    """The change report ``update-spec`` printed last."""
    marker = "--- upstream changes ---\n"
    assert marker in result.stdout, result.stdout + result.stderr
    return result.stdout.split(marker, 1)[1]


@pytest.fixture()
def http_server(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A local HTTP server on 127.0.0.1 serving a folder: yields (folder, base URL)."""
    folder = tmp_path / "served"
    folder.mkdir()

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), partial(Quiet, directory=str(folder))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield folder, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
