"""Dask: one task per shard on a LocalCluster with process workers, against a live emulator;
the shards together do every row once, in other processes. Skipped without distributed.

The cluster runs in a child process: importing ``distributed`` installs tblib's exception
pickling for the whole interpreter, which would change what other tests' errors pickle."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from photoroom.batch import LEDGER_DIR, read_ledger
from photoroom_emulator import EmulatorConfig, run_in_thread

from .conftest import API_KEY, KEYS, write_images

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("distributed") is None, reason="needs dask[distributed]"
)

JOB = """
import json, os, sys
from distributed import Client, LocalCluster
from photoroom.batch.dask import run_on_dask

manifest, out, url, key = sys.argv[1:5]
with (
    LocalCluster(n_workers=2, processes=True, threads_per_worker=2, dashboard_address=None) as c,
    Client(c) as dask,
):
    options = {"api_key": key, "client_options": {"base_url": url}}
    first = run_on_dask(dask, manifest, out, shards=4, rate=400, **options)
    again = run_on_dask(dask, manifest, out, shards=4, **options)
print(json.dumps({"first": first, "again": again, "pid": os.getpid()}))
"""


def test_one_task_per_shard_on_process_workers(tmp_path: Path) -> None:
    paths = write_images(tmp_path / "in", 40)
    manifest = tmp_path / "m.csv"
    manifest.write_text("input\n" + "\n".join(str(p) for p in paths) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    config = EmulatorConfig.from_mapping({"keys": KEYS, "processing": "off"})
    env = {k: v for k, v in os.environ.items() if not k.startswith("PHOTOROOM_")}
    with run_in_thread(config) as server:
        done = subprocess.run(
            [sys.executable, "-c", JOB, str(manifest), str(out), server.url, API_KEY],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    reports, again = result["first"], result["again"]
    assert [r["shard"] for r in reports] == ["0/4", "1/4", "2/4", "3/4"]
    assert sum(r["counts"]["written"] for r in reports) == 40
    assert all(r["counts"]["failed"] == 0 for r in reports)
    assert result["pid"] not in {r["worker_pid"] for r in reports}  # ran in worker processes
    assert sorted(p.name for p in out.glob("*.png")) == [p.name for p in paths]
    assert len([r for r in read_ledger(out / LEDGER_DIR) if r["status"] == "done"]) == 40
    assert sum(r["counts"]["skipped"] for r in again) == 40
