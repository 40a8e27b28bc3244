"""Object storage for real: s3:// through s3fs against moto's S3 server on 127.0.0.1.

Inputs are read from a bucket by the client, outputs are single puts into another, and a worker
without the ledger skips what it finds in the bucket. Skipped without moto and s3fs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from photoroom.batch import RateLimiter, batch_client, read_ledger, run_manifest
from photoroom_emulator import AsyncEmulatorTransport, EmulatorConfig

from .conftest import API_KEY, KEYS, product_png

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
