"""Dask: one task per shard on a LocalCluster with process workers, against a live emulator;
the shards together do every row once, in other processes. Skipped without distributed."""

from __future__ import annotations

from pathlib import Path

import pytest

from photoroom.batch import LEDGER_DIR, read_ledger
from photoroom_emulator import EmulatorConfig, run_in_thread

from .conftest import API_KEY, KEYS, write_images

distributed = pytest.importorskip("distributed")


def test_one_task_per_shard_on_process_workers(tmp_path: Path) -> None:
    import os

    from photoroom.batch.dask import run_on_dask

    paths = write_images(tmp_path / "in", 40)
    manifest = tmp_path / "m.csv"
    manifest.write_text("input\n" + "\n".join(str(p) for p in paths) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    config = EmulatorConfig.from_mapping({"keys": KEYS, "processing": "off"})
    with (
        run_in_thread(config) as server,
        distributed.LocalCluster(
            n_workers=2, processes=True, threads_per_worker=2, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as dask,
    ):
        reports = run_on_dask(
            dask,
            manifest,
            out,
            shards=4,
            rate=400,
            api_key=API_KEY,
            client_options={"base_url": server.url},
        )
        again = run_on_dask(
            dask, manifest, out, shards=4, api_key=API_KEY, client_options={"base_url": server.url}
        )
    assert [r["shard"] for r in reports] == ["0/4", "1/4", "2/4", "3/4"]
    assert sum(r["counts"]["written"] for r in reports) == 40
    assert all(r["counts"]["failed"] == 0 for r in reports)
    assert {r["worker_pid"] for r in reports} - {os.getpid()}  # ran in worker processes
    assert sorted(p.name for p in out.glob("*.png")) == [p.name for p in paths]
    assert len([r for r in read_ledger(out / LEDGER_DIR) if r["status"] == "done"]) == 40
    assert sum(r["counts"]["skipped"] for r in again) == 40
