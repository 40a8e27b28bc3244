"""Which operations cost credits: the one place the retry logic asks.

A billed operation whose request was sent in full may have been processed and charged even when
its answer never arrived (a read timeout, a dropped connection): the server finishes the work
of a client that gave up. Retrying it could charge the user again, so the client does not retry
such a failure unless asked to (``retry_billed=True``).

The cost of each operation is recorded in the overlaid spec as ``x-photoroom-cost`` (an
extension on each operation). Until the generated table that exposes it exists, this module
reads the overlaid spec if one is at hand, and otherwise falls back to a list.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any, Final

__all__ = ["operation_is_billed"]

COST_EXTENSION: Final = "x-photoroom-cost"

# TODO(spec table): replace this fallback and _spec_costs() by the generated operation table
# that exposes x-photoroom-cost (being built in the overlay/generator); keep this function's
# signature. Temporary fallback, by spec operationId: remove-background and the image-editing
# operations spend credits, account reads do not.
_FALLBACK_BILLED: Final = frozenset(
    {
        "remove-background",
        "edit-image-from-url",
        "edit-image-upload",
        "legacy-render-template-from-url",
        "legacy-render-template-upload",
    }
)


def _spec_candidates() -> list[Path]:
    here = Path(__file__).resolve()
    candidates = [here.parents[2] / "openapi" / "photoroom.json"]  # a source checkout
    try:
        import importlib.util

        spec = importlib.util.find_spec("photoroom_emulator")
        if spec is not None and spec.origin:  # the copy a wheel ships with the emulator
            candidates.append(Path(spec.origin).parent / "openapi.json")
    except (ImportError, ValueError):
        pass
    return candidates


@functools.cache
def _spec_costs() -> dict[str, float] | None:
    """``operationId -> x-photoroom-cost`` from the overlaid spec, or None if it has none."""
    for path in _spec_candidates():
        try:
            document: Any = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        costs: dict[str, float] = {}
        for item in (document.get("paths") or {}).values():
            for operation in item.values() if isinstance(item, dict) else ():
                if not isinstance(operation, dict) or COST_EXTENSION not in operation:
                    continue
                cost = operation[COST_EXTENSION]
                if isinstance(cost, dict):  # per-variant costs: billed if any variant costs
                    numbers = [v for v in cost.values() if isinstance(v, (int, float))]
                    cost = max(numbers, default=0)
                if isinstance(cost, (int, float)) and "operationId" in operation:
                    costs[str(operation["operationId"])] = float(cost)
        return costs or None
    return None


def operation_is_billed(operation: str) -> bool:
    """Whether the spec operation ``operation`` (its operationId) spends credits."""
    costs = _spec_costs()
    if costs is not None and operation in costs:
        return costs[operation] > 0
    return operation in _FALLBACK_BILLED
