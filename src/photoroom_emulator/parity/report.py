"""The ``parity check`` report, as plain text or Markdown: matched, known, deviated, skipped."""

from __future__ import annotations

import json
from typing import Any, Final

from .check import CheckResult, Difference, Outcome

FORMATS: Final = ("text", "markdown")
MAX_VALUE_CHARS: Final = 120


def render(result: CheckResult, fmt: str = "text") -> str:
    if fmt == "markdown":
        return markdown(result)
    if fmt == "text":
        return text(result)
    raise ValueError(f"unknown report format {fmt!r}; expected one of {', '.join(FORMATS)}")


def summary(result: CheckResult) -> str:
    total = len(result.outcomes)
    return (
        f"{total} scenarios: {result.count('matched')} matched, {result.count('known')} with "
        f"known deviations only, {result.count('deviated')} deviated, "
        f"{result.count('skipped')} skipped"
    )


def _source(result: CheckResult) -> str:
    source = result.recorded_from
    line = f"{source.get('source', 'unknown')} ({source.get('target', '?')})"
    return line


def text(result: CheckResult) -> str:
    lines = [
        f"parity check: {summary(result)}",
        f"snapshots recorded from: {_source(result)}",
        f"replayed against: {result.target}",
    ]
    if warning := result.recorded_from.get("warning"):
        lines.append(f"NOTE: {warning}")
    for outcome in result.outcomes:
        if outcome.status == "matched":
            continue
        lines.append(f"{outcome.status.upper():9} {outcome.scenario}" + _reason(outcome))
        for difference in outcome.differences:
            lines.append("    " + _difference(difference))
    lines.append("result: " + ("OK" if result.passed else "FAILED (undeclared deviations)"))
    return "\n".join(lines) + "\n"


def markdown(result: CheckResult) -> str:
    lines = [
        "## Parity check",
        "",
        f"**{summary(result)}** - "
        + ("no undeclared deviation." if result.passed else "**undeclared deviations.**"),
        "",
        f"- Snapshots recorded from: {_source(result)}",
        f"- Replayed against: {result.target}",
    ]
    if warning := result.recorded_from.get("warning"):
        lines += ["", f"> **Note:** {warning}"]
    lines += ["", "| scenario | outcome | details |", "|---|---|---|"]
    for outcome in result.outcomes:
        details = "<br>".join(_md(_difference(d)) for d in outcome.differences)
        details = details or _md(outcome.reason)
        lines.append(f"| `{outcome.scenario}` | {outcome.status} | {details} |")
    return "\n".join(lines) + "\n"


def _reason(outcome: Outcome) -> str:
    return f" ({outcome.reason})" if outcome.reason else ""


def _difference(difference: Difference) -> str:
    change = f"{difference.path}: recorded {_show(difference.recorded)} -> observed " + _show(
        difference.observed
    )
    if difference.known is not None:
        return f"{change} [known: {difference.known.reason}]"
    return change


def _show(value: Any) -> str:
    shown = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else repr(value)
    return shown if len(shown) <= MAX_VALUE_CHARS else shown[: MAX_VALUE_CHARS - 3] + "..."


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
