"""Request validation derived from the spec: coercion, messages, keyed leaves, defaults, rules."""

from __future__ import annotations

import httpx
import pytest

from photoroom_emulator.errors import ApiError
from photoroom_emulator.spec import load_spec
from photoroom_emulator.validation import OperationValidator, build_validators, check_rules

from .conftest import ClientFactory, assert_api_error, assert_segment_error, product_png

VALIDATORS = build_validators(load_spec())
EDIT_GET = VALIDATORS["edit-image-from-url"]
EDIT_POST = VALIDATORS["edit-image-upload"]

URL = "https://example.com/a.png"


def get_schema(name: str) -> dict[str, object]:
    """The schema of one GET /v2/edit parameter, as the emulator validates it."""
    declared = load_spec()["paths"]["/v2/edit"]["get"]["parameters"]
    (schema,) = [p["schema"] for p in declared if p["name"] == name]
    return dict(schema)


DPI_MAXIMUM = get_schema("export.dpi")["maximum"]
EXPAND_MODE = get_schema("expand.mode")["const"]


def _message(validator: OperationValidator, **params: str) -> str:
    with pytest.raises(ApiError) as caught:
        validator.validate(params.items())
    assert caught.value.status == 400
    return caught.value.message


def _edit(client: httpx.Client, **fields: str) -> httpx.Response:
    files = {"imageFile": ("p.png", product_png(), "image/png")}
    return client.post("/v2/edit", files=files, data=fields)


def test_every_operation_of_the_spec_has_a_validator() -> None:
    operations = {
        op["operationId"]
        for path_item in load_spec()["paths"].values()
        for op in path_item.values()
        if isinstance(op, dict) and "operationId" in op
    }
    assert set(VALIDATORS) == operations
    # The parameter list comes from the spec, not from a copy in the code: query parameters
    # are fields, request headers (model versions) are checked apart.
    declared = load_spec()["paths"]["/v2/edit"]["get"]["parameters"]
    assert set(EDIT_GET.fields) == {p["name"] for p in declared if p["in"] == "query"}
    assert set(EDIT_GET.headers) == {p["name"] for p in declared if p["in"] == "header"}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"removeBackground": "yes"}, "removeBackground must be boolean"),
        ({"export.dpi": "high"}, "export.dpi must be number"),
        ({"export.dpi": f"{DPI_MAXIMUM}1"}, f"export.dpi must be <= {DPI_MAXIMUM}"),
        ({"background.blur.radius": "0"}, "background.blur.radius must be > 0"),
        ({"expand.mode": "auto"}, f"expand.mode must be {EXPAND_MODE}"),
        ({"templateId": "not-a-uuid"}, 'templateId must match format "uuid"'),
        ({"virtualModel.model": "sam"}, "virtualModel.model must match a schema in anyOf"),
        ({"virtualModel.scene": "beach"}, "virtualModel.scene must match a schema in anyOf"),
        ({"background": "red"}, "background must be object"),
        ({"removeBackground": ["true", "false"]}, "removeBackground must be a single value"),
    ],
)
def test_messages_name_the_parameter(params: dict[str, object], expected: str) -> None:
    items = [
        (name, value)
        for name, values in params.items()
        for value in (values if isinstance(values, list) else [values])
    ]
    with pytest.raises(ApiError) as caught:
        EDIT_GET.validate(items)  # type: ignore[arg-type]
    assert caught.value.message.startswith(expected)


def test_enum_message_lists_the_choices_in_the_spec_order() -> None:
    choices = get_schema("shadow.mode")["enum"]
    assert isinstance(choices, list) and "soft" not in choices
    message = _message(EDIT_GET, **{"shadow.mode": "soft"})
    assert message == f"shadow.mode must be one of {', '.join(choices)}"


@pytest.mark.parametrize("value", ["1000", "1000x", "big", "10x10x10"])
def test_output_size_pattern(value: str) -> None:
    assert _message(EDIT_GET, outputSize=value).startswith("outputSize must match pattern")


@pytest.mark.parametrize("value", ["0.7", "70%", "10 px", "-1", "abc"])
def test_padding_accepts_neither_branch(value: str) -> None:
    message = _message(EDIT_GET, padding=value)
    assert message.startswith("padding must match a schema in anyOf")
    assert "must match pattern" in message


@pytest.mark.parametrize(
    ("value", "typed"), [("0.1", 0.1), ("0", 0), ("10%", "10%"), ("25px", "25px")]
)
def test_padding_coerces_numbers_and_keeps_strings(value: str, typed: object) -> None:
    params = EDIT_GET.validate([("padding", value)])
    assert params.get("padding") == typed
    assert type(params.get("padding")) is type(typed)


def test_booleans_and_anyof_number_or_name_are_coerced() -> None:
    params = EDIT_GET.validate(
        [
            ("removeBackground", "false"),
            ("shadow.directionOverride", "90"),
            ("shadow.spreadOverride", "long"),
        ]
    )
    assert params.get("removeBackground") is False
    assert params.get("shadow.directionOverride") == 90
    assert params.get("shadow.spreadOverride") == "long"


def test_keyed_leaves_are_accepted_and_checked() -> None:
    params = EDIT_GET.validate(
        [
            ("layers.title.text.content", "Sale"),
            ("layers.logo_1.image.imageUrl", "https://example.com/logo.png"),
            ("layers.logo_1.image.padding", "0.2"),
            ("editWithAI.additionalImages.ref-a.imageUrl", URL),
        ]
    )
    assert params.get("layers.title.text.content") == "Sale"
    assert params.get("layers.logo_1.image.padding") == 0.2
    assert not params.unsupported
    message = _message(EDIT_GET, **{"layers.logo.image.horizontalAlignment": "middle"})
    assert message == "layers.logo.image.horizontalAlignment must be one of left, center, right"
    assert "anyOf" in _message(EDIT_GET, **{"layers.logo": "x"})


def test_keys_outside_the_key_pattern_are_unsupported() -> None:
    params = EDIT_GET.validate([("layers.bad key.text.content", "x")])
    assert params.unsupported == ["layers.bad key.text.content"]


def test_unknown_parameters_are_reported_not_rejected(client: httpx.Client) -> None:
    response = _edit(client, **{"background.inner": "1", "colour": "red"})
    assert response.status_code == 200
    assert response.headers["pr-unsupported-attributes"] == (
        "Unsupported attributes: background.inner, colour"
    )
    assert "pr-unsupported-attributes" not in _edit(client).headers


def test_unsupported_names_are_escaped_for_the_header(client: httpx.Client) -> None:
    response = _edit(client, **{"caf\u00e9\U000bc803": "1"})
    assert response.status_code == 200
    header = response.headers["pr-unsupported-attributes"]
    assert header == "Unsupported attributes: caf\\xe9\\U000bc803"


def test_server_defaults_are_applied() -> None:
    params = EDIT_GET.validate([])
    assert params.get("removeBackground") is True
    assert params.get("export.format") == "png"
    assert params.get("outputSize") == "auto"
    assert not params.given("removeBackground")
    # POST records no defaults of its own; it takes those of GET on the same path.
    assert EDIT_POST.validate([]).get("background.blur.radius") == 0.01
    assert VALIDATORS["remove-background"].fields["crop"].default is False


def test_segment_validation_errors_use_the_segment_shape(client: httpx.Client) -> None:
    response = client.post(
        "/v1/segment",
        files={"image_file": ("p.png", product_png(), "image/png")},
        data={"format": "gif"},
    )
    body = assert_segment_error(response, 400)
    assert body["detail"] == "format must be one of png, jpg, webp"


def test_segment_without_image(client: httpx.Client) -> None:
    body = assert_segment_error(client.post("/v1/segment", data={"format": "png"}), 400)
    assert body == {
        "detail": "Please provide an image.",
        "status_code": 400,
        "type": "missing_image",
    }


def test_edit_validation_error_over_http(client: httpx.Client) -> None:
    message = assert_api_error(_edit(client, removeBackground="maybe"), 400)
    assert message == "removeBackground must be boolean"
    query = client.get("/v2/edit", params={"imageUrl": "https://x.test/a.png", "scaling": "big"})
    assert assert_api_error(query, 400) == "scaling must be one of fit, fill"


@pytest.mark.parametrize(
    ("params", "fragment"),
    [
        ({}, "imageUrl must be provided"),
        (
            {"imageUrl": URL, "imageFromPrompt.prompt": "a car"},
            "mutually exclusive",
        ),
        (
            {
                "imageUrl": URL,
                "background.imageUrl": URL,
                "background.prompt": "beach",
            },
            "background.imageUrl and background.prompt are mutually exclusive",
        ),
        (
            {
                "imageUrl": URL,
                "removeBackground": "false",
                "background.imageUrl": URL,
            },
            "background.imageUrl can't be provided if removeBackground is set to false",
        ),
        (
            {"imageUrl": URL, "background.scaling": "fit"},
            "background.scaling can only be provided if background.imageUrl",
        ),
        (
            {
                "imageUrl": URL,
                "virtualModel.model.preset.name": "sam",
                "virtualModel.model.custom.imageUrl": "https://x.test/m.png",
            },
            "virtualModel.model.preset.name and virtualModel.model.custom.imageUrl",
        ),
        (
            {"imageUrl": URL, "maxWidth": "100", "outputSize": "200x200"},
            "maxWidth can only",
        ),
        (
            {
                "imageUrl": URL,
                "layers.a.text.content": "x",
                "layers.a.image.padding": "0.1",
            },
            "layers.a must match a schema in anyOf",
        ),
    ],
)
def test_cross_parameter_rules(params: dict[str, str], fragment: str) -> None:
    validated = EDIT_GET.validate(params.items())
    with pytest.raises(ApiError) as caught:
        check_rules(validated, "edit-image-from-url")
    assert fragment in caught.value.message


def test_generated_image_needs_no_input() -> None:
    params = EDIT_GET.validate([("imageFromPrompt.prompt", "a red car")])
    check_rules(params, "edit-image-from-url")


def test_post_edit_without_file(make_client: ClientFactory) -> None:
    client = make_client()
    response = client.post("/v2/edit", data={"background.color": "red"})
    assert "imageFile must be provided" in assert_api_error(response, 400)


def test_file_sent_as_text_is_rejected(client: httpx.Client) -> None:
    response = client.post("/v2/edit", data={"imageFile": "aGVsbG8="})
    assert assert_api_error(response, 400) == "imageFile must be a file"
