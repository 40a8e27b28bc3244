"""Smoke test of the whole product against the in-process emulator, in a few seconds.

    python -m scripts.smoke [--spec openapi/photoroom.json]

Run it in a fresh interpreter after a regeneration, with this checkout's ``src/`` and
``generated/`` first on ``PYTHONPATH`` (``scripts.update_spec`` runs it with
:func:`checkout_env`; in the checkout the project is installed from, the editable install
already points there). It checks that ``photoroom``, ``photoroom_api`` and
``photoroom_emulator`` were imported from THIS checkout, then

1. goes through the public client: ``remove_background`` (upload), ``edit`` of an upload (POST)
   and of a URL (GET, served by a local HTTP thread the emulator downloads from), ``account``;
2. sends one minimal valid request per operation of the overlaid spec with httpx (required
   parameters and fields filled from their schemas, plus the image), requiring a 2xx; an
   operation the emulator has no route for is listed as "not emulated" (a warning, not a
   failure: the client still generates for it);
3. runs ``photoroom --help`` and ``photoroom edit --help``, requiring exit status 0.

Exit status 0 when everything passed, 1 otherwise (each failure is printed).
"""

from __future__ import annotations

import argparse
import http.server
import io
import json
import os
import re
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from photoroom.spec import read_document, resolve_ref

ROOT = Path(__file__).resolve().parent.parent
IMPORT_PATHS = (ROOT / "src", ROOT / "generated")
HTTP_METHODS = ("get", "put", "post", "delete", "patch")
IMAGE_NAMES = ("imageUrl", "imageFile", "image_file")


def checkout_env() -> dict[str, str]:
    """The environment of a process that must import this checkout's code: ``src/`` and
    ``generated/`` first on ``PYTHONPATH``."""
    old = os.environ.get("PYTHONPATH")
    pythonpath = os.pathsep.join([*map(str, IMPORT_PATHS), *([old] if old else [])])
    return {**os.environ, "PYTHONPATH": pythonpath, "PYTHONDONTWRITEBYTECODE": "1"}


def png(size: int = 64) -> bytes:
    """A small product shot: a dark square on a white background."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (size, size), "white")
    ImageDraw.Draw(image).rectangle((size // 4, size // 4, 3 * size // 4, 3 * size // 4), "navy")
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


@contextmanager
def serve_image(data: bytes) -> Iterator[str]:
    """A local HTTP server answering every GET with ``data``; yields its URL."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/smoke.png"
    finally:
        server.shutdown()
        server.server_close()


# --- minimal requests from the spec ----------------------------------------------------------


def is_binary(schema: dict[str, Any]) -> bool:
    return schema.get("format") == "binary" or "contentMediaType" in schema


def sample(spec: dict[str, Any], schema: Any) -> Any:
    """A value valid for ``schema``: its default, example, first enum value or a typed filler."""
    schema = resolve_ref(spec, schema) or {}
    for key in ("default", "const"):
        if key in schema:
            return schema[key]
    if schema.get("enum"):
        return schema["enum"][0]
    for key in ("anyOf", "oneOf", "allOf"):
        branches = [resolve_ref(spec, b) for b in schema.get(key, [])]
        branches = [b for b in branches if b.get("type") != "null"]
        if branches:
            return sample(spec, branches[0])
    if "example" in schema:
        return schema["example"]
    if schema.get("examples"):
        return schema["examples"][0]
    kind = schema.get("type")
    kind = next((k for k in kind if k != "null"), None) if isinstance(kind, list) else kind
    if kind in ("integer", "number"):
        low = schema.get("minimum", schema.get("exclusiveMinimum", 0))
        return int(low) + 1 if kind == "integer" else float(low) + 1
    if kind == "boolean":
        return True
    if kind == "array":
        return [sample(spec, schema.get("items", {}))]
    return "smoke"


def as_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return value if isinstance(value, str) else json.dumps(value)


def minimal_request(
    spec: dict[str, Any], method: str, path: str, image: bytes, image_url: str
) -> dict[str, Any]:
    """httpx keyword arguments for a minimal valid request to ``method path``."""
    item = spec["paths"][path]
    operation = item[method]
    params: dict[str, Any] = {}
    headers: dict[str, str] = {}
    url = path
    for raw in [*item.get("parameters", []), *operation.get("parameters", [])]:
        param = resolve_ref(spec, raw)
        name, where = param["name"], param.get("in")
        if name == "x-api-key" or not (param.get("required") or name in IMAGE_NAMES):
            continue
        value = image_url if name in IMAGE_NAMES else sample(spec, param.get("schema", {}))
        if where == "query":
            params[name] = value if isinstance(value, list) else as_text(value)
        elif where == "header":
            headers[name] = as_text(value)
        elif where == "path":
            url = url.replace("{" + name + "}", as_text(value))
    request: dict[str, Any] = {"url": url, "params": params, "headers": headers}
    body = resolve_ref(spec, operation.get("requestBody")) or {}
    content = body.get("content") or {}
    if "multipart/form-data" in content:
        schema = resolve_ref(spec, content["multipart/form-data"].get("schema", {})) or {}
        properties = {k: resolve_ref(spec, v) for k, v in (schema.get("properties") or {}).items()}
        data: dict[str, str] = {}
        files: dict[str, tuple[str, bytes, str]] = {}
        for name, prop in properties.items():
            if name in IMAGE_NAMES[1:] and (is_binary(prop) or "imageUrl" not in name):
                files[name] = ("smoke.png", image, "image/png")
            elif name in schema.get("required", []):
                if is_binary(prop):
                    files[name] = ("smoke.png", image, "image/png")
                else:
                    data[name] = as_text(sample(spec, prop))
        request |= {"data": data, "files": files}
    elif "application/json" in content:
        schema = resolve_ref(spec, content["application/json"].get("schema", {})) or {}
        request["json"] = {
            name: sample(spec, prop)
            for name, prop in (schema.get("properties") or {}).items()
            if name in schema.get("required", [])
        }
    return request


def emulated(app: Any, path: str) -> bool:
    """Whether the emulator app has a route for ``path`` (a spec path template)."""
    concrete = re.sub(r"\{[^}]*\}", "x", path)
    return any(
        getattr(route, "path_regex", None) is not None and route.path_regex.match(concrete)
        for route in getattr(app, "routes", [])
    )


def operations(spec: dict[str, Any]) -> Iterator[tuple[str, str, str]]:
    for path, item in spec.get("paths", {}).items():
        for method in HTTP_METHODS:
            if isinstance(item.get(method), dict):
                yield method, path, item[method].get("operationId", "")


# --- the checks ------------------------------------------------------------------------------


class Smoke:
    def __init__(self) -> None:
        self.failures: list[str] = []
        self.warnings: list[str] = []

    def check(self, name: str, step: Callable[[], str]) -> None:
        started = time.perf_counter()
        try:
            detail = step()
        except Exception as error:  # every failure is reported, the others still run
            self.failures.append(f"{name}: {type(error).__name__}: {error}")
            print(f"  FAIL {name}: {type(error).__name__}: {error}")
            return
        print(f"  ok   {name} ({detail}, {time.perf_counter() - started:.2f} s)")


def check_imports() -> str:
    import photoroom
    import photoroom_api
    import photoroom_emulator

    for module in (photoroom, photoroom_api, photoroom_emulator):
        where = Path(module.__file__ or "").resolve()
        if not where.is_relative_to(ROOT):
            raise AssertionError(
                f"{module.__name__} was imported from {where}, not from {ROOT} "
                f"(run with PYTHONPATH={os.pathsep.join(map(str, IMPORT_PATHS))})"
            )
    return f"from {ROOT}"


def run(spec_path: Path) -> int:
    env = checkout_env()
    # The command-line checks run in their own interpreters, started now to overlap the rest.
    commands = {
        " ".join(arguments): subprocess.Popen(
            [sys.executable, "-m", "photoroom.cli", *arguments],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for arguments in (["--help"], ["edit", "--help"])
    }
    import httpx

    smoke = Smoke()
    print(f"smoke test of {ROOT} ({spec_path.name}):")
    smoke.check("imports", check_imports)
    from photoroom import Photoroom
    from photoroom_emulator.config import EmulatorConfig
    from photoroom_emulator.transports import EmulatorTransport

    spec = read_document(spec_path)
    image = png()
    transport = EmulatorTransport(config=EmulatorConfig())
    with (
        serve_image(image) as image_url,
        httpx.Client(transport=transport) as http_client,
        Photoroom(api_key="smoke", http_client=http_client, max_retries=0) as client,
    ):

        def image_answer(result: Any) -> str:
            content: bytes = result.content
            if not content.startswith((b"\x89PNG", b"\xff\xd8", b"RIFF")):
                raise AssertionError(f"not an image: {content[:16]!r}")
            return f"{len(content)} bytes"

        smoke.check(
            "client.remove_background(png)", lambda: image_answer(client.remove_background(image))
        )
        smoke.check(
            "client.edit(png, output_size='64x64')",
            lambda: image_answer(client.edit(image, output_size="64x64")),
        )
        smoke.check("client.edit(url)", lambda: image_answer(client.edit(image_url)))
        smoke.check("client.account()", lambda: type(client.account()).__name__)

        raw = httpx.Client(
            transport=transport, base_url="https://image-api.photoroom.com", timeout=30
        )
        for method, path, operation_id in operations(spec):

            def call(method: str = method, path: str = path) -> str:
                request = minimal_request(spec, method, path, image, image_url)
                response = raw.request(
                    method.upper(),
                    headers={"x-api-key": "smoke"} | request.pop("headers"),
                    **request,
                )
                if response.status_code == 404 and not emulated(transport.app, path):
                    smoke.warnings.append(f"{method.upper()} {path}: not emulated (404)")
                    return "not emulated: warning"
                if not 200 <= response.status_code < 300:
                    raise AssertionError(f"HTTP {response.status_code}: {response.text[:300]}")
                return f"HTTP {response.status_code}"

            smoke.check(f"{method.upper()} {path} ({operation_id})", call)
        raw.close()
    transport.close()

    for arguments, process in commands.items():

        def cli(process: subprocess.Popen[str] = process) -> str:
            try:
                stdout, stderr = process.communicate(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()
                raise
            if process.returncode != 0:
                raise AssertionError(f"exit {process.returncode}: {stderr[-500:]}")
            return f"exit 0, {len(stdout.splitlines())} lines"

        smoke.check(f"photoroom {arguments}", cli)

    for warning in smoke.warnings:
        print(f"  warning: {warning}")
    if smoke.failures:
        print(f"smoke: {len(smoke.failures)} failed", file=sys.stderr)
        return 1
    print("smoke: all passed")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--spec", type=Path, default=ROOT / "openapi" / "photoroom.json")
    args = parser.parse_args(argv)
    return run(args.spec)


if __name__ == "__main__":
    sys.exit(main())
