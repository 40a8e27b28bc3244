"""A loopback HTTP server for the image URL fields (``imageUrl``, ``background.imageUrl``, ...).

Fuzzed URL fields must point somewhere that answers with an image, offline and fast: this serves
the :mod:`tests.fuzz.images` corpus at ``/images/<name>`` from a daemon thread.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from .images import by_name

PREFIX = "/images/"


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        sample = by_name(self.path.removeprefix(PREFIX)) if self.path.startswith(PREFIX) else None
        if sample is None:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", sample.media_type)
        self.send_header("Content-Length", str(len(sample.data)))
        self.end_headers()
        self.wfile.write(sample.data)

    def log_message(self, format: str, *args: object) -> None:
        """Silent: tens of thousands of fetches would drown the fuzzing report."""


class ImageServer:
    """A running server: ``url`` is the base URL (``http://127.0.0.1:<port>/images/``)."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self._server = ThreadingHTTPServer((host, port), _Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="fuzz-images", daemon=True
        )
        self._thread.start()
        self.url = f"http://{host}:{self._server.server_address[1]}{PREFIX}"

    def close(self) -> None:
        """Stop serving; call it before interpreter shutdown freezes the daemon thread."""
        if self._thread.is_alive():
            self._server.shutdown()
            self._thread.join(timeout=5)
        self._server.server_close()


@contextmanager
def serve_images(host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """Serve the corpus for the duration of a ``with`` block; yields the base URL."""
    server = ImageServer(host, port)
    try:
        yield server.url
    finally:
        server.close()
