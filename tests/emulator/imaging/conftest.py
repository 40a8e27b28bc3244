"""Shared helpers for the imaging tests: sample photos, synthetic product shots with known masks."""

from __future__ import annotations

import io
import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest
from numpy.typing import NDArray
from PIL import Image, ImageDraw, ImageFilter

IMAGES = Path(__file__).resolve().parents[2] / "data" / "images"

SUPERSAMPLE = 4


@pytest.fixture
def coffee() -> Image.Image:
    return Image.open(IMAGES / "coffee.png").convert("RGB")


@pytest.fixture
def astronaut() -> Image.Image:
    return Image.open(IMAGES / "astronaut.png").convert("RGB")


@pytest.fixture
def logo() -> Image.Image:
    return Image.open(IMAGES / "logo.png")


@pytest.fixture
def text_image() -> Image.Image:
    return Image.open(IMAGES / "text.png")


@pytest.fixture
def sample_bytes() -> Callable[[str], bytes]:
    """Helper fixture: ``sample_bytes("logo.png")`` reads a sample photo as uploaded."""
    return lambda name: (IMAGES / name).read_bytes()


Encoder = Callable[..., bytes]


def encoded(image: Image.Image, format: str = "PNG", **params: object) -> bytes:
    """``image`` saved by Pillow in ``format``: an upload as a client would send it."""
    buffer = io.BytesIO()
    image.save(buffer, format=format, **params)
    return buffer.getvalue()


@pytest.fixture
def to_bytes() -> Encoder:
    """Helper fixture: ``to_bytes(image, "JPEG", quality=80) -> bytes`` (PNG by default)."""
    return encoded


def pixel(image: Image.Image, xy: tuple[int, int]) -> tuple[int, ...]:
    """``image.getpixel`` for multi-band images, typed as the tuple it returns."""
    value = image.getpixel(xy)
    assert isinstance(value, tuple)
    return value


def iou(alpha: NDArray[np.floating], truth: NDArray[np.bool_]) -> float:
    """Intersection over union of a soft mask (cut at 0.5) and a boolean ground truth."""
    predicted = alpha >= 0.5
    union = np.count_nonzero(predicted | truth)
    return np.count_nonzero(predicted & truth) / union if union else 1.0


@pytest.fixture
def mask_iou() -> Callable[[NDArray[np.floating], NDArray[np.bool_]], float]:
    """Helper fixture: ``mask_iou(alpha, truth) -> float``."""
    return iou


# --- synthetic product shots -------------------------------------------------------------------

Drawer = Callable[[ImageDraw.ImageDraw, int, int], None]


@dataclass(frozen=True)
class ProductShot:
    """A rendered scene and the exact silhouette of its product (shadows are background)."""

    name: str
    image: Image.Image
    mask: NDArray[np.bool_]


@dataclass(frozen=True)
class Scene:
    name: str
    size: tuple[int, int]
    background: str  # plain | vertical | radial | horizontal
    bg_colors: tuple[tuple[int, int, int], tuple[int, int, int]]
    shape: Drawer
    colors: tuple[tuple[int, int, int], ...]  # first is the body; extra ones are drawn by shape
    noise: float = 2.0
    shadow: float = 0.0  # darkening of the contact shadow's core, 0..1
    shading: float = 0.12  # left-to-right lighting falloff across the product
    highlight: bool = False


def _ellipse(cx: float, cy: float, rx: float, ry: float) -> Drawer:
    def draw(d: ImageDraw.ImageDraw, w: int, h: int) -> None:
        d.ellipse((w * (cx - rx), h * (cy - ry), w * (cx + rx), h * (cy + ry)), fill=255)

    return draw


def _rounded(x0: float, y0: float, x1: float, y1: float, radius: float) -> Drawer:
    def draw(d: ImageDraw.ImageDraw, w: int, h: int) -> None:
        d.rounded_rectangle((w * x0, h * y0, w * x1, h * y1), radius=radius * min(w, h), fill=255)

    return draw


def _polygon(points: list[tuple[float, float]]) -> Drawer:
    def draw(d: ImageDraw.ImageDraw, w: int, h: int) -> None:
        d.polygon([(x * w, y * h) for x, y in points], fill=255)

    return draw


def _bottle(cx: float, top: float, bottom: float, half_width: float) -> Drawer:
    def draw(d: ImageDraw.ImageDraw, w: int, h: int) -> None:
        body_top = top + (bottom - top) * 0.38
        neck = half_width * 0.38
        r = half_width * w * 0.6
        d.rounded_rectangle(
            (w * (cx - half_width), h * body_top, w * (cx + half_width), h * bottom), r, fill=255
        )
        d.polygon(
            [
                (w * (cx - half_width), h * body_top + r),
                (w * (cx - neck), h * (top + (bottom - top) * 0.2)),
                (w * (cx + neck), h * (top + (bottom - top) * 0.2)),
                (w * (cx + half_width), h * body_top + r),
            ],
            fill=255,
        )
        d.rectangle((w * (cx - neck), h * top, w * (cx + neck), h * body_top), fill=255)
        d.rounded_rectangle(
            (w * (cx - neck * 1.15), h * top, w * (cx + neck * 1.15), h * (top + 0.05)),
            radius=3,
            fill=255,
        )

    return draw


def _union(*drawers: Drawer) -> Drawer:
    def draw(d: ImageDraw.ImageDraw, w: int, h: int) -> None:
        for drawer in drawers:
            drawer(d, w, h)

    return draw


def _ring(cx: float, cy: float, outer: float, inner: float) -> Drawer:
    def draw(d: ImageDraw.ImageDraw, w: int, h: int) -> None:
        s = min(w, h)
        d.ellipse(
            (w * cx - outer * s, h * cy - outer * s, w * cx + outer * s, h * cy + outer * s), 255
        )
        d.ellipse(
            (w * cx - inner * s, h * cy - inner * s, w * cx + inner * s, h * cy + inner * s), 0
        )

    return draw


def _mug(cx: float, cy: float) -> Drawer:
    """A mug body with a handle whose opening shows the background."""

    def draw(d: ImageDraw.ImageDraw, w: int, h: int) -> None:
        s = min(w, h)
        bw, bh = 0.22 * s, 0.30 * s
        x0, y0 = w * cx - bw, h * cy - bh
        d.rounded_rectangle((x0, y0, x0 + 2 * bw, y0 + 2 * bh), radius=0.04 * s, fill=255)
        hx = x0 + 2 * bw - 0.02 * s
        d.ellipse((hx - 0.10 * s, h * cy - 0.14 * s, hx + 0.16 * s, h * cy + 0.14 * s), fill=255)
        d.ellipse((hx - 0.02 * s, h * cy - 0.07 * s, hx + 0.09 * s, h * cy + 0.07 * s), fill=0)
        d.rounded_rectangle((x0, y0, x0 + 2 * bw, y0 + 2 * bh), radius=0.04 * s, fill=255)

    return draw


SCENES: tuple[Scene, ...] = (
    Scene(
        "red ellipse on white",
        (400, 300),
        "plain",
        ((250, 250, 250),) * 2,
        _ellipse(0.5, 0.5, 0.3, 0.32),
        ((200, 30, 40),),
    ),
    Scene(
        "blue rounded box on light grey",
        (600, 600),
        "plain",
        ((225, 225, 228),) * 2,
        _rounded(0.22, 0.3, 0.78, 0.8, 0.06),
        ((40, 70, 170),),
        shadow=0.25,
    ),
    Scene(
        "green bottle on white with shadow",
        (500, 800),
        "plain",
        ((252, 252, 252),) * 2,
        _bottle(0.5, 0.12, 0.86, 0.17),
        ((30, 110, 60),),
        shadow=0.3,
        highlight=True,
    ),
    Scene(
        "yellow polygon on teal",
        (800, 600),
        "plain",
        ((40, 120, 130),) * 2,
        _polygon([(0.2, 0.3), (0.55, 0.15), (0.8, 0.4), (0.7, 0.82), (0.35, 0.75), (0.25, 0.55)]),
        ((235, 200, 50),),
    ),
    Scene(
        "low-contrast beige ellipse on off-white",
        (600, 400),
        "plain",
        ((242, 238, 230),) * 2,
        _ellipse(0.5, 0.52, 0.26, 0.3),
        ((222, 205, 180),),
        noise=1.5,
        shading=0.05,
    ),
    Scene(
        "dark box on studio sweep with shadow",
        (1000, 750),
        "vertical",
        ((245, 245, 245), (175, 175, 180)),
        _rounded(0.33, 0.25, 0.67, 0.78, 0.03),
        ((45, 45, 55),),
        shadow=0.35,
    ),
    Scene(
        "orange bottle on vignette",
        (700, 700),
        "radial",
        ((235, 230, 225), (170, 165, 160)),
        _bottle(0.5, 0.1, 0.9, 0.16),
        ((230, 110, 20),),
        shadow=0.2,
    ),
    Scene(
        "purple polygon on noisy grey",
        (1200, 900),
        "plain",
        ((160, 160, 160),) * 2,
        _polygon([(0.3, 0.2), (0.7, 0.25), (0.75, 0.7), (0.5, 0.85), (0.22, 0.62)]),
        ((120, 50, 150),),
        noise=6.0,
    ),
    Scene(
        "black ellipse on large white with shadow",
        (1500, 1000),
        "plain",
        ((250, 250, 250),) * 2,
        _ellipse(0.5, 0.45, 0.2, 0.3),
        ((25, 25, 28),),
        shadow=0.3,
    ),
    Scene(
        "pale blue ring on pink",
        (700, 500),
        "plain",
        ((240, 200, 210),) * 2,
        _ring(0.5, 0.5, 0.36, 0.17),
        ((150, 190, 235),),
    ),
    Scene(
        "small red box on horizontal gradient",
        (300, 300),
        "horizontal",
        ((90, 150, 220), (30, 60, 140)),
        _rounded(0.4, 0.4, 0.62, 0.65, 0.05),
        ((220, 40, 40),),
    ),
    Scene(
        "white mug with handle on grey",
        (900, 700),
        "plain",
        ((200, 200, 204),) * 2,
        _mug(0.45, 0.5),
        ((246, 246, 246),),
        shadow=0.2,
    ),
    Scene(
        "product cut by the bottom border",
        (800, 600),
        "plain",
        ((248, 248, 248),) * 2,
        _rounded(0.3, 0.35, 0.7, 1.1, 0.05),
        ((170, 40, 120),),
    ),
    # Harder cases: contrast of a few Lab units, heavy noise, dark shadows, crowded frames.
    Scene(
        "very low-contrast grey on grey",
        (600, 450),
        "plain",
        ((200, 200, 200),) * 2,
        _ellipse(0.5, 0.5, 0.25, 0.3),
        ((185, 185, 190),),
        shading=0.03,
    ),
    Scene(
        "brown box under heavy noise",
        (800, 600),
        "plain",
        ((150, 160, 170),) * 2,
        _rounded(0.3, 0.3, 0.7, 0.7, 0.05),
        ((110, 60, 50),),
        noise=12.0,
    ),
    Scene(
        "blue bottle with a dark shadow",
        (800, 600),
        "plain",
        ((250, 250, 250),) * 2,
        _bottle(0.5, 0.1, 0.8, 0.15),
        ((40, 80, 160),),
        shadow=0.55,
    ),
    Scene(
        "white box on white",
        (800, 600),
        "plain",
        ((252, 252, 252),) * 2,
        _rounded(0.3, 0.25, 0.7, 0.8, 0.05),
        ((236, 236, 236),),
        shading=0.05,
    ),
    Scene(
        "mid-grey ellipse with shadow",
        (800, 600),
        "plain",
        ((245, 245, 245),) * 2,
        _ellipse(0.5, 0.45, 0.2, 0.3),
        ((140, 140, 140),),
        shadow=0.4,
    ),
    Scene(
        "product filling the frame",
        (800, 600),
        "plain",
        ((240, 240, 240),) * 2,
        _rounded(0.08, 0.1, 0.92, 0.92, 0.05),
        ((30, 120, 200),),
    ),
    Scene(
        "two products side by side",
        (900, 600),
        "plain",
        ((245, 245, 245),) * 2,
        _union(_rounded(0.1, 0.3, 0.4, 0.8, 0.04), _ellipse(0.7, 0.55, 0.15, 0.25)),
        ((200, 50, 50),),
    ),
)


def _background(scene: Scene) -> NDArray[np.float32]:
    width, height = scene.size
    first = np.array(scene.bg_colors[0], dtype=np.float32)
    second = np.array(scene.bg_colors[1], dtype=np.float32)
    xs = np.arange(width, dtype=np.float32)[None, :]
    ys = np.arange(height, dtype=np.float32)[:, None]
    if scene.background == "vertical":
        t = np.broadcast_to((ys / (height - 1)) ** 1.5, (height, width))
    elif scene.background == "horizontal":
        t = np.broadcast_to(xs / (width - 1), (height, width))
    elif scene.background == "radial":
        t = np.hypot(xs / width - 0.5, ys / height - 0.5) / math.hypot(0.5, 0.5)
    else:
        return np.broadcast_to(first, (height, width, 3)).copy()
    return (first + (second - first) * t[..., None]).astype(np.float32)


def render(scene: Scene, seed: int = 0) -> ProductShot:
    """Render ``scene``: anti-aliased product, lighting falloff, contact shadow, sensor noise."""
    width, height = scene.size
    # Supersample for anti-aliased edges; at 12 MP a one-pixel stair is invisible, skip the cost.
    factor = SUPERSAMPLE if width * height <= 2_000_000 else 1
    big = Image.new("L", (width * factor, height * factor), 0)
    scene.shape(ImageDraw.Draw(big), width * factor, height * factor)
    coverage = np.asarray(big.resize((width, height), Image.Resampling.BOX), dtype=np.float32)
    coverage /= 255
    truth = coverage >= 0.5

    pixels = _background(scene)
    ys, xs = np.nonzero(truth)
    top, bottom, left, right = ys.min(), ys.max(), xs.min(), xs.max()

    if scene.shadow:
        shadow = Image.new("L", (width, height), 0)
        span = float(right - left)
        ImageDraw.Draw(shadow).ellipse(
            (left - 0.05 * span, bottom - 0.04 * span, right + 0.05 * span, bottom + 0.05 * span),
            fill=255,
        )
        blurred = shadow.filter(ImageFilter.GaussianBlur(max(2.0, 0.04 * span)))
        darkening = np.asarray(blurred, dtype=np.float32) * np.float32(scene.shadow / 255)
        pixels *= 1 - darkening[..., None]

    body = np.array(scene.colors[0], dtype=np.float32)
    position = (np.arange(width, dtype=np.float32) - left) / max(1, right - left)
    falloff = np.clip(1 - scene.shading * position, 0.6, 1.1).astype(np.float32)
    product = np.broadcast_to(body * falloff[None, :, None], (height, width, 3)).copy()
    if scene.highlight:
        cx, cy = (left + right) / 2 - 0.2 * (right - left), (top + bottom) / 2
        glow = np.exp(
            -(((np.arange(width)[None, :] - cx) / (0.05 * (right - left))) ** 2)
            - ((np.arange(height)[:, None] - cy) / (0.25 * (bottom - top))) ** 2
        ).astype(np.float32)
        product += (255 - product) * 0.55 * glow[..., None]

    cover = coverage[..., None]
    pixels = (pixels * (1 - cover) + product * cover).astype(np.float32)
    rng = np.random.default_rng(seed)
    pixels += rng.standard_normal(pixels.shape, dtype=np.float32) * np.float32(scene.noise)
    image = Image.fromarray(np.clip(np.rint(pixels), 0, 255).astype(np.uint8))
    return ProductShot(scene.name, image, truth)


@pytest.fixture(scope="session")
def product_shots() -> list[ProductShot]:
    """The synthetic set, rendered once per session (noise seeded by position: reproducible)."""
    return [render(scene, seed) for seed, scene in enumerate(SCENES)]


@pytest.fixture(scope="session")
def twelve_megapixel_shot() -> ProductShot:
    """A 4000x3000 bottle on a studio sweep, for the one timing print of the suite.

    Rendered at 1000x750 and enlarged 4x (a slightly soft photo, like a real one at 100 %), then
    given fresh sensor noise: rendering 12 MP directly would cost more than segmenting it.
    """
    scene = Scene(
        "12 MP bottle on a studio sweep",
        (1000, 750),
        "vertical",
        ((245, 245, 245), (190, 190, 195)),
        _bottle(0.5, 0.15, 0.85, 0.12),
        ((30, 110, 60),),
        noise=0.0,
        shadow=0.3,
    )
    small = render(scene, seed=3)
    size = (4000, 3000)
    image = small.image.resize(size, Image.Resampling.BILINEAR)
    coverage = Image.fromarray(small.mask.astype(np.uint8) * 255).resize(
        size, Image.Resampling.BILINEAR
    )
    grain = np.random.default_rng(3).integers(-3, 4, (750, 1000, 3), dtype=np.int16)
    noisy = np.asarray(image, dtype=np.int16) + np.tile(grain, (4, 4, 1))
    photo = Image.fromarray(np.clip(noisy, 0, 255).astype(np.uint8))
    return ProductShot(scene.name, photo, np.asarray(coverage) >= 128)
