"""The ``photoroom`` command line: options derived from the client, files written, exit codes."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from photoroom import cli, demo
from photoroom._options import edit_operations, remove_background_params
from photoroom.cli import flag_name

from .conftest import API_KEY, BROKE_KEY, IMAGES, KEYS, product_png


def run(*argv: str) -> int:
    return cli.main(list(argv))


@pytest.fixture
def inputs(tmp_path: Path) -> list[str]:
    paths = []
    for name in ("red", "blue"):
        path = tmp_path / "in" / f"{name}.png"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(product_png())
        paths.append(str(path))
    return paths


@pytest.fixture
def emulator_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """``--emulator`` reads its settings from the environment: here, answers without imaging."""
    monkeypatch.setenv("PHOTOROOM_EMULATOR_PROCESSING", "off")


@pytest.fixture
def emulator_keys(emulator_env: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the keys of conftest.KEYS are valid (otherwise the emulator accepts any key)."""
    monkeypatch.setenv("PHOTOROOM_EMULATOR_KEYS", KEYS)


def help_text(capsys: pytest.CaptureFixture[str], *command: str) -> str:
    with pytest.raises(SystemExit) as exited:
        run(*command, "--help")
    assert exited.value.code == 0
    return capsys.readouterr().out


def test_edit_help_lists_every_edit_option(capsys: pytest.CaptureFixture[str]) -> None:
    text = help_text(capsys, "edit")

    for op in edit_operations():
        for param in op.params:
            if param.option is None:
                continue  # the image itself is the positional argument
            assert flag_name(param.option, param.field) in text, param.wire
            assert param.wire in text, param.wire
        for leaf in op.keyed:
            assert flag_name(leaf.option, leaf.field) in text, leaf.template
    for flag in ("--layers", "--edit-with-ai-additional-images", "--output-dir", "--overwrite"):
        assert flag in text
    assert "--background-color TEXT" in text
    assert "--shadow-mode {" in text
    assert "--no-remove-background" in text


def test_remove_bg_help_lists_every_segment_option(capsys: pytest.CaptureFixture[str]) -> None:
    text = help_text(capsys, "remove-bg")

    for option in remove_background_params():
        assert "--" + option.replace("_", "-") in text
    assert "--no-crop" in text


def test_top_level_help_lists_commands_global_options_and_exit_codes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    text = help_text(capsys)

    for word in ("remove-bg", "edit", "account", "--api-key", "--base-url", "--emulator",
                 "--concurrency", "--quiet", "--verbose", "Exit codes"):  # fmt: skip
        assert word in text


def test_edit_with_the_emulator_writes_the_marketplace_shots(
    inputs: list[str], tmp_path: Path, emulator_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"

    code = run(
        "--emulator", "--api-key", API_KEY, "edit", *inputs, "-o", str(out),
        "--background-color", "FFFFFF", "--padding", "0.1", "--output-size", "1000x1000",
        "--shadow-mode", "ai.soft", "--export-format", "webp",
        "--layers", "title.text.content=Sale", "--report", str(tmp_path / "report.json"),
    )  # fmt: skip

    assert code == cli.EXIT_OK
    assert sorted(p.name for p in out.iterdir()) == ["blue.webp", "red.webp"]
    assert Image.open(out / "red.webp").size == (1000, 1000)
    assert "2 written, 0 skipped, 0 failed" in capsys.readouterr().err
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["counts"]["written"] == 2


def test_remove_bg_takes_folders_and_resumes(
    inputs: list[str], tmp_path: Path, emulator_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "cutouts"

    assert run("--emulator", "remove-bg", str(tmp_path / "in"), "-o", str(out), "--crop") == 0
    assert run("--emulator", "remove-bg", str(tmp_path / "in"), "-o", str(out)) == 0

    assert sorted(p.name for p in out.iterdir()) == ["blue.png", "red.png"]
    assert "0 written, 2 skipped, 0 failed" in capsys.readouterr().err


def test_some_failed_items_exit_with_1(
    inputs: list[str], tmp_path: Path, emulator_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run(
        "--emulator", "remove-bg", *inputs, str(tmp_path / "missing.png"), "-o", str(tmp_path / "o")
    )

    assert code == cli.EXIT_FAILED
    assert "failed: " in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv",
    [
        ["edit", "IMG", "-o", "OUT", "--padding", "60%"],
        ["edit", "IMG", "-o", "OUT", "--shadow-mode", "ai.sfot"],
        ["edit", "IMG", "-o", "OUT", "--no-such-option"],
        ["edit", "IMG", "-o", "OUT", "--layers", "no-equals-sign"],
        ["remove-bg", "IMG"],
    ],
    ids=["invalid value", "invalid choice", "unknown option", "malformed layer", "missing -o"],
)
def test_usage_errors_exit_with_2(
    argv: list[str], inputs: list[str], tmp_path: Path, emulator_env: None
) -> None:
    argv = [inputs[0] if a == "IMG" else str(tmp_path / "o") if a == "OUT" else a for a in argv]
    with pytest.raises(SystemExit) as exited:
        run("--emulator", *argv)
    assert exited.value.code == cli.EXIT_USAGE


def test_a_missing_api_key_exits_with_2(
    inputs: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        run("remove-bg", *inputs, "-o", str(tmp_path / "o"))
    assert exited.value.code == cli.EXIT_USAGE
    assert "PHOTOROOM_API_KEY" in capsys.readouterr().err


@pytest.mark.parametrize("key", ["sk-wrong", BROKE_KEY], ids=["403 unknown key", "402 no credits"])
def test_authentication_and_payment_errors_exit_with_3(
    key: str, inputs: list[str], tmp_path: Path, emulator_keys: None
) -> None:
    assert run("--emulator", "--api-key", key, "edit", *inputs, "-o", str(tmp_path / "o")) == 3


def test_account_with_a_wrong_key_exits_with_3(emulator_keys: None) -> None:
    assert run("--emulator", "--api-key", "sk-wrong", "account") == cli.EXIT_AUTH


def test_an_unreachable_api_exits_with_4(inputs: list[str], tmp_path: Path) -> None:
    unreachable = ["--api-key", API_KEY, "--base-url", "http://127.0.0.1:9", "--max-retries", "0"]

    assert run(*unreachable, "remove-bg", *inputs, "-o", str(tmp_path / "o")) == cli.EXIT_CONNECTION
    assert run(*unreachable, "account") == cli.EXIT_CONNECTION


def test_account_prints_plan_and_balances(
    emulator_keys: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("--emulator", "--api-key", API_KEY, "account") == 0

    plan, images, credits_ = capsys.readouterr().out.splitlines()
    assert plan == "plan: plus"
    assert re.fullmatch(r"images: (\d+) of \1 available", images)
    assert credits_ == "credits (v1): 100000 of 100000 available"


def test_global_options_may_follow_the_command(
    inputs: list[str], tmp_path: Path, emulator_env: None
) -> None:
    code = run(
        "remove-bg", *inputs, "-o", str(tmp_path / "o"), "--emulator", "-q", "--concurrency", "1"
    )

    assert code == 0


def test_emulator_without_the_extra_is_a_clear_usage_error(
    inputs: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setitem(sys.modules, "photoroom_emulator.transports", None)

    with pytest.raises(SystemExit) as exited:
        run("--emulator", "remove-bg", *inputs, "-o", str(tmp_path / "o"))

    assert exited.value.code == cli.EXIT_USAGE
    assert "pip install 'photoroom-client[emulator]'" in capsys.readouterr().err


def test_the_console_script_runs(tmp_path: Path) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "photoroom.cli", "--version"], capture_output=True, text=True
    )
    assert completed.returncode == 0
    assert completed.stdout.startswith("photoroom ")


def test_the_demo_writes_cut_outs_marketplace_shots_and_webp_shadows(
    tmp_path: Path, emulator_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert demo.main([str(tmp_path / "demo-output")]) == 0

    samples = sorted(p.stem for p in IMAGES.glob("*.png"))
    for folder, suffix in (("cutouts", ".png"), ("marketplace", ".png"), ("shadow", ".webp")):
        written = sorted((tmp_path / "demo-output" / folder).iterdir())
        assert [p.name for p in written] == [stem + suffix for stem in samples]
    for path in (tmp_path / "demo-output" / "marketplace").iterdir():
        assert Image.open(path).size == (1000, 1000)
    printed = capsys.readouterr().out
    assert "demo-output/marketplace/coffee.png" in printed
    assert " KB" in printed
