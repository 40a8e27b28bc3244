"""Segmentation against hand-made reference masks of real photos (tests/data/segmentation/).

The set is split once (``split.json``) into a tuning half and a check half, balanced by category:
settings are chosen on the tuning half only, and the check half is what the targets are judged on.
Each half has one row in ``TARGETS``: the IoU every photo of it must reach, and its mean. Photos
(and means) the segmenter does not reach yet are marked ``xfail(strict=True)`` with what goes
wrong, so the gap shows in every run and the marker has to go once they pass; every photo must
also stay at or above the score it reached, so nothing that works slips back, and a floor that
was ever lowered (the switch to the learned model in issue 19) says so in ``GAVE_UP``.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pytest
from PIL import Image

from photoroom_emulator.imaging import segment

DATA = Path(__file__).resolve().parents[2] / "data" / "segmentation"


class Target(NamedTuple):
    """What one half must reach: each photo's IoU, and the mean IoU over the half."""

    photo: float
    mean: float


#: The thresholds, one row per half (issue 19: each photo >= 0.80; the check half's mean >= 0.90).
TARGETS = {
    "tuning": Target(photo=0.80, mean=0.85),
    "check": Target(photo=0.80, mean=0.90),
}

#: Photos the segmenter does not bring to ``TARGETS`` yet, and why (strict xfail: remove on pass).
#: Measured with U²-Net-p (issue 19), IoU in brackets.
NOT_YET = {
    "aloe": "(0.280) the model sees the pot and one leaf; the leaves before the leaf-green "
    "wallpaper are lost",
    "basketball": "(0.559) only the right-hand man is taken, with a piece of the door beside "
    "him; the man holding the ball is lost",
    "car": "(0.740) the motion-blurred lower half (bumper, boot's lower edge) is lost",
    "didgeridoo": "(0.765) the tree stump he sits on is kept",
    "kitten": "(0.708) the stone plank under the kitten's paws is kept",
    "notebook": "(0.116) only the green elastic band is taken; the black cover filling the "
    "frame is lost",
}

#: Halves whose mean is below ``TARGETS`` yet (strict xfail: remove on pass).
MEAN_NOT_YET = {
    "check": "0.808 with U²-Net-p: notebook, car, kitten and basketball (see NOT_YET)",
}

#: What the segmenter before issue 19 scored (commit 214cbee: colour, GrabCut, faces and the
#: selfie model's sure core), on the masks as they are: the README's "before" column.
BEFORE = {
    "aloe": 0.481,
    "apple": 0.977,
    "astronaut": 0.943,
    "butterfly": 0.919,
    "camera": 0.868,
    "coffee": 0.963,
    "dog": 0.906,
    "flower": 0.96,
    "grace_hopper": 0.927,
    "messi5": 0.833,
    "orange": 0.861,
    "smarties": 0.958,
    "stuff": 0.904,
    "basketball": 0.303,
    "bulb": 0.854,
    "car": 0.947,
    "chair": 0.506,
    "didgeridoo": 0.799,
    "dutar": 0.944,
    "kingfisher": 0.727,
    "kitten": 0.349,
    "luispedro": 0.958,
    "notebook": 0.520,
    "pan": 0.523,
    "quokka": 0.784,
    "scissors": 0.876,
    "shepherd": 0.734,
    "squirrel": 0.296,
}

#: Scores reached with U²-Net-p (issue 19): the floor each photo keeps (less ``FLOOR_MARGIN``).
REACHED = {
    "aloe": 0.280,
    "apple": 0.981,
    "astronaut": 0.931,
    "butterfly": 0.917,
    "camera": 0.882,
    "coffee": 0.964,
    "dog": 0.955,
    "flower": 0.896,
    "grace_hopper": 0.976,
    "messi5": 0.897,
    "orange": 0.918,
    "smarties": 0.955,
    "stuff": 0.936,
    "basketball": 0.559,
    "bulb": 0.970,
    "car": 0.740,
    "chair": 0.915,
    "didgeridoo": 0.765,
    "dutar": 0.952,
    "kingfisher": 0.958,
    "kitten": 0.708,
    "luispedro": 0.916,
    "notebook": 0.116,
    "pan": 0.873,
    "quokka": 0.954,
    "scissors": 0.883,
    "shepherd": 0.908,
    "squirrel": 0.881,
}

#: Photos that scored more before issue 19 than now (by more than ``FLOOR_MARGIN``): their floor
#: was lowered with the switch to the learned model, and this says what they lost.
GAVE_UP = {
    "aloe": "the classical segmenter kept most leaves (with wallpaper); the model sees the pot",
    "car": "the model loses the motion-blurred lower half that colour found",
    "didgeridoo": "the stump he sits on is now kept whole",
    "flower": "the lower dahlia, cut by the frame, is dropped as a second object",
    "luispedro": "the shirt at the bottom edge and an edge of the cheek are lost",
    "notebook": "the model takes the elastic band for the subject, not the cover around it",
}
FLOOR_MARGIN = 0.02


def _photos() -> dict[str, Path]:
    spec = importlib.util.spec_from_file_location("make_masks", DATA / "make_masks.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return {name: (DATA / str(entry["photo"])).resolve() for name, entry in module.SPECS.items()}


PHOTOS = _photos()
SPLIT = json.loads((DATA / "split.json").read_text())
HALVES: dict[str, list[str]] = {half: sorted(SPLIT[half]) for half in TARGETS}
HALF_OF = {name: half for half, names in HALVES.items() for name in names}


def _iou(name: str) -> float:
    truth = np.asarray(Image.open(DATA / "masks" / f"{name}.png")) > 127
    kept = segment(Image.open(PHOTOS[name]).convert("RGB")).alpha >= 0.5
    assert kept.shape == truth.shape
    union = int(np.count_nonzero(kept | truth))
    return int(np.count_nonzero(kept & truth)) / max(1, union)


@pytest.fixture(scope="module")
def scores() -> dict[str, float]:
    results = {name: _iou(name) for name in sorted(PHOTOS)}
    print("\nsegmentation IoU on real photos:")
    for half, names in HALVES.items():
        print(f"  {half} half:")
        for name in names:
            print(f"    {name:14s} {results[name]:.3f}")
        print(f"    {'mean':14s} {np.mean([results[name] for name in names]):.3f}")
    return results


def _marked(names: list[str], reasons: dict[str, str]) -> list[object]:
    return [
        pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=reasons[name]))
        if name in reasons
        else name
        for name in names
    ]


def test_the_set_is_complete() -> None:
    assert set(PHOTOS) == set(REACHED) == set(BEFORE)
    assert len(PHOTOS) >= 25
    for name, path in PHOTOS.items():
        mask = Image.open(DATA / "masks" / f"{name}.png")
        assert mask.mode == "L" and mask.size == Image.open(path).size
        assert max(Image.open(path).size) <= 640


def test_the_split_covers_every_photo_once_in_halves_balanced_by_category() -> None:
    tuning, check = set(HALVES["tuning"]), set(HALVES["check"])
    assert tuning | check == set(PHOTOS) and not tuning & check
    assert abs(len(tuning) - len(check)) <= 1
    for category in set(SPLIT["categories"].values()):
        members = [name for name, kind in SPLIT["categories"].items() if kind == category]
        in_tuning = sum(name in tuning for name in members)
        assert abs(2 * in_tuning - len(members)) <= 1, category


def test_every_floor_lowered_since_issue_19_is_written_down() -> None:
    lowered = {name for name in REACHED if REACHED[name] < BEFORE[name] - FLOOR_MARGIN}
    assert lowered == set(GAVE_UP)


@pytest.mark.parametrize("name", sorted(REACHED))
def test_no_photo_falls_below_what_it_reached(name: str, scores: dict[str, float]) -> None:
    assert scores[name] >= REACHED[name] - FLOOR_MARGIN


@pytest.mark.parametrize("name", _marked(sorted(PHOTOS), NOT_YET))
def test_each_photo_reaches_its_half_s_target(name: str, scores: dict[str, float]) -> None:
    assert scores[name] >= TARGETS[HALF_OF[name]].photo


@pytest.mark.parametrize("half", _marked(list(TARGETS), MEAN_NOT_YET))
def test_each_half_s_mean_reaches_its_target(half: str, scores: dict[str, float]) -> None:
    assert np.mean([scores[name] for name in HALVES[half]]) >= TARGETS[half].mean
