"""Segmentation quality: IoU of the emulator's cut-out against hand-made reference masks.

Why: the synthetic product shots the unit tests use are easy by construction; this is the same
measure on real photographs (``tests/data/segmentation/``: products on tables and in rooms, food,
people, an animal close-up, a tall thin plant, subjects cut by the frame). Each mask was drawn
by hand (``make_masks.py`` there), never by the segmenter. The set is split once
(``split.json`` there) into a tuning half, the only one settings may be chosen on, and a check
half; the rows give each photo by half and each half's mean, against the targets that
``tests/emulator/imaging/test_segmentation_eval.py`` asserts (its ``TARGETS``, mirrored below).
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from ._harness import ROOT, Context, Row, verdict

DATA = ROOT / "tests" / "data" / "segmentation"
#: half -> (each photo's IoU, the half's mean); the same table as the evaluation test's TARGETS.
TARGETS = {"tuning": (0.80, 0.85), "check": (0.80, 0.90)}


def halves() -> dict[str, list[str]]:
    """The fixed split of the set: half -> photo names (``split.json``)."""
    split = json.loads((DATA / "split.json").read_text())
    return {half: sorted(split[half]) for half in TARGETS}


def photos() -> dict[str, Path]:
    """Evaluation photo per reference mask name (``make_masks.SPECS`` says which file)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_masks", DATA / "make_masks.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return {name: (DATA / str(entry["photo"])).resolve() for name, entry in module.SPECS.items()}


def scores() -> dict[str, tuple[float, float]]:
    """name -> (IoU of the alpha >= 0.5 against the reference mask, seconds to segment)."""
    import numpy as np
    from PIL import Image

    from photoroom_emulator.imaging.segmentation import segment

    results = {}
    for name, path in sorted(photos().items()):
        image = Image.open(path).convert("RGB")
        truth = np.asarray(Image.open(DATA / "masks" / f"{name}.png")) > 127
        start = time.perf_counter()
        mask = segment(image)
        seconds = time.perf_counter() - start
        kept = mask.alpha >= 0.5
        union = np.count_nonzero(kept | truth)
        results[name] = (int(np.count_nonzero(kept & truth)) / max(1, int(union)), seconds)
    return results


def run(ctx: Context) -> list[Row]:
    results = scores()
    rows = []
    for half, names in halves().items():
        photo_target, mean_target = TARGETS[half]
        rows += [
            Row(
                f"segmentation IoU, {half}: {name}",
                f"{results[name][0]:.3f}",
                target=f">= {photo_target:.2f}",
                status=verdict(results[name][0] >= photo_target),
            )
            for name in names
        ]
        mean = sum(results[name][0] for name in names) / len(names)
        rows.append(
            Row(
                f"segmentation IoU, {half} mean",
                f"{mean:.3f}",
                target=f">= {mean_target:.2f}",
                status=verdict(mean >= mean_target),
                notes=[
                    f"{len(names)} real photos with hand-made masks (tests/data/segmentation/, "
                    f"split.json); alpha >= 0.5 against the mask"
                    + ("; settings may be chosen on this half only" if half == "tuning" else "")
                ],
            )
        )
    slowest = max(seconds for _, seconds in results.values())
    rows[-1].notes.append(f"slowest photo of the set segmented in {slowest:.2f} s")
    return rows
