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


def test_faces_found_from_many_threads_at_once_are_the_faces_found_alone() -> None:
    """The emulator serves requests from several threads; OpenCV's cascades are not shareable."""
    import concurrent.futures

    import numpy as np
    from PIL import Image

    from photoroom_emulator.imaging.segmentation import detect_faces

    greys = []
    for path, side in [(IMAGES / "astronaut.png", 320), (PHOTOS / "grace_hopper.jpg", 300)]:
        image = Image.open(path).convert("L")
        image.thumbnail((side, side))
        greys.append(np.asarray(image))
    alone = [detect_faces(grey) for grey in greys]

    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        together = [list(pool.map(detect_faces, greys * 2)) for _ in range(40)]

    assert all(found == alone * 2 for found in together)
