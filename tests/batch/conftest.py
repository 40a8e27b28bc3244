"""Fixtures of the catalogue-batch tests: a clean environment, small images, a local image
server (``image_server``, shared with the client tests), emulators with chosen settings."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.client.conftest import API_KEY, KEYS, ImageServer, image_server, product_png

__all__ = ["API_KEY", "KEYS", "ImageServer", "image_server", "product_png", "write_images"]


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Tests never see the developer's key, hosts or emulator settings."""
    for name in list(os.environ):
        if name.startswith("PHOTOROOM_"):
            monkeypatch.delenv(name, raising=False)
    yield


def write_images(folder: Path, count: int, prefix: str = "item") -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        path = folder / f"{prefix}-{index:04d}.png"
        path.write_bytes(product_png((24, 18), color=(index % 255, 40, 200)))
        paths.append(path)
    return paths
