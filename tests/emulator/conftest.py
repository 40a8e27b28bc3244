"""Shared fixtures of the emulator server tests: clients over the in-process transport, small
synthetic images, a local HTTP server for ``imageUrl`` inputs, and error-shape checks."""

from __future__ import annotations

import functools
import http.server
import io
import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from PIL import Image, ImageDraw

from photoroom_emulator import EmulatorConfig, EmulatorTransport

IMAGES = Path(__file__).resolve().parents[1] / "data" / "images"
API_KEY = "test-key"
BASE_URL = "http://emulator.test"

ClientFactory = Callable[..., httpx.Client]


def product_png(size: tuple[int, int] = (160, 120), *, format: str = "PNG") -> bytes:
    """A small product shot: a red rounded box on a plain light background."""
    width, height = size
    image = Image.new("RGB", size, (242, 242, 240))
    ImageDraw.Draw(image).rounded_rectangle(
        (width * 0.3, height * 0.25, width * 0.7, height * 0.8), radius=6, fill=(200, 30, 40)
    )
    buffer = io.BytesIO()
    image.save(buffer, format=format)
    return buffer.getvalue()


def open_image(content: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(content))
    image.load()
    return image


def assert_segment_error(response: httpx.Response, status: int) -> dict[str, Any]:
    """``/v1/segment`` errors: ``{"detail", "status_code", "type"}``."""
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()
    assert set(body) == {"detail", "status_code", "type"}
    assert body["status_code"] == status
    assert isinstance(body["detail"], str) and body["detail"]
    return body


def assert_api_error(response: httpx.Response, status: int) -> str:
    """image-api errors: ``{"error": {"message"}}`` (``{"error": {"detail"}}`` for 402)."""
    assert response.status_code == status, response.text
    body = response.json()
    field = "detail" if status == 402 else "message"
    assert set(body) == {"error"} and set(body["error"]) == {field}
    message: str = body["error"][field]
    return message


@pytest.fixture
def make_client() -> Iterator[ClientFactory]:
    """Build sync clients over a fresh in-process emulator: ``make_client(keys=..., ...)``."""
    clients: list[httpx.Client] = []

    def make(config: EmulatorConfig | None = None, **changes: Any) -> httpx.Client:
        settings = (config or EmulatorConfig()).replace(**changes)
        client = httpx.Client(
            transport=EmulatorTransport(config=settings),
            base_url=BASE_URL,
            headers={"x-api-key": API_KEY},
            timeout=60,
        )
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()


@pytest.fixture
def client(make_client: ClientFactory) -> httpx.Client:
    """A client of an emulator with the defaults (open mode, processing on)."""
    return make_client()


@pytest.fixture(scope="session")
def image_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Files the local image server serves: the sample photos plus small test inputs."""
    root = tmp_path_factory.mktemp("served")
    for photo in IMAGES.glob("*.png"):
        shutil.copy(photo, root / photo.name)
    (root / "product.png").write_bytes(product_png())
    (root / "backdrop.png").write_bytes(product_png((200, 200)))
    (root / "notes.txt").write_text("not an image\n")
    return root


@pytest.fixture(scope="session")
def image_server(image_dir: Path) -> Iterator[str]:
    """Base URL of a local HTTP server (127.0.0.1 only) serving :func:`image_dir`."""
    handler = functools.partial(_QuietHandler, directory=str(image_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass
