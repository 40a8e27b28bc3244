"""The pipeline regenerates cleanly from every dated upstream snapshot, oldest to newest.

Older snapshots lack some parameters the overlay targets; those actions are skipped and the
skip is reported, never silent. Generation runs with --fail-on-warning, so a dropped endpoint
or response fails the test."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from openapi_spec_validator import validate

from .conftest import OVERLAY, SNAPSHOTS, load_script

apply_overlay = load_script("apply_overlay")
generate_client = load_script("generate_client")

EXPECTED_OPERATIONS = [
    "account.get_account_v1",
    "account.get_account_v2",
    "image_editing.edit_image_from_url",
    "image_editing.edit_image_upload",
    "legacy.legacy_render_template_from_url",
    "legacy.legacy_render_template_upload",
    "remove_background.remove_background",
]


def test_all_ten_snapshots_are_vendored() -> None:
    assert len(SNAPSHOTS) == 10


@pytest.mark.parametrize("snapshot", SNAPSHOTS, ids=[s.stem for s in SNAPSHOTS])
def test_snapshot_overlays_generates_and_imports(snapshot: Path, tmp_path: Path) -> None:
    document = json.loads(snapshot.read_text())
    overlay = apply_overlay.load_document(OVERLAY)
    overlaid, report = apply_overlay.apply_overlay(document, overlay)
    print("\n".join([snapshot.name, *report.lines()]))
    # Only actions for fields this (older) snapshot does not have yet may be skipped.
    get_names = {p["name"] for p in document["paths"]["/v2/edit"]["get"]["parameters"]}
    for target in report.skipped:
        fields = [name for name in re.findall(r"'([^'/]+)'", target) if "." in name]
        assert any(field not in get_names for field in fields), target
    validate(overlaid)

    spec_path = tmp_path / "photoroom.json"
    spec_path.write_text(json.dumps(overlaid))
    operations = generate_client.generate(spec_path, tmp_path / "photoroom_api")
    assert operations == EXPECTED_OPERATIONS

    imports = "; ".join(f"import photoroom_api.api.{op}" for op in operations)
    subprocess.run(
        [sys.executable, "-c", f"import sys; sys.path.insert(0, {str(tmp_path)!r}); {imports}"],
        check=True,
        cwd=tmp_path,
    )


def test_pinned_spec_is_the_newest_snapshot_with_its_provenance_recorded() -> None:
    import hashlib

    root = SNAPSHOTS[0].parents[2]
    pinned = root / "openapi" / "photoroom.upstream.json"
    lock = json.loads((root / "openapi" / "photoroom.upstream.lock.json").read_text())
    assert lock["sha256"] == hashlib.sha256(pinned.read_bytes()).hexdigest()
    assert lock["source"] == "https://image-api.photoroom.com/openapi"
