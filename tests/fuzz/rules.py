"""Turn schema-valid parameters into parameters the API accepts, so positive cases go deep.

The spec cannot express everything: images must be real images, URLs must answer, and a few
rules live in prose only (upstream descriptions; the emulator's ``check_edit_rules`` enforces
them). A positive case that breaks one of those is answered 400 and never reaches the imaging
code. :func:`make_acceptable` rewrites such a case, staying inside the schema (it only replaces
values with other schema-valid values and drops optional parameters), so the case is still a
positive one. Every rule below names its source:

- binary fields get a real PNG/JPEG/WebP from :mod:`tests.fuzz.images`; image URL fields
  (``imageUrl``, ``*.imageUrl``, ``conceptUrl``, GET ``virtualModel.additionalProductImages``)
  point at the local image server (spec: the input must be an image);
- /v2/edit needs exactly one input image, the main one or ``imageFromPrompt.prompt``; ``scaling``
  only with an input image (spec descriptions of ``imageUrl``/``imageFile``/``scaling``);
- at most one of ``background.imageUrl``/``background.imageFile``/``background.prompt``; no image
  background, guidance, ``referenceBox`` or ``ignorePaddingAndSnapOnCroppedSides`` with
  ``removeBackground=false``; ``background.scaling`` only with a background image (spec
  descriptions of those fields);
- ``virtualModel.model``/``.scene``: one of preset, custom URL, custom file (upstream anyOf);
- ``maxWidth``/``maxHeight`` only with ``outputSize`` originalImage/croppedSubject (spec), and
  >= 1 px;
- colours (``background.color``, ``outline.color``, ``bg_color``) are hex or CSS names (spec
  descriptions; the schema says only ``type: string``);
- a picture from ``imageFromPrompt`` (0.6-1 MP) is upscaled only with
  ``upscale.downscaleIfNeeded`` (spec: AI Upscale takes at most 1 MP fast, 0.26 MP slow);
- ``shadow.directionOverride`` in degrees 0..360, ``shadow.spreadOverride`` and
  ``shadow.subjectPoseOverride`` 0..90 (spec descriptions; the number branches are unbounded);
- sizes stay small so a case costs milliseconds: ``outputSize`` WxH within 8..512 (the pattern
  allows ``0x0`` and 36 MP+, which the API refuses), ``maxWidth``/``maxHeight`` <= 512;
- ``px`` paddings/margins are absolute, so they need room: at most 6 px a side, and then the
  main image and any ``outputSize``/``maxWidth``/``maxHeight`` are at least 64 px a side, and
  with ``outputSize=croppedSubject`` (as small as the subject) they are 0 px (ratios and
  percentages are below 50 % by the schema and always leave room).
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Mapping
from typing import Any, Final

from PIL import ImageColor

from .images import Sample, samples

MAX_SIDE: Final = 512
MIN_SIDE: Final = 8
MAX_PX: Final = 6
ROOMY_SIDE: Final = 64

BACKGROUNDS: Final = ("background.imageUrl", "background.imageFile", "background.prompt")
BACKGROUND_IMAGES: Final = ("background.imageUrl", "background.imageFile")
NOT_WITHOUT_REMOVAL: Final = (
    "background.imageUrl",
    "background.imageFile",
    "background.guidance.imageUrl",
    "background.guidance.imageFile",
    "ignorePaddingAndSnapOnCroppedSides",
    "referenceBox",
)
MAX_SIZE_NEEDS: Final = ("originalImage", "croppedSubject")
SPACINGS: Final = tuple(
    f"{kind}{side}"
    for kind in ("padding", "margin")
    for side in ("", "Left", "Right", "Top", "Bottom")
)
PRODUCT_IMAGES: Final = "virtualModel.additionalProductImages"
COLOURS: Final = ("background.color", "outline.color", "bg_color")
# Valid spellings, for colours the generator made up: every hex length, with and without `#`.
SOME_COLOURS: Final = (
    "FF0000",
    "#00ff00",
    "00F",
    "#0000FF80",
    "FFFA",
    "white",
    "Teal",
    "transparent",
)

# Degrees the shadow overrides take (spec descriptions of the presets and their angles).
ANGLES: Final = {
    "shadow.directionOverride": 360.0,
    "shadow.spreadOverride": 90.0,
    "shadow.subjectPoseOverride": 90.0,
}

_SIZE: Final = re.compile(r"(\d+)x(\d+)")
_PX: Final = re.compile(r"(\d+)px")
_HEX: Final = re.compile(r"#?([0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})")

Params = dict[str, Any]


def is_url_field(name: str) -> bool:
    return name.endswith("imageUrl") or name == "conceptUrl"


def is_colour(value: Any) -> bool:
    text = str(value).strip().lower()
    return text == "transparent" or bool(_HEX.fullmatch(text)) or text in ImageColor.colormap


def make_acceptable(
    path: str,
    method: str,
    params: Mapping[str, Any],
    binary_fields: frozenset[str],
    *,
    rng: random.Random,
    image_base: str,
) -> Params:
    """A copy of ``params`` (query or multipart fields of ``method path``) the API accepts.

    ``binary_fields`` names the fields the operation declares as files (arrays included).
    """
    out = dict(params)
    images = _Images(rng, image_base)
    for name in list(out):
        if name in COLOURS and not is_colour(out[name]):
            out[name] = rng.choice(SOME_COLOURS)
        elif name in binary_fields:
            out[name] = images.files(out[name])
        elif is_url_field(name) or (name == PRODUCT_IMAGES and method == "GET"):
            out[name] = images.urls(out[name])
    if path == "/v2/edit":
        main = "imageUrl" if method == "GET" else "imageFile"
        _edit_rules(out, main, images, rng)
    elif path == "/v1/render" and "imageUrl" not in out and "imageFile" not in out:
        if method == "GET":
            out.setdefault("imageUrl", images.url())
        else:
            out["imageFile"] = images.file()
    return out


class _Images:
    """Picks samples with the case's own random generator, so a seed replays the same files."""

    def __init__(self, rng: random.Random, base: str) -> None:
        self._rng, self._base = rng, base

    def sample(self, min_side: int = 0) -> Sample:
        return self._rng.choice([s for s in samples() if min(s.size) >= min_side])

    def file(self, min_side: int = 0) -> bytes:
        return self.sample(min_side).data

    def url(self, min_side: int = 0) -> str:
        return self._base + self.sample(min_side).name

    def files(self, current: Any) -> bytes | list[bytes]:
        if isinstance(current, list):
            return [self.file() for _ in range(min(max(len(current), 1), 4))]
        return self.file()

    def urls(self, current: Any) -> str | list[str]:
        if isinstance(current, list):
            return [self.url() for _ in range(min(max(len(current), 1), 4))]
        return self.url()


def _edit_rules(out: Params, main: str, images: _Images, rng: random.Random) -> None:
    """/v2/edit: ``main`` is its input image field (``imageUrl`` on GET, ``imageFile`` on POST)."""
    _one_input(out, main, images)
    _exclusive_options(out, rng)
    for name, top in ANGLES.items():
        angle = _as_number(out.get(name))
        if angle is not None and not 0 <= angle <= top:
            out[name] = abs(angle) % top
    _sizes(out, main, images)


def _one_input(out: Params, main: str, images: _Images) -> None:
    if main in out:
        out.pop("imageFromPrompt.prompt", None)
    elif "imageFromPrompt.prompt" not in out:
        out[main] = images.file() if main == "imageFile" else images.url()
    if main not in out:  # a generated picture
        out.pop("scaling", None)
        if "upscale.mode" in out and out.get("upscale.downscaleIfNeeded") in (None, "never"):
            out["upscale.downscaleIfNeeded"] = "always"


def _exclusive_options(out: Params, rng: random.Random) -> None:
    _keep_one(out, [name for name in BACKGROUNDS if name in out], rng)
    if _is_false(out.get("removeBackground")):
        for name in NOT_WITHOUT_REMOVAL:
            out.pop(name, None)
    if not any(name in out for name in BACKGROUND_IMAGES):
        out.pop("background.scaling", None)
    for group in ("virtualModel.model", "virtualModel.scene"):
        _keep_one(out, [name for name in out if name.startswith(group + ".")], rng)


def _sizes(out: Params, main: str, images: _Images) -> None:
    roomy = False
    for name in SPACINGS:
        if px := _PX.fullmatch(str(out.get(name, ""))):
            cropped = out.get("outputSize") == "croppedSubject"
            out[name] = "0px" if cropped else f"{int(px.group(1)) % (MAX_PX + 1)}px"
            roomy = not cropped
    low = ROOMY_SIDE if roomy else MIN_SIDE
    if roomy and main in out:
        out[main] = images.file(low) if main == "imageFile" else images.url(low)
    if size := _SIZE.fullmatch(str(out.get("outputSize", ""))):
        width, height = (_clamp(int(side), low, MAX_SIDE) for side in size.groups())
        out["outputSize"] = f"{width}x{height}"
    for name in ("maxWidth", "maxHeight"):
        if name not in out:
            continue
        if out.get("outputSize") not in MAX_SIZE_NEEDS:
            del out[name]
        else:
            out[name] = _clamp(int(_number(out[name])), low if roomy else 1, MAX_SIDE)


def _keep_one(out: Params, names: list[str], rng: random.Random) -> None:
    if len(names) > 1:
        keep = rng.choice(names)
        for name in names:
            if name != keep:
                del out[name]


def _is_false(value: Any) -> bool:
    return value is False or (isinstance(value, str) and value.lower() == "false")


def _as_number(value: Any) -> float | None:
    """The number a parameter holds (numbers and numerals), or None for words like ``left``."""
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _number(value: Any) -> float:
    number = _as_number(value)
    return 1.0 if number is None else number


def _clamp(value: int, low: int, high: int) -> int:
    return max(low, min(high, value))
