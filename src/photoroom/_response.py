"""What ``client.with_raw_response`` and ``client.with_streaming_response`` return.

As in openai-python: the raw ``httpx.Response`` of a successful call (error answers still raise
the usual :class:`~photoroom.APIStatusError`), with ``parse()`` turning it into the result the
plain method returns. A streamed response has not read its body yet: iterate it with
``iter_bytes()`` inside the ``with`` block, which closes the connection when it ends.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any, Generic, TypeVar

import httpx

__all__ = ["APIResponse", "AsyncStreamedResponse", "StreamedResponse"]

T = TypeVar("T")


class _Base(Generic[T]):
    def __init__(self, response: httpx.Response, parse: Callable[[httpx.Response], T]) -> None:
        self.http_response = response
        self._parse_fn = parse
        self._parsed: T | None = None
        self._done = False

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def url(self) -> httpx.URL:
        return self.http_response.url

    @property
    def request_id(self) -> str | None:
        headers = self.http_response.headers
        value = headers.get("x-request-id") or headers.get("pr-request-id")
        return str(value) if value is not None else None

    @property
    def elapsed(self) -> Any:
        return self.http_response.elapsed

    def _parse_read(self) -> T:
        if not self._done:
            self._parsed = self._parse_fn(self.http_response)
            self._done = True
        return self._parsed  # type: ignore[return-value]

    def __repr__(self) -> str:
        return f"<{type(self).__name__} [{self.status_code}] {self.url.copy_with(query=None)}>"


class APIResponse(_Base[T]):
    """A read answer: ``headers``, ``status_code``, ``content``; ``parse()`` gives the result."""

    @property
    def content(self) -> bytes:
        return self.http_response.content

    @property
    def text(self) -> str:
        return self.http_response.text

    def json(self) -> Any:
        return self.http_response.json()

    def parse(self) -> T:
        """The result the plain method returns (``EditResult``, ``Account``, ...)."""
        return self._parse_read()


class StreamedResponse(_Base[T]):
    """An answer whose body has not been read: ``iter_bytes()`` streams it; ``parse()`` reads
    the rest and gives the result."""

    def iter_bytes(self, chunk_size: int | None = None) -> Iterator[bytes]:
        return self.http_response.iter_bytes(chunk_size)

    def read(self) -> bytes:
        return self.http_response.read()

    def parse(self) -> T:
        self.http_response.read()
        return self._parse_read()

    def close(self) -> None:
        self.http_response.close()


class AsyncStreamedResponse(_Base[T]):
    """The asyncio twin of :class:`StreamedResponse` (``async for chunk in iter_bytes()``)."""

    async def iter_bytes(self, chunk_size: int | None = None) -> AsyncIterator[bytes]:
        async for chunk in self.http_response.aiter_bytes(chunk_size):
            yield chunk

    async def read(self) -> bytes:
        return await self.http_response.aread()

    async def parse(self) -> T:
        await self.http_response.aread()
        return self._parse_read()

    async def close(self) -> None:
        await self.http_response.aclose()


@contextlib.contextmanager
def closing_stream(response: StreamedResponse[T]) -> Iterator[StreamedResponse[T]]:
    try:
        yield response
    finally:
        response.close()


@contextlib.asynccontextmanager
async def aclosing_stream(
    response: AsyncStreamedResponse[T],
) -> AsyncIterator[AsyncStreamedResponse[T]]:
    try:
        yield response
    finally:
        await response.close()
