"""Processing off: valid blank images of the asked size and format, after the configured latency,
still validated and authenticated; cheap enough for client benchmarks."""

from __future__ import annotations

import anyio
import httpx
import pytest

from photoroom_emulator.config import EmulatorConfig

from .conftest import ClientFactory, assert_api_error, assert_segment_error, open_image, product_png


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Record the pipeline's latency sleeps instead of asserting on wall-clock time."""
    recorded: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        recorded.append(seconds)

    monkeypatch.setattr(anyio, "sleep", fake_sleep)  # what pipeline calls for the latency
    return recorded


@pytest.fixture
def off(make_client: ClientFactory) -> httpx.Client:
    return make_client(processing=False, latency_ms=100)


@pytest.mark.parametrize(
    ("fmt", "content_type"),
    [("png", "image/png"), ("jpeg", "image/jpeg"), ("jpg", "image/jpeg"), ("webp", "image/webp")],
)
def test_edit_answers_the_asked_size_and_format(
    off: httpx.Client, sleeps: list[float], fmt: str, content_type: str
) -> None:
    response = off.post(
        "/v2/edit",
        files={"imageFile": ("p.png", product_png(), "image/png")},
        data={"outputSize": "640x480", "export.format": fmt},
    )
    assert response.status_code == 200
    assert response.headers["content-type"] == content_type
    assert open_image(response.content).size == (640, 480)
    assert sleeps == [0.1]


def test_edit_without_output_size_keeps_the_upload_size(
    off: httpx.Client, sleeps: list[float]
) -> None:
    response = off.post("/v2/edit", files={"imageFile": ("p.png", product_png((90, 70)))})
    assert open_image(response.content).size == (90, 70)


def test_url_inputs_are_checked_but_not_downloaded(off: httpx.Client, sleeps: list[float]) -> None:
    response = off.get(
        "/v2/edit",
        params={"imageUrl": "http://127.0.0.1:9/never-fetched.png", "outputSize": "30x20"},
    )
    assert response.status_code == 200
    assert open_image(response.content).size == (30, 20)
    assert_api_error(off.get("/v2/edit", params={"imageUrl": "ftp://x/a.png"}), 400)


def test_segment_answers_the_upload_size(off: httpx.Client, sleeps: list[float]) -> None:
    response = off.post(
        "/v1/segment",
        files={"image_file": ("p.png", product_png((120, 80)))},
        data={"format": "webp"},
    )
    assert response.headers["content-type"] == "image/webp"
    assert open_image(response.content).size == (120, 80)
    assert_segment_error(off.post("/v1/segment", files={"image_file": ("x.png", b"text")}), 400)


def test_still_validates_and_authenticates(make_client: ClientFactory, sleeps: list[float]) -> None:
    client = make_client(EmulatorConfig(processing=False, keys=()))
    response = client.post("/v2/edit", files={"imageFile": ("p.png", product_png())})
    assert_api_error(response, 403)
    open_client = make_client(processing=False)
    bad = open_client.post(
        "/v2/edit", files={"imageFile": ("p.png", product_png())}, data={"padding": "90%"}
    )
    assert_api_error(bad, 400)


def test_blank_images_are_cached(off: httpx.Client, sleeps: list[float]) -> None:
    files = {"imageFile": ("p.png", product_png())}
    first = off.post("/v2/edit", files=files, data={"outputSize": "50x50"})
    second = off.post("/v2/edit", files=files, data={"outputSize": "50x50"})
    assert first.content == second.content
    app_pipeline = off._transport.app.state.emulator.pipeline  # type: ignore[attr-defined]
    assert len(app_pipeline._blanks) == 1


def test_many_account_calls_are_cheap(off: httpx.Client) -> None:
    assert all(off.get("/v2/account").status_code == 200 for _ in range(200))
