"""Images passed by URL are downloaded from a local HTTP server only (never the internet)."""

from __future__ import annotations

import httpx
import pytest

from photoroom_emulator.config import EmulatorConfig
from photoroom_emulator.errors import ApiError
from photoroom_emulator.fetch import fetch_image

from .conftest import ClientFactory, assert_api_error, open_image


def test_image_url_is_fetched(client: httpx.Client, image_server: str) -> None:
    response = client.get(
        "/v2/edit",
        params={"imageUrl": f"{image_server}/product.png", "outputSize": "200x100"},
    )
    assert response.status_code == 200, response.text
    assert open_image(response.content).size == (200, 100)
    assert response.headers["pr-edit-further-url"].startswith("https://")


def test_background_image_url_is_fetched(client: httpx.Client, image_server: str) -> None:
    response = client.get(
        "/v2/edit",
        params={
            "imageUrl": f"{image_server}/product.png",
            "background.imageUrl": f"{image_server}/backdrop.png",
            "outputSize": "120x120",
        },
    )
    assert response.status_code == 200, response.text
    corner = open_image(response.content).convert("RGBA").getpixel((0, 0))
    assert isinstance(corner, tuple) and corner[3] == 255  # the backdrop fills the corners


@pytest.mark.parametrize(
    ("url", "fragment"),
    [
        ("ftp://127.0.0.1/a.png", 'must match pattern "^https?://"'),
        ("file:///etc/passwd", 'must match pattern "^https?://"'),
        ("not a url", 'must match format "uri"'),
        ("http://", 'must match format "uri"'),
    ],
)
def test_url_scheme_errors(client: httpx.Client, url: str, fragment: str) -> None:
    message = assert_api_error(client.get("/v2/edit", params={"imageUrl": url}), 400)
    assert message.startswith("imageUrl") and fragment in message


def test_missing_remote_file(client: httpx.Client, image_server: str) -> None:
    response = client.get("/v2/edit", params={"imageUrl": f"{image_server}/missing.png"})
    assert "HTTP 404" in assert_api_error(response, 400)


def test_remote_file_that_is_not_an_image(client: httpx.Client, image_server: str) -> None:
    response = client.get("/v2/edit", params={"imageUrl": f"{image_server}/notes.txt"})
    assert "not a valid image" in assert_api_error(response, 400)


def test_unreachable_host(client: httpx.Client) -> None:
    response = client.get("/v2/edit", params={"imageUrl": "http://127.0.0.1:9/a.png"})
    assert "could not download" in assert_api_error(response, 400)


def test_allow_hosts_restricts_downloads(make_client: ClientFactory, image_server: str) -> None:
    client = make_client(allow_hosts=("images.example",))
    response = client.get("/v2/edit", params={"imageUrl": f"{image_server}/product.png"})
    assert "not allowed" in assert_api_error(response, 400)


async def test_download_is_capped_while_streaming(image_server: str) -> None:
    with pytest.raises(ApiError) as caught:
        await fetch_image(
            f"{image_server}/coffee.png", "imageUrl", EmulatorConfig(), max_bytes=1000
        )
    assert caught.value.status == 400
    assert "larger than the maximum" in caught.value.message
    data = await fetch_image(f"{image_server}/product.png", "imageUrl", EmulatorConfig())
    assert data.startswith(b"\x89PNG")
