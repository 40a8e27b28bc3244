"""``python -m scripts.spec_diff --format markdown``: the body of the update-spec pull request."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from scripts import spec_diff

from .fabricate import ROOT, add_get_parameter, pinned_document, rename_parameter, write_spec


def test_breaking_changes_come_first_then_the_rest_by_operation(tmp_path: Path) -> None:
    new = rename_parameter(pinned_document(), "preserveMetadata", "keepMetadata")
    add_get_parameter(new, "sharpen", {"type": "boolean"})
    old_path = write_spec(tmp_path, pinned_document(), name="old")
    new_path = write_spec(tmp_path, new, "yaml", name="new")
    command = [sys.executable, "-m", "scripts.spec_diff", str(old_path)]
    result = subprocess.run(
        [*command, str(new_path), "--format", "markdown"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    markdown = result.stdout
    assert markdown.startswith("# Upstream OpenAPI changes\n")
    breaking = markdown.index("## Breaking changes")
    others = markdown.index("## Other changes")
    assert breaking < others
    assert (
        "- **`GET /v2/edit` (edit-image-get)** parameter query `preserveMetadata`: removed"
        in (markdown[breaking:others])
    )
    assert "renamed? preserveMetadata → keepMetadata" in markdown[breaking:others]
    assert "- parameter query `sharpen`: added (optional, boolean)" in markdown[others:]
    # the same report as the text one, only rendered differently
    report = spec_diff.diff_specs(
        spec_diff.load_document(old_path), spec_diff.load_document(new_path), "a", "b"
    )
    assert markdown.count("\n- ") == len(report.changes)


def test_no_changes(tmp_path: Path) -> None:
    report = spec_diff.diff_specs(pinned_document(), pinned_document(), "old", "new")
    assert report.to_markdown().endswith("No changes.\n")
    assert "Breaking" not in report.to_markdown()
