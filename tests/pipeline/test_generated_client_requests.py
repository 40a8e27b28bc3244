"""The generated client sends exactly what the real API expects and parses what it answers.

Runs the generated `photoroom_api` against an httpx MockTransport: no network, no emulator."""

from __future__ import annotations

import email.parser
import email.policy
import json
from io import BytesIO
from urllib.parse import parse_qsl

import httpx

from photoroom_api.api.image_editing import edit_image_from_url, edit_image_upload
from photoroom_api.api.remove_background import remove_background
from photoroom_api.client import AuthenticatedClient
from photoroom_api.models import (
    EditImageUploadBody,
    InvalidValue,
    PaymentError,
    RemoveBackgroundBase64Response,
    RemoveBackgroundError,
    RemoveBackgroundPOSTParams,
)
from photoroom_api.types import File

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)


def client_answering(
    status: int, content: bytes, content_type: str, seen: list[httpx.Request]
) -> AuthenticatedClient:
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(status, content=content, headers={"content-type": content_type})

    return AuthenticatedClient(
        base_url="https://image-api.photoroom.com",
        token="sk_test",
        prefix="",
        auth_header_name="x-api-key",
        httpx_args={"transport": httpx.MockTransport(handler)},
    )


def png_client(seen: list[httpx.Request]) -> AuthenticatedClient:
    return client_answering(200, PNG, "image/png", seen)


def query(request: httpx.Request) -> list[tuple[str, str]]:
    return parse_qsl(request.url.query.decode())


def multipart_fields(request: httpx.Request) -> dict[str, tuple[str | None, bytes]]:
    """Field name -> (filename, bytes), parsed with the standard library's MIME parser."""
    head = f"Content-Type: {request.headers['content-type']}\r\n\r\n".encode()
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + request.content)
    return {
        part.get_param("name", header="content-disposition"): (
            part.get_filename(),
            part.get_payload(decode=True),
        )
        for part in message.iter_parts()
    }


def test_edit_with_only_an_image_url_sends_only_that_parameter() -> None:
    seen: list[httpx.Request] = []
    response = edit_image_from_url.sync_detailed(
        client=png_client(seen), image_url="https://example.com/shoe.jpg"
    )
    (request,) = seen
    assert request.method == "GET" and request.url.path == "/v2/edit"
    assert query(request) == [("imageUrl", "https://example.com/shoe.jpg")]
    assert request.headers["x-api-key"] == "sk_test"
    assert isinstance(response.parsed, File)
    assert response.parsed.payload.read() == PNG


def test_virtual_model_preset_is_sent_as_a_dot_notation_leaf() -> None:
    seen: list[httpx.Request] = []
    edit_image_from_url.sync_detailed(
        client=png_client(seen),
        image_url="https://example.com/dress.jpg",
        virtual_model_mode="ai.auto",
        virtual_model_model_preset_name="sam",
    )
    assert sorted(query(seen[0])) == [
        ("imageUrl", "https://example.com/dress.jpg"),
        ("virtualModel.mode", "ai.auto"),
        ("virtualModel.model.preset.name", "sam"),
    ]


def test_expand_prompt_mode_and_booleans_travel_as_the_api_spells_them() -> None:
    seen: list[httpx.Request] = []
    edit_image_from_url.sync_detailed(
        client=png_client(seen),
        image_url="https://example.com/a.jpg",
        background_prompt="on a beach",
        background_expand_prompt_mode="ai.auto",
        remove_background=False,
        padding="10%",
    )
    assert dict(query(seen[0])) == {
        "imageUrl": "https://example.com/a.jpg",
        "background.prompt": "on a beach",
        "background.expandPrompt.mode": "ai.auto",
        "removeBackground": "false",
        "padding": "10%",
    }


def test_multipart_post_sends_the_file_and_dotted_fields() -> None:
    seen: list[httpx.Request] = []
    body = EditImageUploadBody(
        image_file=File(payload=BytesIO(PNG), file_name="shoe.png", mime_type="image/png"),
        background_color="FFFFFF",
        padding=0.1,
        output_size="1000x1000",
        remove_background=True,
        shadow_mode="ai.soft",
        virtual_model_scene_preset_name="studio",
    )
    response = edit_image_upload.sync_detailed(client=png_client(seen), body=body)
    (request,) = seen
    assert request.method == "POST" and request.url.path == "/v2/edit"
    assert multipart_fields(request) == {
        "imageFile": ("shoe.png", PNG),
        "background.color": (None, b"FFFFFF"),
        "padding": (None, b"0.1"),
        "outputSize": (None, b"1000x1000"),
        "removeBackground": (None, b"true"),
        "shadow.mode": (None, b"ai.soft"),
        "virtualModel.scene.preset.name": (None, b"studio"),
    }
    assert isinstance(response.parsed, File)


def segment(status: int, content: bytes, content_type: str) -> object:
    seen: list[httpx.Request] = []
    client = client_answering(status, content, content_type, seen)
    body = RemoveBackgroundPOSTParams(
        image_file=File(payload=BytesIO(PNG), file_name="a.png", mime_type="image/png")
    )
    return remove_background.sync_detailed(client=client, body=body).parsed


def test_segment_png_answer_parses_as_bytes_not_json() -> None:
    parsed = segment(200, PNG, "image/png")
    assert isinstance(parsed, File) and parsed.payload.read() == PNG


def test_segment_json_answer_parses_into_its_named_model() -> None:
    answer = json.dumps({"base64img": "iVBORw0KGgo="}).encode()
    parsed = segment(200, answer, "application/json")
    assert isinstance(parsed, File)  # the generated 200 is bytes; the JSON has its own model:
    model = RemoveBackgroundBase64Response.from_dict(json.loads(parsed.payload.read()))
    assert model.base64img == "iVBORw0KGgo="


def test_segment_400_and_402_parse_into_the_segment_error_model() -> None:
    for status, kind in ((400, "missing_image"), (402, "payment_required")):
        body = {"detail": "x", "status_code": status, "type": kind}
        parsed = segment(status, json.dumps(body).encode(), "application/json")
        assert isinstance(parsed, RemoveBackgroundError)
        assert (parsed.status_code, parsed.type_) == (status, kind)


def edit_answer(status: int, body: dict[str, object]) -> object:
    seen: list[httpx.Request] = []
    client = client_answering(status, json.dumps(body).encode(), "application/json", seen)
    return edit_image_from_url.sync_detailed(
        client=client, image_url="https://example.com/a.jpg"
    ).parsed


def test_edit_400_and_402_parse_into_their_models() -> None:
    bad = edit_answer(400, {"error": {"message": "removeBackground must be boolean"}})
    assert isinstance(bad, InvalidValue) and bad.error.message == "removeBackground must be boolean"
    broke = edit_answer(402, {"error": {"detail": "API credits exhausted."}})
    assert isinstance(broke, PaymentError) and broke.error.detail == "API credits exhausted."


def test_multipart_boundary_is_random_so_no_payload_can_forge_a_part() -> None:
    seen: list[httpx.Request] = []
    forged = 'a prompt\r\n--+++\r\nContent-Disposition: form-data; name="padding"\r\n\r\n0.4'
    body = EditImageUploadBody(
        image_file=File(payload=BytesIO(PNG), file_name="a.png", mime_type="image/png"),
        background_prompt=forged,
    )
    edit_image_upload.sync_detailed(client=png_client(seen), body=body)
    assert "boundary=+++" not in seen[0].headers["content-type"]
    fields = multipart_fields(seen[0])
    assert set(fields) == {"imageFile", "background.prompt"}
    assert fields["background.prompt"] == (None, forged.encode())
