"""``parity check``: replay the catalogue and compare each answer with its snapshot.

The comparison is ``localstack-snapshot``'s (a DeepDiff of the recorded and the observed
observation, after the same redacting transformers); this module only sorts its differences into
known ones (:mod:`.known`) and the rest, per scenario.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, Literal, TextIO

from localstack_snapshot.snapshots import SnapshotAssertionError

from .catalogue import Scenario, load_catalogue
from .known import KnownDeviation, load_known
from .normalise import Observation, redactions
from .record import (
    LABEL_KEY,
    SNAPSHOT_KEY,
    SNAPSHOT_SUFFIX,
    default_pace,
    read_manifest,
    snapshot_session,
)
from .runner import (
    DEFAULT_MAX_CALLS,
    SANDBOX_PREFIX,
    Keys,
    Runner,
    RunRefused,
    Target,
    check_safety,
    image_base_for,
    plan_run,
)

ABSENT: Final = "<absent>"

Status = Literal["matched", "known", "deviated", "skipped"]


@dataclass(frozen=True)
class Difference:
    """One field that differs: its dotted path, both values, and the entry that accepts it."""

    path: str
    recorded: Any
    observed: Any
    known: KnownDeviation | None = None


@dataclass
class Outcome:
    scenario: str
    status: Status
    differences: list[Difference] = field(default_factory=list)
    reason: str = ""


@dataclass
class CheckResult:
    """Every scenario's outcome, with where the snapshots came from and what was replayed."""

    outcomes: list[Outcome]
    recorded_from: dict[str, Any]
    target: str

    def count(self, status: Status) -> int:
        return sum(1 for outcome in self.outcomes if outcome.status == status)

    @property
    def passed(self) -> bool:
        """No deviation that is not declared as known."""
        return self.count("deviated") == 0


def recorded_ids(folder: Path) -> set[str]:
    return {p.name[: -len(SNAPSHOT_SUFFIX)] for p in folder.glob("*" + SNAPSHOT_SUFFIX)}


def compare(
    folder: Path,
    scenario: Scenario,
    observation: Observation,
    *,
    secrets: tuple[str, ...],
    image_base: str | None,
    known: tuple[KnownDeviation, ...],
) -> Outcome:
    """Compare one observation with the scenario's snapshot in ``folder``."""
    session = snapshot_session(folder, scenario.id, update=False)
    if not session.recorded_state or SNAPSHOT_KEY not in session.recorded_state:
        return Outcome(scenario.id, "skipped", reason="no snapshot recorded")
    session.add_transformer(redactions(api_keys=secrets, image_base=image_base))
    session.match(SNAPSHOT_KEY, observation)
    try:
        results = session._assert_all()
    except SnapshotAssertionError as failed:
        results = failed.result
    differences = [
        _classify(scenario.id, level, known)
        for result in results
        for levels in result.result.values()
        for level in levels
    ]
    if not differences:
        return Outcome(scenario.id, "matched")
    differences.sort(key=lambda d: d.path)
    status: Status = "known" if all(d.known for d in differences) else "deviated"
    return Outcome(scenario.id, status, differences)


def _classify(scenario: str, level: Any, known: tuple[KnownDeviation, ...]) -> Difference:
    parts = level.path(output_format="list")
    if parts and parts[0] == SNAPSHOT_KEY:
        parts = parts[1:]
    path = ".".join(str(part) for part in parts) or "(whole observation)"
    recorded, observed = _value(level.t1), _value(level.t2)
    entry = next((k for k in known if k.covers(scenario, path, recorded, observed)), None)
    return Difference(path, recorded, observed, entry)


def _value(value: Any) -> Any:
    return ABSENT if type(value).__name__ == "NotPresent" else value


#: The accounts of the in-process emulator a check replays against by default.
IN_PROCESS_ACCOUNT: Final = "parity"
IN_PROCESS_BASIC_ACCOUNT: Final = "parity-basic"
IN_PROCESS_CREDITS: Final = 1_000_000


@dataclass(frozen=True)
class CheckSettings:
    folder: Path
    target: Target | None = None  # None: the in-process emulator
    keys: Keys | None = None  # needed with a target
    max_calls: int = DEFAULT_MAX_CALLS
    pace: float | None = None
    image_base: str | None = None
    allow_billed: bool = False


def in_process_target(manifest: dict[str, Any]) -> tuple[Target, Keys]:
    """A fresh emulator in this process, with keys of the kinds the recording used."""
    from ..config import EmulatorConfig, KeySpec
    from ..transports import EmulatorTransport

    kinds = manifest.get("keys") or {"given": "sandbox", "basic": None}
    config = EmulatorConfig(
        keys=(
            KeySpec(IN_PROCESS_ACCOUNT, IN_PROCESS_CREDITS, "plus"),
            KeySpec(IN_PROCESS_BASIC_ACCOUNT, IN_PROCESS_CREDITS, "basic"),
        )
    )

    def key(account: str, kind: str | None) -> str | None:
        if kind is None:
            return None
        return (SANDBOX_PREFIX if kind == "sandbox" else "") + account

    given = key(IN_PROCESS_ACCOUNT, kinds.get("given") or "sandbox")
    assert given is not None
    keys = Keys(given, key(IN_PROCESS_BASIC_ACCOUNT, kinds.get("basic")))
    return Target(None, EmulatorTransport(config=config)), keys


def run_check(settings: CheckSettings, log: TextIO) -> CheckResult:
    """Replay the recorded scenarios of the catalogue and compare every answer."""
    folder = settings.folder
    manifest = read_manifest(folder)
    if settings.target is None:
        target, keys = in_process_target(manifest)
    else:
        if settings.keys is None:
            raise RunRefused("checking a target needs --api-key")
        target, keys = settings.target, settings.keys
    check_safety(target, keys, allow_billed=settings.allow_billed)
    scenarios = load_catalogue()
    recorded = recorded_ids(folder)
    outcomes: dict[str, Outcome] = {}
    skipped_when_recorded = manifest.get("skipped", {})
    for scenario in scenarios:
        if scenario.id not in recorded:
            why = skipped_when_recorded.get(scenario.id, "no snapshot recorded")
            outcomes[scenario.id] = Outcome(scenario.id, "skipped", reason=why)
    replayed = tuple(s for s in scenarios if s.id in recorded)
    with image_base_for(target, settings.image_base) as image_base:
        plan = plan_run(
            replayed,
            target=target,
            keys=keys,
            max_calls=settings.max_calls,
            images_reachable=image_base is not None,
        )
        print(plan.describe(target, keys), file=log, flush=True)
        for ident, reason in plan.skipped.items():
            outcomes[ident] = Outcome(ident, "skipped", reason=reason)
        pace = settings.pace if settings.pace is not None else default_pace(target)
        runner = Runner(target, keys, settings.max_calls, pace, image_base)
        observations = runner.run(plan.send, log)
        known = load_known()
        for scenario in plan.send:
            if scenario.id not in observations:
                outcomes[scenario.id] = Outcome(scenario.id, "skipped", reason="not sent")
                continue
            outcomes[scenario.id] = compare(
                folder,
                scenario,
                observations[scenario.id],
                secrets=keys.secrets,
                image_base=image_base,
                known=known,
            )
    catalogue_ids = {s.id for s in scenarios}
    for ident in sorted(recorded - catalogue_ids):
        outcomes[ident] = Outcome(ident, "skipped", reason="recorded, but not in the catalogue")
    order = [s.id for s in scenarios] + sorted(recorded - catalogue_ids)
    return CheckResult(
        [outcomes[i] for i in order],
        recorded_from=manifest.get(LABEL_KEY) or {"source": "unknown (no recording.json)"},
        target=target.label,
    )
