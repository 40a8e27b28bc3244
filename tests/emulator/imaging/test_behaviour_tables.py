"""The emulator's value-keyed behaviour tables against the spec's enums.

Each table (what a shadow mode looks like, a size preset's pixels, ...) is the one place that
behaviour lives (declared in ``tests/test_api_facts_written_once.py``). Here each must name only
values the spec has (no stale entries), and every spec value without an entry must still be
handled, by the table's documented fallback. Those values are listed in a warning, so the gap
stays visible without failing an additive upstream update.
"""

from __future__ import annotations

import importlib
import warnings
from collections.abc import Callable, Mapping
from typing import Any

import pytest
from PIL import Image

from photoroom.spec import EDIT_BY_UPLOAD, ImageEditing, enum_values, operation
from photoroom_emulator.adapter import shadow_options

compose = importlib.import_module("photoroom_emulator.imaging.compose")
generative = importlib.import_module("photoroom_emulator.imaging.generative")


def spec_values(wire: str) -> list[str]:
    param = operation(EDIT_BY_UPLOAD).param(wire)
    assert param is not None, f"{wire} is not a parameter of the spec any more"
    return [str(v) for v in enum_values(param.schema)]


def fallback_shadow(value: str) -> object:
    options = shadow_options({ImageEditing.SHADOW_MODE: value})
    assert options is not None
    return options.style()


def fallback_direction(value: str) -> object:
    params = {ImageEditing.SHADOW_MODE: "x", ImageEditing.SHADOW_DIRECTION_OVERRIDE: value}
    return shadow_options(params)


def fallback_size(value: str) -> object:
    return generative.preset_size(value)


def fallback_prompt_size(value: str) -> object:
    return generative.image_from_prompt_size(value)


def fallback_upscale(value: str) -> object:
    return generative.upscale(Image.new("RGB", (8, 8)), value)


TABLES: list[tuple[str, Mapping[str, Any], str, Callable[[str], object]]] = [
    ("SHADOW_PRESETS", compose.SHADOW_PRESETS, "shadow.mode", fallback_shadow),
    (
        "SHADOW_DIRECTIONS",
        compose.SHADOW_DIRECTIONS,
        "shadow.directionOverride",
        fallback_direction,
    ),
    ("SHADOW_SPREADS", compose.SHADOW_SPREADS, "shadow.spreadOverride", fallback_direction),
    ("SHADOW_POSES", compose.SHADOW_POSES, "shadow.subjectPoseOverride", fallback_direction),
    ("SIZE_PRESETS", generative.SIZE_PRESETS, "flatLay.size", fallback_size),
    ("SIZE_PRESETS", generative.SIZE_PRESETS, "virtualModel.size", fallback_size),
    (
        "IMAGE_FROM_PROMPT_SIZES",
        generative.IMAGE_FROM_PROMPT_SIZES,
        "imageFromPrompt.size",
        fallback_prompt_size,
    ),
    ("QUALITY_SCALE", generative.QUALITY_SCALE, "virtualModel.quality", fallback_size),
    ("UPSCALE_INPUT_PIXELS", generative.UPSCALE_INPUT_PIXELS, "upscale.mode", fallback_upscale),
]


@pytest.mark.parametrize(
    ("name", "table", "wire", "fallback"), TABLES, ids=[row[0] for row in TABLES]
)
def test_each_table_names_only_values_of_the_spec_and_falls_back_for_the_rest(
    name: str, table: Mapping[str, Any], wire: str, fallback: Callable[[str], object]
) -> None:
    values = spec_values(wire)
    stale = sorted(set(table) - set(values))
    assert not stale, f"{name} has entries {wire} does not allow any more: {stale}"
    missing = [value for value in values if value not in table]
    if missing:
        warnings.warn(f"{wire}: no dedicated behaviour for {missing} (fallback used)", stacklevel=1)
    for value in [*missing, "a-value-upstream-adds-tomorrow"]:
        if name == "QUALITY_SCALE":
            assert generative.preset_size("SQUARE_HD", value) is not None
        else:
            assert fallback(value) is not None or name.startswith("SHADOW_")
