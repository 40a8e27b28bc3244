"""Synthetic inputs made at run time, so no large file is ever committed.

A "product shot" is what the Photoroom API is built for and what the emulator's segmentation
expects: one object (a bottle with a cap) on a smooth studio backdrop (vertical gradient plus
vignette) with a soft contact shadow, and sensor-like noise so JPEG sizes are realistic.
"""

from __future__ import annotations

import io
import math
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter


def product_shot(width: int, height: int, *, noise: float = 4.0, seed: int = 0) -> Image.Image:
    """An RGB photo of a bottle on a light studio background."""
    rng = np.random.default_rng(seed)
    ys = np.linspace(0.0, 1.0, height, dtype=np.float32)[:, None]
    xs = np.linspace(-1.0, 1.0, width, dtype=np.float32)[None, :]
    vignette = 1.0 - 0.08 * (xs**2 + (ys * 2 - 1) ** 2)
    level = (235.0 - 25.0 * ys) * vignette  # lighter at the top, like a sweep
    backdrop = np.repeat(level[..., None], 3, axis=2) * np.array([1.0, 0.99, 0.97], np.float32)
    photo = Image.fromarray(np.clip(backdrop, 0, 255).astype(np.uint8), "RGB")

    # Soft contact shadow under the bottle.
    cx, base_y = width / 2, height * 0.86
    body_w, body_h = width * 0.22, height * 0.52
    shadow = Image.new("L", (width, height), 0)
    ImageDraw.Draw(shadow).ellipse(
        (cx - body_w * 0.7, base_y - height * 0.03, cx + body_w * 0.7, base_y + height * 0.03),
        fill=110,
    )
    shadow = shadow.filter(ImageFilter.GaussianBlur(max(1.0, height * 0.015)))
    photo.paste((60, 55, 50), mask=shadow)

    # The bottle: a rounded body, a neck and a cap, shaded left to right.
    subject = Image.new("L", (width, height), 0)
    draw = ImageDraw.Draw(subject)
    radius = int(body_w * 0.25)
    draw.rounded_rectangle(
        (cx - body_w / 2, base_y - body_h, cx + body_w / 2, base_y), radius=radius, fill=255
    )
    neck_w = body_w * 0.35
    draw.rectangle((cx - neck_w / 2, base_y - body_h * 1.3, cx + neck_w / 2, base_y - body_h), 255)
    across = (np.arange(width, dtype=np.float32) - cx) / (body_w / 2)
    shade = np.clip(0.55 + 0.45 * np.cos(np.clip(across, -1, 1) * math.pi / 2 + 0.4), 0, 1)
    colour = np.stack([40 + 170 * shade, 90 + 60 * shade, 150 + 90 * shade], axis=-1)
    body = Image.fromarray(np.broadcast_to(colour, (height, width, 3)).astype(np.uint8), "RGB")
    photo.paste(body, mask=subject)
    cap = (cx - neck_w * 0.6, base_y - body_h * 1.42, cx + neck_w * 0.6, base_y - body_h * 1.28)
    ImageDraw.Draw(photo).rectangle(cap, fill=(30, 30, 32))

    if noise > 0:
        pixels = np.asarray(photo, dtype=np.float32)
        pixels += rng.standard_normal(pixels.shape, dtype=np.float32) * noise
        photo = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), "RGB")
    return photo


def jpeg_bytes(image: Image.Image, quality: int = 90, *, subsampling: int = 2) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality, subsampling=subsampling)
    return buffer.getvalue()


def jpeg_of_size(
    target_bytes: int,
    *,
    noise: float,
    quality: int,
    bytes_per_pixel: float,
    aspect: float = 4 / 3,
    max_side: int = 6000,
    subsampling: int = 2,
    max_bytes: int | None = None,
) -> bytes:
    """A product-shot JPEG of about ``target_bytes`` (within ~8 %, never above ``max_bytes``):
    pixels are scaled until the size fits, since with i.i.d. noise the bytes per pixel barely
    depend on the pixel count."""
    pixels = max(64 * 48, target_bytes / bytes_per_pixel)
    data = b""
    for _ in range(5):
        height = max(48, min(round(math.sqrt(pixels / aspect)), int(max_side / aspect)))
        width = max(64, round(height * aspect))
        data = jpeg_bytes(
            product_shot(width, height, noise=noise), quality, subsampling=subsampling
        )
        fits = max_bytes is None or len(data) <= max_bytes
        if fits and abs(len(data) - target_bytes) <= target_bytes * 0.08:
            break
        pixels = width * height * target_bytes / len(data)
    return data


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def one_megabyte_jpeg(scale: float = 1.0) -> bytes:
    """A ~1 MB (times ``scale``) everyday phone-photo-like JPEG."""
    return jpeg_of_size(
        max(4_000, round(1_000_000 * scale)), noise=5.0, quality=90, bytes_per_pixel=0.18
    )


def thirty_megabyte_jpeg(scale: float = 1.0) -> bytes:
    """A ~30 MB (times ``scale``) JPEG: heavy noise at quality 100, 4:4:4, under the 30 MiB,
    36 MP and 6000 px limits of ``/v2/edit``."""
    return jpeg_of_size(
        max(20_000, round(30_000_000 * scale)),
        noise=24.0,
        quality=100,
        subsampling=0,
        bytes_per_pixel=3.0,
        max_bytes=30 * 1024 * 1024,
    )


def twelve_megapixel_jpeg(scale: float = 1.0) -> bytes:
    """A 4000 x 3000 (12 MP, times ``scale`` in pixels) product shot at quality 90."""
    factor = math.sqrt(scale)
    width, height = max(64, round(4000 * factor)), max(48, round(3000 * factor))
    return jpeg_bytes(product_shot(width, height, noise=4.0), 90)
