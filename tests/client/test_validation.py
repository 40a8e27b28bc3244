"""Options are checked before anything is sent; errors name the API parameter."""

from __future__ import annotations

from typing import Any

import pytest

from photoroom import (
    Background,
    EditWithAI,
    Export,
    InvalidOptionError,
    Outline,
    Photoroom,
    Shadow,
    VirtualModel,
)

from .conftest import Recorder, product_png

URL = "https://example.com/shoe.jpg"


def rejected(client: Photoroom, recorder: Recorder, image: Any = URL, **options: Any) -> str:
    """Call edit() expecting InvalidOptionError; check nothing was sent; return the message."""
    with pytest.raises(InvalidOptionError) as caught:
        client.edit(image, **options)
    assert recorder.requests == []
    return str(caught.value)


def test_invalid_option_error_is_a_value_error_naming_the_parameter(
    mock_client: Photoroom, recorder: Recorder
) -> None:
    with pytest.raises(ValueError, match=r"^padding: '60%' must match a schema in anyOf"):
        mock_client.edit(URL, padding="60%")
    assert recorder.requests == []


@pytest.mark.parametrize("padding", [0.5, -0.1, "50%", "0.5", "1px0", "ten", True])
def test_padding_outside_the_spec_formats_is_rejected(
    mock_client: Photoroom, recorder: Recorder, padding: Any
) -> None:
    assert rejected(mock_client, recorder, padding=padding).startswith("padding: ")


@pytest.mark.parametrize("padding", [0, 0.1, 0.49, "0.3", ".25", "30%", "49.5%", "100px", "0"])
def test_padding_in_the_spec_formats_is_accepted(
    mock_client: Photoroom, recorder: Recorder, padding: Any
) -> None:
    mock_client.edit(URL, padding=padding, margin_left=padding)
    assert recorder.last.url.params["padding"] == str(padding)


def test_margin_sides_are_validated_like_padding(
    mock_client: Photoroom, recorder: Recorder
) -> None:
    assert rejected(mock_client, recorder, margin_top="75%").startswith("marginTop: ")


@pytest.mark.parametrize("size", ["1000", "1000X1000", "big", "1000x"])
def test_output_size_must_match_the_spec_pattern(
    mock_client: Photoroom, recorder: Recorder, size: str
) -> None:
    message = rejected(mock_client, recorder, output_size=size)
    assert message.startswith("outputSize: ")
    assert "must match pattern" in message and "originalImage" in message


def test_enum_values_come_from_the_generated_literals_with_a_suggestion(
    mock_client: Photoroom, recorder: Recorder
) -> None:
    message = rejected(mock_client, recorder, shadow=Shadow(mode="ai.sfot"))  # type: ignore[arg-type]
    assert message.startswith("shadow.mode: 'ai.sfot' must be one of ")
    assert "did you mean 'ai.soft'?" in message


def test_ranges_come_from_the_spec(mock_client: Photoroom, recorder: Recorder) -> None:
    assert rejected(mock_client, recorder, shadow=Shadow(intensity_override=1.5)) == (
        "shadow.intensityOverride: 1.5 must be <= 1"
    )
    assert rejected(mock_client, recorder, background=Background(blur_radius=0)) == (
        "background.blur.radius: 0 must be > 0"
    )
    assert rejected(mock_client, recorder, export=Export(dpi=10)) == (
        "export.dpi: 10 must be >= 72"
    )
    assert rejected(mock_client, recorder, outline=Outline(width=0.2)).startswith("outline.width")


def test_shadow_overrides_take_a_named_value_or_a_number(
    mock_client: Photoroom, recorder: Recorder
) -> None:
    mock_client.edit(URL, shadow=Shadow(mode="ai.auto-with-overrides", direction_override="left"))
    mock_client.edit(URL, shadow=Shadow(mode="ai.auto-with-overrides", direction_override=135))
    assert [r.url.params["shadow.directionOverride"] for r in recorder.requests] == ["left", "135"]
    recorder.requests.clear()
    message = rejected(mock_client, recorder, shadow=Shadow(spread_override="huge"))  # type: ignore[arg-type]
    assert message == (
        "shadow.spreadOverride: 'huge' must match a schema in anyOf "
        "(must be number; or must be one of short, medium, long)"
    )


@pytest.mark.parametrize(
    "background",
    [
        Background(prompt="a beach", image_url="https://example.com/bg.jpg"),
        Background(prompt="a beach", image_file=b"\x89PNG\r\n\x1a\n"),
    ],
)
def test_background_prompt_and_image_are_mutually_exclusive(
    mock_client: Photoroom, recorder: Recorder, background: Background
) -> None:
    message = rejected(mock_client, recorder, image=product_png(), background=background)
    assert message.startswith("background.image")
    assert message.endswith("and background.prompt are mutually exclusive")


def test_a_background_url_needs_an_image_url_and_a_background_file_an_upload(
    mock_client: Photoroom, recorder: Recorder
) -> None:
    message = rejected(
        mock_client,
        recorder,
        image=product_png(),
        background=Background(image_file=URL),
    )
    assert message.startswith("background.imageFile: a URL cannot be sent where the API takes")

    message = rejected(
        mock_client, recorder, image=URL, background=Background(image_file=product_png())
    )
    assert message.startswith("image: file options")


def test_virtual_model_preset_and_custom_model_are_mutually_exclusive(
    mock_client: Photoroom, recorder: Recorder
) -> None:
    model = VirtualModel(
        model_preset_name="sam", model_custom_image_url="https://example.com/m.jpg"
    )
    message = rejected(mock_client, recorder, virtual_model=model)
    assert message.startswith("virtualModel.model.preset.name: virtualModel.model.preset.name and")
    assert message.endswith("are mutually exclusive")


def test_additional_product_images_take_one_to_four(
    mock_client: Photoroom, recorder: Recorder
) -> None:
    urls = [f"https://example.com/{i}.jpg" for i in range(5)]
    message = rejected(
        mock_client, recorder, virtual_model=VirtualModel(additional_product_images=urls)
    )
    assert message == (
        "virtualModel.additionalProductImages: 5 items must NOT have more than 4 items"
    )


@pytest.mark.parametrize("color", ["#GGGGGG", "12345", "rgb(1,2,3)", "#", "FF 00 00"])
def test_colours_must_be_hex_or_a_name(
    mock_client: Photoroom, recorder: Recorder, color: str
) -> None:
    message = rejected(mock_client, recorder, background=Background(color=color))
    assert message.startswith("background.color: ")
    assert "must match a schema in anyOf" in message and "aliceblue" in message


@pytest.mark.parametrize("color", ["FFFFFF", "#ff0000", "FF0000EE", "F00", "white", "transparent"])
def test_colours_accept_hex_with_or_without_hash_and_names(
    mock_client: Photoroom, recorder: Recorder, color: str
) -> None:
    mock_client.edit(URL, background=Background(color=color), outline=Outline(color=color))
    assert recorder.last.url.params["background.color"] == color


def test_remove_background_options_are_validated(
    mock_client: Photoroom, recorder: Recorder
) -> None:
    with pytest.raises(InvalidOptionError, match=r"^format: 'gif' must be one of png, jpg, webp"):
        mock_client.remove_background(product_png(), format="gif")  # type: ignore[typeddict-item]
    with pytest.raises(InvalidOptionError, match=r"^bg_color: "):
        mock_client.remove_background(product_png(), bg_color="#12")
    with pytest.raises(InvalidOptionError, match=r"^crop: 'yes' must be boolean"):
        mock_client.remove_background(product_png(), crop="yes")  # type: ignore[typeddict-item]
    assert recorder.requests == []


def test_remove_background_refuses_urls_and_says_what_to_do(
    mock_client: Photoroom, recorder: Recorder
) -> None:
    with pytest.raises(
        InvalidOptionError, match=r"^image: remove_background\(\) uploads the image"
    ):
        mock_client.remove_background(URL)


def test_an_unknown_keyword_is_a_type_error_with_a_suggestion(mock_client: Photoroom) -> None:
    with pytest.raises(
        TypeError, match=r"unexpected keyword argument 'backgrund' \(did you mean 'background'\?\)"
    ):
        mock_client.edit(URL, backgrund=Background(color="FFFFFF"))  # type: ignore[call-arg]


def test_a_group_needs_its_class_and_true_only_works_for_single_mode_features(
    mock_client: Photoroom, recorder: Recorder
) -> None:
    assert rejected(mock_client, recorder, background={"color": "white"}) == (  # type: ignore[typeddict-item]
        "background: expected a Background(...), got dict"
    )
    assert rejected(mock_client, recorder, shadow=True).startswith(  # type: ignore[typeddict-item]
        "shadow.mode: choose a mode: "
    )


@pytest.mark.parametrize("key", ["", "has space", "dots.not.allowed", "x" * 65])
def test_layer_ids_must_match_the_spec_key_pattern(
    mock_client: Photoroom, recorder: Recorder, key: str
) -> None:
    message = rejected(mock_client, recorder, layers={key: {"text": {"content": "Sale"}}})
    assert "must match ^[A-Za-z0-9_-]{1,64}$" in message


def test_unknown_layer_properties_are_rejected_with_a_suggestion(
    mock_client: Photoroom, recorder: Recorder
) -> None:
    message = rejected(mock_client, recorder, layers={"title": {"text": {"contents": "Sale"}}})
    assert (
        message
        == "layers.title.text.contents: is not a known property (did you mean 'text.content'?)"
    )


def test_layer_enums_and_files_follow_the_spec(mock_client: Photoroom, recorder: Recorder) -> None:
    message = rejected(
        mock_client, recorder, layers={"logo": {"image": {"horizontalAlignment": "middle"}}}
    )
    assert (
        message
        == "layers.logo.image.horizontalAlignment: 'middle' must be one of left, center, right"
    )
    # A layer file needs the upload variant, which a URL input cannot use.
    message = rejected(mock_client, recorder, layers={"logo": {"image": {"imageFile": b"x"}}})
    assert message.startswith("image: file options")


def test_additional_image_ids_are_checked(mock_client: Photoroom, recorder: Recorder) -> None:
    images = {"no spaces": "https://example.com/a.png"}
    message = rejected(
        mock_client, recorder, edit_with_ai=EditWithAI(prompt="x", additional_images=images)
    )
    assert message.startswith(
        "editWithAI.additionalImages.no spaces: the id 'no spaces' must match"
    )


def test_template_id_must_be_a_uuid(mock_client: Photoroom, recorder: Recorder) -> None:
    assert (
        rejected(mock_client, recorder, template_id="not-a-uuid")
        == "templateId: 'not-a-uuid' must match format \"uuid\""
    )
    mock_client.edit(URL, template_id="9f5c4c4e-7a5b-4c5e-9d6f-0e8e2f1f6a11")
    assert recorder.last.url.params["templateId"] == "9f5c4c4e-7a5b-4c5e-9d6f-0e8e2f1f6a11"


def test_urls_in_url_options_must_be_http(mock_client: Photoroom, recorder: Recorder) -> None:
    message = rejected(
        mock_client, recorder, background=Background(image_url="ftp://example.com/a.jpg")
    )
    assert message == (
        "background.imageUrl: 'ftp://example.com/a.jpg' must match pattern \"^https?://\""
    )


def test_unsupported_image_types_are_rejected(mock_client: Photoroom, recorder: Recorder) -> None:
    assert rejected(mock_client, recorder, image=12345) == (
        "image: expected a path, an http(s) URL, bytes, a binary file or a PIL image, got int"
    )
    assert rejected(mock_client, recorder, image="ftp://example.com/a.jpg").startswith(
        "image: only http(s) URLs are supported"
    )
