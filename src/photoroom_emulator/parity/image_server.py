"""A loopback HTTP server of the fixtures, for the scenarios that pass images by URL.

Only a target on this machine can reach it (an emulator process, or the in-process emulator,
which fetches loopback URLs). A remote target needs ``--image-base-url``: a public place serving
the same files (``photoroom-emulator parity fixtures DIR`` writes them).
"""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Final

from .fixtures import fixture
from .spec_facts import Operation

#: Fixtures that can be served by URL (the oversize one depends on an operation's limit).
SERVED: Final = ("product.png", "product.jpg", "notes.txt")


def write_fixtures(folder: Path, operation: Operation) -> list[Path]:
    """Write the servable fixtures into ``folder`` (for hosting them at ``--image-base-url``)."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in SERVED:
        _, content, _ = fixture(name, operation)
        (folder / name).write_bytes(content)
        written.append(folder / name)
    return written


class _FixtureHandler(http.server.BaseHTTPRequestHandler):
    operation: Operation

    def do_GET(self) -> None:
        name = self.path.lstrip("/").split("?")[0]
        if name not in SERVED:
            self.send_error(404)
            return
        _, content, media_type = fixture(name, self.operation)
        self.send_response(200)
        self.send_header("Content-Type", media_type)
        self.send_header("Content-Length", str(len(content)))
        self.end_headers()
        self.wfile.write(content)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve_fixtures() -> Iterator[str]:
    """Serve the fixtures on 127.0.0.1 (a free port) for the duration; yields the base URL."""
    from .catalogue import load_catalogue

    handler = type("Handler", (_FixtureHandler,), {"operation": load_catalogue()[0].operation})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
