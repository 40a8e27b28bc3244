"""``--dry-run`` on ``edit``, ``remove-bg`` and ``batch``: every input and option checked, no
request sent (counted on httpx's transports), nothing written, and one curl command per
request that, run by the real ``curl`` against the emulator, gets the answer the client gets."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from photoroom import Background, Photoroom, cli
from photoroom_emulator import run_in_thread

from .conftest import API_KEY, IMAGES, emulator_config

CURL = shutil.which("curl")


@pytest.fixture
def sent(monkeypatch: pytest.MonkeyPatch) -> list[httpx.Request]:
    """Every request handed to httpx's network transports (sync and async) in this process."""
    requests: list[httpx.Request] = []

    def sync(self: Any, request: httpx.Request) -> httpx.Response:
        requests.append(request)
        raise httpx.ConnectError("the test forbids sending", request=request)

    async def asynchronous(self: Any, request: httpx.Request) -> httpx.Response:
        requests.append(request)
        raise httpx.ConnectError("the test forbids sending", request=request)

    monkeypatch.setattr(httpx.HTTPTransport, "handle_request", sync)
    monkeypatch.setattr(httpx.AsyncHTTPTransport, "handle_async_request", asynchronous)
    return requests


@pytest.fixture
def photos(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("coffee.png", "logo.png"):
        shutil.copy(IMAGES / name, folder / name)
    return sorted(folder.iterdir())


def commands(out: str) -> list[str]:
    return [line for line in out.splitlines() if line.startswith("curl ")]


def test_a_dry_run_sends_nothing_and_writes_nothing(
    tmp_path: Path,
    photos: list[Path],
    sent: list[httpx.Request],
    capsys: pytest.CaptureFixture[str],
) -> None:
    shots, cutouts, catalogue = tmp_path / "shots", tmp_path / "cutouts", tmp_path / "catalogue"
    edit = ["edit", *map(str, photos), "-o", str(shots), "--background-color", "FFFFFF"]
    assert cli.main([*edit, "--padding", "0.1", "--api-key", API_KEY, "--dry-run"]) == 0
    assert len(commands(capsys.readouterr().out)) == 2

    assert cli.main(["remove-bg", str(photos[0]), "-o", str(cutouts), "--dry-run"]) == 0
    (printed,) = commands(capsys.readouterr().out)
    assert '-H "x-api-key: $PHOTOROOM_API_KEY"' in printed and API_KEY not in printed

    manifest = tmp_path / "catalogue.csv"
    manifest.write_text(
        "input,output,padding\n"
        f"{photos[0]},SKU-1,\n"
        f"{photos[1]},SKU-1,\n"  # a duplicate output
        f"{photos[1]},SKU-2,9\n"  # padding out of range
        "https://images.example/shoe.jpg,SKU-3,0.2\n",  # fetched by the API: a GET
        encoding="utf-8",
    )
    code = cli.main(["batch", "edit", str(manifest), "-o", str(catalogue), "--dry-run"])
    captured = capsys.readouterr()
    assert code == 1  # two rows are invalid
    printed_rows = commands(captured.out)
    assert len(printed_rows) == 2 and "imageUrl=https%3A%2F%2Fimages.example" in printed_rows[1]
    assert "line 3: " in captured.err and "already named by line 2" in captured.err
    assert "line 4: " in captured.err and "padding" in captured.err

    # a value the API would refuse is reported for each image, still without sending
    assert cli.main([*edit, "--padding", "7", "--dry-run"]) == cli.EXIT_FAILED
    assert capsys.readouterr().err.count("InvalidOptionError: padding") == 2

    assert sent == []
    assert not shots.exists() and not cutouts.exists() and not catalogue.exists()


@pytest.fixture
def emulator() -> Iterator[str]:
    with run_in_thread(emulator_config()) as server:
        yield server.url


def run_curl(command: str, cwd: Path) -> None:
    env = {**os.environ, "PHOTOROOM_API_KEY": API_KEY}
    done = subprocess.run(
        ["sh", "-c", command], cwd=cwd, env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, f"{command}\n{done.stdout}\n{done.stderr}"


@pytest.mark.skipif(CURL is None, reason="needs the curl binary (apt-get install curl)")
def test_the_printed_curl_gets_the_answer_the_client_gets(
    tmp_path: Path,
    photos: list[Path],
    emulator: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    coffee = photos[0]
    argv = [str(coffee), "-o", "curl-out", "--base-url", emulator, "--dry-run"]
    options = ["--background-color", "FFFFFF", "--padding", "0.1", "--output-size", "300x200"]
    assert cli.main(["edit", *argv, *options]) == 0
    (edit_command,) = commands(capsys.readouterr().out)
    assert cli.main(["remove-bg", *argv]) == 0
    (cutout_command,) = commands(capsys.readouterr().out)
    manifest = tmp_path / "catalogue.csv"
    manifest.write_text(f"input,output,shadow.mode\n{coffee},SKU-1,ai.soft\n", encoding="utf-8")
    batch = ["batch", "edit", str(manifest), "-o", "batch-out", "--base-url", emulator]
    assert cli.main([*batch, "--dry-run"]) == 0
    (row_command,) = commands(capsys.readouterr().out)

    with Photoroom(API_KEY, base_url=emulator) as client:
        white = Background(color="FFFFFF")
        edited = client.edit(coffee, background=white, padding=0.1, output_size="300x200")
        cutout = client.remove_background(coffee)
        row = client.edit(coffee, shadow="ai.soft")
    assert len({edited.content, cutout.content, row.content}) == 3

    (tmp_path / "curl-out").mkdir()
    (tmp_path / "batch-out").mkdir()
    run_curl(edit_command, tmp_path)
    assert (tmp_path / "curl-out" / "coffee.png").read_bytes() == edited.content
    run_curl(cutout_command, tmp_path)  # remove-bg writes the same name
    assert (tmp_path / "curl-out" / "coffee.png").read_bytes() == cutout.content
    run_curl(row_command, tmp_path)
    assert (tmp_path / "batch-out" / "SKU-1.png").read_bytes() == row.content
