"""A catalogue end to end: 1 000 rows (local files, URLs served on 127.0.0.1, bad rows), the
emulator over HTTP with 10 % injected faults, the batch killed with SIGKILL half-way, reruns;
then every good row's output exists exactly once and decodes, every bad row is reported with
its reason, no partial object exists, and the ledger agrees with the store."""

from __future__ import annotations

import collections
import io
import json
import signal
import time
from pathlib import Path
from typing import Any

from PIL import Image

from photoroom.batch import LEDGER_DIR
from photoroom.batch._store import TMP_DIR

from .conftest import (
    API_KEY,
    ImageServer,
    last_records,
    ledger_lines,
    product_png,
    run_cli,
    start_cli,
    write_images,
)


def stored_objects(root: Path) -> list[Path]:
    return [
        path
        for path in root.rglob("*")
        if path.is_file() and not {LEDGER_DIR, TMP_DIR} & set(path.relative_to(root).parts)
    ]


def test_a_thousand_rows_with_faults_killed_half_way_then_rerun(
    tmp_path: Path, faulty_emulator: Any, image_server: ImageServer
) -> None:
    local = write_images(tmp_path / "photos", 700)
    urls = [
        image_server.add(f"url-{index:04d}.png", product_png((24, 18), color=(10, index % 255, 9)))
        for index in range(250)
    ]
    lines = ["input,output,background.color,padding"]
    good: dict[int, str] = {}  # line -> expected output name
    bad: dict[int, str] = {}  # line -> what the reason must say
    for index, path in enumerate(local):
        color = "FFFFFF" if index % 2 else "EEEEEE"
        lines.append(f"photos/{path.name},,{color},")
        good[len(lines)] = path.stem + ".png"
    for index, url in enumerate(urls):
        output = f"by-url/{index:04d}" if index % 5 == 0 else ""
        lines.append(f"{url},{output},,0.1")
        good[len(lines)] = (output or f"url-{index:04d}") + ".png"
    for index in range(20):
        lines.append(f"photos/missing-{index}.png,,,")
        bad[len(lines)] = "no such file"
    for index in range(10):
        lines.append(f"photos/{local[index].name},bad-colour-{index},not-a-colour,")
        bad[len(lines)] = "background.color"
    for index in range(10):
        lines.append(f"photos/{local[index].name},bad-padding-{index},,0.9")
        bad[len(lines)] = "padding"
    for index in range(10):
        lines.append(f"photos/{local[index].name},too-many-cells,,,extra")
        bad[len(lines)] = "cells"
    assert len(lines) - 1 == 1000
    manifest = tmp_path / "catalogue.csv"
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    ledger = out / LEDGER_DIR
    common = [
        str(manifest),
        "--output",
        str(out),
        "--base-url",
        faulty_emulator.url,
        "--api-key",
        API_KEY,
        "--concurrency",
        "8",
        "--retry-billed",  # a dropped answer is retried (the emulator may bill it twice)
    ]

    # Run 1, paced so that it is still running half-way; SIGKILL it there.
    first = start_cli("edit", *common, "--rate", "300/s", "--quiet")
    deadline = time.monotonic() + 60
    while ledger_lines(ledger) < 400 and first.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert first.poll() is None  # still running: the kill lands half-way
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=10)
    recorded_at_kill = ledger_lines(ledger)
    assert 400 <= recorded_at_kill < 1000

    # Reruns finish the rest and redo failures (injected faults, three attempts per row).
    report: dict[str, Any] = {}
    for _ in range(4):
        rerun = run_cli("edit", *common, "--retry-failed", "--report", "-", "--quiet")
        assert rerun.returncode == 1, rerun.stderr  # the bad rows always fail
        report = json.loads(rerun.stdout)
        if {f["line"] for f in report["failures"]} == set(bad):
            break
    counts = report["counts"]
    assert counts["failed"] == len(bad)
    assert counts["written"] + counts["skipped"] == len(good)

    # Every bad row is reported with its line and reason.
    reasons = {f["line"]: f["error"] for f in report["failures"]}
    assert set(reasons) == set(bad)
    for line, words in bad.items():
        assert words in reasons[line], (line, reasons[line])

    # Every good output exists exactly once, whole, and decodes; nothing else is in the store.
    objects = stored_objects(out)
    names = collections.Counter(str(path.relative_to(out)) for path in objects)
    assert names == collections.Counter(good.values())
    for path in objects:
        with Image.open(io.BytesIO(path.read_bytes())) as image:
            image.load()
            assert image.width > 0 and image.height > 0
    assert not list((out / TMP_DIR).iterdir())  # no partial object

    # The ledger agrees with the store: a 'done' record per output, a 'failed' one per bad row.
    records = last_records(ledger)
    done = [r for r in records.values() if r["status"] == "done"]
    failed = [r for r in records.values() if r["status"] == "failed"]
    assert {r["line"] for r in failed} == set(bad)
    assert {r["line"] for r in done} == set(good)
    written = {r["output"] for r in done if r.get("output")}
    assert written == {str(path) for path in objects}

    # A plain rerun sends nothing: everything is skipped from the ledger, failures reported.
    again = run_cli("edit", *common, "--json", "--quiet")
    summary = json.loads(again.stdout.splitlines()[-1])
    assert summary["counts"] == {"written": 0, "skipped": len(good), "failed": len(bad)}
    items = [json.loads(line) for line in again.stdout.splitlines()[:-1]]
    assert all(item["previous"] for item in items if item["status"] == "failed")
