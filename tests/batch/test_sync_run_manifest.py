"""``Photoroom.run_manifest``: the blocking client runs a manifest on the same engine as the
asyncio one (each row's call in a worker thread), with its own transport and limiter."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from photoroom import Background, PermissionDeniedError, Photoroom
from photoroom.batch import LEDGER_DIR, LimitedTransport, RateLimiter, read_ledger
from photoroom_emulator import EmulatorConfig, EmulatorTransport

from .conftest import API_KEY, KEYS, write_images


def emulator(**changes: Any) -> EmulatorTransport:
    settings = {"keys": KEYS, "processing": "off", **changes}
    return EmulatorTransport(config=EmulatorConfig.from_mapping(settings))


def client_on(transport: httpx.BaseTransport, api_key: str = API_KEY) -> Photoroom:
    http = httpx.Client(transport=transport, base_url="http://emulator")
    return Photoroom(api_key, base_url="http://127.0.0.1", http_client=http, max_retries=0)


def test_the_blocking_client_runs_a_manifest_and_a_rerun_resumes(tmp_path: Path) -> None:
    inputs = write_images(tmp_path / "in", 12)
    manifest = tmp_path / "catalogue.jsonl"
    rows = [
        {"input": str(path), "output": f"sku-{i}", "padding": 0.1} for i, path in enumerate(inputs)
    ]
    rows.append({"input": str(tmp_path / "in" / "missing.png"), "output": "sku-missing"})
    manifest.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    out = tmp_path / "out"
    seen: list[str] = []

    options = {"background": Background(color="FFFFFF")}

    with client_on(emulator()) as client:
        report = client.run_manifest(
            manifest, out, options=options, concurrency=4, on_item=lambda o: seen.append(o.status)
        )
        again = client.run_manifest(manifest, out, options=options, concurrency=4)

    assert report.counts == {"written": 12, "skipped": 0, "failed": 1}
    assert sorted(p.name for p in out.glob("sku-*")) == sorted(f"sku-{i}.png" for i in range(12))
    assert report.failures[0].error_type == "ImageNotFoundError"
    assert sorted(seen) == ["failed"] + ["written"] * 12
    assert len({record["key"] for record in read_ledger(out / LEDGER_DIR)}) == 13
    # The rerun skips what is done and does not retry the recorded failure.
    assert again.counts == {"written": 0, "skipped": 12, "failed": 1}
    assert again.failures[0].previous


def test_a_limiter_in_the_clients_transport_paces_it_and_the_report_counts_its_429s(
    tmp_path: Path,
) -> None:
    manifest = tmp_path / "m.csv"
    paths = write_images(tmp_path / "in", 20)
    manifest.write_text("input\n" + "\n".join(map(str, paths)) + "\n", encoding="utf-8")
    limiter = RateLimiter(100, concurrency=8)
    http = httpx.Client(transport=LimitedTransport(emulator(rate_limit="50:5"), limiter))

    with Photoroom(API_KEY, base_url="http://127.0.0.1", http_client=http) as client:
        report = client.run_manifest(manifest, tmp_path / "out", concurrency=8, limiter=limiter)

    assert report.counts["written"] == 20  # the client's retries, paced by the limiter
    assert report.rate_limited >= 1
    assert report.rate_limited == limiter.rate_limited


def test_an_unknown_key_stops_the_blocking_run(tmp_path: Path) -> None:
    manifest = tmp_path / "m.csv"
    paths = write_images(tmp_path / "in", 5)
    manifest.write_text("input\n" + "\n".join(map(str, paths)) + "\n", encoding="utf-8")

    with (
        client_on(emulator(), api_key="sk-not-a-known-key-0000") as client,
        pytest.raises(PermissionDeniedError),
    ):
        client.run_manifest(manifest, tmp_path / "out", concurrency=2)


def test_an_invalid_shard_or_concurrency_is_refused_before_anything_runs(tmp_path: Path) -> None:
    with client_on(emulator()) as client:
        with pytest.raises(ValueError, match="concurrency"):
            client.run_manifest(tmp_path / "m.csv", tmp_path / "out", concurrency=0)
        with pytest.raises(ValueError, match="shard"):
            client.run_manifest(tmp_path / "m.csv", tmp_path / "out", shard=(3, 2))
