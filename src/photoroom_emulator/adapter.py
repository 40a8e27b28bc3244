"""The emulator's wire adapter: a validated request's parameters as the imaging core's values.

The imaging package (``imaging/``) takes plain typed options and knows no parameter name; this
module reads the request's wire names (through :mod:`photoroom.spec`) and builds those options,
passing a field's wire name into an error message where the imaging core names a field. Limits
come from the spec's ``x-photoroom-limits``, so the emulator's largest output is the API's.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping
from typing import Any, TypeVar, get_args

from photoroom.spec import (
    REMOVE_BACKGROUND,
    ImageEditing,
    RemoveBackground,
    UploadLimits,
    operation,
)

from .imaging.colors import parse_color
from .imaging.compose import SHADOW_DIRECTIONS, SHADOW_POSES, SHADOW_SPREADS, ShadowOptions
from .imaging.errors import ImagingError, LayoutError
from .imaging.layout import (
    NO_SPACING,
    HorizontalAlignment,
    LayoutOptions,
    ReferenceBox,
    Scaling,
    Sides,
    Spacing,
    VerticalAlignment,
    parse_output_size,
    parse_spacing,
)
from .imaging.segment_options import Channels, SegmentOptions

__all__ = ["layout_options", "segment_options", "shadow_options", "size_pixels"]

Choice = TypeVar("Choice", bound=str)

#: How a multipart form writes a boolean (the segment endpoint's fields are strings).
_TRUE = frozenset({"true", "1", "yes", "on"})
_FALSE = frozenset({"false", "0", "no", "off", ""})


# --- /v1/segment ---------------------------------------------------------------------------------


@functools.cache
def size_pixels() -> dict[str, int]:
    """Pixel budgets of the segment ``size`` presets: the spec's ``x-photoroom-megapixels``."""
    for param in operation(REMOVE_BACKGROUND).params:
        if "x-photoroom-megapixels" in param.schema:
            budgets = param.schema["x-photoroom-megapixels"]
            return {name: int(mp * 1_000_000) for name, mp in budgets.items()}
    return {}


def segment_options(params: Mapping[str, object]) -> SegmentOptions:
    """The ``/v1/segment`` output options; each bad value is an :class:`ImagingError` naming the
    field. Without a size, or with a preset that has no budget (one upstream adds), the answer
    gets the largest budget."""
    channels = str(params.get(RemoveBackground.CHANNELS) or SegmentOptions.channels).lower()
    if channels not in get_args(Channels):
        known = ", ".join(get_args(Channels))
        raise ImagingError(f"{RemoveBackground.CHANNELS}: {channels!r} is not one of {known}.")
    bg_color = params.get(RemoveBackground.BG_COLOR)
    size = params.get(RemoveBackground.SIZE)
    budgets = size_pixels()
    largest = max(budgets.values(), default=None)
    return SegmentOptions(
        channels=channels,  # type: ignore[arg-type]
        bg_color=parse_color(str(bg_color), parameter=RemoveBackground.BG_COLOR)
        if bg_color
        else None,
        max_pixels=budgets.get(str(size).lower(), largest) if size else largest,
        crop=_form_flag(params.get(RemoveBackground.CROP), RemoveBackground.CROP),
        despill=_form_flag(params.get(RemoveBackground.DESPILL), RemoveBackground.DESPILL),
    )


def _form_flag(value: object, name: str) -> bool:
    if value is None or isinstance(value, bool):
        return bool(value)
    text = str(value).strip().lower()
    if text in _TRUE or text in _FALSE:
        return text in _TRUE
    raise ImagingError(f"{name}: {value!r} must be true or false.")


# --- /v2/edit: layout ----------------------------------------------------------------------------


def layout_options(
    params: Mapping[str, object], limits: UploadLimits | None = None
) -> LayoutOptions:
    """The positioning options (values as sent, strings or numbers; the API's defaults when not).

    ``limits`` bounds the output canvas (the operation's largest output); unknown keys are
    ignored, as they belong to other features of the same request.
    """
    output_size = str(params.get(ImageEditing.OUTPUT_SIZE, LayoutOptions.output_size))
    max_pixels = limits.max_pixels if limits else None
    # Validate the value's form now, naming the field; the canvas is computed with the image.
    parse_output_size(
        output_size, (1, 1), None, max_pixels=max_pixels, parameter=ImageEditing.OUTPUT_SIZE
    )
    return LayoutOptions(
        output_size=output_size,
        padding=_sides(params, ImageEditing.PADDING),
        margin=_sides(params, ImageEditing.MARGIN),
        scaling=_choice(params, ImageEditing.SCALING, Scaling, LayoutOptions.scaling),
        horizontal_alignment=_choice(
            params, ImageEditing.HORIZONTAL_ALIGNMENT, HorizontalAlignment, None
        ),
        vertical_alignment=_choice(
            params, ImageEditing.VERTICAL_ALIGNMENT, VerticalAlignment, None
        ),
        reference_box=_choice(
            params, ImageEditing.REFERENCE_BOX, ReferenceBox, LayoutOptions.reference_box
        ),
        max_width=_positive_int(params, ImageEditing.MAX_WIDTH),
        max_height=_positive_int(params, ImageEditing.MAX_HEIGHT),
        ignore_padding_and_snap_on_cropped_sides=_boolean(
            params,
            ImageEditing.IGNORE_PADDING_AND_SNAP_ON_CROPPED_SIDES,
            LayoutOptions.ignore_padding_and_snap_on_cropped_sides,
        ),
        max_output_pixels=max_pixels,
    )


def _sides(params: Mapping[str, object], name: str) -> Sides:
    """``padding`` and ``paddingLeft``... : the general value, overridden side by side."""
    general = params.get(name)
    base = NO_SPACING if general is None else parse_spacing(general, name)

    def side(suffix: str) -> Spacing:
        key = f"{name}{suffix}"
        value = params.get(key)
        return base if value is None else parse_spacing(value, key)

    return Sides(left=side("Left"), top=side("Top"), right=side("Right"), bottom=side("Bottom"))


def _choice(params: Mapping[str, object], name: str, kind: Any, default: Any) -> Any:
    """One of the values the imaging core has a behaviour for (``kind``'s); a value it has none
    for (one upstream adds) gets the default."""
    value = params.get(name)
    return str(value) if value in get_args(kind) else default


def _positive_int(params: Mapping[str, object], name: str) -> int | None:
    value = params.get(name)
    if value is None:
        return None
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        number = math.nan
    if isinstance(value, bool) or not math.isfinite(number) or number < 1:
        raise LayoutError(f"{name}: {value!r} must be a positive number of pixels.")
    return int(number)


def _boolean(params: Mapping[str, object], name: str, default: bool) -> bool:
    value = params.get(name)
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    raise LayoutError(f"{name} must be boolean")


# --- /v2/edit: shadow ----------------------------------------------------------------------------


def shadow_options(params: Mapping[str, object]) -> ShadowOptions | None:
    """``shadow.mode`` and ``shadow.*Override`` (numbers or their named presets); ``None``
    without a mode."""
    mode = params.get(ImageEditing.SHADOW_MODE)
    if mode is None:
        return None
    return ShadowOptions(
        mode=str(mode),
        direction=_named_number(
            params, ImageEditing.SHADOW_DIRECTION_OVERRIDE, SHADOW_DIRECTIONS, 0, 360
        ),
        spread=_named_number(params, ImageEditing.SHADOW_SPREAD_OVERRIDE, SHADOW_SPREADS, 0, 90),
        softness=_named_number(params, ImageEditing.SHADOW_SOFTNESS_OVERRIDE, {}, 0, 1),
        intensity=_named_number(params, ImageEditing.SHADOW_INTENSITY_OVERRIDE, {}, 0, 1),
        pose=_named_number(params, ImageEditing.SHADOW_SUBJECT_POSE_OVERRIDE, SHADOW_POSES, 0, 90),
    )


def _named_number(
    params: Mapping[str, object], name: str, names: Mapping[str, float], low: float, high: float
) -> float | None:
    value = params.get(name)
    if value is None:
        return None
    if isinstance(value, str) and value in names:
        return names[value]
    if isinstance(value, str) and names and not _is_numeral(value):
        return None  # a named value with no entry: the mode's own value
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        number = math.nan
    if isinstance(value, bool) or not low <= number <= high:
        choices = f" or one of {', '.join(names)}" if names else ""
        raise ImagingError(f"{name}: {value!r} must be a number in [{low:g}, {high:g}]{choices}.")
    return number % 360 if high == 360 else number


def _is_numeral(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
