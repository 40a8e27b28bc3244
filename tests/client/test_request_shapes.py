"""Exactly what goes on the wire, checked against recorded requests (httpx.MockTransport)."""

from __future__ import annotations

import httpx
import pytest

from photoroom import (
    Background,
    EditWithAI,
    Export,
    Photoroom,
    Shadow,
    VirtualModel,
)

from .conftest import API_KEY, Recorder, multipart_fields, multipart_parts, product_png

URL = "https://example.com/shoe.jpg"


def test_an_edit_with_only_an_image_url_sends_exactly_one_query_parameter(
    mock_client: Photoroom, recorder: Recorder
) -> None:
    mock_client.edit(URL)

    request = recorder.last
    assert request.method == "GET"
    assert request.url.host == "image-api.photoroom.com"
    assert request.url.path == "/v2/edit"
    assert list(request.url.params.multi_items()) == [("imageUrl", URL)]


def test_a_virtual_model_preset_is_sent_as_its_dotted_leaf(
    mock_client: Photoroom, recorder: Recorder
) -> None:
    mock_client.edit(URL, virtual_model=VirtualModel(model_preset_name="sam"))

    params = recorder.last.url.params
    assert params["virtualModel.model.preset.name"] == "sam"
    # Using the feature implies its only mode.
    assert params["virtualModel.mode"] == "ai.auto"


def test_a_file_is_uploaded_as_multipart_image_file_with_dotted_fields(
    mock_client: Photoroom, recorder: Recorder
) -> None:
    image = product_png()
    mock_client.edit(
        image,
        background=Background(color="FFFFFF"),
        shadow=Shadow(mode="ai.soft"),
        export=Export(format="webp"),
        padding=0.1,
        output_size="1000x1000",
    )

    request = recorder.last
    assert request.method == "POST"
    assert request.url.path == "/v2/edit"
    fields = multipart_fields(request)
    assert fields == {
        "background.color": [b"FFFFFF"],
        "export.format": [b"webp"],
        "imageFile": [image],
        "outputSize": [b"1000x1000"],
        "padding": [b"0.1"],
        "shadow.mode": [b"ai.soft"],
    }
    assert request.url.params == httpx.QueryParams()


def test_booleans_are_sent_as_lowercase_true_and_false_in_queries_and_forms(
    mock_client: Photoroom, recorder: Recorder
) -> None:
    mock_client.edit(URL, remove_background=False)
    assert recorder.last.url.params["removeBackground"] == "false"
    mock_client.edit(URL, ignore_padding_and_snap_on_cropped_sides=True)
    assert recorder.last.url.params["ignorePaddingAndSnapOnCroppedSides"] == "true"

    mock_client.edit(product_png(), remove_background=False)
    assert multipart_fields(recorder.last)["removeBackground"] == [b"false"]

    mock_client.remove_background(product_png(), crop=True, despill=False)
    fields = multipart_fields(recorder.last)
    assert fields["crop"] == [b"true"]
    assert fields["despill"] == [b"false"]


def test_layers_are_flattened_to_dot_notation_leaves_on_get(
    mock_client: Photoroom, recorder: Recorder
) -> None:
    mock_client.edit(
        URL,
        layers={
            "title": {"text": {"content": "Sale", "foregroundColor": "FF0000"}},
            "logo": {"image": {"imageUrl": "https://example.com/logo.png", "padding": "10%"}},
        },
    )

    params = dict(recorder.last.url.params.multi_items())
    assert params["layers.title.text.content"] == "Sale"
    assert params["layers.title.text.foregroundColor"] == "FF0000"
    assert params["layers.logo.image.imageUrl"] == "https://example.com/logo.png"
    assert params["layers.logo.image.padding"] == "10%"


def test_layer_properties_may_be_dotted_keys_or_snake_case(
    mock_client: Photoroom, recorder: Recorder
) -> None:
    mock_client.edit(
        URL, layers={"promo": {"text.content": "New", "text": {"foreground_color": "white"}}}
    )
    mock_client.edit(URL, layers={"promo": {"image": {"use_for_ai_background": "never"}}})

    first, second = recorder.requests
    assert first.url.params["layers.promo.text.content"] == "New"
    assert first.url.params["layers.promo.text.foregroundColor"] == "white"
    assert second.url.params["layers.promo.image.useForAIBackground"] == "never"


def test_layers_and_additional_images_are_multipart_fields_and_files_on_post(
    mock_client: Photoroom, recorder: Recorder
) -> None:
    logo, reference = product_png((10, 10)), product_png((12, 12))
    mock_client.edit(
        product_png(),
        edit_with_ai=EditWithAI(
            prompt="put the logo on the mug", additional_images={"ref1": reference}
        ),
        layers={"title": {"text": {"content": "Sale"}}, "logo": {"image": {"imageFile": logo}}},
    )

    parts = {name: (filename, body) for name, filename, body in multipart_parts(recorder.last)}
    assert parts["layers.title.text.content"] == (None, b"Sale")
    assert parts["layers.logo.image.imageFile"][1] == logo
    assert parts["layers.logo.image.imageFile"][0] is not None
    assert parts["editWithAI.additionalImages.ref1.imageFile"][1] == reference
    assert parts["editWithAI.mode"] == (None, b"ai.auto")
    assert parts["editWithAI.prompt"] == (None, b"put the logo on the mug")


def test_additional_images_are_urls_on_get(mock_client: Photoroom, recorder: Recorder) -> None:
    mock_client.edit(
        URL,
        edit_with_ai=EditWithAI(
            prompt="match the style",
            additional_images={
                "style-1": "https://example.com/a.png",
                "style_2": "https://example.com/b.png",
            },
        ),
    )

    params = recorder.last.url.params
    assert params["editWithAI.additionalImages.style-1.imageUrl"] == "https://example.com/a.png"
    assert params["editWithAI.additionalImages.style_2.imageUrl"] == "https://example.com/b.png"


def test_additional_product_images_repeat_the_parameter_on_get_and_the_part_on_post(
    mock_client: Photoroom, recorder: Recorder
) -> None:
    urls = ["https://example.com/back.jpg", "https://example.com/side.jpg"]
    mock_client.edit(URL, virtual_model=VirtualModel(additional_product_images=urls))
    assert recorder.last.url.params.get_list("virtualModel.additionalProductImages") == urls

    files = [product_png((10, 10)), product_png((11, 11))]
    mock_client.edit(product_png(), virtual_model=VirtualModel(additional_product_images=files))
    assert multipart_fields(recorder.last)["virtualModel.additionalProductImages"] == files


def test_group_shorthands_send_the_mode(mock_client: Photoroom, recorder: Recorder) -> None:
    mock_client.edit(URL, shadow="ai.soft", lighting="ai.auto", ironing=True, expand="ai.auto")

    params = dict(recorder.last.url.params.multi_items())
    assert params == {
        "imageUrl": URL,
        "shadow.mode": "ai.soft",
        "lighting.mode": "ai.auto",
        "ironing.mode": "ai.auto",
        "expand.mode": "ai.auto",
    }


def test_an_image_can_be_generated_from_a_prompt_without_an_input_image(
    mock_client: Photoroom, recorder: Recorder
) -> None:
    from photoroom import ImageFromPrompt

    mock_client.edit(image_from_prompt=ImageFromPrompt(prompt="a red car", size="SQUARE_HD"))

    assert recorder.last.method == "GET"
    assert dict(recorder.last.url.params) == {
        "imageFromPrompt.prompt": "a red car",
        "imageFromPrompt.size": "SQUARE_HD",
    }


def test_remove_background_posts_multipart_image_file_to_the_segment_host(
    mock_client: Photoroom, recorder: Recorder
) -> None:
    image = product_png()
    mock_client.remove_background(
        image, format="webp", channels="alpha", bg_color="#FF00FF", size="hd"
    )

    request = recorder.last
    assert request.method == "POST"
    assert request.url.host == "sdk.photoroom.com"
    assert request.url.path == "/v1/segment"
    assert multipart_fields(request) == {
        "image_file": [image],
        "format": [b"webp"],
        "channels": [b"alpha"],
        "bg_color": [b"#FF00FF"],
        "size": [b"hd"],
    }
    assert "accept" not in request.headers or request.headers["accept"] == "*/*"


def test_as_json_asks_the_segment_endpoint_for_json(
    mock_client: Photoroom, recorder: Recorder
) -> None:
    import base64

    image = product_png((8, 8))
    recorder.answer = lambda request: httpx.Response(
        200, json={"base64img": base64.b64encode(image).decode()}
    )

    result = mock_client.remove_background(product_png(), as_json=True)

    assert recorder.last.headers["accept"] == "application/json"
    assert result.content == image
    assert result.content_type == "image/png"


def test_every_request_carries_the_key_header_and_a_user_agent(
    mock_client: Photoroom, recorder: Recorder
) -> None:
    mock_client.edit(URL)
    mock_client.remove_background(product_png())

    for request in recorder.requests:
        assert request.headers["x-api-key"] == API_KEY
        assert request.headers["user-agent"].startswith("photoroom-python/")


def test_account_calls_v2_and_v1_on_the_image_api_host(recorder: Recorder) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v2/account":
            return httpx.Response(
                200, json={"images": {"available": 7, "subscription": 10}, "plan": "plus"}
            )
        return httpx.Response(200, json={"credits": {"available": 70, "subscription": 100}})

    recorder.answer = answer
    with Photoroom(
        API_KEY, http_client=httpx.Client(transport=httpx.MockTransport(recorder))
    ) as client:
        account = client.account()
        legacy = client.account_v1()

    assert (account.plan, account.images.available, account.images.subscription) == ("plus", 7, 10)
    assert (legacy.credits.available, legacy.credits.subscription) == (70, 100)
    assert [(r.url.host, r.url.path) for r in recorder.requests] == [
        ("image-api.photoroom.com", "/v2/account"),
        ("image-api.photoroom.com", "/v1/account"),
    ]


def test_base_url_environment_variable_sends_every_host_to_it(
    recorder: Recorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PHOTOROOM_BASE_URL", "http://localhost:8080/")
    with Photoroom(
        API_KEY, http_client=httpx.Client(transport=httpx.MockTransport(recorder))
    ) as client:
        client.edit(URL)
        client.remove_background(product_png())

    assert [str(r.url.copy_with(query=None)) for r in recorder.requests] == [
        "http://localhost:8080/v2/edit",
        "http://localhost:8080/v1/segment",
    ]


def test_segment_base_url_environment_variable_moves_only_the_segment_host(
    recorder: Recorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PHOTOROOM_SEGMENT_BASE_URL", "http://segment.local")
    with Photoroom(
        API_KEY, http_client=httpx.Client(transport=httpx.MockTransport(recorder))
    ) as client:
        client.edit(URL)
        client.remove_background(product_png())

    assert [r.url.host for r in recorder.requests] == ["image-api.photoroom.com", "segment.local"]


def test_default_headers_and_with_options_headers_are_sent(recorder: Recorder) -> None:
    http = httpx.Client(transport=httpx.MockTransport(recorder))
    client = Photoroom(API_KEY, http_client=http, default_headers={"x-team": "catalog"})

    client.with_options(default_headers={"pr-ai-background-model-version": "2"}).edit(URL)

    assert recorder.last.headers["x-team"] == "catalog"
    assert recorder.last.headers["pr-ai-background-model-version"] == "2"
