"""The snapshots committed in parity/snapshots/ cover the catalogue and say where they came
from: the emulator, until the scheduled workflow has recorded the API."""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

from photoroom_emulator.parity.catalogue import load_catalogue
from photoroom_emulator.parity.check import recorded_ids
from photoroom_emulator.parity.record import read_manifest

SNAPSHOTS = Path(__file__).resolve().parents[2] / "parity" / "snapshots"


def test_every_recording_is_a_scenario_and_unrecorded_ones_are_listed() -> None:
    """No stale recording. A scenario the catalogue gained with the spec (each value of an enum
    upstream extended) waits for the next recording: the check skips it, saying so, and so does
    this test, in a warning, rather than failing an additive upstream update."""
    catalogue = {scenario.id for scenario in load_catalogue()}
    recorded = recorded_ids(SNAPSHOTS)
    assert not recorded - catalogue, f"recorded, but not in the catalogue: {recorded - catalogue}"
    assert recorded, "nothing recorded"
    if unrecorded := sorted(catalogue - recorded):
        warnings.warn(f"not recorded yet (the check skips them): {unrecorded}", stacklevel=1)


def test_every_file_says_whether_it_was_recorded_from_the_api() -> None:
    manifest = read_manifest(SNAPSHOTS)
    source = manifest["recorded-from"]["source"]
    for path in SNAPSHOTS.glob("*.snapshot.json"):
        label = json.loads(path.read_text())["recorded-from"]
        assert label["source"] == source
        if source != "photoroom-api":
            assert "NOT from the Photoroom API" in label["warning"]


def _strings(node: Any) -> list[str]:
    if isinstance(node, dict):
        return [text for value in node.values() for text in _strings(value)]
    if isinstance(node, list):
        return [text for value in node for text in _strings(value)]
    return [node] if isinstance(node, str) else []


def test_no_file_holds_pixels_or_a_key() -> None:
    for path in SNAPSHOTS.iterdir():
        text = path.read_text()
        assert "sandbox_parity" not in text  # the key the recording was made with
        # encoded images (base64 answers) would be long strings; only their facts are kept
        strings = _strings(json.loads(text))
        assert max(map(len, strings)) < 400, path.name
