"""Every 2xx and 4xx answer conforms to ``openapi/photoroom.json``: a declared status, a declared
content type, a body that validates against its schema, and declared headers that match theirs.

``openapi-core`` is not a dependency, so the check is done here with jsonschema against the
response objects resolved from the spec.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from jsonschema import Draft202012Validator
from PIL import Image

from photoroom.spec import inline_refs
from photoroom_emulator.config import EmulatorConfig, RateLimit
from photoroom_emulator.spec import load_spec

from .conftest import ClientFactory, product_png

SPEC = load_spec()
IMAGE_TYPES = {"image/png": "PNG", "image/jpeg": "JPEG", "image/webp": "WEBP"}
KEYS = "plus:100:plus,basic:100:basic,broke:0:plus"


def assert_conforms(method: str, path: str, response: httpx.Response) -> None:
    operation = SPEC["paths"][path][method.lower()]
    status = str(response.status_code)
    assert status in operation["responses"], f"{method} {path} answered undeclared {status}"
    declared = inline_refs(SPEC, operation["responses"][status])
    media_type = response.headers["content-type"].split(";")[0].strip()
    assert media_type in declared.get("content", {}), f"undeclared content type {media_type}"
    schema = declared["content"][media_type].get("schema", {})
    if media_type == "application/json":
        Draft202012Validator(schema).validate(response.json())
    else:
        assert schema.get("format") == "binary"
        image = Image.open(io.BytesIO(response.content))
        assert image.format == IMAGE_TYPES[media_type]
    for name, header in declared.get("headers", {}).items():
        if name.lower() in response.headers:
            Draft202012Validator(header["schema"]).validate(
                _typed(response.headers[name], header["schema"])
            )


def _typed(value: str, schema: dict[str, Any]) -> Any:
    if schema.get("type") == "integer":
        return int(value)
    if schema.get("type") == "number":
        return float(value)
    return value


@dataclass(frozen=True)
class Case:
    name: str
    method: str
    path: str
    status: int
    send: Callable[[httpx.Client], httpx.Response]
    client: str = "open"


def _png(size: tuple[int, int] = (120, 90)) -> tuple[str, bytes, str]:
    return ("p.png", product_png(size), "image/png")


def _segment(**data: str) -> Callable[[httpx.Client], httpx.Response]:
    return lambda c: c.post("/v1/segment", files={"image_file": _png()}, data=data)


def _edit_post(**data: str) -> Callable[[httpx.Client], httpx.Response]:
    return lambda c: c.post("/v2/edit", files={"imageFile": _png()}, data=data)


def _edit_get(image_url: str | None, **params: str) -> Callable[[httpx.Client], httpx.Response]:
    extra = {} if image_url is None else {"imageUrl": image_url}
    return lambda c: c.get("/v2/edit", params={**extra, **params})


def _as(key: str, send: Callable[[httpx.Client], httpx.Response]) -> Callable[..., httpx.Response]:
    def call(client: httpx.Client) -> httpx.Response:
        client.headers["x-api-key"] = key
        return send(client)

    return call


CASES = [
    Case("segment png", "POST", "/v1/segment", 200, _segment()),
    Case("segment jpg", "POST", "/v1/segment", 200, _segment(format="jpg", bg_color="red")),
    Case(
        "segment webp alpha", "POST", "/v1/segment", 200, _segment(format="webp", channels="alpha")
    ),
    Case(
        "segment json",
        "POST",
        "/v1/segment",
        200,
        lambda c: c.post(
            "/v1/segment", files={"image_file": _png()}, headers={"accept": "application/json"}
        ),
    ),
    Case("segment no image", "POST", "/v1/segment", 400, lambda c: c.post("/v1/segment")),
    Case("segment bad option", "POST", "/v1/segment", 400, _segment(size="huge")),
    Case(
        "segment bad image",
        "POST",
        "/v1/segment",
        400,
        lambda c: c.post("/v1/segment", files={"image_file": ("a.png", b"text")}),
    ),
    Case("segment no key", "POST", "/v1/segment", 403, _as("", _segment())),
    Case("segment broke", "POST", "/v1/segment", 402, _as("broke", _segment()), "keys"),
    Case("segment limited", "POST", "/v1/segment", 429, _segment(), "limited"),
    Case("edit post png", "POST", "/v2/edit", 200, _edit_post(**{"background.color": "red"})),
    Case("edit post jpeg", "POST", "/v2/edit", 200, _edit_post(**{"export.format": "jpeg"})),
    Case("edit post webp", "POST", "/v2/edit", 200, _edit_post(**{"export.format": "webp"})),
    Case("edit post unknown", "POST", "/v2/edit", 200, _edit_post(surprise="1")),
    Case(
        "edit post shadow+outline",
        "POST",
        "/v2/edit",
        200,
        _edit_post(
            **{"shadow.mode": "ai.soft", "outline.color": "FF0000", "outputSize": "100x100"}
        ),
    ),
    Case("edit post bad bool", "POST", "/v2/edit", 400, _edit_post(removeBackground="1")),
    Case("edit post no file", "POST", "/v2/edit", 400, lambda c: c.post("/v2/edit", data={})),
    Case("edit post no key", "POST", "/v2/edit", 403, _as("", _edit_post())),
    Case("edit post basic plan", "POST", "/v2/edit", 403, _as("basic", _edit_post()), "keys"),
    Case("edit post broke", "POST", "/v2/edit", 402, _as("broke", _edit_post()), "keys"),
    Case("edit post limited", "POST", "/v2/edit", 429, _edit_post(), "limited"),
    Case(
        "edit get prompt",
        "GET",
        "/v2/edit",
        200,
        _edit_get(None, **{"imageFromPrompt.prompt": "a", "removeBackground": "false"}),
    ),
    Case(
        "edit get bad enum", "GET", "/v2/edit", 400, _edit_get("https://x.test/a.png", scaling="x")
    ),
    Case("edit get bad url", "GET", "/v2/edit", 400, _edit_get("ftp://x.test/a.png")),
    Case("edit get no key", "GET", "/v2/edit", 403, _as("", _edit_get("https://x.test/a.png"))),
    Case("account v1", "GET", "/v1/account", 200, lambda c: c.get("/v1/account")),
    Case("account v2", "GET", "/v2/account", 200, lambda c: c.get("/v2/account")),
    Case(
        "account v2 keys",
        "GET",
        "/v2/account",
        200,
        _as("broke", lambda c: c.get("/v2/account")),
        "keys",
    ),
    Case(
        "account v1 bad key",
        "GET",
        "/v1/account",
        403,
        _as("who", lambda c: c.get("/v1/account")),
        "keys",
    ),
    Case(
        "account v2 limited", "GET", "/v2/account", 429, lambda c: c.get("/v2/account"), "limited"
    ),
    Case(
        "render post",
        "POST",
        "/v1/render",
        200,
        lambda c: c.post("/v1/render", files={"imageFile": _png()}, data={"templateId": "t"}),
    ),
    Case(
        "render post no template",
        "POST",
        "/v1/render",
        400,
        lambda c: c.post("/v1/render", files={"imageFile": _png()}),
    ),
    Case(
        "render get no image",
        "GET",
        "/v1/render",
        400,
        lambda c: c.get("/v1/render", params={"templateId": "t"}),
    ),
    Case(
        "render get no key",
        "GET",
        "/v1/render",
        403,
        _as("", lambda c: c.get("/v1/render", params={"templateId": "t"})),
    ),
]


def _client(make_client: ClientFactory, kind: str) -> httpx.Client:
    if kind == "keys":
        client = make_client(EmulatorConfig.from_mapping({"keys": KEYS}))
        client.headers["x-api-key"] = "plus"
        return client
    if kind == "limited":
        client = make_client(rate_limit=RateLimit(rate=0.001, burst=1))
        client.get("/v2/account")  # spend the only token
        return client
    return make_client()


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_response_conforms_to_the_spec(make_client: ClientFactory, case: Case) -> None:
    response = case.send(_client(make_client, case.client))
    assert response.status_code == case.status, response.text
    assert_conforms(case.method, case.path, response)


def test_every_operation_is_covered() -> None:
    covered = {(case.method, case.path) for case in CASES}
    declared = {
        (method.upper(), path)
        for path, item in SPEC["paths"].items()
        for method in item
        if method in ("get", "post")
    }
    assert covered == declared


def test_the_served_spec_is_the_overlaid_document(client: httpx.Client) -> None:
    response = client.get("/openapi")
    assert response.status_code == 200
    assert response.json() == SPEC
    assert client.get("/health").json()["status"] == "ok"
