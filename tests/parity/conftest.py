"""Emulator processes on loopback for the parity tests, and the keys they know."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

HERE = Path(__file__).resolve().parent
#: The accounts every emulator process of these tests knows (sandbox twins included).
KEYS = "parity:1000000:plus,parity-basic:1000000:basic"
SANDBOX_KEY = "sandbox_parity"
SANDBOX_BASIC_KEY = "sandbox_parity-basic"
START_TIMEOUT = 60.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_up(url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the emulator at {url} exited with {process.returncode}")
        try:
            if httpx.get(url + "/health", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise RuntimeError(f"the emulator at {url} did not start in {START_TIMEOUT} s")


class EmulatorProcesses:
    """Starts emulator processes (all at once, so they boot in parallel) and stops them."""

    def __init__(self) -> None:
        self.processes: list[subprocess.Popen[bytes]] = []

    def start(self, *commands: list[str]) -> list[str]:
        started = []
        for command in commands:
            port = free_port()
            process = self._spawn(command, port)
            self.processes.append(process)
            started.append((f"http://127.0.0.1:{port}", process))
        for url, process in started:
            wait_until_up(url, process)
        return [url for url, _ in started]

    @staticmethod
    def _spawn(command: list[str], port: int) -> subprocess.Popen[bytes]:
        arguments = [part.replace("{port}", str(port)) for part in command]
        return subprocess.Popen(
            [sys.executable, *arguments], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )

    def stop(self) -> None:
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


def emulator_command() -> list[str]:
    """A normal emulator on ``{port}``: the test keys, no imaging (fast; the same on both)."""
    return [
        "-m",
        "photoroom_emulator",
        "--port",
        "{port}",
        "--keys",
        KEYS,
        "--processing",
        "off",
        "--log-level",
        "warning",
    ]


def differing_command() -> list[str]:
    return [str(HERE / "differing_emulator.py"), "{port}"]


@pytest.fixture(scope="session")
def emulators() -> Iterator[tuple[str, str, str]]:
    """Three emulator processes on loopback: two alike (A, B) and one that differs (C)."""
    processes = EmulatorProcesses()
    try:
        a, b, c = processes.start(emulator_command(), emulator_command(), differing_command())
        yield a, b, c
    finally:
        processes.stop()
