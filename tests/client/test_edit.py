"""``edit()`` against the emulator: every option group, uploads and URLs, typed metadata."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from PIL import Image

from photoroom import (
    Background,
    Beautify,
    DescribeAnyChange,
    EditResult,
    EditWithAI,
    Expand,
    Export,
    FlatLay,
    GhostMannequin,
    ImageFromPrompt,
    Ironing,
    Lighting,
    Outline,
    Photoroom,
    Segmentation,
    Shadow,
    TextRemoval,
    Uncrop,
    Upscale,
    VirtualModel,
)
from photoroom._options import build_edit, edit_operations
from photoroom_emulator import EmulatorTransport

from .conftest import API_KEY, ImageServer, emulator_config, product_png

SMALL = product_png()
OTHER = product_png((90, 90), color=(20, 40, 200))
URL_PLACEHOLDER = "https://example.com/input.png"


def pixel(result: EditResult, x: int, y: int) -> tuple[int, ...]:
    return tuple(result.to_pil().convert("RGBA").getpixel((x, y)))  # type: ignore[arg-type]


@dataclass
class Case:
    """One edit: the input (an upload, a URL, or none) and what the result must show."""

    id: str
    options: Callable[[ImageServer], dict[str, Any]]
    check: Callable[[EditResult], None] = lambda result: None
    input: str = "file"  # "file", "url" or "none"
    fast: bool = False  # answer without real imaging (generative features are slow to emulate)
    marks: list[Any] = field(default_factory=list)


def size_is(width: int, height: int) -> Callable[[EditResult], None]:
    def check(result: EditResult) -> None:
        assert (result.width, result.height) == (width, height)

    return check


def white_corner(result: EditResult) -> None:
    assert pixel(result, 0, 0) == (255, 255, 255, 255)


def transparent_corner(result: EditResult) -> None:
    assert pixel(result, 0, 0)[3] == 0


def seed_is(seed: int) -> Callable[[EditResult], None]:
    def check(result: EditResult) -> None:
        assert result.ai_background_seed == seed

    return check


def is_jpeg(result: EditResult) -> None:
    assert result.content_type == "image/jpeg"
    assert result.extension == ".jpg"
    assert result.to_pil().format == "JPEG"


def counts_texts(result: EditResult) -> None:
    assert isinstance(result.texts_detected, int)


CASES = [
    Case("plain cut-out", lambda s: {}, transparent_corner),
    Case("keep the background", lambda s: {"remove_background": False}, lambda r: None),
    Case("background colour", lambda s: {"background": Background(color="FFFFFF")}, white_corner),
    Case(
        "AI background",
        lambda s: {
            "background": Background(
                prompt="a marble table",
                negative_prompt="people",
                seed=42,
                expand_prompt_mode="ai.never",
            )
        },
        seed_is(42),
    ),
    Case(
        "AI background, legacy expandPrompt",
        lambda s: {"background": Background(prompt="a beach", expand_prompt="never", seed=7)},
        seed_is(7),
    ),
    Case(
        "background image upload",
        lambda s: {"background": Background(image_file=OTHER, scaling="fit")},
    ),
    Case(
        "background image URL",
        lambda s: {"background": Background(image_url=s.add("bg.png", OTHER), scaling="fill")},
        input="url",
    ),
    Case(
        "guided AI background (upload)",
        lambda s: {
            "background": Background(
                prompt="a kitchen", guidance_image_file=OTHER, guidance_scale=0.4
            )
        },
    ),
    Case(
        "guided AI background (URL)",
        lambda s: {
            "background": Background(
                prompt="a kitchen", guidance_image_url=s.add("guide.png", OTHER), guidance_scale=0.8
            )
        },
        input="url",
    ),
    Case(
        "background blur",
        lambda s: {
            "remove_background": True,
            "background": Background(blur_mode="bokeh", blur_radius=0.02),
        },
    ),
    Case("beautify", lambda s: {"beautify": Beautify(mode="ai.food", seed=1)}),
    Case("edit with AI", lambda s: {"edit_with_ai": EditWithAI(prompt="make it blue", seed=3)}),
    Case(
        "edit with AI and reference uploads",
        lambda s: {
            "edit_with_ai": EditWithAI(
                prompt="match the reference", additional_images={"ref1": OTHER}
            ),
        },
    ),
    Case(
        "edit with AI and reference URLs",
        lambda s: {
            "edit_with_ai": EditWithAI(
                prompt="match the reference", additional_images={"ref1": s.add("ref.png", OTHER)}
            ),
        },
        input="url",
    ),
    Case(
        "describe any change (deprecated)",
        lambda s: {"describe_any_change": DescribeAnyChange(prompt="make it red", seed=2)},
    ),
    Case(
        "AI expand",
        lambda s: {"expand": Expand(seed=5), "output_size": "300x300"},
        size_is(300, 300),
    ),
    Case("export as JPEG", lambda s: {"export": Export(format="jpeg", dpi=300)}, is_jpeg),
    Case(
        "flat lay",
        lambda s: {"flat_lay": FlatLay(prompt="clean studio", size="SQUARE_HD")},
        size_is(1024, 1024),
        fast=True,
    ),
    Case(
        "ghost mannequin",
        lambda s: {"ghost_mannequin": GhostMannequin(prompt="studio", size="SQUARE_HD")},
        size_is(1024, 1024),
        fast=True,
    ),
    Case(
        "image from prompt",
        lambda s: {
            "image_from_prompt": ImageFromPrompt(prompt="a red car", seed=9, size="SQUARE_HD")
        },
        size_is(1024, 1024),
        input="none",
        fast=True,
    ),
    Case("ironing", lambda s: {"ironing": Ironing()}),
    Case("lighting", lambda s: {"lighting": Lighting(mode="ai.preserve-hue-and-saturation")}),
    Case("outline", lambda s: {"outline": Outline(color="FF0000", width=0.05, blur_radius=0.01)}),
    Case(
        "segmentation",
        lambda s: {
            "segmentation": Segmentation(
                mode="keepSalientObject", prompt="box", negative_prompt="floor"
            )
        },
    ),
    Case(
        "shadow with overrides",
        lambda s: {
            "shadow": Shadow(
                mode="ai.auto-with-overrides",
                direction_override="frontLeft",
                spread_override=30,
                subject_pose_override="upright",
                intensity_override=0.6,
                softness_override=0.3,
            )
        },
    ),
    Case("text removal", lambda s: {"text_removal": TextRemoval(mode="ai.all")}, counts_texts),
    Case("AI uncrop", lambda s: {"uncrop": Uncrop(seed=4)}),
    Case(
        "AI upscale",
        lambda s: {"upscale": Upscale(mode="ai.fast", downscale_if_needed="never")},
        size_is(320, 240),
    ),
    Case(
        "virtual model from presets",
        lambda s: {
            "virtual_model": VirtualModel(
                model_preset_name="sam",
                scene_preset_name="beach",
                pose="standing",
                quality="standard",
                size="SQUARE_HD",
                prompt="summer look",
                additional_product_images=[OTHER],
            )
        },
        size_is(1024, 1024),
        fast=True,
    ),
    Case(
        "virtual model from custom uploads",
        lambda s: {
            "virtual_model": VirtualModel(
                model_custom_image_file=OTHER, scene_custom_image_file=OTHER
            )
        },
        fast=True,
    ),
    Case(
        "virtual model from custom URLs",
        lambda s: {
            "virtual_model": VirtualModel(
                model_custom_image_url=s.add("model.png", OTHER),
                scene_custom_image_url=s.add("scene.png", OTHER),
                additional_product_images=[s.add("back.png", OTHER)],
            )
        },
        input="url",
        fast=True,
    ),
    Case(
        "layout: padding, margins, output size, alignment",
        lambda s: {
            "padding": "10%",
            "padding_left": "20px",
            "padding_right": 0.1,
            "padding_top": "0.05",
            "padding_bottom": 0,
            "margin": 0.05,
            "margin_left": "5%",
            "margin_right": "4px",
            "margin_top": 0.01,
            "margin_bottom": "1%",
            "output_size": "400x300",
            "scaling": "fit",
            "horizontal_alignment": "left",
            "vertical_alignment": "bottom",
            "reference_box": "subjectBox",
            "ignore_padding_and_snap_on_cropped_sides": False,
        },
        size_is(400, 300),
    ),
    Case(
        "layout: maximum size of the original framing",
        lambda s: {"output_size": "originalImage", "max_width": 80, "max_height": 80},
        lambda r: None if r.width is not None and r.width <= 80 else pytest.fail("too wide"),
    ),
    Case(
        "alpha channel and metadata",
        lambda s: {"keep_existing_alpha_channel": "auto", "preserve_metadata": "xmp"},
    ),
    Case("template", lambda s: {"template_id": "9f5c4c4e-7a5b-4c5e-9d6f-0e8e2f1f6a11"}),
    Case(
        "text, uploaded image and generated image layers",
        lambda s: {
            "layers": {
                "title": {
                    "text": {
                        "content": "Sale",
                        "font": "Inter",
                        "foregroundColor": "FF0000",
                        "backgroundColor": "FFFFFF",
                    }
                },
                "logo": {
                    "image": {
                        "imageFile": OTHER,
                        "horizontalAlignment": "left",
                        "verticalAlignment": "top",
                        "removeBackground": "never",
                        "useForAIBackground": "never",
                        "segmentation": {
                            "mode": "keepSalientObject",
                            "prompt": "logo",
                            "negativePrompt": "shadow",
                        },
                        "padding": 0.1,
                        "paddingLeft": "5%",
                        "paddingRight": "2px",
                        "paddingTop": 0.01,
                        "paddingBottom": 0,
                        "margin": 0.02,
                        "marginLeft": "1%",
                        "marginRight": "1px",
                        "marginTop": 0,
                        "marginBottom": 0.01,
                    }
                },
                "badge": {
                    "image": {
                        "imageFromPrompt": {"prompt": "a gold star", "seed": 3, "size": "SQUARE_HD"}
                    }
                },
            }
        },
    ),
    Case(
        "image layer from a URL",
        lambda s: {"layers": {"logo": {"image": {"imageUrl": s.add("logo.png", OTHER)}}}},
        input="url",
    ),
]


@pytest.fixture
def fast_client() -> Any:
    """A client whose emulator answers without running the imaging (for generative features)."""
    transport = EmulatorTransport(config=emulator_config(processing="off"))
    with httpx.Client(transport=transport) as http, Photoroom(API_KEY, http_client=http) as client:
        yield client
    transport.close()


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_edit_feature_against_the_emulator(
    case: Case, client: Photoroom, fast_client: Photoroom, image_server: ImageServer
) -> None:
    options = case.options(image_server)
    image: Any = {"file": SMALL, "url": image_server.add("input.png", SMALL), "none": None}[
        case.input
    ]

    result = (fast_client if case.fast else client).edit(image, **options)

    assert isinstance(result, EditResult)
    assert result.content.startswith((b"\x89PNG", b"\xff\xd8", b"RIFF"))
    assert result.unsupported_attributes == []
    case.check(result)


def test_every_edit_parameter_is_exercised_against_the_emulator(tmp_path: Any) -> None:
    """The cases above send every /v2/edit parameter the generated client knows, at least once."""

    class FakeServer:
        def add(self, name: str, content: bytes) -> str:
            return f"https://example.com/{name}"

    sent: set[str] = set()
    for case in CASES:
        image = {"file": SMALL, "url": URL_PLACEHOLDER, "none": None}[case.input]
        request = build_edit(image, case.options(FakeServer()))  # type: ignore[arg-type]
        op = edit_operations()[0 if request.method == "get" else 1]
        table = {param.python: param.wire for param in op.params}
        sent |= {table[name] for name in request.generated if name in table}
        for name, _ in request.keyed:
            sent |= {leaf.template for leaf in op.keyed if leaf.name(name.split(".")[-2]) == name}
    expected = {
        param.wire for op in edit_operations() for param in op.params if param.option is not None
    } | {leaf.template for op in edit_operations() for leaf in op.keyed}
    missing = expected - sent
    assert (
        missing
        <= {
            leaf.template
            for op in edit_operations()
            for leaf in op.keyed
            if "layers" in leaf.template
        }
        or missing == set()
    ), missing


def test_a_url_input_is_fetched_by_the_api(client: Photoroom, image_server: ImageServer) -> None:
    url = image_server.add("shoe.png", SMALL)

    result = client.edit(url, background=Background(color="FFFFFF"), output_size="200x200")

    assert result.http_response.request.method == "GET"
    assert (result.width, result.height) == (200, 200)
    assert result.edit_further_url is not None
    assert result.edit_further_url.startswith("https://")


def test_a_marketplace_shot_is_white_square_and_padded(client: Photoroom) -> None:
    result = client.edit(
        SMALL, background=Background(color="FFFFFF"), output_size="1000x1000", padding=0.1
    )

    image = result.to_pil().convert("L")
    assert image.size == (1000, 1000)
    assert image.getpixel((5, 5)) == 255
    # 10 % padding: the outer band stays white (up to the anti-aliasing of the cut-out).
    for band in (image.crop((0, 0, 1000, 95)), image.crop((0, 905, 1000, 1000))):
        assert band.getextrema()[0] >= 240
    assert image.crop((300, 300, 700, 700)).getextrema()[0] < 200  # the subject is there


def test_webp_with_a_soft_shadow(client: Photoroom) -> None:
    result = client.edit(SMALL, shadow="ai.soft", export=Export(format="webp"))

    assert result.content_type == "image/webp"
    assert Image.open(io.BytesIO(result.content)).format == "WEBP"


def test_inputs_may_be_paths_files_bytes_or_pil_images(client: Photoroom, tmp_path: Any) -> None:
    path = tmp_path / "shoe.png"
    path.write_bytes(SMALL)
    with open(path, "rb") as handle:
        results = [
            client.edit(path, output_size="100x100"),
            client.edit(str(path), output_size="100x100"),
            client.edit(handle, output_size="100x100"),
            client.edit(bytearray(SMALL), output_size="100x100"),
            client.edit(Image.open(io.BytesIO(SMALL)), output_size="100x100"),
        ]
    assert {(r.width, r.height) for r in results} == {(100, 100)}


def test_a_missing_file_raises_file_not_found(client: Photoroom, tmp_path: Any) -> None:
    from photoroom import ImageNotFoundError

    with pytest.raises(ImageNotFoundError, match=r"nope\.png"):
        client.edit(tmp_path / "nope.png")
