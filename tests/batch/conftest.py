"""Fixtures of the catalogue-batch tests: a clean environment, small images, a local image
server (``image_server``, shared with the client tests), emulators with chosen settings."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from photoroom.batch import latest_records
from photoroom_emulator import EmulatorConfig, run_in_thread
from tests.client.conftest import API_KEY, KEYS, ImageServer, image_server, product_png

__all__ = [
    "API_KEY",
    "KEYS",
    "ImageServer",
    "image_server",
    "last_records",
    "ledger_lines",
    "product_png",
    "run_cli",
    "start_cli",
    "write_images",
]


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Tests never see the developer's key, hosts or emulator settings."""
    for name in list(os.environ):
        if name.startswith("PHOTOROOM_"):
            monkeypatch.delenv(name, raising=False)
    yield


def write_images(folder: Path, count: int, prefix: str = "item") -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        path = folder / f"{prefix}-{index:04d}.png"
        path.write_bytes(product_png((24, 18), color=(index % 255, 40, 200)))
        paths.append(path)
    return paths


@pytest.fixture(scope="module")
def faulty_emulator() -> Iterator[Any]:
    """A live emulator on 127.0.0.1: 10 % of requests fail (500, 503 or a dropped answer)."""
    config = EmulatorConfig.from_mapping(
        {
            "keys": KEYS,
            "fault_rate": 0.1,
            "faults": "500,503,drop",
            "seed": 1313,
            "processing": "off",
        }
    )
    with run_in_thread(config) as server:
        yield server


def _command(
    args: tuple[str, ...], extra_env: Mapping[str, str] | None
) -> tuple[list[str], dict[str, str]]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PHOTOROOM_")}
    env.update(extra_env or {})
    return [sys.executable, "-m", "photoroom.cli", "batch", *args], env


def run_cli(*args: str, env: Mapping[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``photoroom batch ARGS`` in a subprocess (``env``: variables added to a clean one)."""
    command, env = _command(args, env)
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)


def start_cli(*args: str, env: Mapping[str, str] | None = None) -> subprocess.Popen[bytes]:
    command, env = _command(args, env)
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)


def ledger_lines(folder: Path) -> int:
    return sum(path.read_bytes().count(b"\n") for path in folder.glob("*.jsonl") if path.is_file())


def last_records(folder: Path) -> dict[str, dict[str, Any]]:
    return latest_records(folder)
