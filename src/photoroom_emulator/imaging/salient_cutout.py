"""The cut-out from the salient-object model: its 320 x 320 map made into a full-size alpha.

:mod:`.salient_model` says where the subject is, on a 320 x 320 squashed copy; one of its pixels
covers about 12 x 9 pixels of a 12 MP photo, so its edge enlarged alone is a blurred staircase.
Here the map is enlarged to the working size of the edge (at most
:data:`~.segmentation.REFINE_PIXELS`) and refined against the photo there:

- a guided filter (He, Sun and Tang's, with the photo's grey levels as guide) moves the edge onto
  the photo's own edges within a few model pixels, so hair, fur and product outlines follow the
  picture rather than the model's grid;
- the filtered map is then steepened into alpha around 0.5: where the photo's edge is sharp the
  alpha is sharp, where it is soft (fur, motion blur, a defocused rim) the ramp stays soft.

The uncertainty is the model's own: the share of its map that is neither clearly subject nor
clearly background (between :data:`UNSURE_LOW` and :data:`UNSURE_HIGH`), measured against the
subject's size. A packshot's map is 0 or 1 but for a thin rim; a room or a shelf of objects
has wide half-sure areas, where the model could not decide what the photo is about. On the
evaluation set: one product or fruit on a table 0.03-0.07, scattered sweets or objects
0.29-0.36, the aloe in its patterned room 0.51, two people in an office 0.82.
"""

from __future__ import annotations

from typing import Final

import numpy as np
from numpy.typing import NDArray

from .salient_model import MODEL_SIDE

FloatArray = NDArray[np.float32]

# Guided filter radius in model pixels (scaled to the refined image), and its regularisation on
# grey levels in 0..1: smaller eps follows weaker photo edges.
GUIDE_RADIUS: Final = 2.0
GUIDE_EPS: Final = 1e-3
# Longest side the filter's coefficients are computed at (larger photos: fast guided filter).
# The evaluation photos are all smaller, so their scores do not depend on it; it keeps the
# refinement of a 12 MP upload (worked at 3 MP) to a few full-size passes.
GUIDE_SIDE: Final = 1024
# Slope of the alpha ramp around 0.5 of the filtered map: 4 turns the band 0.375-0.625 into 0-1.
ALPHA_SLOPE: Final = 4.0
# Map values that are neither subject nor background, for the uncertainty.
UNSURE_LOW: Final = 0.1
UNSURE_HIGH: Final = 0.9
# Unsure share (unsure pixels over subject pixels) that counts as fully unsure.
UNSURE_FULL: Final = 1.0


def refine(subject: FloatArray, rgb: NDArray[np.uint8]) -> FloatArray:
    """Alpha for ``rgb`` (H x W x 3) from a subject map of it at any smaller size (0..1).

    The map is guided by the photo's grey levels (:func:`guided_coefficients`, a radius of
    :data:`GUIDE_RADIUS` model pixels) and steepened around 0.5 by :data:`ALPHA_SLOPE`. Above
    :data:`GUIDE_SIDE` the filter's coefficients are computed on a copy that size and enlarged
    (He and Sun's "fast guided filter"): they vary slowly, while the grey levels they multiply
    are the full-size photo's, so the edge keeps its full-resolution detail.
    """
    import cv2

    height, width = rgb.shape[:2]
    grey = np.asarray(cv2.cvtColor(np.ascontiguousarray(rgb[..., :3]), cv2.COLOR_RGB2GRAY))
    grey_levels = np.asarray(grey, np.float32) * np.float32(1 / 255)
    scale = min(1.0, GUIDE_SIDE / max(width, height))
    low_size = (max(1, round(width * scale)), max(1, round(height * scale)))
    low_grey = (
        grey_levels
        if scale == 1.0
        else np.asarray(cv2.resize(grey_levels, low_size, interpolation=cv2.INTER_AREA), np.float32)
    )
    low_subject = np.asarray(
        cv2.resize(subject, low_size, interpolation=cv2.INTER_LINEAR), np.float32
    )
    radius = max(1, round(GUIDE_RADIUS * max(low_size) / MODEL_SIDE))
    slope, offset = guided_coefficients(low_grey, low_subject, radius)
    if scale < 1.0:
        slope = np.asarray(cv2.resize(slope, (width, height), interpolation=cv2.INTER_LINEAR))
        offset = np.asarray(cv2.resize(offset, (width, height), interpolation=cv2.INTER_LINEAR))
    filtered = slope * grey_levels + offset
    alpha = np.clip((filtered - np.float32(0.5)) * np.float32(ALPHA_SLOPE) + 0.5, 0.0, 1.0)
    return np.asarray(alpha, np.float32)


def uncertainty(probability: FloatArray) -> float:
    """How unsure the model's map is: half-sure pixels over subject pixels, scaled to 0..1.

    An empty map (no subject at all) is fully unsure.
    """
    subject = int(np.count_nonzero(probability >= 0.5))
    if subject == 0:
        return 1.0
    unsure = int(np.count_nonzero((probability > UNSURE_LOW) & (probability < UNSURE_HIGH)))
    return float(min(1.0, unsure / subject / UNSURE_FULL))


def guided_coefficients(
    guide: FloatArray, source: FloatArray, radius: int
) -> tuple[FloatArray, FloatArray]:
    """He, Sun and Tang's guided filter of ``source`` by a grey ``guide`` (both H x W float32).

    Returns the box-averaged slope and offset: the filtered map is ``slope * guide + offset``,
    locally a linear function of the guide, so it takes the guide's edges where the source
    changes. Box filters make its cost independent of the radius.
    """
    import cv2

    size = (2 * radius + 1, 2 * radius + 1)

    def box(values: NDArray[np.floating]) -> FloatArray:
        return np.asarray(cv2.boxFilter(np.asarray(values, np.float32), -1, size), np.float32)

    mean_guide, mean_source = box(guide), box(source)
    covariance = box(guide * source) - mean_guide * mean_source
    variance = box(guide * guide) - mean_guide * mean_guide
    slope = covariance / (variance + np.float32(GUIDE_EPS))
    offset = mean_source - slope * mean_guide
    return box(slope), box(offset)
