"""``remove_background()`` against the emulator, and what its result offers."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from photoroom import Photoroom, RemoveBackgroundResult

from .conftest import IMAGES, product_png


def test_a_cut_out_is_a_transparent_png(client: Photoroom) -> None:
    result = client.remove_background(product_png())

    assert isinstance(result, RemoveBackgroundResult)
    assert result.content_type == "image/png"
    image = result.to_pil()
    assert image.mode == "RGBA"
    assert image.getpixel((0, 0))[3] == 0  # type: ignore[index]
    assert image.getpixel((80, 60))[3] == 255  # type: ignore[index]
    assert (result.width, result.height) == (160, 120)
    assert result.uncertainty_score is not None
    assert 0 <= result.uncertainty_score <= 1


def test_a_sample_photo_from_its_path(client: Photoroom) -> None:
    result = client.remove_background(IMAGES / "logo.png", size="preview")

    assert result.content_type == "image/png"
    assert result.width is not None and result.height is not None


@pytest.mark.parametrize(
    ("fmt", "content_type", "extension"),
    [("png", "image/png", ".png"), ("jpg", "image/jpeg", ".jpg"), ("webp", "image/webp", ".webp")],
)
def test_the_output_format_sets_content_type_and_extension(
    client: Photoroom, fmt: str, content_type: str, extension: str
) -> None:
    result = client.remove_background(product_png(), format=fmt)  # type: ignore[arg-type]

    assert result.content_type == content_type
    assert result.extension == extension


def test_a_background_colour_fills_the_cut_out(client: Photoroom) -> None:
    result = client.remove_background(product_png(), bg_color="#00FF00", crop=False)

    assert result.to_pil().convert("RGB").getpixel((0, 0)) == (0, 255, 0)


def test_crop_trims_the_transparent_border(client: Photoroom) -> None:
    full = client.remove_background(product_png())
    cropped = client.remove_background(product_png(), crop=True)

    assert cropped.width is not None and full.width is not None
    assert cropped.width < full.width


def test_alpha_channel_only_and_despill(client: Photoroom) -> None:
    result = client.remove_background(product_png(), channels="alpha", despill=True, size="medium")

    assert result.to_pil().mode in ("L", "LA", "RGBA")


def test_the_json_answer_is_decoded_into_the_same_bytes(client: Photoroom) -> None:
    image = product_png()

    as_json = client.remove_background(image, as_json=True)
    as_bytes = client.remove_background(image)

    assert as_json.http_response.headers["content-type"].startswith("application/json")
    assert as_json.content_type == "image/png"
    assert Image.open(io.BytesIO(as_json.content)).size == (160, 120)
    assert as_json.content == as_bytes.content


def test_save_adds_the_extension_and_creates_folders(client: Photoroom, tmp_path: Path) -> None:
    result = client.remove_background(product_png(), format="webp")

    written = result.save(tmp_path / "out" / "shoe")

    assert written == tmp_path / "out" / "shoe.webp"
    assert written.read_bytes() == result.content
    assert [p.name for p in written.parent.iterdir()] == ["shoe.webp"]


def test_save_keeps_an_explicit_extension(client: Photoroom, tmp_path: Path) -> None:
    result = client.remove_background(product_png())

    assert result.save(tmp_path / "cut.out.png") == tmp_path / "cut.out.png"


def test_a_failed_save_leaves_no_file_behind(client: Photoroom, tmp_path: Path) -> None:
    result = client.remove_background(product_png())
    target = tmp_path / "shoe.png"
    (tmp_path / "shoe.png").mkdir()  # os.replace onto a directory fails

    with pytest.raises(OSError):
        result.save(target)

    assert [p.name for p in tmp_path.iterdir()] == ["shoe.png"]
    assert list(target.iterdir()) == []
