"""The pieces of ``scripts/update_spec.py`` on their own: the snapshot and the generated paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts import update_spec

from .conftest import tree_hashes


def test_a_snapshot_puts_back_changed_deleted_and_added_files(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    (root / "openapi").mkdir(parents=True)
    (root / "openapi" / "pin.json").write_text("{}\n")
    (root / "generated" / "pkg" / "api").mkdir(parents=True)
    (root / "generated" / "pkg" / "api" / "op.py").write_text("x = 1\n")
    watched = ("openapi", "generated", "src/photoroom/_generated")
    before = tree_hashes(root, watched)
    paths = ["openapi/pin.json", "generated/pkg", "src/photoroom/_generated"]
    snapshot = update_spec.Snapshot.take(root, tmp_path / "store", paths)

    (root / "openapi" / "pin.json").write_text('{"changed": true}\n')
    (root / "generated" / "pkg" / "api" / "op.py").unlink()
    (root / "generated" / "pkg" / "new.py").write_text("y = 2\n")
    (root / "src" / "photoroom" / "_generated").mkdir(parents=True)  # did not exist before
    (root / "src" / "photoroom" / "_generated" / "table.py").write_text("")
    untouched = root / "openapi" / "untouched.json"
    untouched.write_text("[]\n")
    snapshot.saved["openapi/untouched.json"] = True
    (tmp_path / "store" / "openapi" / "untouched.json").write_text("[]\n")
    mtime = untouched.stat().st_mtime_ns
    restored = snapshot.restore()

    assert tree_hashes(root, watched) == before | {
        "openapi/untouched.json": tree_hashes(root, ("openapi",))["openapi/untouched.json"]
    }
    assert not (root / "src" / "photoroom" / "_generated").exists()
    assert untouched.stat().st_mtime_ns == mtime  # an unchanged file is not rewritten
    assert sorted(restored) == [
        "generated/pkg/api/op.py",
        "generated/pkg/new.py",
        "openapi/pin.json",
        "src/photoroom/_generated/",
    ]


def test_generated_paths_come_from_the_generator_script(tmp_path: Path) -> None:
    assert "generated/photoroom_api" in update_spec.generated_paths()
    (tmp_path / "scripts").mkdir()
    (tmp_path / "scripts" / "generate_client.py").write_text('"""No GENERATED_PATHS here."""\n')
    assert update_spec.generated_paths(tmp_path) == update_spec.DEFAULT_GENERATED_PATHS
    (tmp_path / "scripts" / "generate_client.py").write_text('GENERATED_PATHS = ("a", "b/c")\n')
    assert update_spec.generated_paths(tmp_path) == ("a", "b/c")


@pytest.mark.parametrize(
    ("value", "allowed"), [("1", True), ("yes", True), ("0", False), ("", False)]
)
def test_allow_breaking_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, value: str, allowed: bool
) -> None:
    monkeypatch.setenv("ALLOW_BREAKING", value)
    assert update_spec.allow_breaking_from_env() is allowed
