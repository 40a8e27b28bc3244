"""Shared fixtures for the spec pipeline tests: the pinned upstream, the overlay, the result."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
UPSTREAM = ROOT / "openapi" / "photoroom.upstream.json"
OVERLAID = ROOT / "openapi" / "photoroom.json"
OVERLAY = ROOT / "overlay" / "photoroom.overlay.yaml"
SNAPSHOTS = sorted((ROOT / "openapi" / "snapshots").glob("*.json"))


@pytest.fixture(scope="session")
def upstream() -> dict[str, Any]:
    return json.loads(UPSTREAM.read_text())


@pytest.fixture(scope="session")
def overlaid() -> dict[str, Any]:
    return json.loads(OVERLAID.read_text())


def get_params(spec: dict[str, Any], path: str = "/v2/edit") -> dict[str, dict[str, Any]]:
    return {p["name"]: p for p in spec["paths"][path]["get"]["parameters"]}


def post_props(spec: dict[str, Any]) -> dict[str, dict[str, Any]]:
    body = spec["paths"]["/v2/edit"]["post"]["requestBody"]["content"]["multipart/form-data"]
    return body["schema"]["properties"]
