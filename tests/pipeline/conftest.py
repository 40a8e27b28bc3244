"""Shared fixtures for the spec pipeline tests: the pinned upstream, the overlay, the result."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
UPSTREAM = ROOT / "openapi" / "photoroom.upstream.json"
OVERLAID = ROOT / "openapi" / "photoroom.json"
OVERLAY = ROOT / "overlay" / "photoroom.overlay.yaml"
SNAPSHOTS = sorted((ROOT / "openapi" / "snapshots").glob("*.json"))


def load_script(name: str) -> ModuleType:
    """Import a pipeline script from scripts/ (which is not a package)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


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
