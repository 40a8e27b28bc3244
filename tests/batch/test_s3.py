"""Object storage for real: s3:// through s3fs against moto's S3 server on 127.0.0.1.

Inputs are read from a bucket by the client, outputs are single puts into another, and a worker
without the ledger skips what it finds in the bucket; the catalogue scenario (faults, the CLI
SIGKILLed, reruns) with its outputs in a bucket. Skipped without moto and s3fs."""

from __future__ import annotations

import collections
import io
import json
import signal
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from photoroom.batch import RateLimiter, batch_client, read_ledger, run_manifest
from photoroom_emulator import AsyncEmulatorTransport, EmulatorConfig

from .conftest import (
    API_KEY,
    KEYS,
    last_records,
    ledger_lines,
    product_png,
    run_cli,
    start_cli,
    write_images,
)

moto_server = pytest.importorskip("moto.server")
s3fs = pytest.importorskip("s3fs")


@pytest.fixture(scope="module")
def s3(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    import os

    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    saved = {k: os.environ.get(k) for k in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY")}
    os.environ["AWS_ACCESS_KEY_ID"] = "testing"
    os.environ["AWS_SECRET_ACCESS_KEY"] = "testing"
    options = {"endpoint_url": endpoint, "key": "testing", "secret": "testing"}
    import fsspec

    previous = fsspec.config.conf.get("s3")
    fsspec.config.conf["s3"] = options  # inputs read by the client use the same endpoint
    try:
        yield options
    finally:
        if previous is None:
            fsspec.config.conf.pop("s3", None)
        else:
            fsspec.config.conf["s3"] = previous
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        server.stop()


async def test_inputs_and_outputs_in_s3(s3: dict[str, Any], tmp_path: Path) -> None:
    fs = s3fs.S3FileSystem(**s3)
    fs.mkdir("photos")
    fs.mkdir("shots")
    for index in range(6):
        fs.pipe_file(f"photos/p{index}.png", product_png((24, 18)))
    manifest = tmp_path / "m.csv"
    rows = [f"s3://photos/p{index}.png" for index in range(6)] + ["s3://photos/missing.png"]
    manifest.write_text("input,background.color\n" + ",FFFFFF\n".join(rows) + ",FFFFFF\n")
    config = EmulatorConfig.from_mapping({"keys": KEYS, "processing": "off"})

    async def run(ledger: Path) -> Any:
        limiter = RateLimiter(None, concurrency=4)
        emulator = AsyncEmulatorTransport(config=config)
        async with batch_client(API_KEY, transport=emulator, limiter=limiter) as client:
            return await run_manifest(
                client, manifest, "s3://shots/run", ledger=ledger, storage_options=s3
            )

    report = await run(tmp_path / "ledger")
    assert report.counts == {"written": 6, "skipped": 0, "failed": 1}
    assert report.failures[0].line == 8
    fs.invalidate_cache()
    assert sorted(fs.ls("shots/run")) == [f"shots/run/p{index}.png" for index in range(6)]
    for index in range(6):
        assert fs.cat_file(f"shots/run/p{index}.png").startswith(b"\x89PNG")
    done = [r for r in read_ledger(tmp_path / "ledger") if r["status"] == "done"]
    assert sorted(r["output"] for r in done) == [
        f"s3://shots/run/p{index}.png" for index in range(6)
    ]

    other = await run(tmp_path / "another-worker")  # no ledger: finds the objects in the bucket
    assert other.counts == {"written": 0, "skipped": 6, "failed": 1}


def test_catalogue_into_s3_with_faults_killed_then_rerun(
    s3: dict[str, Any], tmp_path: Path, faulty_emulator: Any
) -> None:
    """200 rows (local files and bad rows) into ``s3://catalogue/run`` by the CLI, which finds
    moto through the variables s3fs and botocore read; SIGKILLed once rows are in the ledger,
    rerun with --retry-failed; then the bucket holds each good output once, whole, nothing else,
    and the ledger's 'done' records name exactly those objects."""
    fs = s3fs.S3FileSystem(**s3)
    fs.mkdir("catalogue")
    local = write_images(tmp_path / "photos", 185)
    lines = ["input,output,background.color,padding"]
    good: dict[int, str] = {}  # line -> expected object name under the prefix
    bad: dict[int, str] = {}  # line -> what the reason must say
    for index, path in enumerate(local):
        output = f"sub/{index:04d}" if index % 10 == 0 else ""
        color = "FFFFFF" if index % 2 else "EEEEEE"
        lines.append(f"photos/{path.name},{output},{color},")
        good[len(lines)] = (output or path.stem) + ".png"
    for index in range(6):
        lines.append(f"photos/missing-{index}.png,,,")
        bad[len(lines)] = "no such file"
    for index in range(3):
        lines.append(f"photos/{local[index].name},bad-colour-{index},not-a-colour,")
        bad[len(lines)] = "background.color"
    for index in range(3):
        lines.append(f"photos/{local[index].name},bad-padding-{index},,0.9")
        bad[len(lines)] = "padding"
    for index in range(3):
        lines.append(f"photos/{local[index].name},too-many-cells,,,extra")
        bad[len(lines)] = "cells"
    assert len(lines) - 1 == 200
    manifest = tmp_path / "catalogue.csv"
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ledger = tmp_path / "ledger"
    env = {
        "AWS_ENDPOINT_URL": s3["endpoint_url"],  # botocore
        "FSSPEC_S3_ENDPOINT_URL": s3["endpoint_url"],  # fsspec's configuration of s3fs
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
    }
    common = [
        str(manifest),
        "--output",
        "s3://catalogue/run",
        "--ledger",
        str(ledger),
        "--base-url",
        faulty_emulator.url,
        "--api-key",
        API_KEY,
        "--concurrency",
        "8",
        "--retry-billed",  # a dropped answer is retried (the emulator may bill it twice)
    ]

    # Run 1, paced so that it is still running when 60 rows are recorded; SIGKILL it there.
    first = start_cli("edit", *common, "--rate", "100/s", "--quiet", env=env)
    deadline = time.monotonic() + 30
    while ledger_lines(ledger) < 60 and first.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert first.poll() is None  # still running: the kill lands mid-run
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=10)
    recorded_at_kill = ledger_lines(ledger)
    assert 60 <= recorded_at_kill < 200

    # Bounded reruns finish the rest and redo the injected faults until only bad rows fail.
    report: dict[str, Any] = {}
    for _ in range(4):
        rerun = run_cli("edit", *common, "--retry-failed", "--report", "-", "--quiet", env=env)
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

    # Everything under the prefix: each good output once, whole, decoding; nothing partial.
    fs.invalidate_cache()
    prefix = "catalogue/run/"
    keys = fs.find("catalogue", withdirs=False)
    assert all(key.startswith(prefix) for key in keys), keys
    names = collections.Counter(key.removeprefix(prefix) for key in keys)
    assert names == collections.Counter(good.values())
    for key in keys:
        with Image.open(io.BytesIO(fs.cat_file(key))) as image:
            image.load()
            assert image.width > 0 and image.height > 0
    uploads = fs.call_s3("list_multipart_uploads", Bucket="catalogue")
    assert not uploads.get("Uploads")  # no upload left half-done either

    # The ledger agrees with the bucket: a 'done' record per object, a 'failed' one per bad row.
    records = last_records(ledger)
    done = [r for r in records.values() if r["status"] == "done"]
    failed = [r for r in records.values() if r["status"] == "failed"]
    assert {r["line"] for r in failed} == set(bad)
    assert {r["line"] for r in done} == set(good)
    written = {r["output"] for r in done if r.get("output")}
    assert written == {f"s3://{key}" for key in keys}
