"""What the hooks find is a reported check failure, never an exception that stops the run.

Schemathesis 4.32.5 calls the image deserializer in two places: the ``response_schema_conformance``
check (any exception becomes a reported "Failed to deserialize response content" failure), and the
engine's mining of answers for values to reuse, which deserializes the *recorder's copy* of the
body, cut to 1 MB, and tolerates only ``ValueError``/``TypeError``/``LookupError``. A valid PNG
over 1 MB (a 1 MP generative answer) was therefore read as "image file is truncated" and the
``AssertionError`` killed the worker thread. These tests run ``st`` against a stub server that
answers such images, and call the hooks directly.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from PIL import Image

from tests.fuzz import hooks, verify

ROOT = Path(__file__).resolve().parents[2]
ST = Path(sys.executable).with_name("st")
RECORDED_LIMIT = 1024 * 1024  # schemathesis' max_recorded_payload_size default


def big_png() -> bytes:
    """A valid PNG of ~1.5 MB: noise does not compress."""
    side = 720
    image = Image.frombytes("RGB", (side, side), os.urandom(side * side * 3))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=1)
    data = buffer.getvalue()
    assert len(data) > RECORDED_LIMIT
    return data


BIG_PNG = big_png()


class _Stub(BaseHTTPRequestHandler):
    """Answers every request with a 200 ``image/png``: ``big`` (valid, over 1 MB) or ``corrupt``."""

    protocol_version = "HTTP/1.1"
    body = BIG_PNG

    def _answer(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        self.rfile.read(length)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    do_GET = do_POST = _answer

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(params=["big", "corrupt"])
def stub(request: pytest.FixtureRequest) -> Iterator[tuple[str, str]]:
    body = BIG_PNG if request.param == "big" else BIG_PNG[:5000]
    handler = type("Handler", (_Stub,), {"body": body})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield request.param, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def run_st(url: str, *extra: str) -> subprocess.CompletedProcess[str]:
    command = [
        str(ST),
        "--config-file",
        str(ROOT / "schemathesis.toml"),
        "run",
        str(ROOT / "openapi" / "photoroom.json"),
        "--url",
        url,
        "--include-path",
        "/v1/segment",
        "--mode",
        "positive",
        "--phases",
        "fuzzing",
        "--max-examples",
        "4",
        *extra,
    ]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("PHOTOROOM_FUZZ_TALLY", None)
    return subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False
    )


def test_st_reports_image_problems_and_never_crashes(stub: tuple[str, str], tmp_path: Path) -> None:
    kind, url = stub
    # The stub's image never matches the request, so the big case runs the schema check alone:
    # that is the one whose deserializer used to read a 1 MB prefix.
    checks = "response_schema_conformance" + (",image_matches_request" if kind == "corrupt" else "")
    result = run_st(url, "--checks", checks, "--report-junit-path", str(tmp_path / "junit.xml"))
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    assert "Exception in thread" not in output, output
    if kind == "big":
        # A valid image over 1 MB is judged on the full body, and it passes.
        assert result.returncode == 0, output
        assert "No issues found" in output, output
    else:
        # A corrupt image is a failure in the report, naming what is wrong.
        assert result.returncode == 1, output
        assert "not a decodable image" in output, output


class _Response(SimpleNamespace):
    """Enough of ``schemathesis.Response`` for the hooks."""

    def __init__(self, content: bytes, content_size: int | None = None) -> None:
        super().__init__(
            status_code=200,
            content=content,
            content_size=len(content) if content_size is None else content_size,
            headers={"content-type": ["image/png"]},
        )


def test_deserializer_reads_a_recorded_prefix_as_a_summary() -> None:
    prefix = _Response(BIG_PNG[:RECORDED_LIMIT], content_size=len(BIG_PNG))
    summary = hooks.deserialize_image(None, prefix)  # type: ignore[arg-type]
    assert "image/png" in summary and str(len(BIG_PNG)) in summary


def test_deserializer_raises_a_value_error_for_a_corrupt_body() -> None:
    with pytest.raises(ValueError, match="not a decodable image"):
        hooks.deserialize_image(None, _Response(BIG_PNG[:5000]))  # type: ignore[arg-type]


def test_deserializer_decodes_a_full_body() -> None:
    assert hooks.deserialize_image(None, _Response(BIG_PNG)) == "PNG 720x720 RGB"  # type: ignore[arg-type]


def test_a_check_that_cannot_judge_reports_instead_of_raising(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(*args: Any, **kwargs: Any) -> None:
        raise KeyError("surprise")

    monkeypatch.setattr(verify, "check_error_body", broken)
    case = SimpleNamespace(operation=SimpleNamespace(path="/v2/edit"))
    response = SimpleNamespace(
        status_code=400, content=b"{}", headers={"content-type": ["application/json"]}
    )
    with pytest.raises(AssertionError, match="KeyError"):
        hooks.error_body_shape(None, response, case)  # type: ignore[arg-type]
