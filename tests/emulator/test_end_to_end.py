"""The sample photos through the whole server: upload or URL in, the edited image out."""

from __future__ import annotations

import base64

import httpx
import numpy as np
import pytest
from PIL import Image

from .conftest import IMAGES, open_image

LISTING = {"background.color": "FFFFFF", "outputSize": "1000x1000", "padding": "0.1"}


def _photo(name: str) -> bytes:
    return (IMAGES / name).read_bytes()


def _subject_box(image: Image.Image) -> tuple[int, int, int, int]:
    """Bounding box of the pixels that differ from the white background."""
    pixels = np.asarray(image.convert("RGB"), dtype=np.int16)
    ys, xs = np.nonzero(np.abs(pixels - 255).max(axis=2) > 24)
    return int(xs.min()), int(ys.min()), int(xs.max()) + 1, int(ys.max()) + 1


def _assert_centred_listing(content: bytes) -> None:
    image = open_image(content)
    assert image.size == (1000, 1000)
    left, top, right, bottom = _subject_box(image)
    tolerance = 3  # anti-aliased edges
    assert left >= 100 - tolerance and top >= 100 - tolerance
    assert right <= 900 + tolerance and bottom <= 900 + tolerance
    touches_x = left <= 100 + tolerance and right >= 900 - tolerance
    touches_y = top <= 100 + tolerance and bottom >= 900 - tolerance
    assert touches_x or touches_y, (left, top, right, bottom)


def test_segment_returns_a_png_with_alpha(client: httpx.Client) -> None:
    response = client.post(
        "/v1/segment", files={"image_file": ("coffee.png", _photo("coffee.png"))}
    )
    assert response.status_code == 200
    assert response.headers["content-type"] == "image/png"
    image = open_image(response.content)
    assert image.mode == "RGBA" and image.size == (600, 400)
    alpha = np.asarray(image.getchannel("A"))
    assert (alpha == 0).any() and (alpha == 255).any()
    assert 0 <= float(response.headers["x-uncertainty-score"]) <= 1 or (
        response.headers["x-uncertainty-score"] == "-1"
    )


def test_segment_base64_json_on_accept(client: httpx.Client) -> None:
    response = client.post(
        "/v1/segment",
        files={"image_file": ("logo.png", _photo("logo.png"))},
        data={"size": "preview", "crop": "true"},
        headers={"accept": "application/json"},
    )
    assert response.headers["content-type"] == "application/json"
    image = open_image(base64.b64decode(response.json()["base64img"]))
    assert image.width * image.height <= 250_000


def test_post_edit_listing_photo(client: httpx.Client) -> None:
    response = client.post(
        "/v2/edit", files={"imageFile": ("coffee.png", _photo("coffee.png"))}, data=LISTING
    )
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "image/png"
    _assert_centred_listing(response.content)


def test_get_edit_listing_photo(client: httpx.Client, image_server: str) -> None:
    response = client.get("/v2/edit", params={"imageUrl": f"{image_server}/logo.png", **LISTING})
    assert response.status_code == 200, response.text
    _assert_centred_listing(response.content)


@pytest.mark.parametrize(
    ("fmt", "content_type", "pil_format"),
    [("jpeg", "image/jpeg", "JPEG"), ("webp", "image/webp", "WEBP"), ("png", "image/png", "PNG")],
)
def test_export_formats(client: httpx.Client, fmt: str, content_type: str, pil_format: str) -> None:
    response = client.post(
        "/v2/edit",
        files={"imageFile": ("text.png", _photo("text.png"))},
        data={"export.format": fmt, "removeBackground": "false", "outputSize": "224x86"},
    )
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == content_type
    image = open_image(response.content)
    assert image.format == pil_format and image.size == (224, 86)


def test_ai_background_reports_its_seed(client: httpx.Client) -> None:
    response = client.post(
        "/v2/edit",
        files={"imageFile": ("logo.png", _photo("logo.png"))},
        data={"background.prompt": "a beach", "background.seed": "42", "outputSize": "200x200"},
    )
    assert response.status_code == 200, response.text
    assert response.headers["pr-ai-background-seed"] == "42"


def test_text_removal_reports_texts_detected(client: httpx.Client) -> None:
    response = client.post(
        "/v2/edit",
        files={"imageFile": ("text.png", _photo("text.png"))},
        data={"textRemoval.mode": "ai.all", "removeBackground": "false"},
    )
    assert response.status_code == 200, response.text
    assert int(response.headers["pr-texts-detected"]) >= 1


def test_image_from_prompt_needs_no_input(client: httpx.Client) -> None:
    response = client.get(
        "/v2/edit",
        params={
            "imageFromPrompt.prompt": "a red car",
            "imageFromPrompt.size": "LANDSCAPE_16_9",
            "removeBackground": "false",
        },
    )
    assert response.status_code == 200, response.text
    assert open_image(response.content).size == (1024, 576)
    assert "pr-ai-background-seed" in response.headers


def test_post_takes_a_background_image_by_url(client: httpx.Client, image_server: str) -> None:
    """The API's POST takes background.imageUrl (the overlay adds it, from the GET twin): it is
    a background, not an unsupported attribute."""
    response = client.post(
        "/v2/edit",
        files={"imageFile": ("coffee.png", _photo("coffee.png"))},
        data={"background.imageUrl": f"{image_server}/logo.png", "outputSize": "300x200"},
    )
    assert response.status_code == 200, response.text
    assert "pr-unsupported-attributes" not in response.headers
    corner = open_image(response.content).convert("RGBA").getpixel((2, 2))
    assert isinstance(corner, tuple) and corner[3] == 255  # the background image fills it
