"""Pinning a new upstream document never damages the pinned copy."""

from __future__ import annotations

import hashlib
import json
import socket
from pathlib import Path

import pytest

from .conftest import SNAPSHOTS, load_script

pin_spec = load_script("pin_spec")


@pytest.fixture()
def pinned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    target = tmp_path / "photoroom.upstream.json"
    target.write_bytes(SNAPSHOTS[-2].read_bytes())
    monkeypatch.setattr(pin_spec, "PINNED", target)
    monkeypatch.setattr(pin_spec, "LOCK", tmp_path / "photoroom.upstream.lock.json")
    monkeypatch.setattr(pin_spec, "ROOT", tmp_path)
    return target


def closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/openapi"


def test_unreachable_upstream_fails_clearly_and_keeps_the_pin(pinned: Path) -> None:
    before = pinned.read_bytes()
    with pytest.raises(pin_spec.PinError, match="left as it was"):
        pin_spec.pin(closed_port_url())
    assert pinned.read_bytes() == before


def test_a_non_openapi_source_is_refused(pinned: Path, tmp_path: Path) -> None:
    page = tmp_path / "captive-portal.html"
    page.write_text("<html>log in to the wifi</html>")
    with pytest.raises(pin_spec.PinError, match="not JSON"):
        pin_spec.pin(str(page))


def test_pinning_a_snapshot_records_its_hash_and_keeps_the_previous_copy(
    pinned: Path, tmp_path: Path
) -> None:
    previous = tmp_path / "previous.json"
    pin_spec.pin(str(SNAPSHOTS[-1]), previous=previous)
    data = SNAPSHOTS[-1].read_bytes()
    assert pinned.read_bytes() == data
    assert previous.read_bytes() == SNAPSHOTS[-2].read_bytes()
    lock = json.loads((tmp_path / "photoroom.upstream.lock.json").read_text())
    assert lock["sha256"] == hashlib.sha256(data).hexdigest()
