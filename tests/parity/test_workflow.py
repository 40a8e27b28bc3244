"""The scheduled parity workflow skips cleanly without the PHOTOROOM_SANDBOX_KEY secret, and
otherwise records, reports, and opens a pull request only when the snapshots changed.
(`make lint` runs actionlint on it with the other workflows.)"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

WORKFLOW = Path(__file__).resolve().parents[2] / ".github" / "workflows" / "parity.yml"
GUARD = "steps.secret.outputs.present == 'true'"


def _steps() -> list[dict[str, Any]]:
    document = yaml.safe_load(WORKFLOW.read_text())
    (job,) = document["jobs"].values()
    steps: list[dict[str, Any]] = job["steps"]
    return steps


def _run_guard(key: str, tmp_path: Path) -> str:
    guard = _steps()[0]
    output = tmp_path / "github_output"
    output.touch()
    env = {**os.environ, "PHOTOROOM_SANDBOX_KEY": key, "GITHUB_OUTPUT": str(output)}
    subprocess.run(["bash", "-e", "-c", guard["run"]], env=env, check=True, capture_output=True)
    return output.read_text()


def test_the_first_step_reads_the_secret_into_an_output() -> None:
    guard = _steps()[0]
    assert guard["id"] == "secret"
    assert guard["env"]["PHOTOROOM_SANDBOX_KEY"] == "${{ secrets.PHOTOROOM_SANDBOX_KEY }}"


@pytest.mark.parametrize(("key", "present"), [("", "false"), ("sandbox_abc", "true")])
def test_the_guard_says_whether_the_key_is_there(key: str, present: str, tmp_path: Path) -> None:
    assert _run_guard(key, tmp_path) == f"present={present}\n"


def test_without_the_secret_every_later_step_is_skipped() -> None:
    for step in _steps()[1:]:
        assert GUARD in step.get("if", ""), step.get("name", step.get("uses"))


def test_the_key_is_passed_in_the_environment_not_on_the_command_line() -> None:
    (record,) = [s for s in _steps() if "parity record --" in s.get("run", "")]
    assert "secrets." not in record["run"]
    assert record["env"]["PHOTOROOM_PARITY_API_KEY"] == "${{ secrets.PHOTOROOM_SANDBOX_KEY }}"
    assert "--target api" in record["run"]


def test_a_pull_request_is_opened_only_on_changed_snapshots_with_the_report_as_body() -> None:
    (pull_request,) = [s for s in _steps() if "create-pull-request" in s.get("uses", "")]
    assert "steps.changes.outputs.changed == 'true'" in pull_request["if"]
    assert pull_request["with"]["body-path"].endswith("/report.md")
    (check,) = [s for s in _steps() if "parity check" in s.get("run", "")]
    assert '--output "$RUNNER_TEMP/report.md"' in check["run"]
