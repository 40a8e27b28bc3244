"""The change report between two upstream versions: what it holds, and how it reads.

The diffs fill it (:mod:`.openapi_diff` the API changes, :mod:`.python_surface` and
:mod:`.overlay_checks` the sections for Python users); this module renders it as text (the
terminal, ``make update-spec``), Markdown (the update's pull request body) or JSON.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

Json = Any
Node = dict[str, Any]

UNREACHABLE_HEADING = "Emulator behaviour no longer reachable"


@dataclass(frozen=True)
class Change:
    """One difference. ``operation`` is "GET /v2/edit", or "" for the whole document."""

    operation: str
    location: str  # "operation", "parameter query", "request body multipart/form-data", ...
    name: str  # parameter/property path, status code, header, ... ("" when not applicable)
    message: str
    breaking: bool
    kind: str = "change"  # "change", or "rename" for a likely-rename hint

    def line(self) -> str:
        where = " ".join(part for part in (self.location, self.name) if part)
        return f"{'BREAKING' if self.breaking else '':8}  {where}: {self.message}"


@dataclass(frozen=True)
class Finding:
    """One line of the sections for Python users (surface, server defaults, twins)."""

    where: str  # "edit() keyword", "group field", ...; "GET /v2/edit parameter query"; ...
    name: str
    message: str
    breaking: bool = False
    new: bool = False  # twins: the disagreement is not in OLD
    before: str = ""  # Python surface: the annotation (or values) in OLD
    after: str = ""  # ... and in NEW

    def change(self, code: Callable[[str], str] = str) -> str:
        """The message with the annotations, each rendered by ``code``."""
        shown = " → ".join(code(t) for t in (self.before, self.after) if t)
        return f"{self.message}: {shown}" if shown else self.message

    def line(self) -> str:
        where = " ".join(part for part in (self.where, self.name) if part)
        return f"{'BREAKING' if self.breaking else '':8}  {where}: {self.change()}"


@dataclass
class Report:
    old: str
    new: str
    changes: list[Change] = field(default_factory=list)
    descriptions_changed: int = 0
    operation_ids: dict[str, str] = field(default_factory=dict)  # "GET /x" -> operationId
    # What the update means for Python users (diff_specs with an overlay):
    extended: bool = False
    python: list[Finding] = field(default_factory=list)
    python_error: str = ""  # why the Python surface could not be computed
    defaults: list[Finding] = field(default_factory=list)
    twins: list[Finding] = field(default_factory=list)
    overlay_skipped: list[str] = field(default_factory=list)  # targets that match nothing in NEW
    overlay_skipped_old: list[str] = field(default_factory=list)  # ... and in OLD
    # Hand-written code reading a field NEW removed: its behaviour can no longer be reached.
    unreachable: list[str] = field(default_factory=list)

    @property
    def counted(self) -> list[Change]:
        return [c for c in self.changes if c.kind == "change"]

    @property
    def breaking(self) -> bool:
        """Anything breaking, in the API or in the Python surface."""
        return any(c.breaking for c in self.changes) or any(f.breaking for f in self.python)

    def python_summary(self) -> str:
        if not self.extended:
            return ""
        python = (
            f"not computed ({self.python_error})"
            if self.python_error
            else f"{len(self.python)} change{'' if len(self.python) == 1 else 's'}, "
            f"{sum(f.breaking for f in self.python)} breaking"
        )
        new_twins = sum(f.new for f in self.twins)
        return (
            f"Python surface: {python}; server defaults: {len(self.defaults)} changed; "
            f"GET/POST twins: {len(self.twins)} disagree ({new_twins} new); "
            f"overlay: {len(self.overlay_skipped)} actions no longer apply"
        )

    def _new_in_overlay_skipped(self, target: str) -> str:
        return " (did not apply to OLD either)" if target in self.overlay_skipped_old else ""

    def extended_text(self) -> list[str]:
        """The sections for Python users, as text lines (empty unless ``extended``)."""
        if not self.extended:
            return []
        lines = ["", "Python surface (photoroom's option layer from each version, overlay applied)"]
        if self.python_error:
            lines.append(f"  not computed: {self.python_error}")
        lines += ["  " + f.line() for f in self.python] or ["  no changes"]
        lines += ["", "Server defaults (upstream `default` on request parameters and fields)"]
        lines += ["  " + f.line().strip() for f in self.defaults] or ["  no changes"]
        lines += [
            "",
            "GET/POST twins that disagree in NEW (information: the overlay's twin rule gives "
            "the POST field the GET schema)",
        ]
        lines += [f"  {f.name}: {f.message} (new)" for f in self.twins if f.new]
        already = [f.name for f in self.twins if not f.new]
        if already:
            text = f"{len(already)} already so in OLD (--json lists them): " + ", ".join(already)
            lines += textwrap.wrap(text, 96, initial_indent="  ", subsequent_indent="    ")
        if not self.twins:
            lines.append("  none")
        lines += ["", "Overlay actions that no longer apply to NEW (target matches nothing)"]
        lines += [f"  {t}{self._new_in_overlay_skipped(t)}" for t in self.overlay_skipped] or [
            "  none: every action applies"
        ]
        lines += ["", UNREACHABLE_HEADING + " (code reading a field NEW removed)"]
        lines += [f"  {where}" for where in self.unreachable] or ["  none"]
        return lines

    def extended_markdown(self) -> list[str]:
        """The sections for Python users as Markdown: tables, so every ``- `` item of the
        report stays an API change."""
        if not self.extended:
            return []

        def cell(text: str) -> str:
            return text.replace("|", "\\|").replace("\n", " ")

        def code(text: str) -> str:
            return f"`{text}`" if text else ""

        lines = ["", "## Python surface", ""]
        if self.python_error:
            lines += [f"Not computed: {cell(self.python_error)}", ""]
        breaking = sum(f.breaking for f in self.python)
        lines.append(
            f"What `photoroom` users see change: {len(self.python)} change"
            f"{'' if len(self.python) == 1 else 's'}, {breaking} breaking (the option layer "
            "generated from each version with the overlay applied)."
        )
        if self.python:
            lines += ["", "| | where | name | change |", "|---|---|---|---|"]
            for f in sorted(self.python, key=lambda f: not f.breaking):
                mark = "**BREAKING**" if f.breaking else ""
                change = cell(f.change(code))
                lines.append(f"| {mark} | {cell(f.where)} | {cell(code(f.name))} | {change} |")
        lines += ["", "## Server defaults", ""]
        lines.append(
            "Upstream's `default` on request parameters and fields (the overlay moves it to "
            "`x-server-default`): what the server assumes when the client sends nothing."
        )
        if self.defaults:
            lines += ["", "| operation | parameter | change |", "|---|---|---|"]
            for f in self.defaults:
                lines.append(f"| {cell(f.where)} | {cell(code(f.name))} | {cell(f.message)} |")
        else:
            lines += ["", "No changes."]
        lines += ["", "## GET/POST twins", ""]
        new_twins = [f for f in self.twins if f.new]
        lines.append(
            f"`/v2/edit` query parameters whose multipart twin has other constraints upstream: "
            f"{len(self.twins)} ({len(new_twins)} new). Information only: the overlay's twin "
            "rule gives each POST field its GET parameter's schema."
        )
        table = ["| parameter | GET vs POST |", "|---|---|"]
        if new_twins:
            lines += [
                "",
                *table,
                *(f"| {cell(code(f.name))} | {cell(f.message)} |" for f in new_twins),
            ]
        old_twins = [f for f in self.twins if not f.new]
        if old_twins:
            lines += ["", f"<details><summary>{len(old_twins)} already so in the old version"]
            lines[-1] += "</summary>"
            lines += [
                "",
                *table,
                *(f"| {cell(code(f.name))} | {cell(f.message)} |" for f in old_twins),
            ]
            lines += ["", "</details>"]
        lines += ["", "## Overlay", ""]
        if self.overlay_skipped:
            lines.append(
                f"{len(self.overlay_skipped)} actions of the overlay no longer apply (their "
                "target matches nothing in the new version):"
            )
            lines += ["", "| target | in the old version |", "|---|---|"]
            for target in self.overlay_skipped:
                old = target in self.overlay_skipped_old
                note = "matched nothing either" if old else "applied"
                lines.append(f"| {cell(code(target))} | {note} |")
        else:
            lines.append("Every action of the overlay applies to the new version.")
        lines += ["", f"## {UNREACHABLE_HEADING}", ""]
        if self.unreachable:
            lines.append(
                "Hand-written code that reads a field the new version removed: it reads as "
                "absent, so its behaviour is unreachable (remove it):"
            )
            lines += ["", "| field read (where) |", "|---|"]
            lines += [f"| {cell(code(where))} |" for where in self.unreachable]
        else:
            lines.append("No hand-written code reads a removed field.")
        return lines

    def summary(self) -> str:
        counted = self.counted
        plural = "" if len(counted) == 1 else "s"
        parts = [f"{len(counted)} change{plural}, {sum(c.breaking for c in counted)} breaking"]
        renames = len(self.changes) - len(counted)
        if renames:
            parts.append(f"{renames} likely rename{'s' if renames > 1 else ''}")
        if self.descriptions_changed:
            parts.append(f"descriptions changed in {self.descriptions_changed} places (ignored)")
        return "; ".join(parts)

    def to_text(self) -> str:
        lines = [f"Changes from {self.old} to {self.new}"]
        groups: dict[str, list[Change]] = {}
        for change in self.changes:
            groups.setdefault(change.operation, []).append(change)
        for operation, changes in groups.items():
            op_id = self.operation_ids.get(operation)
            lines += ["", f"{operation} ({op_id})" if op_id else operation or "document"]
            lines += ["  " + change.line() for change in changes]
        if not self.changes:
            lines += ["", "no changes"]
        lines += [*self.extended_text(), "", self.summary()]
        if self.extended:
            lines.append(self.python_summary())
        return "\n".join(lines)

    def to_markdown(self) -> str:
        """The report as Markdown (a pull request body): breaking changes first, then the rest
        grouped by operation."""

        def item(change: Change) -> str:
            where = " ".join(part for part in (change.location, f"`{change.name}`") if part != "``")
            return f"- {where}: {change.message}"

        def heading(operation: str) -> str:
            op_id = self.operation_ids.get(operation)
            name = f"`{operation}`" if operation else "document"
            return f"{name} ({op_id})" if op_id else name

        lines = ["# Upstream OpenAPI changes", "", f"`{self.old}` → `{self.new}`: {self.summary()}"]
        if self.extended:
            python_breaking = any(f.breaking for f in self.python)
            mark = "**BREAKING for Python users** " if python_breaking else ""
            lines += ["", mark + self.python_summary() + "."]
        breaking = [c for c in self.changes if c.breaking]
        if breaking:
            lines += ["", "## Breaking changes", ""]
            lines += [f"- **{heading(c.operation)}** {item(c)[2:]}" for c in breaking]
        others: dict[str, list[Change]] = {}
        for change in self.changes:
            if not change.breaking:
                others.setdefault(change.operation, []).append(change)
        if others:
            lines += ["", "## Other changes"]
            for operation, changes in others.items():
                lines += ["", f"### {heading(operation)}", "", *map(item, changes)]
        if not self.changes:
            lines += ["", "No changes."]
        lines += self.extended_markdown()
        return "\n".join(lines) + "\n"

    def to_json(self) -> dict[str, Json]:
        counted = self.counted
        result: dict[str, Json] = {
            "old": self.old,
            "new": self.new,
            "changes": [asdict(c) for c in self.changes],
            "summary": {
                "changes": len(counted),
                "breaking": sum(c.breaking for c in counted),
                "likely_renames": len(self.changes) - len(counted),
                "descriptions_changed": self.descriptions_changed,
            },
        }
        if self.extended:
            result["python_surface"] = [asdict(f) for f in self.python]
            result["python_error"] = self.python_error or None
            result["server_defaults"] = [asdict(f) for f in self.defaults]
            result["twins"] = [asdict(f) for f in self.twins]
            result["overlay"] = {
                "skipped": self.overlay_skipped,
                "skipped_in_old": self.overlay_skipped_old,
            }
            result["summary"]["python_surface"] = {
                "changes": len(self.python),
                "breaking": sum(f.breaking for f in self.python),
            }
            result["summary"]["breaking_total"] = sum(c.breaking for c in counted) + sum(
                f.breaking for f in self.python
            )
        return result
