"""What the ``photoroom`` command prints and writes: short usage errors, ``--json`` output,
the batch report (``--report FILE`` or ``-`` for stdout, also after Ctrl-C) and CLI wording.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import IO, Any, NoReturn

import attrs

from .batch._folder import BatchItem, BatchReport

__all__ = ["BatchOutput", "ShortUsageParser", "cli_wording"]

EXIT_USAGE = 2


class ShortUsageParser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose usage errors take two lines: the error and a ``--help`` hint
    (argparse prints the whole usage first, 80 lines for ``edit``)."""

    def error(self, message: str) -> NoReturn:
        self.exit(
            EXIT_USAGE,
            f"{self.prog}: error: {message}\nTry '{self.prog} --help' for more information.\n",
        )


def cli_wording(message: str) -> str:
    """A library message in the command line's terms (flags, not keyword arguments)."""
    return message.replace("retry_billed=True", "--retry-billed")


class BatchOutput:
    """Collects the items of a batch as they finish; prints them as JSON lines with ``--json``;
    writes the report, complete or (after Ctrl-C) of what finished."""

    def __init__(self, output_dir: str, *, json_lines: bool, stdout: IO[str] | None = None) -> None:
        self.output_dir = output_dir
        self.json_lines = json_lines
        self.items: list[BatchItem] = []
        self._stdout = stdout
        self._start = time.monotonic()

    @property
    def stdout(self) -> IO[str]:
        return self._stdout if self._stdout is not None else sys.stdout

    def on_item(self, item: BatchItem) -> None:
        self.items.append(item)
        if self.json_lines:
            line = {"type": "item", **attrs.asdict(item)}
            if item.error_message:
                line["error_message"] = cli_wording(item.error_message)
            self.stdout.write(json.dumps(line) + "\n")
            self.stdout.flush()

    def partial_report(self) -> BatchReport:
        """The report of the items finished so far (after an interruption)."""
        return BatchReport(
            items=list(self.items),
            output_dir=self.output_dir,
            elapsed=time.monotonic() - self._start,
        )

    def summary(self, report: BatchReport, *, interrupted: bool = False) -> None:
        if self.json_lines:
            data: dict[str, Any] = {
                "type": "summary",
                "output_dir": report.output_dir,
                "elapsed": round(report.elapsed, 3),
                "written": len(report.written),
                "skipped": len(report.skipped),
                "failed": len(report.failed),
                "ok": report.ok and not interrupted,
                "interrupted": interrupted,
            }
            self.stdout.write(json.dumps(data) + "\n")
            self.stdout.flush()

    def write_report(self, target: str | None, report: BatchReport, *, interrupted: bool) -> None:
        if not target:
            return
        data = json.loads(report.to_json())
        data["interrupted"] = interrupted
        text = json.dumps(data, indent=2) + "\n"
        if target == "-":
            self.stdout.write(text)
            self.stdout.flush()
            return
        from ._results import atomic_write

        atomic_write(Path(target), text.encode("utf-8"))
