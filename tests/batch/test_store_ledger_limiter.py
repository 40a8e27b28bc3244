"""Stores write objects whole, the ledger survives torn writes, the limiter paces and learns."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from photoroom.batch import Ledger, RateLimiter, open_store, parse_rate, read_ledger
from photoroom.batch._store import TMP_DIR, FsspecStore, LocalStore


def test_local_store_writes_whole_objects_and_removes_leftovers(tmp_path: Path) -> None:
    store = open_store(tmp_path / "out")
    assert isinstance(store, LocalStore)
    where = store.put("a/b.png", b"data")
    assert Path(where).read_bytes() == b"data"
    assert store.exists("a/b.png")
    assert not store.exists("a/c.png")
    leftover = tmp_path / "out" / TMP_DIR / "dead.part"
    leftover.write_bytes(b"half")
    open_store(f"file://{tmp_path / 'out'}")  # a new run cleans what a killed one left
    assert not leftover.exists()
    assert sorted(p.name for p in (tmp_path / "out" / TMP_DIR).iterdir()) == []


def test_a_store_opened_beside_a_running_shard_keeps_its_temporaries(tmp_path: Path) -> None:
    """Only a dead writer's temporary file is a leftover: a shard (or a thread of this
    process) still writing beside the one opening the store keeps its half-written file."""
    import socket
    import subprocess
    import sys

    store = open_store(tmp_path / "out")
    assert isinstance(store, LocalStore)
    store.put("x.png", b"x")
    host = socket.gethostname().replace("-", "_")
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()  # reaped: its pid names no process now
    tmp = tmp_path / "out" / TMP_DIR
    names = {
        "live": f"{host}-{os.getppid()}-aa.part",
        "mine": f"{host}-{os.getpid()}-bb.part",
        "dead": f"{host}-{child.pid}-cc.part",
        "elsewhere": "other_host-1-dd.part",
    }
    for name in names.values():
        (tmp / name).write_bytes(b"half")
    old = tmp / "far_away-7-ee.part"
    old.write_bytes(b"half")
    os.utime(old, (0, 0))
    open_store(tmp_path / "out")
    kept = sorted(p.name for p in tmp.iterdir())
    assert kept == sorted([names["live"], names["mine"], names["elsewhere"]])


def test_memory_store_through_fsspec() -> None:
    pytest.importorskip("fsspec")
    store = open_store("memory://photoroom-test-store/shots")
    assert isinstance(store, FsspecStore)
    store.put("x/1.png", b"one")
    assert store.exists("x/1.png")
    assert store.fs.cat_file(store.root + "/x/1.png") == b"one"
    assert store.location("x/1.png") == "memory://photoroom-test-store/shots/x/1.png"


def test_ledger_records_are_durable_and_a_torn_line_is_ignored(tmp_path: Path) -> None:
    with Ledger(tmp_path, shard=(0, 2)) as ledger:
        ledger.record("k1", "done", output="a.png")
        ledger.record("k2", "failed", error="boom")
    other = tmp_path / "shard-0001-of-0002.elsewhere-1.jsonl"
    other.write_text(
        json.dumps({"key": "k2", "status": "done"}) + "\n" + '{"key": "k3", "sta', encoding="utf-8"
    )
    records = list(read_ledger(tmp_path))
    assert {r["key"] for r in records} == {"k1", "k2"}
    again = Ledger(tmp_path)
    assert again.status("k1") == "done"
    assert again.status("k3") is None
    again.close()
    # Every process appends to its own file.
    assert len(list(tmp_path.glob("*.jsonl"))) == 3


def test_parse_rate() -> None:
    assert parse_rate("10/s") == 10
    assert parse_rate("600/min") == 10
    assert parse_rate("36000/h") == 10
    assert parse_rate("2.5") == 2.5
    for bad in ("fast", "0/s", "-1", "10/day"):
        with pytest.raises(ValueError):
            parse_rate(bad)


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_limiter_paces_at_the_target_rate() -> None:
    clock = Clock()
    limiter = RateLimiter(10, concurrency=100, clock=clock)
    sent = 0
    while clock.now < 102.0:  # two seconds of simulated time, 1 ms steps
        if limiter.try_acquire() == 0:
            sent += 1
            limiter.release(200)
        clock.now += 0.001
    assert 19 <= sent <= 22


def test_limiter_bounds_concurrency() -> None:
    limiter = RateLimiter(None, concurrency=3, clock=Clock())
    assert [limiter.try_acquire() for _ in range(4)][:3] == [0, 0, 0]
    assert limiter.try_acquire() > 0
    limiter.release(200)
    assert limiter.try_acquire() == 0


def test_a_429_pauses_everyone_and_decreases_rate_and_concurrency_once_per_cooldown() -> None:
    clock = Clock()
    limiter = RateLimiter(20, concurrency=16, clock=clock)
    assert limiter.try_acquire() == 0
    assert limiter.try_acquire() == 0  # one slot of slack (a late wake-up loses no time)
    assert limiter.try_acquire() == pytest.approx(0.05)  # then paced: 50 ms apart
    clock.now += 0.05
    assert limiter.try_acquire() == 0
    limiter.release(429, {"Retry-After": "2"})
    limiter.release(429, {"Retry-After": "2"})  # a second answer of the same burst
    assert limiter.rate == pytest.approx(17.0)
    assert limiter.concurrency == 8
    assert limiter.try_acquire() == pytest.approx(2.0)  # nobody sends during Retry-After
    clock.now += 2.0
    assert limiter.try_acquire() == 0
    before = limiter.rate
    for _ in range(50):
        limiter.release(200)
    assert before is not None and limiter.rate is not None and before < limiter.rate <= 20
    assert limiter.concurrency > 8
    snapshot = limiter.snapshot()
    assert snapshot["rate_limited"] == 2


def test_without_a_target_a_429_narrows_the_concurrency_window() -> None:
    clock = Clock()
    limiter = RateLimiter(None, concurrency=16, clock=clock)
    for _ in range(16):
        assert limiter.try_acquire() == 0
    limiter.release(429, {"retry-after-ms": "100"})
    assert limiter.rate is None
    assert limiter.concurrency == 8
    assert limiter.try_acquire() == pytest.approx(0.1)
    clock.now += 0.1
    assert limiter.try_acquire() > 0  # 15 still in flight, the window is 8
    for _ in range(15):
        limiter.release(200)
    assert limiter.try_acquire() == 0


def test_shared_limiter_is_one_per_process() -> None:
    from photoroom.batch import shared_limiter

    assert shared_limiter() is shared_limiter()
    assert os.getpid() > 0


def test_the_progress_line_shows_done_failed_skipped_rate_and_eta() -> None:
    from photoroom.batch._engine import ManifestReport, Progress

    report = ManifestReport("m.csv", "out", "out/.photoroom-ledger", (0, 1))
    report.counts.update(written=30, failed=5, skipped=15)
    progress = Progress(100, enabled=False, label="batch edit")
    progress.start -= 10.0  # ten seconds in: 35 rows worked, 3.5 rows/s, 50 rows left
    line = progress.line(report)
    assert line.startswith("batch edit: 50/100 | 30 done 5 failed 15 skipped | 3.5/s")
    assert "ETA 0:00:1" in line  # about 14 s left


def test_a_done_record_wins_whatever_file_it_is_in(tmp_path: Path) -> None:
    """Files are per process: a rerun whose pid sorts first must not lose to an older failure."""
    (tmp_path / "shard-0000-of-0001.host-1.jsonl").write_text(
        '{"key": "k", "status": "done", "time": 2.0}\n'
    )
    (tmp_path / "shard-0000-of-0001.host-9.jsonl").write_text(
        '{"key": "k", "status": "failed", "time": 1.0}\n'
        '{"key": "j", "status": "failed", "time": 1.0}\n'
    )
    (tmp_path / "shard-0000-of-0001.host-5.jsonl").write_text(
        '{"key": "j", "status": "failed", "time": 3.0, "error": "later"}\n'
    )
    with Ledger(tmp_path) as book:
        assert book.status("k") == "done"
        assert (book.failure("j") or {}).get("error") == "later"
