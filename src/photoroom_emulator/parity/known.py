"""Known deviations: differences ``parity check`` accepts, declared as data with a reason
(``known_deviations.yaml``), never coded."""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Final

import yaml

KNOWN_FILE: Final = Path(__file__).with_name("known_deviations.yaml")


class KnownDeviationsError(ValueError):
    """The known-deviations file is malformed."""


@dataclass(frozen=True)
class KnownDeviation:
    path: str
    scenarios: str
    reason: str
    tolerance: float | None = None

    def covers(self, scenario: str, path: str, recorded: Any, observed: Any) -> bool:
        """Whether this entry accepts ``recorded`` -> ``observed`` at ``path`` of ``scenario``."""
        if not (
            fnmatch.fnmatchcase(scenario, self.scenarios) and fnmatch.fnmatchcase(path, self.path)
        ):
            return False
        if self.tolerance is None:
            return True
        numbers = all(
            isinstance(v, int | float) and not isinstance(v, bool) for v in (recorded, observed)
        )
        return numbers and abs(float(recorded) - float(observed)) <= self.tolerance


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


@cache
def load_known(path: Path = KNOWN_FILE) -> tuple[KnownDeviation, ...]:
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise KnownDeviationsError(f"{path}: {exc}") from exc
    entries = document.get("known") if isinstance(document, dict) else None
    if not isinstance(entries, list):
        raise KnownDeviationsError(f"{path}: expected a mapping with a list `known`")
    known = []
    for entry in entries:
        if not isinstance(entry, dict) or not entry.get("path") or not entry.get("reason"):
            raise KnownDeviationsError(f"{path}: every entry needs a path and a reason: {entry!r}")
        tolerance = entry.get("tolerance")
        known.append(
            KnownDeviation(
                path=str(entry["path"]),
                scenarios=str(entry.get("scenarios", "*")),
                reason=" ".join(str(entry["reason"]).split()),
                tolerance=float(tolerance) if tolerance is not None else None,
            )
        )
    return tuple(known)
