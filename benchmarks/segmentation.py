"""Segmentation quality: IoU of the emulator's cut-out against hand-made reference masks.

Why: the synthetic product shots the unit tests use are easy by construction; this is the same
measure on real photographs (``tests/data/segmentation/``: products on tables and in rooms, food,
people, an animal close-up, a tall thin plant, subjects cut by the frame). Each mask was drawn
by hand (``make_masks.py`` there), never by the segmenter. The rows are the table that
``tests/emulator/imaging/test_segmentation_eval.py`` asserts on: each photo >= 0.80, mean >= 0.85.
"""

from __future__ import annotations

import time
from pathlib import Path

from ._harness import ROOT, Context, Row, verdict

DATA = ROOT / "tests" / "data" / "segmentation"
PHOTO_TARGET = 0.80
MEAN_TARGET = 0.85


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
    rows = [
        Row(
            f"segmentation IoU, {name}",
            f"{iou:.3f}",
            target=f">= {PHOTO_TARGET:.2f}",
            status=verdict(iou >= PHOTO_TARGET),
            notes=[],
        )
        for name, (iou, _) in results.items()
    ]
    mean = sum(iou for iou, _ in results.values()) / len(results)
    slowest = max(seconds for _, seconds in results.values())
    rows.append(
        Row(
            "segmentation IoU, mean",
            f"{mean:.3f}",
            target=f">= {MEAN_TARGET:.2f}",
            status=verdict(mean >= MEAN_TARGET),
            notes=[
                f"{len(results)} real photos with hand-made masks (tests/data/segmentation/); "
                f"alpha >= 0.5 against the mask; slowest photo segmented in {slowest:.2f} s"
            ],
        )
    )
    return rows
