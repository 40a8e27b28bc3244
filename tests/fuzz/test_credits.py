"""Credits across calls: spending shows on both account endpoints; an empty balance is a 402.

Schemathesis' stateful phase links operations through ids in responses, and this API has none
(the state is the key's balance), so these are plain sequences. Every answer is still checked
against the spec with schemathesis' conformance checks and the hooks' own checks.

Billing (docs, and ``photoroom_emulator.accounts``): a segment call costs 1 credit, an edit 5;
``/v1/account`` counts credits, ``/v2/account`` images (edits the balance still pays for).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from photoroom_emulator import EmulatorConfig, create_app
from tests.fuzz import hooks
from tests.fuzz.images import samples

SPEC = Path(__file__).resolve().parents[2] / "openapi" / "photoroom.json"
KEY = "credits-key"
START = 12  # credits: room for one segment, two edits and one more segment
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    hooks.error_body_shape,
    hooks.image_matches_request,
]
IMAGE = samples()[4]  # a 100x100 JPEG product shot


class Api:
    """Calls the in-process emulator through schemathesis cases, validating every answer."""

    def __init__(self, app: Any) -> None:
        # An explicit config: the default would discover schemathesis.toml in the working dir.
        self.schema = schemathesis.openapi.from_path(SPEC, config=schemathesis.Config())
        self.app = app

    def call(
        self,
        method: str,
        path: str,
        *,
        key: str = KEY,
        body: dict[str, Any] | None = None,
        query: dict[str, Any] | None = None,
    ) -> schemathesis.Response:
        payload: dict[str, Any] = {}
        if body is not None:
            payload = {"body": body, "media_type": "multipart/form-data"}
        case = self.schema[path][method].Case(headers={"x-api-key": key}, query=query, **payload)
        response = case.call(app=self.app)
        case.validate_response(response, checks=CHECKS)
        return response

    def segment(self, key: str = KEY, image: bytes = IMAGE.data) -> schemathesis.Response:
        return self.call("POST", "/v1/segment", key=key, body={"image_file": image})

    def edit(self, **fields: Any) -> schemathesis.Response:
        return self.call("POST", "/v2/edit", body={"imageFile": IMAGE.data, **fields})

    def balance(self) -> tuple[float, int]:
        """(credits available on /v1/account, images available on /v2/account)."""
        v1 = self.call("GET", "/v1/account").json()
        v2 = self.call("GET", "/v2/account").json()
        assert v1["credits"]["subscription"] == START
        assert v2["plan"] == "plus"
        return v1["credits"]["available"], v2["images"]["available"]


@pytest.fixture
def api() -> Iterator[Api]:
    yield Api(create_app(EmulatorConfig.from_mapping({"keys": f"{KEY}:{START}:plus"})))


def test_each_call_spends_its_price_and_both_account_endpoints_show_it(api: Api) -> None:
    assert api.balance() == (12, 2)
    assert api.segment().status_code == 200
    assert api.balance() == (11, 2)
    assert api.edit(outputSize="64x48").status_code == 200
    assert api.balance() == (6, 1)
    url = hooks.image_base() + IMAGE.name
    response = api.call("GET", "/v2/edit", query={"imageUrl": url, "export.format": "webp"})
    assert response.status_code == 200
    assert api.balance() == (1, 0)


def test_an_exhausted_balance_is_a_402_in_each_hosts_shape_and_costs_nothing(api: Api) -> None:
    for _ in range(2):
        assert api.edit().status_code == 200
    assert api.balance() == (2, 0)

    refused = api.edit()
    assert refused.status_code == 402
    assert "credits exhausted" in refused.json()["error"]["detail"]
    assert api.balance() == (2, 0)

    assert api.segment().status_code == 200
    assert api.segment().status_code == 200
    refused = api.segment()
    assert refused.status_code == 402
    assert refused.json()["status_code"] == 402
    assert api.balance() == (0, 0)


def test_refused_requests_and_sandbox_calls_spend_nothing(api: Api) -> None:
    assert api.segment(image=b"not an image").status_code == 400
    assert api.edit(**{"export.format": "gif"}).status_code == 400
    assert api.segment(key="someone-else").status_code == 403
    assert api.segment(key="sandbox_" + KEY).status_code == 200
    assert api.balance() == (12, 2)
