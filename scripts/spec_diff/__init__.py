"""Report what changed between two versions of an OpenAPI 3.1 document.

    python -m scripts.spec_diff OLD NEW [--format text|json|markdown] [--fail-on-breaking]

OLD and NEW are JSON or YAML files. Local ``$ref``s are resolved before comparing.
The report is grouped by operation (method + path); each line says what changed and is
marked ``BREAKING`` when a client of the API written against OLD may stop working with NEW:
something it uses was removed, something new is required, a type changed or a constraint
narrowed. Changes to descriptions, summaries, titles and examples are ignored (only counted).

A rename shows up as a removal plus an addition; when one removed and one added item in the
same place look alike (same schema, or one name extends the other) an extra ``renamed?``
line points it out.

Unless ``--api-only`` is given, the report then says what the update means for Python users
(the documents are taken to be Photoroom's upstream ones):

- Python surface: the option layer ``scripts/generate_tables.py`` would generate from each
  document with the overlay applied (``edit()`` and ``remove_background()`` keywords, option
  group fields, ``Literal`` aliases, CLI flags), compared; anything removed or narrowed is
  ``BREAKING`` for code written against OLD;
- server defaults: upstream's ``default`` on request parameters and fields (the overlay moves
  them to ``x-server-default``), added, removed or changed;
- GET/POST twins: ``/v2/edit`` query parameters and multipart fields of the same name whose
  constraints differ in NEW (information: the overlay's twin rule fixes them);
- overlay: the actions of ``overlay/photoroom.overlay.yaml`` (or ``--overlay``) whose target
  matches nothing in NEW.

Exit status is 0 whatever changed, unless ``--fail-on-breaking`` is given: then 1 when
anything is breaking (in the API or the Python surface). Unreadable input exits with 2.

One module per job: :mod:`.openapi_diff` (the API diff, for any OpenAPI document),
:mod:`.python_surface` (the Python surface and its diff), :mod:`.overlay_checks` (server defaults
and GET/POST twins), :mod:`.report` (the report and its text, Markdown and JSON renderings); this
module reads the documents and puts the report together.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from photoroom.spec import read_document

from .. import generate_tables
from .openapi_diff import count_doc_changes, diff_api
from .overlay_checks import diff_defaults, twin_changes, twin_disagreements
from .python_surface import (
    Surface,
    diff_surface,
    python_surface,
    surface_of,
    unreachable_behaviour,
)
from .report import Change, Finding, Node, Report

__all__ = [
    "OVERLAY",
    "Change",
    "Finding",
    "Report",
    "Surface",
    "add_python_sections",
    "diff_defaults",
    "diff_specs",
    "diff_surface",
    "load_document",
    "load_overlay",
    "main",
    "python_surface",
    "surface_of",
    "twin_disagreements",
]

OVERLAY = Path(__file__).resolve().parents[2] / "overlay" / "photoroom.overlay.yaml"

load_document = read_document
"""OLD and NEW (JSON or YAML), read by the project's one loader (``photoroom.spec``)."""


def load_overlay(path: Path = OVERLAY) -> Node:
    overlay: Node = read_document(path)
    return overlay


def diff_specs(
    old: Node,
    new: Node,
    old_name: str = "OLD",
    new_name: str = "NEW",
    overlay: Node | None = None,
) -> Report:
    """Compare two OpenAPI documents (as loaded, refs unresolved) and return the report.

    With ``overlay`` (an Overlay document, see :func:`load_overlay`) the report also has the
    sections for Python users (see :func:`add_python_sections`).
    """
    report = Report(old_name, new_name, descriptions_changed=count_doc_changes(old, new))
    if overlay is not None:
        add_python_sections(report, old, new, overlay)
    report.changes, report.operation_ids = diff_api(old, new)
    return report


def add_python_sections(report: Report, old: Node, new: Node, overlay: Node) -> None:
    """Fill the sections for Python users: the Python surface (the option layer generated from
    each document with ``overlay`` applied), server defaults, GET/POST twins of ``/v2/edit``
    that disagree in ``new``, and the overlay's actions that match nothing in ``new``."""
    report.extended = True
    report.defaults = diff_defaults(old, new)
    report.twins = twin_changes(old, new)
    try:
        old_surface, report.overlay_skipped_old = python_surface(old, overlay)
        new_surface, report.overlay_skipped = python_surface(new, overlay)
    except (KeyError, TypeError, ValueError, AttributeError, generate_tables.TableError) as error:
        report.python_error = f"{type(error).__name__}: {error}"
        return
    report.python = diff_surface(old_surface, new_surface)
    report.unreachable = unreachable_behaviour(new, overlay)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("old", type=Path, help="older OpenAPI document (JSON or YAML)")
    parser.add_argument("new", type=Path, help="newer OpenAPI document (JSON or YAML)")
    parser.add_argument(
        "--format", choices=("text", "json", "markdown"), default="text", help="report format"
    )
    parser.add_argument("--json", action="store_true", help="same as --format json")
    parser.add_argument(
        "--fail-on-breaking",
        action="store_true",
        help="exit with 1 when anything is breaking (API or Python surface)",
    )
    parser.add_argument(
        "--overlay", type=Path, default=OVERLAY, help=f"overlay document (default: {OVERLAY})"
    )
    parser.add_argument(
        "--api-only",
        action="store_true",
        help="only the API diff (no Python surface, server defaults, twins, overlay)",
    )
    args = parser.parse_args(argv)
    try:
        old, new = load_document(args.old), load_document(args.new)
        overlay = None if args.api_only else load_overlay(args.overlay)
    except (OSError, ValueError) as error:
        print(f"spec_diff: {error}", file=sys.stderr)
        return 2
    report = diff_specs(old, new, str(args.old), str(args.new), overlay)
    fmt = "json" if args.json else args.format
    if fmt == "json":
        print(json.dumps(report.to_json(), indent=2))
    else:
        print(report.to_markdown() if fmt == "markdown" else report.to_text())
    return 1 if args.fail_on_breaking and report.breaking else 0
