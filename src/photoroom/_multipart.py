"""A multipart/form-data body sent in a few large writes, without copying the image.

Why not httpx's own encoder: it writes four socket writes per field and reads a file part in
64 KB pieces, and joining its output to send it as one block (what the client used to do) costs
two copies of the image per attempt. An upload is the call users make most, so this encoder puts
the form's small parts together and hands the image's bytes to the socket as they are: a
typical edit is three writes (fields and file header, the image, the rest) and no copy.

The wire format is httpx's, byte for byte (a test compares them), except that a text field
carries no ``Content-Type: text/plain``: that is the default (RFC 7578, 4.4), browsers and
``curl -F`` leave it out, and each such header cost the emulator's parser about 10 us.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import AsyncIterator, Iterable, Iterator
from typing import Any

import httpx

SMALL_BODY = 256 * 1024
"""Parts below this size are joined with their neighbours: a copy costs less than a write."""

WRITE_SIZE = 1024 * 1024
"""Largest block handed to httpx: httpcore re-slices (copies) what a socket write did not take,
so one 30 MB block cost 40 MB more peak memory than the file itself (``benchmarks/memory.py``).
"""

# The HTML5 form-data escaping httpx applies to names and file names.
_ESCAPES = {'"': "%22", "\\": "\\\\"} | {
    chr(code): f"%{code:02X}" for code in range(0x20) if code != 0x1B
}
_ESCAPE_RE = re.compile("|".join(re.escape(char) for char in _ESCAPES))


def _param(name: str, value: str) -> bytes:
    return f'{name}="{_ESCAPE_RE.sub(lambda match: _ESCAPES[match.group(0)], value)}"'.encode()


def _content(value: Any) -> bytes:
    """A part's content as bytes; no copy for bytes or a ``BytesIO`` made from bytes."""
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return value.encode()
    if isinstance(value, io.BytesIO):
        return value.getvalue()  # shares the buffer of a BytesIO made from bytes
    if isinstance(value, (bytearray, memoryview)):
        return bytes(value)
    if hasattr(value, "read"):
        return bytes(value.read())  # the client holds its images in memory; others are small
    raise TypeError(f"cannot send a multipart part of type {type(value).__name__}")


class MultipartBody(httpx.SyncByteStream, httpx.AsyncByteStream):
    """The body of one request; iterating it again (a retry) sends the same bytes again."""

    def __init__(self, fields: Iterable[tuple[str, Any]], boundary: bytes | None = None) -> None:
        self.boundary = boundary or os.urandom(16).hex().encode()
        self.blocks: list[bytes] = []
        pending: list[bytes] = []
        for name, value in fields:
            filename, content, content_type = (
                value if isinstance(value, tuple) else (None, value, None)
            )
            head = [
                b"--",
                self.boundary,
                b"\r\nContent-Disposition: form-data; ",
                _param("name", name),
            ]
            if filename:
                head += [b"; ", _param("filename", str(filename))]
            if content_type and (filename or content_type != "text/plain"):
                head += [b"\r\nContent-Type: ", str(content_type).encode()]
            pending.append(b"".join(head) + b"\r\n\r\n")
            data = _content(content)
            if len(data) < SMALL_BODY:
                pending.append(data)
            else:
                self.blocks += [b"".join(pending), data]
                pending = []
            pending.append(b"\r\n")
        pending.append(b"--" + self.boundary + b"--\r\n")
        self.blocks.append(b"".join(pending))
        self.length = sum(len(block) for block in self.blocks)

    @property
    def headers(self) -> dict[str, str]:
        return {
            "content-type": f"multipart/form-data; boundary={self.boundary.decode()}",
            "content-length": str(self.length),
        }

    def __iter__(self) -> Iterator[bytes]:
        for block in self.blocks:
            if len(block) <= WRITE_SIZE:
                yield block  # as it is: no copy
            else:
                for start in range(0, len(block), WRITE_SIZE):
                    yield block[start : start + WRITE_SIZE]

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for block in self:
            yield block
