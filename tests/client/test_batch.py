"""Batches: bounded, streamed to disk, resumable, and one failure never costs the others."""

from __future__ import annotations

import asyncio
import collections
import io
import json
import os
from pathlib import Path
from typing import Any

import httpx
import pytest
from PIL import Image

import photoroom._results
from photoroom import (
    AsyncPhotoroom,
    Background,
    BatchReport,
    Export,
    InvalidOptionError,
    Photoroom,
)
from photoroom._progress import ProgressBar
from photoroom._results import atomic_write
from photoroom_emulator import AsyncEmulatorTransport, run_in_thread

from .conftest import (
    API_KEY,
    AsyncFaultingTransport,
    FaultingTransport,
    emulator_config,
    product_png,
)


def write_inputs(folder: Path, count: int, size: tuple[int, int] = (24, 18)) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        path = folder / f"item-{index:03d}.png"
        path.write_bytes(product_png(size, color=(index % 255, 40, 200)))
        paths.append(path)
    return paths


def files_in(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def input_name(request: httpx.Request) -> str:
    """The uploaded file name of a multipart request."""
    head = request.content.split(b'filename="', 1)[1]
    return head.split(b'"', 1)[0].decode()


async def test_two_hundred_images_with_ten_percent_faults_then_a_rerun_finishes_the_rest(
    tmp_path: Path,
) -> None:
    inputs = write_inputs(tmp_path / "in", 200)
    output = tmp_path / "out"
    faulty = AsyncFaultingTransport(
        AsyncEmulatorTransport(config=emulator_config(fault_rate=0.1, seed=7, processing="off"))
    )

    async with (
        httpx.AsyncClient(transport=faulty) as http,
        AsyncPhotoroom(API_KEY, http_client=http, max_retries=0) as client,
    ):
        first = await client.batch_edit(
            inputs, output, concurrency=16, progress=False, background=Background(color="FFFFFF")
        )

    # Every input was sent exactly once (no retries), and is either written or reported failed.
    sent = collections.Counter(input_name(request) for request in faulty.requests)
    assert sent == {path.name: 1 for path in inputs}
    assert len(first.items) == 200
    assert [item.input for item in first.items] == [str(path) for path in inputs]
    assert len(first.written) + len(first.failed) == 200
    assert 5 <= len(first.failed) <= 40  # ~10 % of 200, seeded
    assert not first.ok
    # Each success is on disk exactly once under its input's name; nothing else is.
    assert files_in(output) == sorted(Path(item.output or "").name for item in first.written)
    for item in first.written:
        assert Image.open(item.output or "").size == (24, 18)
    for item in first.failed:
        assert item.output is None
        assert item.error_type in {"InternalServerError", "RateLimitError", "APIConnectionError"}
        assert item.error_message
        if item.error_type != "APIConnectionError":
            assert item.status_code in {429, 500, 503}

    # A second run without faults sends only what failed, and finishes the batch.
    healthy = AsyncFaultingTransport(
        AsyncEmulatorTransport(config=emulator_config(processing="off"))
    )
    async with (
        httpx.AsyncClient(transport=healthy) as http,
        AsyncPhotoroom(API_KEY, http_client=http, max_retries=0) as client,
    ):
        second = await client.batch_edit(
            inputs, output, concurrency=16, progress=False, background=Background(color="FFFFFF")
        )

    assert second.ok
    assert sorted(input_name(r) for r in healthy.requests) == sorted(
        Path(item.input).name for item in first.failed
    )
    assert {item.input for item in second.skipped} == {item.input for item in first.written}
    assert {item.input for item in second.written} == {item.input for item in first.failed}
    assert files_in(output) == [f"item-{index:03d}.png" for index in range(200)]


def test_the_sync_client_batches_with_its_own_http_client(
    client: Photoroom, emulator: FaultingTransport, tmp_path: Path
) -> None:
    inputs = write_inputs(tmp_path / "in", 6)
    emulator.faults = ["503"]  # the first attempt fails, the retry succeeds

    report = client.batch_remove_background(inputs, tmp_path / "out", concurrency=3, progress=False)

    assert report.ok
    assert len(report.written) == 6
    assert files_in(tmp_path / "out") == [path.with_suffix(".png").name for path in inputs]


def test_the_sync_client_batches_through_an_async_twin_of_its_pool(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs = write_inputs(tmp_path / "in", 4)
    with run_in_thread(emulator_config(processing="off")) as server:
        monkeypatch.setenv("PHOTOROOM_BASE_URL", server.url)
        with Photoroom(API_KEY) as client:
            report = client.batch_edit(
                inputs, tmp_path / "out", progress=False, export=Export(format="webp")
            )

    assert report.ok
    assert files_in(tmp_path / "out") == [path.with_suffix(".webp").name for path in inputs]


def test_existing_outputs_are_skipped_without_a_request_unless_overwrite(
    client: Photoroom, emulator: FaultingTransport, tmp_path: Path
) -> None:
    inputs = write_inputs(tmp_path / "in", 3)
    output = tmp_path / "out"
    output.mkdir()
    (output / "item-001.png").write_bytes(b"from an earlier run")

    report = client.batch_edit(inputs, output, progress=False)

    assert [item.status for item in report.items] == ["written", "skipped", "written"]
    assert len(emulator.requests) == 2
    assert (output / "item-001.png").read_bytes() == b"from an earlier run"

    again = client.batch_edit(inputs, output, progress=False, overwrite=True)

    assert [item.status for item in again.items] == ["written"] * 3
    assert (output / "item-001.png").read_bytes().startswith(b"\x89PNG")


def test_inputs_that_would_share_an_output_name_are_reported_not_overwritten(
    client: Photoroom, tmp_path: Path
) -> None:
    first = write_inputs(tmp_path / "a", 1)[0]
    second = tmp_path / "b" / first.name
    second.parent.mkdir()
    second.write_bytes(first.read_bytes())

    report = client.batch_edit([first, second], tmp_path / "out", progress=False)

    assert [item.status for item in report.items] == ["written", "failed"]
    assert report.failed[0].error_message is not None
    assert "already used by" in report.failed[0].error_message


def test_a_missing_input_is_one_failed_item(client: Photoroom, tmp_path: Path) -> None:
    inputs = [*write_inputs(tmp_path / "in", 2), tmp_path / "in" / "missing.png"]

    report = client.batch_edit(inputs, tmp_path / "out", progress=False)

    assert [item.status for item in report.items] == ["written", "written", "failed"]
    assert report.failed[0].error_type == "ImageNotFoundError"
    assert report.failed[0].status_code is None


def test_an_invalid_option_fails_the_whole_batch_before_any_request(
    client: Photoroom, emulator: FaultingTransport, tmp_path: Path
) -> None:
    inputs = write_inputs(tmp_path / "in", 3)

    with pytest.raises(InvalidOptionError, match=r"^padding: "):
        client.batch_edit(inputs, tmp_path / "out", padding="90%")
    with pytest.raises(InvalidOptionError, match=r"^format: "):
        client.batch_remove_background(inputs, tmp_path / "out", format="gif")  # type: ignore[typeddict-item]

    assert emulator.requests == []


async def test_a_cancelled_batch_leaves_only_complete_files(tmp_path: Path) -> None:
    inputs = write_inputs(tmp_path / "in", 40)
    output = tmp_path / "out"
    slow = AsyncEmulatorTransport(config=emulator_config(processing="off", latency_ms=20))
    async with (
        httpx.AsyncClient(transport=slow) as http,
        AsyncPhotoroom(API_KEY, http_client=http) as client,
    ):
        task = asyncio.create_task(client.batch_edit(inputs, output, concurrency=4, progress=False))
        for _ in range(2000):  # wait for a few results (bounded, never hangs)
            if output.exists() and len(list(output.iterdir())) >= 3:
                break
            await asyncio.sleep(0.01)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    names = files_in(output)
    assert 3 <= len(names) < 40
    assert all(name.endswith(".png") and not name.startswith(".") for name in names)
    for name in names:
        Image.open(output / name).load()  # complete images only


def test_an_interrupted_write_leaves_neither_the_file_nor_a_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(source: Any, target: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(photoroom._results.os, "replace", interrupted)

    with pytest.raises(KeyboardInterrupt):
        atomic_write(tmp_path / "result.png", b"data")

    assert os.listdir(tmp_path) == []


def test_the_report_serialises_to_json(client: Photoroom, tmp_path: Path) -> None:
    inputs = [*write_inputs(tmp_path / "in", 1), tmp_path / "in" / "missing.png"]

    report = client.batch_edit(inputs, tmp_path / "out", progress=False)
    data = json.loads(report.to_json())

    assert data["counts"] == {"written": 1, "skipped": 0, "failed": 1}
    assert data["items"][0]["status"] == "written"
    assert data["items"][1]["error_type"] == "ImageNotFoundError"
    assert str(report).startswith("1 written, 0 skipped, 1 failed -> ")
    assert isinstance(report, BatchReport)
    assert [item.ok for item in report.items] == [True, False]
    assert len(report.succeeded) == 1


async def test_the_async_batch_of_cut_outs(async_client: AsyncPhotoroom, tmp_path: Path) -> None:
    inputs = write_inputs(tmp_path / "in", 5)

    report = await async_client.batch_remove_background(
        inputs, tmp_path / "out", format="webp", progress=False
    )

    assert report.ok
    assert files_in(tmp_path / "out") == [path.with_suffix(".webp").name for path in inputs]


def test_the_progress_bar_counts_statuses() -> None:
    stream = io.StringIO()
    bar = ProgressBar(4, enabled=True, stream=stream, label="edit", min_interval=0)

    for status in ("written", "written", "skipped", "failed"):
        bar.update(status)
    bar.close()

    last = stream.getvalue().split("\r")[-1]
    assert last.startswith("\x1b[2Kedit [")
    assert "4/4 written 2 skipped 1 failed 1" in last
    assert last.endswith("\n")


def test_the_progress_bar_is_silent_when_stderr_is_not_a_terminal() -> None:
    stream = io.StringIO()
    bar = ProgressBar(2, stream=stream)

    bar.update("written")
    bar.close()

    assert stream.getvalue() == ""


def test_batches_reject_inputs_without_a_name(client: Photoroom, tmp_path: Path) -> None:
    report = client.batch_edit([b"\x89PNG\r\n\x1a\n"], tmp_path / "out", progress=False)  # type: ignore[list-item]

    assert report.failed[0].error_message is not None
    assert "must be paths or URLs" in report.failed[0].error_message


async def test_the_sync_batch_also_works_inside_a_running_event_loop(
    client: Photoroom, tmp_path: Path
) -> None:
    """As in a Jupyter cell: the batch runs its own loop in a helper thread."""
    inputs = write_inputs(tmp_path / "in", 2)

    report = client.batch_edit(inputs, tmp_path / "out", progress=False)

    assert report.ok
    assert files_in(tmp_path / "out") == ["item-000.png", "item-001.png"]
