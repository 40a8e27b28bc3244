"""``--dry-run``: build every request exactly as the client would, send none, print it as curl.

The client is given an ``httpx`` transport that takes each request it is handed and raises
:class:`RequestCaptured` with it instead of sending it (no socket is ever opened, and the
exception is not an ``httpx`` error, so nothing retries it). The request is therefore the one
the real call would send (every option validated, the body built, the URL, the query), and
:func:`curl_command` turns it back into a shell command: multipart fields become ``-F``
(files, as ``@path`` of the file they were read from) or ``--form-string`` (text, never
interpreted by curl), and the key is shown as ``$PHOTOROOM_API_KEY`` so a command can be
pasted into a bug report.
"""

from __future__ import annotations

import os
import re
import shlex
from collections.abc import Awaitable, Mapping
from typing import Any

import httpx

__all__ = [
    "API_KEY_VARIABLE",
    "DryRunTransport",
    "RequestCaptured",
    "capture",
    "curl_command",
    "form_parts",
]

API_KEY_VARIABLE = "$PHOTOROOM_API_KEY"
_SKIPPED_HEADERS = frozenset(
    {
        "host",
        "x-api-key",
        "content-length",
        "content-type",
        "accept",
        "accept-encoding",
        "connection",
        "user-agent",
    }
)
"""Headers curl sets itself (or the key, shown as the variable): every other one is printed."""
_PARAM_RE = re.compile(r'\b(name|filename)="((?:[^"\\]|\\.)*)"')
_PERCENT_RE = re.compile(r"%([0-9A-F]{2})")


class RequestCaptured(Exception):
    """Raised by :class:`DryRunTransport` in place of sending ``request`` (its body is read)."""

    def __init__(self, request: httpx.Request) -> None:
        super().__init__(f"dry run: {request.method} {request.url} not sent")
        self.request = request


class DryRunTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Sends nothing: every request is read and handed back in a :class:`RequestCaptured`."""

    def __init__(self) -> None:
        self.captured = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.captured += 1
        raise RequestCaptured(request)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await request.aread()
        self.captured += 1
        raise RequestCaptured(request)


async def capture(call: Awaitable[Any]) -> httpx.Request:
    """The request ``call`` (a client method run on a :class:`DryRunTransport`) would send."""
    try:
        await call
    except RequestCaptured as captured:
        return captured.request
    raise RuntimeError("the call returned without building a request (not a dry-run client?)")


def _unescape(value: str) -> str:
    value = value.replace("\\\\", "\\")
    return _PERCENT_RE.sub(lambda match: chr(int(match.group(1), 16)), value)


def form_parts(request: httpx.Request) -> list[tuple[str, str | None, str | None, bytes]]:
    """The multipart fields of ``request``: ``(name, filename, content type, content)``."""
    content_type = request.headers.get("content-type", "")
    found = re.search(r"boundary=([^;]+)", content_type)
    if not content_type.startswith("multipart/form-data") or found is None:
        return []
    boundary = b"--" + found.group(1).strip('"').encode()
    parts = []
    for chunk in request.content.split(boundary)[1:]:
        if chunk.startswith(b"--"):
            break  # the closing boundary
        head, _, data = chunk.removeprefix(b"\r\n").partition(b"\r\n\r\n")
        headers = head.decode("utf-8", "replace")
        params = {key: _unescape(value) for key, value in _PARAM_RE.findall(headers)}
        kind = re.search(r"(?im)^content-type:\s*(\S+)", headers)
        parts.append(
            (
                params.get("name", ""),
                params.get("filename"),
                kind.group(1) if kind else None,
                data.removesuffix(b"\r\n"),
            )
        )
    return parts


def curl_command(
    request: httpx.Request,
    *,
    files: Mapping[str, str] | None = None,
    output: str | os.PathLike[str] | None = None,
) -> str:
    """``request`` as a curl command line (POSIX shell quoting).

    ``files`` maps an uploaded part's filename to the path it was read from (a part that is
    not found there is shown as ``@FILENAME``); ``output`` is where curl should write the
    answer (``-o``).
    """
    words = ["curl", "--fail-with-body", "-sS"]
    if request.method not in ("GET", "POST") or (
        request.method == "GET" and request.headers.get("content-type")
    ):
        words += ["-X", request.method]
    words.append(shlex.quote(str(request.url)))
    words += ["-H", f'"x-api-key: {API_KEY_VARIABLE}"']
    for name, value in request.headers.items():
        if name.lower() not in _SKIPPED_HEADERS:
            words += ["-H", shlex.quote(f"{name}: {value}")]
    for name, filename, content_type, data in form_parts(request):
        if filename is None:
            words += ["--form-string", shlex.quote(f"{name}={data.decode('utf-8', 'replace')}")]
            continue
        path = (files or {}).get(filename, filename)
        spec = f"{name}=@{path}"
        if os.path.basename(path) != filename:
            spec += f";filename={filename}"
        if content_type:
            spec += f";type={content_type}"
        words += ["-F", shlex.quote(spec)]
    if output is not None:
        words += ["-o", shlex.quote(os.fspath(output))]
    return " ".join(words)


def dry_run_client(client_class: Any, api_key: str | None, base_url: str | None) -> Any:
    """A ``client_class`` (:class:`~photoroom.AsyncPhotoroom`, handed in by the caller, so this
    module stays below the clients) on a :class:`DryRunTransport` (no retries).

    Without a key it gets a placeholder: nothing is sent, and the printed commands read the
    key from ``$PHOTOROOM_API_KEY`` anyway.
    """

    key = api_key or os.environ.get("PHOTOROOM_API_KEY") or "dry-run-sends-nothing"
    http = httpx.AsyncClient(transport=DryRunTransport())
    return client_class(key, base_url=base_url, max_retries=0, http_client=http)
