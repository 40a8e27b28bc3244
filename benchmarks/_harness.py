"""Shared machinery: emulator processes, paired timing, result rows and the results table.

Every ratio is measured pair by pair in the same run (ours and the baseline alternate, the order
flipping each round, so CPU frequency drift and a noisy neighbour hit both sides alike) and is never
compared against stored numbers. The emulator always runs in a separate process on 127.0.0.1 so
its CPU time and allocations never count as the client's.
"""

from __future__ import annotations

import contextlib
import gc
import math
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
API_KEY = "benchmark-key"
HOST = "127.0.0.1"
STARTUP_TIMEOUT = 60.0

# The emulator settings each kind of benchmark needs (see the emulator's config module).
OVERHEAD_EMULATOR = {"PHOTOROOM_EMULATOR_PROCESSING": "off", "PHOTOROOM_EMULATOR_LATENCY_MS": "0"}
BATCH_EMULATOR = {"PHOTOROOM_EMULATOR_PROCESSING": "off", "PHOTOROOM_EMULATOR_LATENCY_MS": "100"}
PROCESSING_EMULATOR = {"PHOTOROOM_EMULATOR_PROCESSING": "on"}


class NotReady(Exception):
    """A piece the benchmark needs (client method, emulator feature) does not exist yet."""


# --- results ----------------------------------------------------------------------------------


@dataclass
class Row:
    """One line of the results table. ``status``: pass, FAIL, report, not measured or error."""

    benchmark: str
    ours: str
    baseline: str = "-"
    ratio: str = "-"
    target: str = "-"
    status: str = "report"
    notes: list[str] = field(default_factory=list)


def verdict(ok: bool) -> str:
    return "pass" if ok else "FAIL"


def not_measured(benchmark: str, target: str, reason: str) -> Row:
    return Row(benchmark, "-", target=target, status="not measured", notes=[reason])


def render_table(rows: list[Row]) -> str:
    """A Markdown table (readable as-is in a terminal) followed by the rows' notes."""
    header = ["benchmark", "ours", "baseline", "ratio", "target", "pass/fail"]
    cells = [[r.benchmark, r.ours, r.baseline, r.ratio, r.target, r.status] for r in rows]
    widths = [max(len(line[i]) for line in [header, *cells]) for i in range(len(header))]

    def line(values: list[str]) -> str:
        return "| " + " | ".join(v.ljust(w) for v, w in zip(values, widths, strict=True)) + " |"

    out = [line(header), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    out += [line(c) for c in cells]
    notes = [f"- **{r.benchmark}**: {note}" for r in rows for note in r.notes]
    if notes:
        out += ["", *notes]
    return "\n".join(out)


# --- statistics and timing --------------------------------------------------------------------


def median(values: list[float]) -> float:
    return statistics.median(values)


def timed(function: Callable[[], Any]) -> float:
    """Seconds one call of ``function`` takes (garbage collected beforehand, not during)."""
    return timed_with_cpu(function)[0]


def timed_with_cpu(function: Callable[[], Any]) -> tuple[float, float]:
    """Wall-clock and this process' CPU seconds of one call of ``function``."""
    gc.collect()
    cpu = time.process_time()
    start = time.perf_counter()
    function()
    return time.perf_counter() - start, time.process_time() - cpu


@dataclass
class Paired:
    """Seconds per round for each side, measured alternately; ``ratio`` is the median pair ratio.

    The ``*_cpu`` lists hold this process' CPU seconds per round: the client's own work, which
    the emulator's time and a busy machine disturb much less than the wall clock.
    """

    ours: list[float] = field(default_factory=list)
    baseline: list[float] = field(default_factory=list)
    ours_cpu: list[float] = field(default_factory=list)
    baseline_cpu: list[float] = field(default_factory=list)

    @property
    def ratio(self) -> float:
        return median([o / b for o, b in zip(self.ours, self.baseline, strict=True)])

    @property
    def cpu_ratio(self) -> float:
        pairs = zip(self.ours_cpu, self.baseline_cpu, strict=True)
        return median([o / max(b, 1e-9) for o, b in pairs])


def paired_rounds(
    ours: Callable[[], Any], baseline: Callable[[], Any], rounds: int, *, warmup: bool = True
) -> Paired:
    """Run both sides ``rounds`` times, alternating which one goes first."""
    if warmup:
        ours()
        baseline()
    result = Paired()

    def measure(side: Callable[[], Any], wall: list[float], cpu: list[float]) -> None:
        seconds, cpu_seconds = timed_with_cpu(side)
        wall.append(seconds)
        cpu.append(cpu_seconds)

    for index in range(rounds):
        sides = [
            (ours, result.ours, result.ours_cpu),
            (baseline, result.baseline, result.baseline_cpu),
        ]
        for side in sides if index % 2 == 0 else reversed(sides):
            measure(*side)
    return result


def paired_notes(paired: Paired, per_round: int) -> list[str]:
    """The usual notes of a paired per-call benchmark (method, spread, client CPU per call)."""
    ratios = [o / b for o, b in zip(paired.ours, paired.baseline, strict=True)]
    ours_cpu = median(paired.ours_cpu) / per_round
    base_cpu = median(paired.baseline_cpu) / per_round
    return [
        f"{len(ratios)} rounds x {per_round} calls per side, alternating; ratio = median of the "
        f"pair ratios (min {min(ratios):.3f}, max {max(ratios):.3f})",
        f"client-process CPU per call: {ms(ours_cpu)} vs {ms(base_cpu)} "
        f"(ratio {paired.cpu_ratio:.3f})",
    ]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms" if seconds < 1 else f"{seconds:.2f} s"


def child_env(**extra: str) -> dict[str, str]:
    """Environment of a child Python: this one, with the repository importable (``benchmarks``)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.update(extra)
    return env


# --- emulator processes -----------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


class Emulator:
    """``photoroom-emulator`` in its own process (own session, so Ctrl-C reaches only us)."""

    def __init__(self, settings: Mapping[str, str], log_dir: Path) -> None:
        self.settings = dict(settings)
        self.port = free_port()
        self.url = f"http://{HOST}:{self.port}"
        env = {k: v for k, v in os.environ.items() if not k.startswith("PHOTOROOM_EMULATOR_")}
        env.update(self.settings)
        env.pop("PHOTOROOM_BASE_URL", None)
        name = "-".join(f"{v}" for v in self.settings.values()) or "default"
        self.log_path = log_dir / f"emulator-{name}-{self.port}.log"
        self._log = self.log_path.open("wb")
        command = [sys.executable, "-m", "photoroom_emulator", "--host", HOST]
        command += ["--port", str(self.port), "--log-level", "warning"]
        self.process = subprocess.Popen(
            command,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            self._wait_ready()
        except BaseException:
            self.stop()
            raise

    def _wait_ready(self) -> None:
        import httpx

        deadline = time.monotonic() + STARTUP_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise NotReady(f"the emulator exited at start-up ({self._log_tail()})")
            try:
                response = httpx.get(
                    f"{self.url}/v2/account", headers={"x-api-key": API_KEY}, timeout=2.0
                )
            except httpx.TransportError:
                time.sleep(0.05)
                continue
            if response.status_code == 200:
                return
            raise NotReady(f"emulator GET /v2/account answered {response.status_code}")
        raise NotReady(f"the emulator did not answer within {STARTUP_TIMEOUT:.0f} s")

    def _log_tail(self) -> str:
        self._log.flush()
        text = self.log_path.read_text(errors="replace").strip().splitlines()
        return " / ".join(text[-3:]) or "no output"

    def stop(self) -> None:
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self._log.close()


class Emulators:
    """Start each emulator configuration on first use; stop them all at the end."""

    def __init__(self, log_dir: Path) -> None:
        self.log_dir = log_dir
        self._running: dict[frozenset[tuple[str, str]], Emulator] = {}

    def url(self, settings: Mapping[str, str]) -> str:
        key = frozenset(settings.items())
        if key not in self._running:
            emulator = Emulator(settings, self.log_dir)
            self._running[key] = emulator
            described = " ".join(f"{k}={v}" for k, v in settings.items())
            print(f"  started emulator {emulator.url} ({described})", file=sys.stderr, flush=True)
        return self._running[key].url

    def stop_all(self) -> None:
        while self._running:
            _, emulator = self._running.popitem()
            emulator.stop()


# --- the run context --------------------------------------------------------------------------


@dataclass
class Context:
    """What every benchmark gets: the size scale, a scratch folder and the emulators."""

    scale: float
    workdir: Path
    emulators: Emulators
    quick: bool = False

    def count(self, full: int, minimum: int = 1) -> int:
        """``full`` scaled down by ``--scale``, never below ``minimum``."""
        return max(minimum, math.ceil(full * self.scale))

    def rounds(self, full: int) -> int:
        """Number of repeats: ``full`` normally, 2 (enough to alternate once) in quick runs."""
        return min(full, 2) if self.quick else full


@contextlib.contextmanager
def photoroom_client(base_url: str, **options: Any) -> Iterator[Any]:
    """``photoroom.Photoroom`` pointed at the emulator for both hosts, closed afterwards."""
    try:
        from photoroom import Photoroom
    except ImportError as exc:
        raise NotReady(f"photoroom.Photoroom is not importable yet ({exc})") from exc
    client = Photoroom(api_key=API_KEY, base_url=base_url, segment_base_url=base_url, **options)
    try:
        yield client
    finally:
        close = getattr(client, "close", None)
        if close is not None:
            close()


#: The /v2/edit form the upload and batch benchmarks send, as the API names it.
EDIT_FORM = {
    "background.color": "FFFFFF",
    "outputSize": "1000x1000",
    "padding": "0.1",
    "export.format": "png",
}


def edit_options() -> dict[str, Any]:
    """The same options as :data:`EDIT_FORM`, spelled as ``client.edit()`` keywords."""
    import photoroom

    return {
        "background": photoroom.Background(color=EDIT_FORM["background.color"]),
        "output_size": EDIT_FORM["outputSize"],
        "padding": float(EDIT_FORM["padding"]),  # same values as EDIT_FORM, typed
        "export": photoroom.Export(format="png"),
    }


def require(obj: Any, name: str) -> Callable[..., Any]:
    """``obj.name`` or :class:`NotReady` saying which method is missing."""
    method = getattr(obj, name, None)
    if method is None:
        raise NotReady(f"{type(obj).__name__}.{name} does not exist yet")
    return method  # type: ignore[no-any-return]


@contextlib.contextmanager
def terminate_on_sigterm() -> Iterator[None]:
    """Turn SIGTERM into SystemExit so ``finally`` blocks stop the emulators."""

    def handler(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
