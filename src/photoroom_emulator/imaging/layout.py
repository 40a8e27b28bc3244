"""The positioning engine of ``/v2/edit``: where the subject lands on the output canvas.

Pure geometry, following the docs page "Positioning" and the spec's parameter descriptions:

1. The canvas size comes from ``outputSize`` (then ``maxWidth``/``maxHeight``).
2. ``margin`` is taken off every side of the canvas; it is a ratio of the canvas side (10 % of the
   width for left/right, of the height for top/bottom) or pixels, and is never ignored.
3. ``padding`` is taken off what the margins leave, as a ratio of that remaining side ("ratio of the
   size of the document, minus margins (similar to CSS)"), or pixels. What remains is the
   ``targetArea``.
4. On a side where the subject is cut by the photo border, padding is dropped and the subject snaps
   to that side (margin still applies), unless ``ignorePaddingAndSnapOnCroppedSides`` is false or
   an explicit alignment was given for that direction.
5. The ``referenceBox`` (subject box or whole original) is scaled to ``fit`` (contain) or ``fill``
   (cover) the target area and placed by the alignments (centre by default).

Rules decided where the docs are silent (each also noted where it is applied):

- ``outputSize=auto`` behaves like ``originalImage``: the spec says so when no ``templateId`` is
  given, and templates are not emulated.
- ``croppedSubject`` is the subject's bounding box at its native size; padding and margin are then
  taken off that canvas (so the subject shrinks rather than the canvas growing).
- ``maxWidth``/``maxHeight`` shrink whatever canvas ``outputSize`` produced, keeping its aspect
  ratio, never enlarge it; the spec restricts them to ``originalImage``/``croppedSubject``, which is
  for the request validator to enforce.
- Ratios are accepted in ``[0, 0.5)``: 0.5 on both sides of an axis would leave no target area. The
  spec's prose says "between 0 and 0.49".
- A bare numeric string (``"0.1"``) is a ratio like the number; ``"10"`` is therefore refused as a
  ratio over 0.5 rather than read as pixels, since the API asks for an explicit ``px`` suffix.
- A subject cut on both sides of an axis is centred on that axis (both sides snap; with ``fit``
  along that axis it spans the full width between the margins).
- An empty subject (nothing detected) uses the whole original image as its box.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Final, Literal

import numpy as np
from numpy.typing import NDArray

from .errors import LayoutError

Scaling = Literal["fit", "fill"]
HorizontalAlignment = Literal["left", "center", "right"]
VerticalAlignment = Literal["top", "center", "bottom"]
ReferenceBox = Literal["subjectBox", "originalImage"]

MAX_RATIO: Final = 0.5

_NUMBER: Final = r"(?:\d+(?:\.\d*)?|\.\d+)"
_PERCENT = re.compile(rf"({_NUMBER})\s*%")
_PIXELS = re.compile(rf"({_NUMBER})\s*px")
_RATIO = re.compile(_NUMBER)
_OUTPUT_SIZE = re.compile(r"(\d+)x(\d+)")


@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle in pixels: left/top inclusive, right/bottom exclusive."""

    left: float
    top: float
    right: float
    bottom: float

    @property
    def width(self) -> float:
        return self.right - self.left

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass(frozen=True)
class CroppedSides:
    """Which sides of the subject are cut by the original photo's border."""

    left: bool = False
    top: bool = False
    right: bool = False
    bottom: bool = False


@dataclass(frozen=True)
class Spacing:
    """One parsed padding or margin value: a ratio of a side, or absolute pixels."""

    amount: float
    unit: Literal["ratio", "px"] = "ratio"

    def resolve(self, side: float) -> float:
        """Pixels this spacing takes from a side of length ``side``."""
        return self.amount * side if self.unit == "ratio" else self.amount


NO_SPACING: Final = Spacing(0.0)


def parse_spacing(value: object, parameter: str) -> Spacing:
    """Parse ``0.1``, ``"0.1"``, ``"10%"`` or ``"100px"`` (``parameter`` names it in errors)."""
    if isinstance(value, Spacing):
        return value
    if isinstance(value, bool) or value is None:
        raise LayoutError(_spacing_message(parameter, value))
    if isinstance(value, int | float):
        return _ratio(float(value), parameter, value)
    if not isinstance(value, str):
        raise LayoutError(_spacing_message(parameter, value))
    text = value.strip().lower()
    if match := _PIXELS.fullmatch(text):
        return Spacing(float(match.group(1)), "px")
    if match := _PERCENT.fullmatch(text):
        return _ratio(float(match.group(1)) / 100.0, parameter, value)
    if _RATIO.fullmatch(text):
        return _ratio(float(text), parameter, value)
    raise LayoutError(_spacing_message(parameter, value))


def _ratio(amount: float, parameter: str, raw: object) -> Spacing:
    if not math.isfinite(amount) or amount < 0:
        raise LayoutError(_spacing_message(parameter, raw))
    if amount >= MAX_RATIO:
        raise LayoutError(
            f"{parameter}: {raw!r} is too large; a relative value must be below 0.5 (50%), "
            "otherwise opposite sides would leave no room for the subject."
        )
    return Spacing(amount, "ratio")


def _spacing_message(parameter: str, value: object) -> str:
    return (
        f"{parameter}: {value!r} is not valid; use a ratio between 0 and 0.49 (0.1), "
        'a percentage ("10%") or pixels ("100px").'
    )


@dataclass(frozen=True)
class Sides:
    """Four spacings, one per side."""

    left: Spacing = NO_SPACING
    top: Spacing = NO_SPACING
    right: Spacing = NO_SPACING
    bottom: Spacing = NO_SPACING


@dataclass(frozen=True)
class LayoutOptions:
    """The positioning parameters of ``/v2/edit``, parsed; defaults are the API's defaults."""

    output_size: str = "auto"
    padding: Sides = Sides()
    margin: Sides = Sides()
    scaling: Scaling = "fit"
    horizontal_alignment: HorizontalAlignment | None = None
    vertical_alignment: VerticalAlignment | None = None
    reference_box: ReferenceBox = "subjectBox"
    max_width: int | None = None
    max_height: int | None = None
    ignore_padding_and_snap_on_cropped_sides: bool = True
    max_output_pixels: int | None = None
    """The largest canvas (the caller's limit; ``None``: unbounded)."""


@dataclass(frozen=True)
class Placement:
    """Where the original image goes on the canvas: ``canvas = original * scale + (x, y)``.

    ``target_area`` and ``reference_box`` are in canvas pixels, for tests and for features (shadows,
    expand) that need to know where the subject ended up.
    """

    canvas_width: int
    canvas_height: int
    scale: float
    x: float
    y: float
    target_area: Box
    reference_box: Box

    @property
    def canvas_size(self) -> tuple[int, int]:
        return (self.canvas_width, self.canvas_height)

    def to_canvas(self, box: Box) -> Box:
        """Map a box in original-image pixels to canvas pixels."""
        return Box(
            box.left * self.scale + self.x,
            box.top * self.scale + self.y,
            box.right * self.scale + self.x,
            box.bottom * self.scale + self.y,
        )


def parse_output_size(
    output_size: str,
    image_size: tuple[int, int],
    subject_box: Box | None,
    *,
    max_pixels: int | None = None,
    parameter: str = "output size",
) -> tuple[int, int]:
    """Canvas size for an output size value, before the maximum width and height.

    ``parameter`` names the value in errors (the caller knows what the request called it).
    """
    if output_size in ("auto", "originalImage"):
        return image_size  # `auto` without a template behaves like originalImage (spec).
    if output_size == "croppedSubject":
        box = subject_box or Box(0, 0, *image_size)
        return (max(1, round(box.width)), max(1, round(box.height)))
    match = _OUTPUT_SIZE.fullmatch(output_size)
    if not match:
        raise LayoutError(
            f"{parameter}: {output_size!r} is not valid; use auto, originalImage, "
            "croppedSubject or WIDTHxHEIGHT such as 1000x1000."
        )
    width, height = int(match.group(1)), int(match.group(2))
    if width < 1 or height < 1:
        raise LayoutError(f"{parameter}: {output_size!r} must have a positive width and height.")
    if max_pixels is not None and width * height > max_pixels:
        raise LayoutError(
            f"{parameter}: {output_size!r} is above the maximum of {max_pixels / 1e6:g} MP."
        )
    return (width, height)


def bound_size(
    size: tuple[int, int], max_width: int | None, max_height: int | None
) -> tuple[int, int]:
    """Shrink ``size`` to fit ``max_width`` x ``max_height``, keeping the aspect ratio."""
    width, height = size
    factor = 1.0
    if max_width is not None and width > max_width:
        factor = min(factor, max_width / width)
    if max_height is not None and height > max_height:
        factor = min(factor, max_height / height)
    if factor >= 1.0:
        return size
    return (max(1, round(width * factor)), max(1, round(height * factor)))


def compute_layout(
    image_size: tuple[int, int],
    subject_box: Box | None,
    cropped: CroppedSides = CroppedSides(),
    options: LayoutOptions = LayoutOptions(),
) -> Placement:
    """Place the original image on the output canvas according to ``options``.

    ``subject_box`` is the subject's bounding box in original pixels (None when nothing was found,
    then the whole image is used); ``cropped`` says which of its sides touch the photo's border.
    """
    image_width, image_height = image_size
    whole = Box(0, 0, image_width, image_height)
    subject = (
        subject_box if subject_box and subject_box.width > 0 and subject_box.height > 0 else whole
    )

    canvas_w, canvas_h = bound_size(
        parse_output_size(
            options.output_size, image_size, subject, max_pixels=options.max_output_pixels
        ),
        options.max_width,
        options.max_height,
    )

    margin, padding = options.margin, options.padding
    inner = Box(
        margin.left.resolve(canvas_w),
        margin.top.resolve(canvas_h),
        canvas_w - margin.right.resolve(canvas_w),
        canvas_h - margin.bottom.resolve(canvas_h),
    )
    if inner.width <= 0 or inner.height <= 0:
        raise LayoutError(
            f"margin leaves no room for the subject on a {canvas_w}x{canvas_h} output."
        )

    snap_x = options.ignore_padding_and_snap_on_cropped_sides and not options.horizontal_alignment
    snap_y = options.ignore_padding_and_snap_on_cropped_sides and not options.vertical_alignment
    snap_left, snap_right = snap_x and cropped.left, snap_x and cropped.right
    snap_top, snap_bottom = snap_y and cropped.top, snap_y and cropped.bottom

    target = Box(
        inner.left + (0.0 if snap_left else padding.left.resolve(inner.width)),
        inner.top + (0.0 if snap_top else padding.top.resolve(inner.height)),
        inner.right - (0.0 if snap_right else padding.right.resolve(inner.width)),
        inner.bottom - (0.0 if snap_bottom else padding.bottom.resolve(inner.height)),
    )
    if target.width <= 0 or target.height <= 0:
        raise LayoutError(
            f"padding and margin leave no room for the subject on a {canvas_w}x{canvas_h} output."
        )

    reference = subject if options.reference_box == "subjectBox" else whole
    ratio_x, ratio_y = target.width / reference.width, target.height / reference.height
    scale = min(ratio_x, ratio_y) if options.scaling == "fit" else max(ratio_x, ratio_y)
    placed_w, placed_h = reference.width * scale, reference.height * scale

    horizontal = options.horizontal_alignment or _snapped(snap_left, snap_right, "left", "right")
    vertical = options.vertical_alignment or _snapped(snap_top, snap_bottom, "top", "bottom")
    ref_x = target.left + _offset(horizontal, target.width - placed_w, "left", "right")
    ref_y = target.top + _offset(vertical, target.height - placed_h, "top", "bottom")

    return Placement(
        canvas_width=canvas_w,
        canvas_height=canvas_h,
        scale=scale,
        x=ref_x - reference.left * scale,
        y=ref_y - reference.top * scale,
        target_area=target,
        reference_box=Box(ref_x, ref_y, ref_x + placed_w, ref_y + placed_h),
    )


def _snapped(first: bool, second: bool, first_name: str, second_name: str) -> str:
    """Alignment implied by snapping: towards the single cropped side, else centred."""
    if first and not second:
        return first_name
    if second and not first:
        return second_name
    return "center"


def _offset(alignment: str, free: float, start: str, end: str) -> float:
    if alignment == start:
        return 0.0
    if alignment == end:
        return free
    return free / 2.0


def subject_bbox(alpha: NDArray[np.floating], threshold: float = 0.05) -> Box | None:
    """Tight bounding box of the pixels whose alpha exceeds ``threshold``; None when empty.

    The low default keeps soft, feathered edges inside the box so cropping never clips them.
    """
    rows = np.flatnonzero((alpha > threshold).any(axis=1))
    if rows.size == 0:
        return None
    cols = np.flatnonzero((alpha[rows[0] : rows[-1] + 1] > threshold).any(axis=0))
    return Box(int(cols[0]), int(rows[0]), int(cols[-1]) + 1, int(rows[-1]) + 1)


def cropped_sides(alpha: NDArray[np.floating], threshold: float = 0.5) -> CroppedSides:
    """Sides of the image the subject is cut by: enough solid subject pixels on that border line.

    "Enough" is two pixels or 0.2 % of the line, whichever is more, so a single stray pixel (or a
    feathered fringe below ``threshold``) does not count as a crop.
    """
    height, width = alpha.shape[:2]

    def touches(line: NDArray[np.floating]) -> bool:
        return int(np.count_nonzero(line > threshold)) >= max(2, int(0.002 * line.size))

    return CroppedSides(
        left=touches(alpha[:, 0]),
        top=touches(alpha[0, :]),
        right=touches(alpha[:, width - 1]),
        bottom=touches(alpha[height - 1, :]),
    )
