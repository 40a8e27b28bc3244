"""Salient-object models the emulator could ship, measured on the evaluation set's 28 photos.

Why: issue 19 asks for U²-Net-p "or a better general salient-object model if a registry package
ships one under a permissive licence". This script is the measurement behind that choice
(``alternatives.md`` beside it has the tables). It is not part of ``python -m benchmarks``: the
candidate files are not shipped, so it takes them as arguments.

For each model file and input side it computes the model's map of every photo once, then scores
the map three ways, each as alpha >= 0.5 against the hand-made mask (the benchmark's measure):

- ``raw``: the map enlarged to the photo (bilinear), nothing else;
- ``refine``: :func:`photoroom_emulator.imaging.salient_cutout.refine` applied to it (the
  project's guided filter and alpha ramp);
- ``segment``: the whole of :func:`photoroom_emulator.imaging.segmentation.segment` with this
  map in place of the shipped model's (GrabCut band on plain backgrounds, then ``refine``).

Times: ``session.run`` alone on one photo's tensor, median of 5 after one warm-up, with the
ONNX Runtime options the emulator used when these figures were taken (2 intra-op threads,
sequential, no spinning); wall time and the process's CPU time (all its threads), since the
machine is shared. The emulator has since moved to OpenCV's dnn (29 % less CPU, maps within
5e-5); this script still needs ``pip install onnxruntime`` by hand, which no extra installs.

    .venv/bin/python benchmarks/segmentation/alternatives.py \\
        u2netp=src/photoroom_emulator/models/u2netp.onnx@320 \\
        u2netp=/tmp/u2netp_dyn.onnx@288,256,288+320 u2net=/tmp/u2net_dyn.onnx@320

The rembg exports fix their input at 320 x 320; other sides need a copy whose input height and
width are symbolic (``alternatives.md`` says how; at 320 its output equals the original's).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from benchmarks.segmentation import DATA, halves, photos  # noqa: E402

MEAN = np.array([0.485, 0.456, 0.406], np.float32)
STD = np.array([0.229, 0.224, 0.225], np.float32)
WAYS = ("raw", "refine", "segment")


@dataclass(frozen=True)
class Candidate:
    """One model file run at one square input side, or several whose maps are averaged."""

    label: str
    path: Path
    sides: tuple[int, ...]

    @property
    def side(self) -> int:
        """The largest side: the averaged map's size, and the refinement's model pixel."""
        return max(self.sides)

    @property
    def name(self) -> str:
        return "+".join(str(side) for side in self.sides)


def session(path: Path) -> Any:
    """An ONNX Runtime session with the options the emulator had when this was measured."""
    try:
        import onnxruntime
    except ImportError:
        raise SystemExit("alternatives.py needs ONNX Runtime: pip install onnxruntime") from None

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 2
    options.inter_op_num_threads = 1
    options.execution_mode = onnxruntime.ExecutionMode.ORT_SEQUENTIAL
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.log_severity_level = 3
    return onnxruntime.InferenceSession(
        str(path), sess_options=options, providers=["CPUExecutionProvider"]
    )


def tensor(rgb: NDArray[np.uint8], side: int) -> NDArray[np.float32]:
    """The squashed, ImageNet-normalised 1 x 3 x side x side input (as U²-Net's authors do)."""
    import cv2

    square = cv2.resize(np.ascontiguousarray(rgb), (side, side), interpolation=cv2.INTER_AREA)
    scaled = np.asarray(square, np.float32) / np.float32(255)
    return np.ascontiguousarray(((scaled - MEAN) / STD).transpose(2, 0, 1)[None])


def probability(model: Any, rgb: NDArray[np.uint8], side: int) -> NDArray[np.float32]:
    """The first output, min-max scaled to 0..1 (``salient_model.salient_probability``)."""
    name = model.get_inputs()[0].name
    output = np.asarray(model.run(None, {name: tensor(rgb, side)})[0][0, 0], np.float32)
    low, high = float(output.min()), float(output.max())
    if high - low < 1e-6:
        return np.zeros_like(output)
    return np.asarray((output - low) / (high - low), np.float32)


def timing(model: Any, rgb: NDArray[np.uint8], side: int) -> tuple[float, float]:
    """Median wall and process-CPU seconds of ``session.run`` over 5 calls after a warm-up."""
    name = model.get_inputs()[0].name
    feed = {name: tensor(rgb, side)}
    model.run(None, feed)
    walls, cpus = [], []
    for _ in range(5):
        wall, cpu = time.perf_counter(), time.process_time()
        model.run(None, feed)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def iou(alpha: NDArray[np.floating], truth: NDArray[np.bool_]) -> float:
    kept = alpha >= 0.5
    return int(np.count_nonzero(kept & truth)) / max(1, int(np.count_nonzero(kept | truth)))


def key(rgb: NDArray[np.uint8]) -> tuple[tuple[int, ...], str]:
    return rgb.shape, hashlib.sha256(np.ascontiguousarray(rgb).tobytes()).hexdigest()


def score(candidate: Candidate, images: dict[str, Any]) -> dict[str, Any]:
    """Per photo and way, the IoU; and the model's time on the first photo."""
    import cv2

    from photoroom_emulator.imaging import salient_cutout, salient_model, segmentation

    model = session(candidate.path)
    maps: dict[tuple[tuple[int, ...], str], NDArray[np.float32]] = {}
    results: dict[str, dict[str, float]] = {}
    for name, (rgb, truth) in images.items():
        prob = probability(model, rgb, candidate.sides[0])
        if len(candidate.sides) > 1:
            size = (candidate.side, candidate.side)
            prob = np.mean(
                [
                    cv2.resize(probability(model, rgb, side), size, interpolation=cv2.INTER_LINEAR)
                    for side in candidate.sides
                ],
                axis=0,
                dtype=np.float32,
            )
        maps[key(rgb)] = prob
        height, width = rgb.shape[:2]
        raw = np.asarray(
            cv2.resize(prob, (width, height), interpolation=cv2.INTER_LINEAR), np.float32
        )
        results[name] = {"raw": iou(raw, truth)}
    # The refinement's radius is in model pixels: keep it so at other input sides. The map
    # stands in for the shipped model's where the pipeline asks for it.
    patched = {
        (salient_cutout, "MODEL_SIDE"): candidate.side,
        (salient_model, "salient_probability"): lambda rgb: maps[key(rgb)],
    }
    saved = {place: getattr(*place) for place in patched}
    for (module, name), value in patched.items():
        setattr(module, name, value)
    try:
        from PIL import Image

        for name, (rgb, truth) in images.items():
            results[name]["refine"] = iou(salient_cutout.refine(maps[key(rgb)], rgb), truth)
            mask = segmentation.segment(Image.fromarray(rgb), use_existing_alpha=False)
            results[name]["segment"] = iou(mask.alpha, truth)
    finally:
        for (module, name), value in saved.items():
            setattr(module, name, value)
    first = next(iter(images.values()))[0]
    times = [timing(model, first, side) for side in candidate.sides]
    wall, cpu = sum(t[0] for t in times), sum(t[1] for t in times)
    return {
        "label": candidate.label,
        "side": candidate.name,
        "file_bytes": candidate.path.stat().st_size,
        "file_sha256": hashlib.sha256(candidate.path.read_bytes()).hexdigest(),
        "seconds_wall": wall,
        "seconds_cpu": cpu,
        "iou": results,
    }


def candidates(specs: list[str]) -> list[Candidate]:
    """``label=path@side,side+side`` -> one candidate per comma-separated entry; sides joined
    by ``+`` are run each and their maps averaged."""
    found = []
    for spec in specs:
        label, rest = spec.split("=", 1)
        path, entries = rest.rsplit("@", 1)
        found += [
            Candidate(label, Path(path), tuple(int(side) for side in entry.split("+")))
            for entry in entries.split(",")
        ]
    return found


def table(runs: list[dict[str, Any]]) -> str:
    """Markdown: one row per model, side and way; each half's mean and the failing photos."""
    split = halves()
    watched = ["aloe", "didgeridoo", "basketball", "car", "kitten", "notebook"]
    head = ["model", "side", "way", "tuning mean", "check mean", "min", *watched]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for run in runs:
        for way in WAYS:
            per = {name: values[way] for name, values in run["iou"].items()}
            means = [statistics.mean(per[n] for n in split[h]) for h in ("tuning", "check")]
            cells = [run["label"], str(run["side"]), way] + [f"{m:.3f}" for m in means]
            cells.append(f"{min(per.values()):.3f}")
            cells += [f"{per[n]:.3f}" for n in watched]
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("models", nargs="+", help="label=path@side[,side...]")
    parser.add_argument("--json", type=Path, help="write every figure here too")
    args = parser.parse_args()
    from PIL import Image

    images = {}
    for name, path in sorted(photos().items()):
        rgb = np.asarray(Image.open(path).convert("RGB"))
        truth = np.asarray(Image.open(DATA / "masks" / f"{name}.png")) > 127
        images[name] = (rgb, truth)
    runs = []
    for candidate in candidates(args.models):
        run = score(candidate, images)
        runs.append(run)
        print(
            f"{candidate.label}@{candidate.name}: {run['seconds_wall'] * 1000:.0f} ms wall, "
            f"{run['seconds_cpu'] * 1000:.0f} ms CPU",
            flush=True,
        )
    print(table(runs))
    if args.json:
        args.json.write_text(json.dumps(runs, indent=1))


if __name__ == "__main__":
    main()
