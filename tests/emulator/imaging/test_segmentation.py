"""Classical background removal on synthetic product shots with known masks, and on real photos."""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np
import pytest
from numpy.typing import NDArray
from PIL import Image

from photoroom_emulator.imaging import Box, CroppedSides, Mask, detect_person, segment

from .conftest import IMAGES, SCENES, ProductShot, pixel

IoU = Callable[[NDArray[np.floating], NDArray[np.bool_]], float]
MIN_IOU = 0.95


@pytest.fixture(scope="module")
def coffee_mask() -> Mask:
    return segment(Image.open(IMAGES / "coffee.png").convert("RGB"))


@pytest.fixture(scope="module")
def segmented(product_shots: list[ProductShot]) -> list[Mask]:
    return [segment(shot.image) for shot in product_shots]


@pytest.mark.parametrize("index", range(len(SCENES)), ids=[scene.name for scene in SCENES])
def test_cutout_matches_the_product_silhouette(
    index: int, product_shots: list[ProductShot], segmented: list[Mask], mask_iou: IoU
) -> None:
    shot, mask = product_shots[index], segmented[index]
    assert mask.alpha.shape == shot.mask.shape
    assert mask.alpha.dtype == np.float32
    assert mask_iou(mask.alpha, shot.mask) >= MIN_IOU


def test_mean_iou_over_the_synthetic_set(
    product_shots: list[ProductShot], segmented: list[Mask], mask_iou: IoU
) -> None:
    scores = [mask_iou(m.alpha, s.mask) for s, m in zip(product_shots, segmented, strict=True)]
    print(
        f"\nsegmentation IoU over {len(scores)} synthetic product shots: "
        f"mean {np.mean(scores):.4f}, min {np.min(scores):.4f}"
    )
    assert np.mean(scores) >= 0.98


def test_segmentation_is_deterministic(coffee: Image.Image) -> None:
    first = segment(coffee)
    segment(Image.effect_noise((64, 64), 40).convert("RGB"))  # other work in between
    second = segment(coffee)
    assert np.array_equal(first.alpha, second.alpha)
    assert first.uncertainty == second.uncertainty


def test_alpha_is_soft_only_along_the_edge(segmented: list[Mask]) -> None:
    alpha = segmented[0].alpha
    assert alpha.min() >= 0.0 and alpha.max() <= 1.0
    partial = np.count_nonzero((alpha > 0.05) & (alpha < 0.95)) / alpha.size
    assert 0 < partial < 0.03


def test_uncertainty_is_a_score_between_zero_and_one(segmented: list[Mask]) -> None:
    assert all(0.0 <= mask.uncertainty <= 1.0 for mask in segmented)


def test_busy_photo_is_less_certain_than_a_studio_shot(
    coffee_mask: Mask, segmented: list[Mask]
) -> None:
    assert coffee_mask.uncertainty > segmented[0].uncertainty


def test_coffee_cup_is_foreground_and_corners_are_background(coffee_mask: Mask) -> None:
    alpha = coffee_mask.alpha
    cup = alpha[40:250, 200:390]
    assert np.mean(cup >= 0.5) > 0.9
    for corner in (alpha[:40, :40], alpha[:40, -40:], alpha[-40:, :40], alpha[-40:, -40:]):
        assert corner.mean() < 0.05


def test_bbox_and_cropped_sides_describe_the_subject(
    product_shots: list[ProductShot], segmented: list[Mask]
) -> None:
    index = next(i for i, s in enumerate(SCENES) if s.name == "product cut by the bottom border")
    mask, truth = segmented[index], product_shots[index].mask
    _, xs = np.nonzero(truth)
    box = mask.bbox()
    assert isinstance(box, Box)
    assert abs(box.left - xs.min()) <= 2 and abs(box.right - (xs.max() + 1)) <= 2
    assert box.bottom == truth.shape[0]
    assert mask.cropped_sides() == CroppedSides(bottom=True)


def test_existing_alpha_channel_is_used_as_is() -> None:
    image = Image.new("RGBA", (120, 80), (0, 0, 0, 0))
    image.paste((10, 200, 30, 255), (30, 20, 90, 60))
    mask = segment(image)
    assert mask.source == "alpha-channel"
    assert mask.uncertainty == 0.0
    assert np.array_equal(mask.alpha >= 0.5, np.asarray(image)[..., 3] >= 128)


def test_existing_alpha_can_be_ignored() -> None:
    image = Image.new("RGBA", (120, 80), (250, 250, 250, 255))
    image.paste((200, 30, 30, 255), (30, 20, 90, 60))
    image.paste((0, 0, 0, 0), (0, 0, 10, 80))
    assert segment(image, use_existing_alpha=False).source == "segmentation"


def test_opaque_rgba_is_segmented_not_trusted(logo: Image.Image) -> None:
    assert segment(logo).source == "segmentation"


def test_a_blank_image_has_no_subject() -> None:
    mask = segment(Image.new("RGB", (200, 100), (240, 240, 240)))
    assert mask.source == "empty"
    assert not mask.alpha.any()
    assert mask.bbox() is None


@pytest.mark.parametrize("size", [(1, 1), (5, 300), (8, 8)])
def test_tiny_images_do_not_break_segmentation(size: tuple[int, int]) -> None:
    mask = segment(Image.new("RGB", size, "red"))
    assert mask.size == size


def test_greyscale_and_noise_images_are_handled(text_image: Image.Image) -> None:
    rng = np.random.default_rng(0)
    noise = Image.fromarray(rng.integers(0, 256, (120, 160, 3), dtype=np.uint8))
    for image in (text_image, noise):
        mask = segment(image)
        assert mask.size == image.size
        assert 0.0 <= mask.uncertainty <= 1.0


def test_cutout_and_mask_image_helpers(
    product_shots: list[ProductShot], segmented: list[Mask]
) -> None:
    shot, mask = product_shots[0], segmented[0]
    cutout = mask.cutout(shot.image)
    assert cutout.mode == "RGBA" and cutout.size == shot.image.size
    assert pixel(cutout, (0, 0))[3] == 0
    centre = (shot.image.width // 2, shot.image.height // 2)
    assert pixel(cutout, centre)[:3] == shot.image.getpixel(centre)
    assert mask.to_image().mode == "L"


def test_no_person_is_reported_on_a_product_photo(coffee: Image.Image) -> None:
    assert detect_person(coffee) is False


def test_a_person_is_reported_on_a_portrait(astronaut: Image.Image) -> None:
    # opencv-python-headless 4.x ships the Haar cascades (5.x has neither them nor the API).
    assert detect_person(astronaut) is True


def test_twelve_megapixel_photo_segments_accurately(
    twelve_megapixel_shot: ProductShot, mask_iou: IoU
) -> None:
    start = time.perf_counter()
    mask = segment(twelve_megapixel_shot.image)
    elapsed = time.perf_counter() - start
    print(f"\nsegmenting a {twelve_megapixel_shot.image.size} (12 MP) photo took {elapsed:.2f} s")
    assert mask_iou(mask.alpha, twelve_megapixel_shot.mask) >= MIN_IOU


def test_a_lazily_opened_photo_is_segmented_like_a_loaded_one() -> None:
    """Faces are looked for in a second thread; a file Pillow has not decoded yet must not be
    decoded by both threads at once (it failed every time on the coffee PNG)."""
    path = IMAGES / "coffee.png"
    with Image.open(path) as lazy:
        cut = segment(lazy)
    loaded = Image.open(path)
    loaded.load()
    np.testing.assert_array_equal(cut.alpha, segment(loaded).alpha)
