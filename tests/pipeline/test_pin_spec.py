"""Pinning a new upstream document never damages the pinned copy."""

from __future__ import annotations

import hashlib
import json
import socket
from pathlib import Path

import pytest
import yaml

from scripts import pin_spec

from .conftest import SNAPSHOTS


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


def test_yaml_pins_the_same_bytes_as_its_json_equal(pinned: Path, tmp_path: Path) -> None:
    document = json.loads(SNAPSHOTS[-1].read_text())
    source = tmp_path / "upstream.json"  # YAML under a JSON name: told apart by content
    source.write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True))
    pin_spec.pin(str(source))
    assert pinned.read_bytes() == SNAPSHOTS[-1].read_bytes()
    lock = json.loads((tmp_path / "photoroom.upstream.lock.json").read_text())
    assert lock["format"] == "yaml"
    assert lock["sha256_received"] == hashlib.sha256(source.read_bytes()).hexdigest()
    assert lock["sha256"] == hashlib.sha256(SNAPSHOTS[-1].read_bytes()).hexdigest()


def test_json_is_pinned_in_the_normal_form_whatever_its_layout(
    pinned: Path, tmp_path: Path
) -> None:
    source = tmp_path / "upstream.yaml"  # JSON under a YAML name, minified
    source.write_text(json.dumps(json.loads(SNAPSHOTS[-1].read_text()), separators=(",", ":")))
    pin_spec.pin(str(source))
    assert pinned.read_bytes() == SNAPSHOTS[-1].read_bytes()
    lock = json.loads((tmp_path / "photoroom.upstream.lock.json").read_text())
    assert lock["format"] == "json"
    assert lock["sha256_received"] != lock["sha256"]


def test_yaml_scalars_keep_their_json_meaning(pinned: Path, tmp_path: Path) -> None:
    source = tmp_path / "upstream"
    source.write_text(
        "openapi: 3.1.0\ninfo: {title: t, version: 2026-06-04}\n"
        "paths:\n  /x:\n    get:\n      responses:\n        200: {description: ok}\n"
    )
    pin_spec.pin(str(source))
    document = json.loads(pinned.read_text())
    assert document["info"]["version"] == "2026-06-04"  # not a date object
    assert list(document["paths"]["/x"]["get"]["responses"]) == ["200"]


def test_a_document_without_operations_is_refused(pinned: Path, tmp_path: Path) -> None:
    before = pinned.read_bytes()
    source = tmp_path / "empty.json"
    source.write_text(json.dumps({"openapi": "3.1.0", "info": {}, "paths": {}}))
    with pytest.raises(pin_spec.PinError, match="no operations"):
        pin_spec.pin(str(source))
    assert pinned.read_bytes() == before
