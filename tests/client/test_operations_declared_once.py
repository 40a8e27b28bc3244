"""Each operation is declared once (``photoroom._operations``) and becomes a method of both
clients and of their raw and streaming views, with the declaration's parameters and docs."""

from __future__ import annotations

import inspect

import pytest

from photoroom import AsyncPhotoroom, Photoroom
from photoroom._core import Endpoint
from photoroom._operations import Operations

ENDPOINTS = {name: value for name, value in vars(Operations).items() if isinstance(value, Endpoint)}


def owners(client: Photoroom | AsyncPhotoroom) -> list[object]:
    return [client, client.with_raw_response, client.with_streaming_response]


def test_the_declarations_are_found() -> None:
    assert ENDPOINTS, "photoroom._operations.Operations declares no Endpoint"


@pytest.mark.parametrize("name", sorted(ENDPOINTS))
async def test_every_owner_has_the_operation_with_its_declared_parameters(name: str) -> None:
    endpoint = ENDPOINTS[name]
    declared = list(inspect.signature(endpoint.build).parameters.values())[1:]  # after the client
    with Photoroom("sk-test") as blocking:
        async with AsyncPhotoroom("sk-test") as asyncio_client:
            for owner in [*owners(blocking), *owners(asyncio_client)]:
                method = getattr(owner, name)
                assert list(inspect.signature(method).parameters.values()) == declared
                assert method.__doc__ == endpoint.build.__doc__
                assert method.__qualname__ == f"{type(owner).__name__}.{name}"


def test_the_asyncio_client_awaits_and_the_blocking_one_does_not() -> None:
    name = next(iter(ENDPOINTS))
    assert inspect.iscoroutinefunction(getattr(AsyncPhotoroom("sk-test"), name))
    assert not inspect.iscoroutinefunction(getattr(Photoroom("sk-test"), name))
