"""``AsyncPhotoroom`` has the same operations, awaited, against the emulator in-process."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from photoroom import (
    AsyncPhotoroom,
    Background,
    EditResult,
    Export,
    PermissionDeniedError,
    RemoveBackgroundResult,
)
from photoroom_emulator import AsyncEmulatorTransport

from .conftest import emulator_config, product_png


async def test_remove_background(async_client: AsyncPhotoroom) -> None:
    result = await async_client.remove_background(product_png(), format="webp")

    assert isinstance(result, RemoveBackgroundResult)
    assert result.content_type == "image/webp"


async def test_edit(async_client: AsyncPhotoroom) -> None:
    result = await async_client.edit(
        product_png(),
        background=Background(color="FFFFFF"),
        output_size="300x300",
        padding=0.1,
        export=Export(format="jpeg"),
    )

    assert isinstance(result, EditResult)
    assert (result.width, result.height, result.content_type) == (300, 300, "image/jpeg")


async def test_account_and_legacy_account(async_client: AsyncPhotoroom) -> None:
    account, legacy = await asyncio.gather(async_client.account(), async_client.account_v1())

    assert account.plan == "plus"
    assert legacy.credits.available > 0


async def test_concurrent_edits_share_one_pool(async_client: AsyncPhotoroom) -> None:
    results = await asyncio.gather(
        *(async_client.edit(product_png(), shadow="ai.soft") for _ in range(8))
    )

    assert len({id(result.http_response) for result in results}) == 8


async def test_errors_are_the_same_classes() -> None:
    transport = AsyncEmulatorTransport(config=emulator_config())
    async with (
        httpx.AsyncClient(transport=transport) as http,
        AsyncPhotoroom("sk-unknown", http_client=http) as client,
    ):
        with pytest.raises(PermissionDeniedError):
            await client.account()


async def test_the_async_client_closes_its_own_pool_only() -> None:
    mine = AsyncPhotoroom("sk-x")
    async with mine:
        pass
    assert mine._http.is_closed

    theirs = httpx.AsyncClient()
    async with AsyncPhotoroom("sk-x", http_client=theirs):
        pass
    assert not theirs.is_closed
    await theirs.aclose()
