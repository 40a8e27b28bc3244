"""An emulator configured to differ from the normal one, run as its own process by the tests:

- the ``parity-basic`` account is on the Plus plan (so the Basic-plan scenario is answered 200);
- error wording: the ``detail`` of every 400 of ``/v1/segment`` is reworded (an ASGI wrapper);
- a header: ``/v2/account`` answers with an extra ``x-parity-extra`` header (the same wrapper);
- another default output format: the spec's server default of the output-format field (the one
  carrying ``x-photoroom-media-types``) of every ``/v2/edit`` operation is its last enum value.

Usage: ``python differing_emulator.py PORT``.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import uvicorn

from photoroom.spec import resolve_ref
from photoroom_emulator.app import create_app
from photoroom_emulator.config import EmulatorConfig, KeySpec
from photoroom_emulator.spec import load_spec

EXTRA_HEADER = (b"x-parity-extra", b"1")
REWORDED = " (reworded by the differing emulator)"


def change_default_format() -> None:
    """Point the output format's server default at another value, in the emulator's spec."""
    spec = load_spec()
    for document in spec["paths"]["/v2/edit"].values():
        schemas = [resolve_ref(spec, p.get("schema", {})) for p in document.get("parameters", [])]
        for media in document.get("requestBody", {}).get("content", {}).values():
            schemas += resolve_ref(spec, media["schema"]).get("properties", {}).values()
        for schema in schemas:
            if "x-photoroom-media-types" in schema:
                schema["x-server-default"] = schema["enum"][-1]


class Differ:
    """ASGI wrapper: reword segment 400s, add a header to /v2/account."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope["path"]
        started: dict[str, Any] = {}

        async def patched(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                if path == "/v2/account":
                    message["headers"] = [*message["headers"], EXTRA_HEADER]
                if path == "/v1/segment" and message["status"] == 400:
                    started.update(message)
                    return
            elif message["type"] == "http.response.body" and started:
                body = json.loads(message["body"])
                body["detail"] += REWORDED
                content = json.dumps(body).encode()
                headers = [(k, v) for k, v in started["headers"] if k != b"content-length"]
                headers.append((b"content-length", str(len(content)).encode()))
                await send({**started, "headers": headers})
                message = {**message, "body": content}
            await send(message)

        await self.app(scope, receive, patched)


def main(port: int) -> None:
    change_default_format()
    config = EmulatorConfig(
        keys=(KeySpec("parity", 1_000_000, "plus"), KeySpec("parity-basic", 1_000_000, "plus")),
        processing=False,
    )
    uvicorn.run(Differ(create_app(config)), host="127.0.0.1", port=port, log_level="warning")


if __name__ == "__main__":
    main(int(sys.argv[1]))
