"""The engine in-process against the emulator: shards, fsspec stores and inputs, URLs, rate
limits, fatal errors, duplicates, an output written just before a kill, the CLI."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from photoroom import PaymentRequiredError
from photoroom.batch import LEDGER_DIR, RateLimiter, batch_client, read_ledger, run_manifest
from photoroom.cli import main
from photoroom_emulator import AsyncEmulatorTransport, EmulatorConfig

from .conftest import API_KEY, KEYS, ImageServer, product_png, write_images

BROKE_KEY = "sk-broke-0123456789abcdef"


def transport(**changes: Any) -> AsyncEmulatorTransport:
    settings = {"keys": KEYS, "processing": "off", **changes}
    return AsyncEmulatorTransport(config=EmulatorConfig.from_mapping(settings))


def manifest_of(folder: Path, paths: list[Path], header: str = "input") -> Path:
    manifest = folder / "manifest.csv"
    manifest.write_text(header + "\n" + "\n".join(str(p) for p in paths) + "\n", encoding="utf-8")
    return manifest


async def run(manifest: Path | str, output: Path | str, **kwargs: Any) -> Any:
    limiter = RateLimiter(None, concurrency=8)
    emulator = kwargs.pop("emulator", None) or transport()
    api_key = kwargs.pop("api_key", API_KEY)
    async with batch_client(api_key, transport=emulator, limiter=limiter, max_retries=0) as client:
        return await run_manifest(client, manifest, output, concurrency=8, **kwargs)


async def test_shards_split_the_rows_and_together_do_them_all(tmp_path: Path) -> None:
    manifest = manifest_of(tmp_path, write_images(tmp_path / "in", 60))
    out = tmp_path / "out"
    reports = [await run(manifest, out, shard=(index, 3)) for index in range(3)]
    written = [report.counts["written"] for report in reports]
    assert sum(written) == 60
    assert all(count > 5 for count in written)
    assert len([p for p in out.iterdir() if p.suffix == ".png"]) == 60
    # Each shard has its own ledger file; a rerun of all shards skips everything.
    assert len(list((out / LEDGER_DIR).glob("shard-000*-of-0003.*.jsonl"))) == 3
    again = [await run(manifest, out, shard=(index, 3)) for index in range(3)]
    assert sum(r.counts["skipped"] for r in again) == 60
    assert sum(r.counts["written"] for r in again) == 0


async def test_fsspec_inputs_manifest_and_outputs_in_memory(tmp_path: Path) -> None:
    fsspec = pytest.importorskip("fsspec")
    fs = fsspec.filesystem("memory")
    for index in range(5):
        fs.pipe_file(f"/catalogue/photos/p{index}.png", product_png((24, 18)))
    rows = "\n".join(f"memory://catalogue/photos/p{index}.png" for index in range(5))
    rows += "\nmemory://catalogue/photos/missing.png"
    fs.pipe_file("/catalogue/manifest.csv", ("input\n" + rows + "\n").encode())
    report = await run(
        "memory://catalogue/manifest.csv",
        "memory://catalogue/out",
        ledger=tmp_path / "ledger",
        options={"padding": 0.1},
    )
    assert report.counts == {"written": 5, "skipped": 0, "failed": 1}
    assert report.failures[0].line == 7
    assert report.failures[0].error_type == "FileNotFoundError"
    for index in range(5):
        assert fs.cat_file(f"/catalogue/out/p{index}.png").startswith(b"\x89PNG")
    # Another worker without this ledger finds the objects in the store and skips them.
    other = await run(
        "memory://catalogue/manifest.csv",
        "memory://catalogue/out",
        ledger=tmp_path / "other-ledger",
        options={"padding": 0.1},
    )
    assert other.counts == {"written": 0, "skipped": 5, "failed": 1}


async def test_urls_are_fetched_by_the_api_and_a_missing_one_is_reported(
    tmp_path: Path, image_server: ImageServer
) -> None:
    good = [image_server.add(f"u{index}.png", product_png((24, 18))) for index in range(3)]
    manifest = tmp_path / "m.csv"
    manifest.write_text(
        "input\n" + "\n".join([*good, f"{image_server.url}/nowhere.png"]) + "\n", encoding="utf-8"
    )
    report = await run(manifest, tmp_path / "out", emulator=transport(processing="on"))
    assert report.counts == {"written": 3, "skipped": 0, "failed": 1}
    failure = report.failures[0]
    assert failure.line == 5
    assert failure.status_code is not None and 400 <= failure.status_code < 500


async def test_over_the_account_limit_the_shared_limiter_learns_from_429s(tmp_path: Path) -> None:
    manifest = manifest_of(tmp_path, write_images(tmp_path / "in", 30))
    limiter = RateLimiter(100, concurrency=8)
    emulator = transport(rate_limit="50:5")
    async with batch_client(API_KEY, transport=emulator, limiter=limiter) as client:
        report = await run_manifest(client, manifest, tmp_path / "out", concurrency=8)
    assert report.counts["written"] == 30  # the client's retries, paced by the limiter
    assert report.rate_limited >= 1
    assert limiter.rate is not None and limiter.rate < 100


async def test_an_authentication_or_payment_error_stops_the_batch(tmp_path: Path) -> None:
    manifest = manifest_of(tmp_path, write_images(tmp_path / "in", 20))
    with pytest.raises(PaymentRequiredError):
        await run(manifest, tmp_path / "out", api_key=BROKE_KEY)
    records = list(read_ledger(tmp_path / "out" / LEDGER_DIR))
    assert records == []  # nothing recorded as failed: a rerun with credits does every row


async def test_duplicate_rows_run_once(tmp_path: Path) -> None:
    paths = write_images(tmp_path / "in", 3)
    manifest = manifest_of(tmp_path, [*paths, *paths, paths[0]])
    report = await run(manifest, tmp_path / "out")
    assert report.counts == {"written": 3, "skipped": 4, "failed": 0}


async def test_an_output_written_just_before_a_kill_is_recorded_by_the_next_run(
    tmp_path: Path,
) -> None:
    paths = write_images(tmp_path / "in", 4)
    manifest = manifest_of(tmp_path, paths)
    out = tmp_path / "out"
    out.mkdir()
    (out / "item-0002.png").write_bytes(product_png((24, 18)))  # stored, never recorded
    report = await run(manifest, out)
    assert report.counts == {"written": 3, "skipped": 1, "failed": 0}
    records = {r["input"]: r for r in read_ledger(out / LEDGER_DIR)}
    assert records[str(paths[2])]["status"] == "done"
    assert records[str(paths[2])]["result"] == "skipped"


async def test_per_row_options_override_the_batch_options(tmp_path: Path) -> None:
    paths = write_images(tmp_path / "in", 2)
    manifest = tmp_path / "m.csv"
    manifest.write_text(
        f"input,output,export.format\n{paths[0]},a,jpg\n{paths[1]},b,\n", encoding="utf-8"
    )
    report = await run(manifest, tmp_path / "out", options={"padding": 0.1})
    assert report.ok
    assert (tmp_path / "out" / "a.jpg").read_bytes()[:2] == b"\xff\xd8"
    assert (tmp_path / "out" / "b.png").read_bytes()[:4] == b"\x89PNG"


def test_cli_json_lines_shards_and_exit_codes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PHOTOROOM_EMULATOR_PROCESSING", "off")
    paths = write_images(tmp_path / "in", 12)
    manifest = manifest_of(tmp_path, [*paths, tmp_path / "missing.png"])
    out = tmp_path / "out"
    codes = []
    items: list[dict[str, Any]] = []
    for index in range(2):
        argv = ["batch", "edit", str(manifest), "-o", str(out), "--emulator", "--json"]
        codes.append(main([*argv, "--shard", f"{index}/2", "--rate", "1000/s", "--padding", "0.1"]))
        lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
        assert lines[-1]["type"] == "summary"
        items += lines[:-1]
    assert sorted(codes) == [0, 1]  # the shard with the missing file fails
    assert sorted(item["line"] for item in items) == list(range(2, 15))
    assert len([p for p in out.iterdir() if p.suffix == ".png"]) == 12
    assert (
        main(["batch", "remove-bg", str(manifest), "-o", str(tmp_path / "cut"), "--emulator", "-q"])
        == 1
    )
    with pytest.raises(SystemExit) as exit_:
        main(["batch", "edit", str(manifest), "-o", str(out), "--emulator", "--shard", "2/2"])
    assert exit_.value.code == 2


def test_cli_refuses_a_manifest_with_an_unknown_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = tmp_path / "m.csv"
    manifest.write_text("input,colour\na.png,red\n", encoding="utf-8")
    assert main(["batch", "edit", str(manifest), "-o", str(tmp_path / "o"), "--emulator"]) == 2
    assert "colour" in capsys.readouterr().err


async def test_local_batches_need_no_fsspec(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "fsspec", None)  # import fsspec now fails
    manifest = manifest_of(tmp_path, write_images(tmp_path / "in", 3))
    report = await run(manifest, f"file://{tmp_path / 'out'}")
    assert report.counts == {"written": 3, "skipped": 0, "failed": 0}
    with pytest.raises(ValueError, match="fsspec"):
        await run(manifest, "memory://nowhere/out")
