"""Image-processing core of the Photoroom emulator: pure functions on Pillow images and arrays.

The server layer calls, per request: :func:`load_image` (bytes -> RGBA, or an
:class:`ImageInputError`), :func:`segment` (-> :class:`Mask`), then either
:func:`render_segment_output` (``/v1/segment``) or :func:`compute_layout` + :func:`compose`
(``/v2/edit``), the :mod:`.generative` stand-ins as asked, :func:`watermark` for sandbox keys, and
:func:`encode`. Every input problem raises a subclass of :class:`ImagingError` (a ``ValueError``)
whose message is meant for the API caller.

OpenCV is imported lazily inside the functions that need it, so importing this package is cheap.
"""

from .colors import RGBA, parse_color
from .compose import (
    BlurOptions,
    ComposeOptions,
    OutlineOptions,
    ShadowOptions,
    compose,
)
from .decode import has_alpha_channel, load_image, sniff_format
from .encode import encode, pillow_format, watermark
from .errors import ColorError, ImageInputError, ImagingError, LayoutError
from .layout import (
    Box,
    CroppedSides,
    LayoutOptions,
    Placement,
    compute_layout,
    cropped_sides,
    parse_spacing,
    subject_bbox,
)
from .segment_options import SegmentOptions, render_segment_output
from .segmentation import Mask, detect_person, segment

__all__ = [
    "RGBA",
    "BlurOptions",
    "Box",
    "ColorError",
    "ComposeOptions",
    "CroppedSides",
    "ImageInputError",
    "ImagingError",
    "LayoutError",
    "LayoutOptions",
    "Mask",
    "OutlineOptions",
    "Placement",
    "SegmentOptions",
    "ShadowOptions",
    "compose",
    "compute_layout",
    "cropped_sides",
    "detect_person",
    "encode",
    "has_alpha_channel",
    "load_image",
    "parse_color",
    "parse_spacing",
    "pillow_format",
    "render_segment_output",
    "segment",
    "sniff_format",
    "subject_bbox",
    "watermark",
]
