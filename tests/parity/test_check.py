"""How ``parity check`` sorts differences: declared known deviations (with their reasons and
tolerances) are accepted, anything else is a deviation of its scenario."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import httpx
import pytest

from photoroom_emulator.__main__ import main
from photoroom_emulator.parity.catalogue import load_catalogue
from photoroom_emulator.parity.check import compare
from photoroom_emulator.parity.known import KnownDeviation, load_known
from photoroom_emulator.parity.record import RecordSettings, record, write_snapshots
from photoroom_emulator.parity.runner import Keys, Target

SCENARIO = next(s for s in load_catalogue() if s.id == "segment-default")
KEYS = Keys("sandbox_check-key")


def _observation(share: float = 0.5, **headers: Any) -> dict[str, Any]:
    return {
        "status": 200,
        "content_type": "image/png",
        "headers": {"x-uncertainty-score": 0.1, **headers},
        "image": {"format": "PNG", "size": [10, 10], "transparent_share": share},
    }


def _recorded(tmp_path: Path, observation: dict[str, Any]) -> Path:
    label = {"source": "stand-in", "target": "test", "warning": "test"}
    write_snapshots(tmp_path, {SCENARIO.id: observation}, keys=KEYS, image_base=None, label=label)
    return tmp_path


def _compare(folder: Path, observation: dict[str, Any]) -> Any:
    return compare(
        folder, SCENARIO, observation, secrets=KEYS.secrets, image_base=None, known=load_known()
    )


def test_the_same_observation_matches(tmp_path: Path) -> None:
    assert _compare(_recorded(tmp_path, _observation()), _observation()).status == "matched"


def test_a_difference_within_a_declared_tolerance_is_known_with_its_reason(tmp_path: Path) -> None:
    outcome = _compare(_recorded(tmp_path, _observation(0.5)), _observation(0.55))
    assert outcome.status == "known"
    (difference,) = outcome.differences
    assert difference.path == "image.transparent_share"
    assert difference.known is not None and "segmentation model" in difference.known.reason


def test_beyond_the_tolerance_it_is_a_deviation(tmp_path: Path) -> None:
    outcome = _compare(_recorded(tmp_path, _observation(0.5)), _observation(0.9))
    assert outcome.status == "deviated"
    assert outcome.differences[0].known is None


def test_an_infrastructure_header_of_the_api_is_known(tmp_path: Path) -> None:
    recorded = _observation(**{"cf-ray": "<present>"})
    outcome = _compare(_recorded(tmp_path, recorded), _observation())
    assert outcome.status == "known"


def test_a_new_header_is_a_deviation(tmp_path: Path) -> None:
    recorded = _observation(**{"pr-new-header": "<present>"})
    outcome = _compare(_recorded(tmp_path, recorded), _observation())
    assert outcome.status == "deviated"
    assert [d.path for d in outcome.differences] == ["headers.pr-new-header"]


def test_a_scenario_without_a_snapshot_is_skipped(tmp_path: Path) -> None:
    assert _compare(tmp_path, _observation()).status == "skipped"


def test_known_deviations_apply_only_where_their_globs_match() -> None:
    entry = KnownDeviation(path="headers.cf-*", scenarios="edit-*", reason="r")
    assert entry.covers("edit-default", "headers.cf-ray", "<present>", "<absent>")
    assert not entry.covers("segment-default", "headers.cf-ray", "<present>", "<absent>")
    assert not entry.covers("edit-default", "headers.date", "<present>", "<absent>")


def test_checking_a_remote_target_with_a_billed_key_is_refused_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    arguments = ["parity", "check", str(tmp_path), "--target", "api", "--api-key", "billed-key"]
    assert main(arguments) == 2
    assert "--allow-billed" in capsys.readouterr().err


class ThrottledOnce(httpx.BaseTransport):
    def __init__(self) -> None:
        self.calls = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.calls += 1
        if self.calls == 1:
            return httpx.Response(429, headers={"retry-after": "2"}, json={"error": {}})
        return httpx.Response(200, json={"credits": {"available": 1}})


def test_a_429_is_waited_out_once_within_the_budget(tmp_path: Path) -> None:
    transport, waits = ThrottledOnce(), []
    settings = RecordSettings(
        Target("https://image-api.photoroom.com", transport), KEYS, tmp_path, 2, sleep=waits.append
    )
    record(settings, io.StringIO())
    assert transport.calls == 2 and waits == [2.0]


def test_fixtures_are_written_for_hosting(tmp_path: Path) -> None:
    assert main(["parity", "fixtures", str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt", "product.jpg", "product.png"]
