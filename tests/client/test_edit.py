"""``edit()`` against the emulator: every option group, uploads and URLs, typed metadata."""

from __future__ import annotations

import io
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

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
from photoroom._options import edit_operations
from photoroom.batch import options_from_wire
from photoroom.spec import (
    Operation,
    enum_values,
    first_violation,
    operation,
    type_names,
    value_from,
)
from photoroom_emulator import EmulatorTransport

from .conftest import API_KEY, ImageServer, emulator_config, product_png

SMALL = product_png()
OTHER = product_png((90, 90), color=(20, 40, 200))


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


def spec_value(schema: Mapping[str, Any], server: ImageServer) -> Any:
    """A value the schema accepts, from the spec alone: its enum, server default, bounds or
    format (an upload for a file, a served image for a URL)."""
    if schema.get("type") == "array":
        return [spec_value(schema.get("items", {}), server)]
    if "anyOf" in schema:  # the alternative the spec can give a value for without a pattern
        alternatives = sorted(schema["anyOf"], key=lambda a: ("pattern" in a, not enum_values(a)))
        return spec_value(alternatives[0], server)
    if values := enum_values(schema):
        return values[0]
    kinds = type_names(schema)
    if schema.get("format") == "binary":
        return OTHER
    if schema.get("format") == "uri":
        return server.add("spec-value.png", OTHER)
    if schema.get("format") == "uuid":
        return str(uuid.UUID(int=1))
    default = schema.get("x-server-default", schema.get("default"))
    if "boolean" in kinds:
        return not default if isinstance(default, bool) else True
    if kinds & {"number", "integer"}:
        low = schema.get("minimum", schema.get("exclusiveMinimum"))
        high = schema.get("maximum", schema.get("exclusiveMaximum"))
        if low is not None and high is not None:
            middle = (low + high) / 2
            return round(middle) if "integer" in kinds and middle == round(middle) else middle
        return low if low is not None else (default if default is not None else 1)
    if default is not None:
        return default
    return "a small test value"


def with_rules_met(
    op: Operation, wire: dict[str, Any], tested: str, server: ImageServer
) -> dict[str, Any]:
    """``wire`` plus what the operation's rules ask for beside ``tested`` (a prompt a seed
    needs, the value a field depends on), each value again from the spec; what the rules refuse
    beside it (the input image, for a field that makes its own) is dropped."""
    for _ in range(len(op.rules) + 2):
        violation = first_violation(op.rules, set(wire), value_from(wire, op.default))
        if violation is None:
            return wire
        rule = violation.rule
        if "requires" in rule:
            spec = rule["requires"]
            for name in spec.get("any-of", [])[:1]:
                wire[name] = spec_value(op.schema_of(name), server)
            for name, allowed in (spec.get("value-in") or {}).items():
                wire[name] = allowed[0]
        elif "forbids" in rule:
            for name in rule["forbids"]["when"]:
                wire.pop(name, None)
        elif "exclusive" in rule:
            for name in [n for n in wire if n != tested and n in op.image]:
                del wire[name]
        else:
            break
    raise AssertionError(f"{sorted(wire)} cannot satisfy {violation}")


def twin_schema(wire: str) -> Mapping[str, Any]:
    """The schema the upload variant (POST) gives a field, if it has it (else empty)."""
    for op in edit_operations():
        if op.method == "post" and op.param(wire) is not None:
            return op.schema_of(wire)
    return {}


def every_edit_field() -> list[tuple[str, str, Mapping[str, Any]]]:
    """(operation id, wire name, schema) of every /v2/edit field a user can set: parameters
    with an ``edit()`` option and keyed leaves (with a key)."""
    fields = []
    for op in edit_operations():
        for param in op.params:
            if param.option is not None:
                fields.append((op.operation_id, param.wire, param.schema))
        for leaf in op.keyed:
            fields.append((op.operation_id, leaf.template.replace("{key}", "k1"), leaf.schema))
    return fields


@pytest.mark.parametrize(
    ("operation_id", "wire", "schema"),
    every_edit_field(),
    ids=[f"{op_id}:{wire}" for op_id, wire, _ in every_edit_field()],
)
def test_every_edit_field_of_the_spec_works_against_the_emulator(
    operation_id: str,
    wire: str,
    schema: Mapping[str, Any],
    fast_client: Photoroom,
    image_server: ImageServer,
) -> None:
    """Each field alone (with what its rules require), valued from the spec, sent by ``edit()``,
    validated by the emulator and answered with an image: a field upstream adds is exercised
    here with no edit. (The emulator answers without imaging; the cases above check what the
    features do.)"""
    op = operation(operation_id)
    image_field = op.image[0]
    value = spec_value(schema, image_server)
    if op.method == "get" and spec_value(twin_schema(wire), image_server) in (OTHER, [OTHER]):
        url = image_server.add("twin.png", OTHER)  # a file upload's GET twin takes its URL
        value = [url] if isinstance(value, list) else url
    given = {
        image_field: image_server.add("input.png", SMALL) if op.method == "get" else SMALL,
        wire: value,
    }
    sent = with_rules_met(op, given, wire, image_server)
    image = sent.pop(image_field, None)

    result = fast_client.edit(image, **options_from_wire("edit", sent))

    request = result.http_response.request
    request.read()
    if image is not None:  # without an input image the client picks the variant itself
        assert request.method.lower() == op.method
    carried = str(request.url) + request.content.decode("latin-1")
    assert wire in unquote(carried)
    assert result.content.startswith((b"\x89PNG", b"\xff\xd8", b"RIFF"))
    assert result.unsupported_attributes == []


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
