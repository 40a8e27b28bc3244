"""Fuzz the Photoroom contract: ``make fuzz`` (``python -m scripts.fuzz --examples 1000``).

Starts the emulator (a subprocess) and a loopback image server (a thread), runs ``st run`` with
``schemathesis.toml`` in another subprocess (generation and serving each get a core), then prints
what a reviewer needs: cases run, failures, elapsed seconds, and the share of positive cases
answered 2xx (tallied by the ``after_call`` hook of ``tests/fuzz/hooks.py``). Exits non-zero
when schemathesis found a failure.

``--url`` fuzzes a running server instead (the emulator elsewhere, or your own deployment), with
``$PHOTOROOM_API_KEY`` as its key when set; URL fields then need ``--image-base``, a URL that
server can fetch the corpus from (``--export-images DIR`` writes the corpus for hosting).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import socket
import subprocess
import sys
import time
import tomllib
import urllib.request
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

# The corpus and the image server live with the schemathesis hooks, in tests/fuzz.
from tests.fuzz.image_server import serve_images
from tests.fuzz.images import samples

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "openapi" / "photoroom.json"
CONFIG = ROOT / "schemathesis.toml"
JUNIT = ROOT / "reports" / "fuzz-junit.xml"
# One JSON line per request (case id, phase, mode, status, parameters, error answer), for
# digging into a run; reports/ is not versioned.
TALLY = ROOT / "reports" / "fuzz-tally.jsonl"
EMULATOR_LOG = ROOT / "reports" / "fuzz-emulator.log"
# The emulator answers these small cases in well under a second; 20 s means it hung.
MAX_RESPONSE_TIME = 20.0


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.export_images:
        return export_images(args.export_images)
    started = time.monotonic()
    TALLY.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.ExitStack() as stack:
        image_base = args.image_base or stack.enter_context(serve_images())
        url = args.url or stack.enter_context(start_emulator(configured_key()))
        TALLY.unlink(missing_ok=True)
        JUNIT.unlink(missing_ok=True)
        code = run_schemathesis(args, url=url, image_base=image_base, tally=TALLY)
        records = read_tally(TALLY)
    elapsed = time.monotonic() - started
    print_summary(records, problems=count_problems(JUNIT), elapsed=elapsed, target=url)
    return code


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--examples",
        type=int,
        default=1000,
        help="fuzzing-phase cases over all operations (the coverage phase adds its own sweep)",
    )
    parser.add_argument("--url", help="fuzz this running server instead of a fresh emulator")
    parser.add_argument("--image-base", help="base URL serving the image corpus (with --url)")
    parser.add_argument("--seed", type=int, help="override the seed of schemathesis.toml")
    parser.add_argument("--workers", default="1", help="schemathesis workers (default 1)")
    parser.add_argument(
        "--max-response-time",
        type=float,
        default=MAX_RESPONSE_TIME,
        help=f"seconds an answer may take, 0 for no limit (default {MAX_RESPONSE_TIME:g}: a hang, "
        "not slowness; only here, not in schemathesis.toml, so in-test fuzzing never races the "
        "clock)",
    )
    parser.add_argument("--export-images", type=Path, help="write the corpus to DIR and exit")
    parser.add_argument("st_args", nargs="*", help="extra `st run` arguments, after `--`")
    return parser.parse_args(argv)


@contextlib.contextmanager
def start_emulator(key: str) -> Iterator[str]:
    """A fresh emulator in its own process (the second core), on a free loopback port.

    Only ``key`` is valid (so ``ignored_auth`` sees a wrong key refused; the default open mode
    takes any key), with credits for any run, and image URLs may only point at loopback. Its log
    goes to ``reports/fuzz-emulator.log``.
    """
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    command = [
        sys.executable,
        "-m",
        "photoroom_emulator",
        "--port",
        str(port),
        "--keys",
        f"{key}:1000000000:plus",
        "--allow-hosts",
        "127.0.0.1",
        "--fetch-timeout",
        "5",
        "--log-level",
        "warning",
    ]
    with EMULATOR_LOG.open("w") as log:
        server = subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
        try:
            wait_until_up(url, server)
            yield url
        finally:
            server.terminate()
            server.wait(timeout=10)


def wait_until_up(url: str, server: subprocess.Popen[bytes], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the emulator exited with {server.returncode}: see {EMULATOR_LOG}")
        try:
            with urllib.request.urlopen(url + "/health", timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"the emulator did not answer {url}/health within {timeout:.0f} s")


def run_schemathesis(args: argparse.Namespace, *, url: str, image_base: str, tally: Path) -> int:
    per_operation = max(1, math.ceil(args.examples / count_operations()))
    command = [
        str(Path(sys.executable).with_name("st")),
        "--config-file",
        str(CONFIG),
        "run",
        str(SPEC),
        "--url",
        url,
        "--max-examples",
        str(per_operation),
        "--workers",
        str(args.workers),
        *(["--max-response-time", str(args.max_response_time)] if args.max_response_time else []),
        *(["--seed", str(args.seed)] if args.seed is not None else []),
        *(["-H", f"x-api-key: {os.environ['PHOTOROOM_API_KEY']}"] if own_key(args) else []),
        *args.st_args,
    ]
    env = {
        **os.environ,
        "PHOTOROOM_FUZZ_IMAGE_BASE": image_base,
        "PHOTOROOM_FUZZ_TALLY": str(tally),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    return subprocess.run(command, cwd=ROOT, env=env, check=False).returncode


def configured_key() -> str:
    """The key ``schemathesis.toml`` sends, which the fresh emulator is started with."""
    config = tomllib.loads(CONFIG.read_text(encoding="utf-8"))
    key: str = config["auth"]["openapi"]["x-api-key"]["api_key"]
    return key


def own_key(args: argparse.Namespace) -> bool:
    """``$PHOTOROOM_API_KEY`` replaces the configured key when fuzzing another server."""
    return bool(args.url and os.environ.get("PHOTOROOM_API_KEY"))


def count_operations() -> int:
    """`max-examples` is per operation: the budget is spread evenly over all of them."""
    spec = json.loads(SPEC.read_text(encoding="utf-8"))
    return sum(
        1
        for item in spec["paths"].values()
        for operation in item.values()
        if isinstance(operation, dict) and "responses" in operation
    )


def read_tally(path: Path) -> list[dict[str, Any]]:
    """One record per case: its first request (checks may send more with the same case)."""
    first: dict[str, dict[str, Any]] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            first.setdefault(record["case"], record)
    return list(first.values())


def count_problems(junit: Path) -> str:
    """Failed checks and errored requests (e.g. a dropped connection) in the JUnit report."""
    if not junit.exists():
        return "unknown: schemathesis wrote no JUnit report"
    root = ET.parse(junit).getroot()
    failures = sum(1 for _ in root.iter("failure"))
    errors = sum(1 for _ in root.iter("error"))
    # Schemathesis 4.32.5 writes only the error of an operation that also failed a check.
    hidden = " (an operation with an error may hide failures: see st's summary above)"
    return f"{failures} failed checks, {errors} errors{hidden if errors else ''} (JUnit: {junit})"


def print_summary(
    records: list[dict[str, Any]], *, problems: str, elapsed: float, target: str
) -> None:
    positive = [r for r in records if r["mode"] == "positive"]
    accepted = sum(1 for r in positive if 200 <= r["status"] < 300)
    share = f"{accepted / len(positive):.1%}" if positive else "n/a"
    phases = Counter(r["phase"] for r in records)
    statuses = Counter(r["status"] for r in records)
    print()
    print(f"fuzzed {target}")
    print(f"cases run:        {len(records)} ({', '.join(f'{k} {v}' for k, v in phases.items())})")
    print(f"failures:         {problems}")
    print(f"requests:         {TALLY}")
    print(f"elapsed seconds:  {elapsed:.1f}")
    print(f"positive 2xx:     {share} of {len(positive)} positive cases")
    print(f"statuses:         {dict(sorted(statuses.items()))}")
    by_operation: Counter[str] = Counter()
    ok_by_operation: Counter[str] = Counter()
    for record in positive:
        by_operation[record["operation"]] += 1
        ok_by_operation[record["operation"]] += 200 <= record["status"] < 300
    for operation, total in sorted(by_operation.items()):
        print(f"  positive {operation:<20} {ok_by_operation[operation]}/{total} 2xx")


def export_images(directory: Path) -> int:
    directory.mkdir(parents=True, exist_ok=True)
    for sample in samples():
        (directory / sample.name).write_bytes(sample.data)
    print(f"wrote {len(samples())} images to {directory}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
