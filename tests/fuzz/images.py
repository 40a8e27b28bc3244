"""Small real images for fuzzing: every binary field and image URL gets one of these.

Schemathesis fills ``format: binary`` with a few bytes or a 1x1 file, which the emulator rightly
refuses or barely exercises. These samples are small (8-256 px, so a case costs milliseconds) but
real: PNG, JPEG and WebP; RGB, RGBA (with and without transparent pixels) and L; a synthetic
product shot (a subject on a plain backdrop, so segmentation has something to find) and the
repository's sample photos scaled down. The set is deterministic, so a seed replays a run.
"""

from __future__ import annotations

import io
import mimetypes
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Final

from PIL import Image, ImageDraw

PHOTOS: Final = Path(__file__).resolve().parents[1] / "data" / "images"

MEDIA_TYPES: Final = {"PNG": "image/png", "JPEG": "image/jpeg", "WEBP": "image/webp"}
EXTENSIONS: Final = {
    name: (mimetypes.guess_extension(media_type) or ".bin").lstrip(".")
    for name, media_type in MEDIA_TYPES.items()
}

# (width, height, mode, format, with transparent pixels): sizes span the 8-256 px range, odd and
# non-square sizes included, and every format meets every mode it can store.
_SYNTHETIC: Final = (
    (8, 8, "RGB", "PNG", False),
    (17, 9, "RGBA", "PNG", True),
    (32, 32, "L", "PNG", False),
    (64, 48, "RGBA", "PNG", False),
    (100, 100, "RGB", "JPEG", False),
    (48, 96, "L", "JPEG", False),
    (128, 128, "RGB", "WEBP", False),
    (96, 64, "RGBA", "WEBP", True),
    (200, 120, "RGB", "PNG", False),
    (256, 256, "RGBA", "PNG", True),
    (150, 256, "RGB", "JPEG", False),
    (24, 40, "L", "WEBP", False),
)
_PHOTOS: Final = (
    ("coffee.png", "JPEG", 160),
    ("astronaut.png", "PNG", 128),
    ("logo.png", "WEBP", 96),
    ("text.png", "PNG", 200),
)


@dataclass(frozen=True)
class Sample:
    """One encoded test image and what a decoder should find in it."""

    name: str
    data: bytes
    format: str
    size: tuple[int, int]
    mode: str

    @property
    def media_type(self) -> str:
        return MEDIA_TYPES[self.format]


@cache
def samples() -> tuple[Sample, ...]:
    """The whole corpus, built once per process (about 30 ms)."""
    built = [_synthetic(*spec) for spec in _SYNTHETIC]
    built += [_photo(*spec) for spec in _PHOTOS]
    return tuple(built)


def by_name(name: str) -> Sample | None:
    return next((sample for sample in samples() if sample.name == name), None)


def encode(image: Image.Image, format: str) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=format, **({"quality": 85} if format != "PNG" else {}))
    return buffer.getvalue()


def _synthetic(width: int, height: int, mode: str, format: str, transparent: bool) -> Sample:
    """A product shot: an ellipse and a bar in saturated colours on a light backdrop."""
    image = Image.new("RGBA", (width, height), (236, 236, 230, 0 if transparent else 255))
    draw = ImageDraw.Draw(image)
    draw.ellipse((width * 0.25, height * 0.2, width * 0.75, height * 0.8), fill=(200, 40, 40, 255))
    draw.rectangle((width * 0.4, height * 0.55, width * 0.6, height * 0.9), fill=(30, 60, 180, 255))
    converted = image if mode == "RGBA" else image.convert(mode)
    name = f"shot-{width}x{height}-{mode.lower()}{'-alpha' if transparent else ''}"
    return _sample(f"{name}.{EXTENSIONS[format]}", converted, format)


def _photo(filename: str, format: str, side: int) -> Sample:
    """One of ``tests/data/images`` scaled so its longer side is ``side`` px."""
    with Image.open(PHOTOS / filename) as original:
        image = original.copy()
    image.thumbnail((side, side))
    if format == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    stem = filename.rsplit(".", 1)[0]
    return _sample(f"{stem}-{side}.{EXTENSIONS[format]}", image, format)


def _sample(name: str, image: Image.Image, format: str) -> Sample:
    data = encode(image, format)
    with Image.open(io.BytesIO(data)) as decoded:
        return Sample(name, data, format, decoded.size, decoded.mode)
