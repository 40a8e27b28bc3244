"""``parity record``: run the catalogue against a target and store one snapshot per scenario.

Snapshots are ``localstack-snapshot`` files (``<scenario>.snapshot.json``), written through its
:class:`SnapshotSession` with the redacting transformers of :mod:`.normalise`, plus a manifest
(``recording.json``) that says where the recording came from (the Photoroom API, or a stand-in
such as the emulator), which kinds of keys it used and what it skipped. The keys themselves are
never written: the transformers replace them, and every written file is scanned for them after.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final, TextIO

from localstack_snapshot.snapshots import SnapshotSession

from .catalogue import Scenario, load_catalogue
from .normalise import Observation, redactions
from .runner import (
    Keys,
    Plan,
    Runner,
    Target,
    check_safety,
    image_base_for,
    plan_run,
)

MANIFEST: Final = "recording.json"
SNAPSHOT_SUFFIX: Final = ".snapshot.json"
SNAPSHOT_KEY: Final = "observation"
#: The key, next to the scenario's, that labels each snapshot file with its source.
LABEL_KEY: Final = "recorded-from"
LOOPBACK_LABEL: Final = "a server on loopback (an emulator process or another stand-in)"
STAND_IN_WARNING: Final = (
    "Recorded from a stand-in, NOT from the Photoroom API: these snapshots show what the "
    "emulator answers, and checking the emulator against them proves only that it is consistent "
    "with itself. Re-record against the API (parity.yml, or `parity record --target api`)."
)


class KeyLeak(RuntimeError):
    """A written file contained a key (never expected: the transformers redact them)."""


@dataclass(frozen=True)
class RecordSettings:
    target: Target
    keys: Keys
    out: Path
    max_calls: int
    pace: float | None = None
    image_base: str | None = None
    allow_billed: bool = False
    sleep: Callable[[float], None] = time.sleep


def record(settings: RecordSettings, log: TextIO) -> Plan:
    """Check safety, print the plan, send, and write the snapshots; returns the plan."""
    target, keys = settings.target, settings.keys
    check_safety(target, keys, allow_billed=settings.allow_billed)  # before any byte is sent
    scenarios = load_catalogue()
    with image_base_for(target, settings.image_base) as image_base:
        plan = plan_run(
            scenarios,
            target=target,
            keys=keys,
            max_calls=settings.max_calls,
            images_reachable=image_base is not None,
        )
        print(plan.describe(target, keys), file=log, flush=True)
        pace = settings.pace if settings.pace is not None else default_pace(target)
        runner = Runner(target, keys, settings.max_calls, pace, image_base, settings.sleep)
        observations = runner.run(plan.send, log)
        print(f"parity: {runner.calls} calls sent", file=log)
        write_snapshots(
            settings.out,
            observations,
            keys=keys,
            image_base=image_base,
            label=source_label(target),
        )
        write_manifest(settings.out, target, keys, plan, observations, scenarios)
    assert_no_key(settings.out, keys)
    return plan


def default_pace(target: Target) -> float:
    from .runner import REMOTE_PACE

    return 0.0 if target.is_loopback else REMOTE_PACE


def source_label(target: Target) -> dict[str, str | None]:
    """Where a recording came from, written into every snapshot file and the manifest."""
    source = "photoroom-api" if target.is_photoroom_api else "stand-in"
    return {
        "source": source,
        # a loopback port changes every run; the label must not
        "target": LOOPBACK_LABEL if target.is_loopback else target.label,
        "warning": None if source == "photoroom-api" else STAND_IN_WARNING,
    }


def write_snapshots(
    out: Path,
    observations: dict[str, Observation],
    *,
    keys: Keys,
    image_base: str | None,
    label: dict[str, str | None],
) -> None:
    """One snapshot file per scenario, labelled with its source; earlier ones are replaced."""
    out.mkdir(parents=True, exist_ok=True)
    previous = {path.name: path.read_text(encoding="utf-8") for path in snapshot_files(out)}
    for stale in snapshot_files(out):
        stale.unlink()
    transformers = redactions(api_keys=keys.secrets, image_base=image_base)
    for ident, observation in observations.items():
        path = out / (ident + SNAPSHOT_SUFFIX)
        path.write_text(json.dumps({LABEL_KEY: label}, indent=2) + "\n", encoding="utf-8")
        session = snapshot_session(out, ident, update=True)
        session.add_transformer(transformers)
        session.match(SNAPSHOT_KEY, observation)
        session._assert_all()  # applies the transformers (the library's own recording step)
        session._persist_state()
        old = previous.get(path.name)
        if old is not None and _content(old, ident) == _content(path.read_text("utf-8"), ident):
            path.write_text(old, encoding="utf-8")  # same answer: keep its date, no diff


def snapshot_files(out: Path) -> list[Path]:
    return sorted(out.glob("*" + SNAPSHOT_SUFFIX))


def _content(text: str, ident: str) -> Any:
    """A snapshot file without its recording date: what changes when the answer changes."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        return None
    return data.get(LABEL_KEY), data.get(ident, {}).get("recorded-content")


def snapshot_session(out: Path, ident: str, *, update: bool) -> SnapshotSession:
    """The localstack-snapshot session of one scenario's file."""
    return SnapshotSession(
        base_file_path=str(out / ident), scope_key=ident, update=update, verify=True
    )


def write_manifest(
    out: Path,
    target: Target,
    keys: Keys,
    plan: Plan,
    observations: dict[str, Observation],
    scenarios: tuple[Scenario, ...],
) -> None:
    manifest: dict[str, Any] = {
        LABEL_KEY: source_label(target),
        "recorded-at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "keys": keys.kinds(),
        "catalogue-size": len(scenarios),
        "recorded": sorted(observations),
        "skipped": dict(sorted(plan.skipped.items())),
    }
    previous = read_manifest(out)
    if {**previous, "recorded-at": None} == {**manifest, "recorded-at": None}:
        return  # the same recording as before: no diff for a date alone
    (out / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")


def read_manifest(folder: Path) -> dict[str, Any]:
    path = folder / MANIFEST
    if not path.is_file():
        return {}
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def assert_no_key(out: Path, keys: Keys) -> None:
    """Scan every file written for the keys' text; remove the folder's files on a leak."""
    for path in out.iterdir():
        text = path.read_text(encoding="utf-8", errors="replace")
        if any(secret in text for secret in keys.secrets):
            for written in out.iterdir():
                written.unlink()
            raise KeyLeak(f"a key reached {path.name}; the recording was deleted")
