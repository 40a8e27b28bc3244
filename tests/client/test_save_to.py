"""``save_to=``: the answer streams to a file as it arrives; the file is complete or absent."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from PIL import Image

from photoroom import (
    APIConnectionError,
    AsyncPhotoroom,
    Export,
    PaymentRequiredError,
    Photoroom,
)

from .conftest import BROKE_KEY, AsyncFaultingTransport, product_png


def files_in(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir()) if folder.exists() else []


def test_the_image_streams_to_the_file_with_the_extension_of_its_format(
    client: Photoroom, sample_png: bytes, tmp_path: Path
) -> None:
    result = client.edit(
        sample_png,
        export=Export(format="webp"),
        save_to=tmp_path / "out" / "shoe",
    )

    assert result.path == tmp_path / "out" / "shoe.webp"
    assert files_in(tmp_path / "out") == ["shoe.webp"]
    assert Image.open(result.path).format == "WEBP"
    assert "path=" in repr(result)  # not read into memory...
    assert result.content == result.path.read_bytes()  # ...until asked for
    assert result.content_type == "image/webp"


def test_a_path_with_an_extension_is_kept_as_given(
    client: Photoroom, sample_png: bytes, tmp_path: Path
) -> None:
    result = client.remove_background(sample_png, save_to=tmp_path / "cut.png")

    assert result.path == tmp_path / "cut.png"
    assert Image.open(result.path).mode == "RGBA"


def test_an_error_answer_writes_nothing(
    make_client: object, sample_png: bytes, tmp_path: Path
) -> None:
    broke = make_client(api_key=BROKE_KEY)  # type: ignore[operator]

    with pytest.raises(PaymentRequiredError):
        broke.edit(sample_png, save_to=tmp_path / "shoe.png")

    assert files_in(tmp_path) == []


def test_a_json_answer_is_decoded_then_saved(
    client: Photoroom, sample_png: bytes, tmp_path: Path
) -> None:
    result = client.remove_background(sample_png, as_json=True, save_to=tmp_path / "cut")

    assert result.path == tmp_path / "cut.png"
    assert result.path.read_bytes() == result.content
    assert Image.open(result.path).format == "PNG"


class BreaksAfterOneChunk(httpx.SyncByteStream):
    """An answer body whose connection drops after its first chunk."""

    def __iter__(self) -> Iterator[bytes]:
        yield product_png((64, 64))[:100]
        raise httpx.ReadError("connection reset by peer")


def dropping_first_body(attempts: list[int]) -> httpx.MockTransport:
    """Answers 200 image/png; the first answer's body breaks off half-way."""

    def handle(request: httpx.Request) -> httpx.Response:
        attempts.append(1)
        headers = {"content-type": "image/png"}
        if len(attempts) == 1:
            return httpx.Response(200, headers=headers, stream=BreaksAfterOneChunk())
        return httpx.Response(200, headers=headers, content=product_png((64, 64)))

    return httpx.MockTransport(handle)


def test_a_body_cut_off_half_way_leaves_no_partial_file_and_is_retried(tmp_path: Path) -> None:
    attempts: list[int] = []
    sleeps: list[float] = []
    http = httpx.Client(transport=dropping_first_body(attempts))
    # The edit may have been billed (the answer had started): retried only when asked to.
    client = Photoroom("sk-test", http_client=http, sleep=sleeps.append, retry_billed=True)

    result = client.edit(product_png(), save_to=tmp_path / "shoe")

    assert len(attempts) == 2 and len(sleeps) == 1
    assert files_in(tmp_path) == ["shoe.png"]
    assert result.content == product_png((64, 64))


def test_without_retries_a_cut_off_body_is_a_connection_error_and_no_file(tmp_path: Path) -> None:
    http = httpx.Client(transport=dropping_first_body([]))
    client = Photoroom("sk-test", http_client=http, max_retries=0)

    with pytest.raises(APIConnectionError, match="ReadError"):
        client.edit(product_png(), save_to=tmp_path / "shoe")

    assert files_in(tmp_path) == []


async def test_the_async_client_streams_too(
    async_client: AsyncPhotoroom, async_emulator: AsyncFaultingTransport, tmp_path: Path
) -> None:
    async_emulator.faults = ["503"]  # the retry writes the file once, complete

    result = await async_client.edit(product_png(), save_to=tmp_path / "shoe")

    assert files_in(tmp_path) == ["shoe.png"]
    assert result.path is not None and Image.open(result.path).format == "PNG"
