"""A small stderr progress bar for batches (no dependency; silent when stderr is not a TTY)."""

from __future__ import annotations

import shutil
import sys
import time
from typing import TextIO


class ProgressBar:
    """``[#####-----] 120/200 written 100 skipped 15 failed 5 12.3/s ETA 0:07``, redrawn in place.

    The rate counts every finished item; the ETA is the remaining items at that rate.
    """

    def __init__(
        self,
        total: int,
        *,
        enabled: bool | None = None,
        stream: TextIO | None = None,
        label: str = "",
        min_interval: float = 0.1,
    ) -> None:
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = _isatty(self.stream) if enabled is None else enabled
        self.label = label
        self.counts = {"written": 0, "skipped": 0, "failed": 0}
        self._start = time.monotonic()
        self._last_draw = 0.0
        self._min_interval = min_interval

    @property
    def done(self) -> int:
        return sum(self.counts.values())

    def update(self, status: str) -> None:
        """Count one finished item (``written``, ``skipped`` or ``failed``) and maybe redraw."""
        self.counts[status] = self.counts.get(status, 0) + 1
        now = time.monotonic()
        if self.enabled and (
            now - self._last_draw >= self._min_interval or self.done == self.total
        ):
            self._last_draw = now
            self._draw()

    def render(self) -> str:
        """The bar as text, fitted to the terminal width."""
        elapsed = max(time.monotonic() - self._start, 1e-9)
        counts = " ".join(f"{name} {count}" for name, count in self.counts.items() if count)
        rate = f"{self.done / elapsed:.1f}/s" if self.done else ""
        eta = ""
        if self.done and self.done < self.total:
            eta = "ETA " + format_duration((self.total - self.done) * elapsed / self.done)
        elif self.done and self.done == self.total:
            eta = "in " + format_duration(elapsed)
        tail = f" {self.done}/{self.total} {counts} {rate} {eta}".rstrip()
        head = f"{self.label} " if self.label else ""
        columns = shutil.get_terminal_size((80, 20)).columns
        width = max(10, min(40, columns - len(head) - len(tail) - 3))
        filled = int(width * self.done / self.total) if self.total else width
        return f"{head}[{'#' * filled}{'-' * (width - filled)}]{tail}"

    def _draw(self) -> None:
        self.stream.write("\r\x1b[2K" + self.render())
        self.stream.flush()

    def close(self) -> None:
        """Draw the final state and end the line."""
        if self.enabled:
            self._draw()
            self.stream.write("\n")
            self.stream.flush()


def format_duration(seconds: float) -> str:
    """``0:07``, ``12:03``, ``1:02:03`` (hours only when needed)."""
    total = max(0, round(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
