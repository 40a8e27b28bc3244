"""A learned subject probability: MediaPipe's selfie segmentation model, run with LiteRT.

The model (``photoroom_emulator/models/selfie_segmentation.tflite``, 250 KB, copied from the
``mediapipe`` 0.10.14 wheel under Apache-2.0; see that folder's README) was trained to separate
people from their background, but it marks the one prominent subject of most photos: a fruit, a
camera and its tripod, a flower. It is wrong where its training did not go (products on
white, scattered objects, a patterned room), so :mod:`.segmentation` uses it as evidence beside
colour, never alone.

The model sees a 256 x 256 copy (squashed, as MediaPipe feeds it) with RGB in [0, 1] and
answers a 256 x 256 probability map. Without the ``ai-edge-litert`` runtime (an emulator extra
where it has wheels: Linux x86_64 and aarch64, Apple silicon, Windows x64; not Intel Macs)
:func:`subject_probability` answers None and the segmenter works from colour alone.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import numpy as np
from numpy.typing import NDArray

MODEL_PATH: Final = Path(__file__).resolve().parent.parent / "models" / "selfie_segmentation.tflite"
MODEL_SIDE: Final = 256

_THREAD_INTERPRETERS = threading.local()


@dataclass(frozen=True)
class _Model:
    """One thread's interpreter and the indices of its input and output tensors."""

    interpreter: Any
    input_index: int
    output_index: int


def subject_probability(rgb: NDArray[np.uint8]) -> NDArray[np.float32] | None:
    """Probability (0..1) that each pixel of an H x W x 3 image is the subject, or None.

    None when the runtime or the model file is missing. The map is resized back to H x W.
    """
    model = _model()
    if model is None:
        return None
    import cv2

    height, width = rgb.shape[:2]
    square = cv2.resize(rgb, (MODEL_SIDE, MODEL_SIDE), interpolation=cv2.INTER_AREA)
    tensor = (np.asarray(square, np.float32) / np.float32(255))[None]
    model.interpreter.set_tensor(model.input_index, np.ascontiguousarray(tensor))
    model.interpreter.invoke()
    output = model.interpreter.get_tensor(model.output_index)
    probability = np.asarray(output[0, :, :, 0], np.float32)
    resized = cv2.resize(probability, (width, height), interpolation=cv2.INTER_LINEAR)
    return np.asarray(np.clip(resized, 0.0, 1.0), np.float32)


def _model() -> _Model | None:
    """This thread's model (one per thread: a LiteRT interpreter is not thread-safe)."""
    if not hasattr(_THREAD_INTERPRETERS, "loaded"):
        _THREAD_INTERPRETERS.loaded = _load()
    loaded: _Model | None = _THREAD_INTERPRETERS.loaded
    return loaded


def _load() -> _Model | None:
    try:
        from ai_edge_litert.interpreter import Interpreter
    except ImportError:
        return None
    if not MODEL_PATH.is_file():
        return None
    interpreter = Interpreter(model_path=str(MODEL_PATH), num_threads=1)
    interpreter.allocate_tensors()
    return _Model(
        interpreter,
        interpreter.get_input_details()[0]["index"],
        interpreter.get_output_details()[0]["index"],
    )
