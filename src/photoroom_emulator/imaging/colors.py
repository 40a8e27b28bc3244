"""Colour parameters as the API accepts them: hex (``#`` optional), CSS names, transparent."""

from __future__ import annotations

import re
from typing import Final

from PIL import ImageColor

from .errors import ColorError

RGBA = tuple[int, int, int, int]

TRANSPARENT: RGBA = (0, 0, 0, 0)

_HEX = re.compile(r"#?([0-9a-f]{3}|[0-9a-f]{4}|[0-9a-f]{6}|[0-9a-f]{8})")


#: CSS colour keywords that are not in Pillow's list of names (CSS Color Module Level 4).
KEYWORDS: Final[dict[str, RGBA]] = {"transparent": TRANSPARENT}


def parse_color(text: str, *, parameter: str = "color") -> RGBA:
    """Parse ``FF0000``, ``#F00``, ``FF0000EE``, ``F00E``, ``red`` or ``transparent`` into RGBA.

    Hex is tried before names so ``ADD`` means a colour code, as the API's examples read. Names are
    the CSS/HTML list Pillow knows; functional forms like ``rgb(...)`` are refused because the API
    does not document them.
    """
    value = text.strip().lower()
    if value in KEYWORDS:
        return KEYWORDS[value]
    match = _HEX.fullmatch(value)
    if match:
        digits = match.group(1)
        if len(digits) in (3, 4):
            digits = "".join(ch * 2 for ch in digits)
        if len(digits) == 6:
            digits += "ff"
        r, g, b, a = (int(digits[i : i + 2], 16) for i in range(0, 8, 2))
        return (r, g, b, a)
    if value in ImageColor.colormap:
        r, g, b = ImageColor.getrgb(value)[:3]
        return (r, g, b, 255)
    raise ColorError(
        f"{parameter}: {text!r} is not a valid colour "
        "(expected a hex colour like FF0000 or FF0000EE, a colour name like red, or transparent)"
    )
