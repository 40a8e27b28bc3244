"""Fixtures of the client tests: clients wired to the emulator in-process, a recorder of retry
waits (so no test sleeps), transports that inject faults into chosen attempts, small images.

Keys configured in the emulator (``EmulatorConfig``), used throughout:

* ``API_KEY``: a Plus key with plenty of credits;
* ``BROKE_KEY``: a Plus key with no credits left (402);
* any other key is unknown to the emulator (403, as the real API answers).
"""

from __future__ import annotations

import io
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from PIL import Image, ImageDraw

from photoroom import AsyncPhotoroom, Photoroom
from photoroom_emulator import AsyncEmulatorTransport, EmulatorConfig, EmulatorTransport

IMAGES = Path(__file__).resolve().parents[1] / "data" / "images"
REPO = Path(__file__).resolve().parents[2]
API_KEY = "sk-test-0123456789abcdef"
BROKE_KEY = "sk-broke-0123456789abcdef"
KEYS = f"{API_KEY}:100000:plus,{BROKE_KEY}:0:plus"
FAULT_HEADER = "x-emulator-fault"


def product_png(
    size: tuple[int, int] = (160, 120), color: tuple[int, int, int] = (200, 30, 40)
) -> bytes:
    """A small product shot: a coloured box on a light background (fast to process)."""
    width, height = size
    image = Image.new("RGB", size, (242, 242, 240))
    ImageDraw.Draw(image).rounded_rectangle(
        (width * 0.3, height * 0.25, width * 0.7, height * 0.8), radius=6, fill=color
    )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def emulator_config(**changes: Any) -> EmulatorConfig:
    return EmulatorConfig.from_mapping({"keys": KEYS, **changes})


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never see the developer's key, hosts or emulator settings."""
    for name in (
        "PHOTOROOM_API_KEY",
        "PHOTOROOM_BASE_URL",
        "PHOTOROOM_SEGMENT_BASE_URL",
        "PHOTOROOM_LOG",
    ):
        monkeypatch.delenv(name, raising=False)
    import os

    for name in list(os.environ):
        if name.startswith("PHOTOROOM_EMULATOR_"):
            monkeypatch.delenv(name, raising=False)


@pytest.fixture
def sample_png() -> bytes:
    return product_png()


@pytest.fixture
def sample_file(tmp_path: Path) -> Path:
    path = tmp_path / "product.png"
    path.write_bytes(product_png())
    return path


class FaultingTransport(httpx.BaseTransport):
    """Passes requests to the emulator, asking it for the next queued fault on each attempt."""

    def __init__(self, inner: httpx.BaseTransport) -> None:
        self.inner = inner
        self.faults: list[str] = []
        self.requests: list[httpx.Request] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()  # keep the body inspectable
        self.requests.append(request)
        if self.faults:
            request.headers[FAULT_HEADER] = self.faults.pop(0)
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()


class AsyncFaultingTransport(httpx.AsyncBaseTransport):
    """Async twin of :class:`FaultingTransport`."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner
        self.faults: list[str] = []
        self.requests: list[httpx.Request] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await request.aread()
        self.requests.append(request)
        if self.faults:
            request.headers[FAULT_HEADER] = self.faults.pop(0)
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()


@pytest.fixture
def emulator() -> Iterator[FaultingTransport]:
    """The emulator in-process (fresh balances for each test), with queueable faults."""
    transport = FaultingTransport(EmulatorTransport(config=emulator_config()))
    yield transport
    transport.close()


@pytest.fixture
def sleeps() -> list[float]:
    """The waits the client asked for between retries (recorded instead of slept)."""
    return []


@pytest.fixture
def make_client(
    emulator: FaultingTransport, sleeps: list[float]
) -> Iterator[Callable[..., Photoroom]]:
    """``make_client(api_key=..., max_retries=...)``: a Photoroom talking to the emulator."""
    clients: list[Photoroom] = []
    http = httpx.Client(transport=emulator)

    def make(api_key: str = API_KEY, **kwargs: Any) -> Photoroom:
        client = Photoroom(api_key, http_client=http, sleep=sleeps.append, **kwargs)
        clients.append(client)
        return client

    yield make
    http.close()


@pytest.fixture
def client(make_client: Callable[..., Photoroom]) -> Photoroom:
    return make_client()


@pytest.fixture
async def async_emulator() -> AsyncIterator[AsyncFaultingTransport]:
    transport = AsyncFaultingTransport(AsyncEmulatorTransport(config=emulator_config()))
    yield transport
    await transport.aclose()


@pytest.fixture
async def async_client(
    async_emulator: AsyncFaultingTransport, sleeps: list[float]
) -> AsyncIterator[AsyncPhotoroom]:
    async def record(seconds: float) -> None:
        sleeps.append(seconds)

    http = httpx.AsyncClient(transport=async_emulator)
    async with AsyncPhotoroom(API_KEY, http_client=http, sleep=record) as client:
        yield client
    await http.aclose()


class Recorder:
    """A MockTransport that records requests and answers with a tiny PNG (or a given answer)."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self.answer: Callable[[httpx.Request], httpx.Response] = lambda request: httpx.Response(
            200, content=product_png((8, 8)), headers={"content-type": "image/png"}
        )

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        return self.answer(request)

    @property
    def last(self) -> httpx.Request:
        return self.requests[-1]


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def mock_client(recorder: Recorder) -> Iterator[Photoroom]:
    """A Photoroom whose requests are recorded by ``recorder`` instead of sent."""
    with (
        httpx.Client(transport=httpx.MockTransport(recorder)) as http,
        Photoroom(API_KEY, http_client=http, sleep=lambda _: None) as client,
    ):
        yield client


def multipart_parts(request: httpx.Request) -> list[tuple[str, str | None, bytes]]:
    """The parts of a multipart request body: (field name, file name or None, bytes)."""
    boundary = request.headers["content-type"].split("boundary=", 1)[1].encode()
    parts: list[tuple[str, str | None, bytes]] = []
    for chunk in request.content.split(b"--" + boundary)[1:]:
        if chunk.startswith(b"--"):
            break
        head, _, body = chunk.partition(b"\r\n\r\n")
        name = head.split(b'name="', 1)[1].split(b'"', 1)[0].decode()
        filename = None
        if b'filename="' in head:
            filename = head.split(b'filename="', 1)[1].split(b'"', 1)[0].decode()
        parts.append((name, filename, body.removesuffix(b"\r\n")))
    return parts


def multipart_fields(request: httpx.Request) -> dict[str, list[bytes]]:
    """The parts of a multipart request body, by field name (values as bytes)."""
    fields: dict[str, list[bytes]] = {}
    for name, _, body in multipart_parts(request):
        fields.setdefault(name, []).append(body)
    return fields


class ImageServer:
    """A local HTTP server for ``imageUrl`` inputs (the emulator fetches them like the API)."""

    def __init__(self, root: Path, url: str) -> None:
        self.root = root
        self.url = url

    def add(self, name: str, content: bytes) -> str:
        """Serve ``content`` as ``name``; return its URL."""
        (self.root / name).write_bytes(content)
        return f"{self.url}/{name}"


@pytest.fixture
def image_server(tmp_path: Path) -> Iterator[ImageServer]:
    import functools
    import http.server
    import threading

    root = tmp_path / "served"
    root.mkdir()

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.01,), daemon=True)
    thread.start()
    try:
        yield ImageServer(root, f"http://127.0.0.1:{server.server_address[1]}")
    finally:
        server.shutdown()
        server.server_close()
