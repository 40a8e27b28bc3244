"""``x-uncertainty-score`` is -1 for photos with a person, as the API answers (face detection)."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from photoroom_emulator.imaging import detect_person

from .conftest import IMAGES

PHOTOS = Path(__file__).resolve().parents[1] / "data" / "segmentation" / "photos"

pytestmark = pytest.mark.skipif(
    not __import__("photoroom_emulator.imaging.segmentation", fromlist=["_cascades"])._cascades(),
    reason="this OpenCV build has no Haar cascades (opencv-python-headless 5.x)",
)


def _segment(client: httpx.Client, path: Path) -> httpx.Response:
    response = client.post("/v1/segment", files={"image_file": (path.name, path.read_bytes())})
    assert response.status_code == 200, response.text
    return response


@pytest.mark.parametrize("path", [IMAGES / "astronaut.png", PHOTOS / "grace_hopper.jpg"])
def test_a_face_photo_answers_minus_one(client: httpx.Client, path: Path) -> None:
    assert _segment(client, path).headers["x-uncertainty-score"] == "-1"


@pytest.mark.parametrize("path", [IMAGES / "coffee.png", PHOTOS / "stuff.jpg"])
def test_a_product_photo_answers_a_score(client: httpx.Client, path: Path) -> None:
    score = float(_segment(client, path).headers["x-uncertainty-score"])
    assert 0.0 <= score <= 1.0


@pytest.mark.parametrize("name", ["camera.png", "messi5.jpg"])
def test_profiles_and_small_faces_are_people(name: str) -> None:
    from PIL import Image

    assert detect_person(Image.open(PHOTOS / name))


@pytest.mark.parametrize("name", ["flower.jpg", "dog.png", "apple.jpg", "smarties.png"])
def test_petals_fur_and_fruit_are_not_people(name: str) -> None:
    from PIL import Image

    assert not detect_person(Image.open(PHOTOS / name))
