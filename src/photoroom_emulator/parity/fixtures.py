"""The input files the catalogue sends, drawn on the fly (nothing binary is committed).

``product.png`` / ``product.jpg``: a red box on a light backdrop, a product shot any background
remover separates cleanly. ``notes.txt``: a text file posing as an image. ``oversize.png``: one
pixel wider than the operation's ``max-side`` limit and only 8 pixels high, so that it is refused
for its size while weighing a few kilobytes.
"""

from __future__ import annotations

import io
from functools import cache
from typing import Final

from PIL import Image, ImageDraw

from .spec_facts import Operation

PRODUCT_SIZE: Final = (320, 240)
OVERSIZE_HEIGHT: Final = 8
MEDIA_TYPES: Final = {".png": "image/png", ".jpg": "image/jpeg", ".txt": "text/plain"}


class UnknownFixture(LookupError):
    """The catalogue names a file this module does not draw."""


def fixture(name: str, operation: Operation) -> tuple[str, bytes, str]:
    """``(file name, bytes, media type)`` of the fixture ``name`` for ``operation``."""
    suffix = name[name.rfind(".") :]
    if name == "oversize.png":
        if operation.max_side is None:
            raise UnknownFixture(f"{operation.operation_id} declares no max-side limit")
        return name, _oversize(operation.max_side), MEDIA_TYPES[suffix]
    if name == "notes.txt":
        return name, b"This is a text file, not an image.\n", MEDIA_TYPES[suffix]
    if name in ("product.png", "product.jpg"):
        return name, _product("PNG" if suffix == ".png" else "JPEG"), MEDIA_TYPES[suffix]
    raise UnknownFixture(f"no fixture named {name!r}")


@cache
def _product(pil_format: str) -> bytes:
    width, height = PRODUCT_SIZE
    image = Image.new("RGB", PRODUCT_SIZE, (242, 242, 240))
    ImageDraw.Draw(image).rounded_rectangle(
        (width * 0.3, height * 0.25, width * 0.7, height * 0.8), radius=8, fill=(200, 30, 40)
    )
    buffer = io.BytesIO()
    image.save(buffer, format=pil_format, **({"quality": 90} if pil_format == "JPEG" else {}))
    return buffer.getvalue()


@cache
def _oversize(max_side: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (max_side + 1, OVERSIZE_HEIGHT), (200, 30, 40)).save(buffer, format="PNG")
    return buffer.getvalue()
