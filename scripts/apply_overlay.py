"""Apply an OpenAPI Overlay 1.0 document to an OpenAPI description.

Targets are RFC 9535 JSONPath expressions, evaluated by ``jsonpath-rfc9535``; this module only
implements the Overlay semantics on top (Overlay 1.0.0, section 4.4):

- ``remove: true`` deletes every node the target selects;
- ``update`` on an object is merged recursively (objects merge, everything else is replaced);
- ``update`` on an array appends the update value as one new entry.

An action whose target selects nothing is not an error: upstream may not have that part (yet, or
any more). It is reported as skipped, so a run over an older snapshot says what did not apply.

Usage: ``python scripts/apply_overlay.py UPSTREAM OVERLAY OUTPUT [--strict]``
(``--strict`` fails when any action is skipped; the pinned spec is built that way).
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonpath_rfc9535
import yaml

Location = tuple[str | int, ...]


@dataclass
class OverlayReport:
    """What each action did: how many nodes it touched, and which actions matched nothing."""

    applied: list[tuple[str, int]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"overlay: {len(self.applied)} actions applied, {len(self.skipped)} skipped"]
        out += [f"  skipped (target matched nothing): {target}" for target in self.skipped]
        return out


def load_document(path: Path) -> Any:
    text = path.read_text(encoding="utf-8")
    return json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)


def merge(target: dict[str, Any], update: dict[str, Any]) -> None:
    """Recursive merge: nested objects merge key by key, any other value replaces."""
    for key, value in update.items():
        if isinstance(value, dict) and isinstance(target.get(key), dict):
            merge(target[key], value)
        else:
            target[key] = copy.deepcopy(value)


def _node_at(document: Any, location: Location) -> Any:
    node = document
    for step in location:
        node = node[step]
    return node


def _remove(document: Any, locations: list[Location]) -> None:
    # Delete the deepest and then the right-most entries first so earlier array indices stay valid.
    for location in sorted(locations, key=lambda loc: (len(loc), loc), reverse=True):
        parent = _node_at(document, location[:-1])
        del parent[location[-1]]


def apply_overlay(document: Any, overlay: dict[str, Any]) -> tuple[Any, OverlayReport]:
    """Return a new document with every action applied in order, and the report."""
    if not str(overlay.get("overlay", "")).startswith("1."):
        raise ValueError("not an Overlay 1.x document (missing 'overlay: 1.0.0')")
    result = copy.deepcopy(document)
    report = OverlayReport()
    for action in overlay.get("actions", []):
        target = action["target"]
        nodes = jsonpath_rfc9535.find(target, result)
        locations = [tuple(node.location) for node in nodes]
        if not locations:
            report.skipped.append(target)
            continue
        if action.get("remove"):
            _remove(result, locations)
        elif "update" in action:
            for node in nodes:
                if isinstance(node.value, dict):
                    merge(node.value, action["update"])
                elif isinstance(node.value, list):
                    node.value.append(copy.deepcopy(action["update"]))
                else:
                    raise ValueError(f"update target is neither object nor array: {target}")
        report.applied.append((target, len(locations)))
    return result, report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("upstream", type=Path)
    parser.add_argument("overlay", type=Path)
    parser.add_argument("output", type=Path)
    parser.add_argument("--strict", action="store_true", help="fail when an action is skipped")
    args = parser.parse_args(argv)

    overlaid, report = apply_overlay(load_document(args.upstream), load_document(args.overlay))
    args.output.write_text(json.dumps(overlaid, indent=2, ensure_ascii=False) + "\n", "utf-8")
    print("\n".join(report.lines()))
    if args.strict and report.skipped:
        print("error: --strict and some actions matched nothing", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
