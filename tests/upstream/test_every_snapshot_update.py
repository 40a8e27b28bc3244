"""``ALLOW_BREAKING=1 make update-spec`` to every dated upstream snapshot succeeds.

In a copy of the repository, the pin goes to the oldest snapshot, then forward through every
one to the newest, and back to today's pin (the newest snapshot, unless the project has since
adopted a later release), which must restore every generated file byte for byte. Each step is
the weekly update with breaking changes allowed: parameters disappear (older versions predate
some) and come back. Each must pass the update's smoke test, which has the emulator answer one
request per operation of that version, so code that reads a field a version lacks leaves its
behaviour unreachable instead of crashing the emulator; the change report names each such place.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from .conftest import copy_repository, report_of, run_update_spec, tree_hashes
from .fabricate import ROOT

SNAPSHOTS = sorted((ROOT / "openapi" / "snapshots").glob("*.json"))
UNREACHABLE = "Emulator behaviour no longer reachable"


def generated_constants(repo: Path) -> set[str]:
    """``Product.CONSTANT`` of every field the copy's generated names module has."""
    source = (repo / "src" / "photoroom" / "spec" / "_generated" / "names.py").read_text()
    constants: set[str] = set()
    product = ""
    for line in source.splitlines():
        if found := re.match(r"class (\w+)\(", line):
            product = found.group(1)
        elif found := re.match(r"    ([A-Z0-9_]+): Final", line):
            constants.add(f"{product}.{found.group(1)}")
    return constants


def generated_files(repo: Path) -> dict[str, str]:
    """Hashes of the pin and everything generated from it; the lock says when and from where the
    pin was taken, which differs by design (its document hash is compared apart)."""
    hashes = tree_hashes(repo)
    del hashes["openapi/photoroom.upstream.lock.json"]
    return hashes


def lock_of(repo: Path) -> dict[str, str]:
    lock: dict[str, str] = json.loads(
        (repo / "openapi" / "photoroom.upstream.lock.json").read_text()
    )
    return lock


def test_every_snapshot_oldest_first_and_back(tmp_path: Path) -> None:
    assert len(SNAPSHOTS) >= 2
    repo = copy_repository(tmp_path / "repo")
    before = generated_files(repo)
    pin = ROOT / "openapi" / "photoroom.upstream.json"
    back_to_the_pin = [pin] if pin.read_bytes() != SNAPSHOTS[-1].read_bytes() else []
    unreachable_seen = 0
    for snapshot in [*SNAPSHOTS, *back_to_the_pin]:
        result = run_update_spec(repo, snapshot, allow_breaking=True)
        assert result.returncode == 0, f"{snapshot.name}:\n{result.stdout}{result.stderr}"
        assert "smoke: all passed" in result.stdout, f"{snapshot.name}:\n{result.stdout}"
        report = report_of(result)
        section = report.split(UNREACHABLE, 1)[1].split("\n\n", 1)[0]
        listed = re.findall(r"^  (\w+\.\w+) \(", section, flags=re.MULTILINE)
        # each listed read names a field this version does not have
        assert not set(listed) & generated_constants(repo), (snapshot.name, listed)
        unreachable_seen += len(listed)
    # the oldest versions lack fields the emulator reads: the chain did exercise a removal
    assert unreachable_seen
    assert generated_files(repo) == before
    assert lock_of(repo)["sha256"] == lock_of(ROOT)["sha256"]
