"""Ways for a client to reach the emulator: in-process httpx transports, or a real local server.

- :class:`EmulatorTransport` for a sync ``httpx.Client``: the ASGI app runs on a private event loop
  in a daemon thread (``httpx.ASGITransport`` is async-only); many client threads may share it.
- :class:`AsyncEmulatorTransport` for an ``httpx.AsyncClient``: ``httpx.ASGITransport`` in the
  caller's own loop.
- :func:`run_in_thread`: uvicorn on a free local port in a daemon thread, for clients that need a
  URL (other processes, other HTTP stacks).

Both transports turn the ``drop`` fault's :class:`~.errors.ConnectionDropped` into
``httpx.RemoteProtocolError``, what a client sees when a server cuts the connection mid-answer.
"""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import httpx

from .errors import ConnectionDropped

if TYPE_CHECKING:
    from starlette.types import ASGIApp, Receive, Scope, Send

    from .config import EmulatorConfig

SERVER_START_TIMEOUT = 10.0


def _app(app: ASGIApp | None, config: EmulatorConfig | None) -> ASGIApp:
    if app is not None:
        return app
    from .app import create_app

    return create_app(config)


class AsyncEmulatorTransport(httpx.AsyncBaseTransport):
    """``httpx.AsyncClient(transport=AsyncEmulatorTransport())``: the emulator in-process."""

    def __init__(self, app: ASGIApp | None = None, config: EmulatorConfig | None = None) -> None:
        self.app = _app(app, config)
        self._transport = httpx.ASGITransport(app=self.app)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        try:
            return await self._transport.handle_async_request(request)
        except ConnectionDropped as exc:
            raise httpx.RemoteProtocolError(str(exc), request=request) from exc

    async def aclose(self) -> None:
        await self._transport.aclose()


class EmulatorTransport(httpx.BaseTransport):
    """``httpx.Client(transport=EmulatorTransport())``: the emulator in-process, synchronously."""

    def __init__(self, app: ASGIApp | None = None, config: EmulatorConfig | None = None) -> None:
        self.app = _app(app, config)
        self._async = AsyncEmulatorTransport(self.app)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        loop = self._event_loop()
        forwarded = httpx.Request(
            request.method,
            request.url,
            headers=request.headers,
            stream=_AsyncStream(request.stream),
            extensions=request.extensions,
        )
        future = asyncio.run_coroutine_threadsafe(self._send(forwarded), loop)
        try:
            status, headers, body = future.result()
        except httpx.RemoteProtocolError as exc:
            raise httpx.RemoteProtocolError(str(exc), request=request) from exc
        return httpx.Response(status, headers=headers, content=body, request=request)

    async def _send(self, request: httpx.Request) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
        response = await self._async.handle_async_request(request)
        body = await response.aread()
        return response.status_code, response.headers.raw, body

    def _event_loop(self) -> asyncio.AbstractEventLoop:
        with self._lock:
            if self._loop is None:
                loop = asyncio.new_event_loop()
                thread = threading.Thread(
                    target=loop.run_forever, name="photoroom-emulator-loop", daemon=True
                )
                thread.start()
                self._loop, self._thread = loop, thread
            return self._loop

    def close(self) -> None:
        with self._lock:
            loop, thread = self._loop, self._thread
            self._loop = self._thread = None
        if loop is not None and thread is not None:
            loop.call_soon_threadsafe(loop.stop)
            thread.join(timeout=5)
            if not thread.is_alive():
                loop.close()


class _AsyncStream(httpx.AsyncByteStream):
    """A sync request body read chunk by chunk on the loop thread (no copy of the whole body)."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self._stream:
            yield chunk


def quiet_drops(app: ASGIApp) -> ASGIApp:
    """For a real server: a ``drop`` fault ends the app call without a traceback in the log; the
    server then closes the connection on the half-sent answer, which is the point."""

    async def serve(scope: Scope, receive: Receive, send: Send) -> None:
        with suppress(ConnectionDropped):
            await app(scope, receive, send)

    return serve


@dataclass(frozen=True)
class RunningEmulator:
    """A live server started by :func:`run_in_thread`."""

    url: str
    host: str
    port: int
    app: Any


@contextmanager
def run_in_thread(
    config: EmulatorConfig | None = None,
    host: str = "127.0.0.1",
    port: int = 0,
    *,
    app: ASGIApp | None = None,
) -> Iterator[RunningEmulator]:
    """Serve the emulator with uvicorn in a daemon thread; ``port=0`` picks a free port.

    Yields a :class:`RunningEmulator` (``.url`` such as ``http://127.0.0.1:54321``) and stops the
    server on exit.
    """
    import uvicorn

    application = _app(app, config)
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    bound_port = sock.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(
            quiet_drops(application), lifespan="off", log_level="warning", access_log=False
        )
    )
    thread = threading.Thread(
        target=server.run, kwargs={"sockets": [sock]}, name="photoroom-emulator-server", daemon=True
    )
    thread.start()
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            sock.close()
            raise RuntimeError("the emulator server did not start")
        time.sleep(0.01)
    url_host = f"[{host}]" if family == socket.AF_INET6 else host
    try:
        yield RunningEmulator(f"http://{url_host}:{bound_port}", host, bound_port, application)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
