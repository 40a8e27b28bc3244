"""The learned subject model the emulator ships: the file its README names, used beside colour."""

from __future__ import annotations

import hashlib
import re
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from photoroom_emulator.imaging import segment, subject_model

from .conftest import SCENES, render

PHOTOS = Path(__file__).resolve().parents[2] / "data" / "segmentation" / "photos"

needs_runtime = pytest.mark.skipif(
    subject_model._load() is None, reason="ai-edge-litert has no wheel for this platform"
)


def test_the_shipped_model_is_the_file_its_readme_names() -> None:
    readme = (subject_model.MODEL_PATH.parent / "README.md").read_text()
    recorded = re.search(r"\*\*sha256:\*\* `([0-9a-f]{64})`", readme)
    assert recorded is not None
    assert hashlib.sha256(subject_model.MODEL_PATH.read_bytes()).hexdigest() == recorded[1]


@needs_runtime
def test_a_portrait_is_subject_and_its_backdrop_is_not(astronaut: Image.Image) -> None:
    rgb = np.asarray(astronaut.resize((256, 256)))
    probability = subject_model.subject_probability(rgb)
    assert probability is not None and probability.shape == (256, 256)
    assert probability[35:70, 100:130].mean() > 0.9  # her face
    assert probability[:30, 236:].mean() < 0.1  # the grey backdrop, top right


@needs_runtime
def test_each_thread_gets_its_own_interpreter_and_the_same_answer() -> None:
    photos = [
        np.asarray(Image.open(PHOTOS / name).convert("RGB").resize((300, 240)))
        for name in ("grace_hopper.jpg", "orange.jpg", "camera.png", "dog.png")
    ]
    alone = [subject_model.subject_probability(rgb) for rgb in photos]
    with ThreadPoolExecutor(4) as pool:
        for _ in range(5):
            together = list(pool.map(subject_model.subject_probability, photos))
            for one, other in zip(alone, together, strict=True):
                assert one is not None and other is not None
                np.testing.assert_array_equal(one, other)


def test_without_the_runtime_colour_alone_still_cuts_out_a_product(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "ai_edge_litert.interpreter", None)  # an Intel Mac
    monkeypatch.setattr(subject_model, "_THREAD_INTERPRETERS", threading.local())
    assert subject_model.subject_probability(np.zeros((32, 32, 3), np.uint8)) is None
    shot = render(SCENES[2])  # the green bottle with its shadow
    alpha = segment(shot.image).alpha >= 0.5
    iou = (alpha & shot.mask).sum() / (alpha | shot.mask).sum()
    assert iou > 0.95


def test_the_models_background_counts_only_when_it_saw_the_same_subject() -> None:
    from photoroom_emulator.imaging.segmentation import _learned_veto

    cut = np.zeros((100, 100), bool)
    cut[20:80, 20:60] = True  # the subject
    cut[40:60, 60:90] = True  # a block of background GrabCut grew into
    nothing_sure = np.zeros_like(cut)

    same_subject = np.zeros((100, 100), np.float32)
    same_subject[20:80, 20:60] = 1.0
    kept = _learned_veto(cut, same_subject, nothing_sure)
    assert kept[20:80, 20:60].all() and not kept[40:60, 60:90].any()

    colour_sure = np.zeros_like(cut)
    colour_sure[40:60, 80:90] = True  # colour insists on part of the block: it stays
    assert _learned_veto(cut, same_subject, colour_sure)[40:60, 80:90].all()

    elsewhere = np.zeros((100, 100), np.float32)
    elsewhere[85:100, 0:15] = 1.0  # the model looked at something else: it takes nothing away
    np.testing.assert_array_equal(_learned_veto(cut, elsewhere, nothing_sure), cut)
