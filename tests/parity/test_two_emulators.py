"""Record from one emulator process, check another over HTTP: the same emulator matches itself
with zero deviations, and every difference of an emulator configured to differ is reported by
scenario, with exit code 1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from photoroom_emulator.__main__ import main
from photoroom_emulator.parity.catalogue import load_catalogue

from .conftest import SANDBOX_BASIC_KEY, SANDBOX_KEY


def _record(url: str, out: Path) -> int:
    return main(
        [
            "parity", "record", "--target", url, "--api-key", SANDBOX_KEY,
            "--basic-key", SANDBOX_BASIC_KEY, "--out", str(out),
        ]
    )  # fmt: skip


def _check(folder: Path, url: str, report: Path) -> int:
    return main(
        [
            "parity", "check", str(folder), "--target", url, "--api-key", SANDBOX_KEY,
            "--basic-key", SANDBOX_BASIC_KEY, "--format", "markdown", "--output", str(report),
        ]
    )  # fmt: skip


def _rows(report: Path) -> dict[str, tuple[str, str]]:
    """scenario -> (outcome, details) from the Markdown table."""
    rows = {}
    for line in report.read_text().splitlines():
        if line.startswith("| `"):
            cells = [cell.strip() for cell in line.strip("|").split(" | ")]
            rows[cells[0].strip("`")] = (cells[1], cells[2])
    return rows


@pytest.fixture(scope="module")
def recording_of_a(emulators: tuple[str, str, str], tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("recorded-from-a")
    assert _record(emulators[0], out) == 0
    return out


def test_the_same_emulator_matches_its_recording_with_zero_deviations(
    emulators: tuple[str, str, str], recording_of_a: Path, tmp_path: Path
) -> None:
    report = tmp_path / "report.md"
    assert _check(recording_of_a, emulators[1], report) == 0
    rows = _rows(report)
    assert set(rows) == {scenario.id for scenario in load_catalogue()}
    assert {outcome for outcome, _ in rows.values()} == {"matched"}
    assert "0 deviated, 0 skipped" in report.read_text()


def test_the_recording_is_labelled_as_not_the_api_and_holds_no_key(recording_of_a: Path) -> None:
    manifest = json.loads((recording_of_a / "recording.json").read_text())
    assert manifest["recorded-from"]["source"] == "stand-in"
    assert "NOT from the Photoroom API" in manifest["recorded-from"]["warning"]
    assert manifest["keys"] == {"given": "sandbox", "basic": "sandbox"}
    for path in recording_of_a.iterdir():
        text = path.read_text()
        assert SANDBOX_KEY not in text and SANDBOX_BASIC_KEY not in text
        if path.name.endswith(".snapshot.json"):
            assert json.loads(text)["recorded-from"]["source"] == "stand-in"


def test_each_difference_of_a_differing_emulator_is_reported_by_scenario(
    emulators: tuple[str, str, str], tmp_path: Path
) -> None:
    recorded = tmp_path / "recorded-from-c"
    assert _record(emulators[2], recorded) == 0
    report = tmp_path / "report.md"
    assert _check(recorded, emulators[1], report) == 1
    rows = _rows(report)
    # a Basic-plan key: the differing emulator let it edit; the normal one refuses it
    assert rows["edit-basic-plan"][0] == "deviated"
    assert "status: recorded 200 -> observed 403" in rows["edit-basic-plan"][1]
    # changed error wording (through the wrapper)
    assert rows["segment-no-image"][0] == "deviated"
    assert "body.detail: recorded" in rows["segment-no-image"][1]
    assert "reworded" in rows["segment-no-image"][1]
    # an extra header (through the wrapper)
    assert rows["account-v2"][0] == "deviated"
    assert (
        "headers.x-parity-extra: recorded '<present>' -> observed '<absent>'"
        in (rows["account-v2"][1])
    )
    # another default format
    assert rows["edit-default"][0] == "deviated"
    assert "content_type: recorded 'image/" in rows["edit-default"][1]
    assert "-> observed 'image/png'" in rows["edit-default"][1]
    # what the differing emulator does not change still matches
    for same in ("segment-default", "account-v1", "edit-export-png", "segment-wrong-key"):
        assert rows[same][0] == "matched", rows[same]


def test_re_recording_the_same_answers_changes_no_file(
    emulators: tuple[str, str, str], recording_of_a: Path, tmp_path: Path
) -> None:
    again = tmp_path / "again"
    again.mkdir()
    for path in recording_of_a.iterdir():
        (again / path.name).write_text(path.read_text())
    before = {path.name: path.read_text() for path in again.iterdir()}
    assert _record(emulators[0], again) == 0
    assert {path.name: path.read_text() for path in again.iterdir()} == before
