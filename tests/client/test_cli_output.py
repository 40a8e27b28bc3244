"""The command line's output: short usage errors, ``--json``, ``--report -``, the report after
Ctrl-C, progress with rate and ETA, messages in CLI terms."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PIL import Image

from photoroom import cli
from photoroom._progress import ProgressBar, format_duration

from .conftest import REPO, product_png


def run(*argv: str) -> int:
    return cli.main(list(argv))


@pytest.fixture
def inputs(tmp_path: Path) -> list[str]:
    paths = []
    for name in ("red", "blue", "green"):
        path = tmp_path / "in" / f"{name}.png"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(product_png())
        paths.append(str(path))
    return paths


@pytest.fixture(autouse=True)
def _fast_emulator(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PHOTOROOM_EMULATOR_PROCESSING", "off")


@pytest.mark.parametrize(
    "argv",
    [
        ["bogus"],
        ["edit", "x.png", "-o", "out", "--concurrency", "many"],
        ["remove-bg", "x.png"],
        ["edit", "x.png", "-o", "out", "--no-such-flag"],
    ],
    ids=["invalid command", "bad type", "missing -o", "unknown flag"],
)
def test_usage_errors_take_at_most_three_lines(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        run(*argv)
    assert exited.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert 1 <= len(err) <= 3, err
    assert "error:" in err[0] and "--help" in err[-1]


def test_account_json_is_one_object(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("--emulator", "account", "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["plan"] == "plus"
    assert set(data["images"]) == {"available", "subscription"}


def test_batch_json_prints_one_line_per_item_and_a_summary(
    capsys: pytest.CaptureFixture[str], inputs: list[str], tmp_path: Path
) -> None:
    missing = str(tmp_path / "in" / "missing.png")
    code = run("--emulator", "remove-bg", *inputs, missing, "-o", str(tmp_path / "out"), "--json")
    assert code == 1
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    items, summary = lines[:-1], lines[-1]
    assert sorted(item["input"] for item in items) == sorted([*inputs, missing])
    assert all(item["type"] == "item" for item in items)
    assert {item["status"] for item in items} == {"written", "failed"}
    assert summary["type"] == "summary"
    assert (summary["written"], summary["failed"], summary["interrupted"]) == (3, 1, False)


def test_report_dash_goes_to_stdout(
    capsys: pytest.CaptureFixture[str],
    inputs: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("--emulator", "edit", *inputs, "-o", "out", "--report", "-", "-q") == 0
    report = json.loads(capsys.readouterr().out)
    assert report["counts"]["written"] == 3 and report["interrupted"] is False
    assert not (tmp_path / "-").exists()


def test_no_key_speaks_cli(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        run("account")
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "--api-key" in err and "PHOTOROOM_API_KEY" in err
    assert "Photoroom(" not in err
    assert len(err.strip().splitlines()) <= 3


def test_progress_shows_rate_and_eta(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = [100.0]
    monkeypatch.setattr("photoroom._progress.time.monotonic", lambda: clock[0])
    stream = io.StringIO()
    bar = ProgressBar(10, enabled=True, stream=stream, label="edit", min_interval=0)
    clock[0] += 4.0
    bar.update("written")
    bar.update("written")
    text = bar.render()
    assert "0.5/s" in text and "ETA 0:16" in text  # 8 left at 0.5 per second
    assert format_duration(3725) == "1:02:05"


def test_sigint_mid_batch_leaves_the_report_and_no_partial_file(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for index in range(40):
        (folder / f"img{index:02d}.png").write_bytes(product_png())
    out, report = tmp_path / "out", tmp_path / "report.json"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PHOTOROOM_")}
    env.update(
        PHOTOROOM_EMULATOR_PROCESSING="off",
        PHOTOROOM_EMULATOR_LATENCY_MS="150",
        PYTHONPATH=str(REPO / "src"),
    )
    command = [sys.executable, "-m", "photoroom.cli", "--emulator", "edit", str(folder)]
    command += ["-o", str(out), "--report", str(report), "--concurrency", "2", "--json"]
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if out.exists() and len([p for p in out.iterdir() if p.suffix == ".png"]) >= 3:
            break
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=60)

    assert process.returncode == 130, stderr
    data = json.loads(report.read_text())
    assert data["interrupted"] is True
    written = [item for item in data["items"] if item["status"] == "written"]
    assert 1 <= len(written) < 40
    for item in written:
        assert Path(item["output"]).exists()
    assert [p.name for p in out.iterdir() if p.name.startswith(".") or p.suffix == ".part"] == []
    files = sorted(out.iterdir())
    # A write that finished as Ctrl-C arrived may be on disk without being in the report (a
    # re-run skips it); at most one per worker, and every file is a complete image.
    assert len(written) <= len(files) <= len(written) + 2
    for path in files:
        Image.open(path).load()
    assert "interrupted" in stderr
    summary = json.loads(stdout.splitlines()[-1])
    assert summary["type"] == "summary" and summary["interrupted"] is True


def test_vv_logs_more_than_v_and_never_the_key(capsys: pytest.CaptureFixture[str]) -> None:
    key = "sk-cli-secret-0123456789"
    assert run("--emulator", "--api-key", key, "-v", "account") == 0
    info = capsys.readouterr().err
    assert run("--emulator", "--api-key", key, "-vv", "account") == 0
    debug = capsys.readouterr().err
    assert "GET https://image-api.photoroom.com/v2/account -> 200" in info
    assert len(debug.splitlines()) > len(info.splitlines())
    assert "request built: GET" in debug and "request built" not in info
    assert key not in info and key not in debug
    assert run("--emulator", "--api-key", key, "account") == 0
    assert "[INFO" not in capsys.readouterr().err  # the handler went away with the command
