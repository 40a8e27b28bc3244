"""Keys, plans and balances: who may call what, and what each call costs."""

from __future__ import annotations

import contextlib
import threading

import httpx
import pytest

from photoroom.spec import operation
from photoroom_emulator.accounts import Accounts
from photoroom_emulator.config import EmulatorConfig, KeySpec
from photoroom_emulator.errors import ApiError

from .conftest import ClientFactory, assert_api_error, assert_segment_error, open_image, product_png

EDIT_COST = int(operation("edit-image-upload").credits({}))
KEYS = "plus-key:100:plus,basic-key:10:basic,broke-key:0:plus,four-key:4:plus"


def _segment(client: httpx.Client, key: str | None) -> httpx.Response:
    headers = {} if key is None else {"x-api-key": key}
    files = {"image_file": ("p.png", product_png(), "image/png")}
    return client.post("/v1/segment", files=files, headers=headers)


def _edit(client: httpx.Client, key: str, **fields: str) -> httpx.Response:
    files = {"imageFile": ("p.png", product_png(), "image/png")}
    return client.post("/v2/edit", files=files, data=fields, headers={"x-api-key": key})


def test_any_key_works_when_no_keys_are_configured(make_client: ClientFactory) -> None:
    client = make_client()
    response = client.get("/v2/account", headers={"x-api-key": "whatever-i-typed"})
    assert response.status_code == 200
    assert response.json()["plan"] == "plus"


@pytest.mark.parametrize("path", ["/v1/account", "/v2/account"])
def test_missing_key_is_403_on_image_api(make_client: ClientFactory, path: str) -> None:
    client = make_client()
    response = client.get(path, headers={"x-api-key": ""})
    assert assert_api_error(response, 403) == "Unauthorized"


def test_missing_key_is_403_in_segment_shape(make_client: ClientFactory) -> None:
    client = make_client()
    del client.headers["x-api-key"]
    body = assert_segment_error(_segment(client, None), 403)
    assert body["type"] == "unauthorized"


def test_unknown_key_is_403_when_keys_are_configured(make_client: ClientFactory) -> None:
    client = make_client(EmulatorConfig.from_mapping({"keys": KEYS}))
    assert assert_api_error(client.get("/v2/account", headers={"x-api-key": "nope"}), 403)
    assert_segment_error(_segment(client, "nope"), 403)
    assert client.get("/v2/account", headers={"x-api-key": "plus-key"}).status_code == 200


def test_exhausted_balance_is_402_in_each_shape(make_client: ClientFactory) -> None:
    client = make_client(EmulatorConfig.from_mapping({"keys": KEYS}))
    body = assert_segment_error(_segment(client, "broke-key"), 402)
    assert body["type"] == "payment_required"
    detail = assert_api_error(_edit(client, "broke-key"), 402)
    assert detail.startswith("API credits exhausted.")


def test_edit_needs_five_credits(make_client: ClientFactory) -> None:
    client = make_client(EmulatorConfig.from_mapping({"keys": KEYS}))
    assert_api_error(_edit(client, "four-key"), 402)
    assert _segment(client, "four-key").status_code == 200  # 1 credit is enough for a cut-out
    credits = client.get("/v1/account", headers={"x-api-key": "four-key"}).json()["credits"]
    assert credits == {"available": 3, "subscription": 4}


def test_basic_plan_cannot_edit(make_client: ClientFactory) -> None:
    client = make_client(EmulatorConfig.from_mapping({"keys": KEYS}))
    message = assert_api_error(_edit(client, "basic-key"), 403)
    assert "plan" in message.lower()
    assert _segment(client, "basic-key").status_code == 200


def test_balances_decrease_by_the_documented_costs(make_client: ClientFactory) -> None:
    client = make_client(EmulatorConfig.from_mapping({"keys": KEYS}))
    key = {"x-api-key": "plus-key"}
    assert client.get("/v2/account", headers=key).json() == {
        "images": {"available": 20, "subscription": 20},
        "plan": "plus",
    }
    assert _segment(client, "plus-key").status_code == 200
    assert _edit(client, "plus-key", **{"background.color": "white"}).status_code == 200
    assert client.get("/v1/account", headers=key).json() == {
        "credits": {"available": 100 - 1 - EDIT_COST, "subscription": 100}
    }
    assert client.get("/v2/account", headers=key).json()["images"] == {
        "available": (100 - 1 - EDIT_COST) // EDIT_COST,
        "subscription": 20,
    }


def test_failed_calls_are_not_charged(make_client: ClientFactory) -> None:
    client = make_client(EmulatorConfig.from_mapping({"keys": KEYS}))
    files = {"image_file": ("p.png", b"not an image", "image/png")}
    response = client.post("/v1/segment", files=files, headers={"x-api-key": "plus-key"})
    assert_segment_error(response, 400)
    credits = client.get("/v1/account", headers={"x-api-key": "plus-key"}).json()["credits"]
    assert credits["available"] == 100


def test_sandbox_key_spends_nothing_and_watermarks(make_client: ClientFactory) -> None:
    client = make_client(EmulatorConfig.from_mapping({"keys": KEYS}))
    fields = {"background.color": "FFFFFF"}
    live = _edit(client, "plus-key", **fields)
    sandbox = _edit(client, "sandbox_plus-key", **fields)
    assert live.status_code == sandbox.status_code == 200
    assert live.content != sandbox.content  # the watermark changed pixels
    assert open_image(live.content).size == open_image(sandbox.content).size
    credits = client.get("/v1/account", headers={"x-api-key": "plus-key"}).json()["credits"]
    assert credits["available"] == 100 - EDIT_COST  # only the live call paid


def test_sandbox_key_of_an_unknown_account_is_403(make_client: ClientFactory) -> None:
    client = make_client(EmulatorConfig.from_mapping({"keys": KEYS}))
    assert_api_error(client.get("/v2/account", headers={"x-api-key": "sandbox_nope"}), 403)


def test_reservations_are_thread_safe() -> None:
    accounts = Accounts(EmulatorConfig(keys=(KeySpec("k", 50, "plus"),)))
    caller = accounts.authenticate("k")
    paid: list[float] = []

    def spend() -> None:
        for _ in range(20):
            with contextlib.suppress(ApiError):
                paid.append(accounts.reserve(caller, 1))

    threads = [threading.Thread(target=spend) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(paid) == 50
    assert accounts.balance(caller).credits == 0


def test_a_preview_cut_out_costs_a_quarter_credit(make_client: ClientFactory) -> None:
    """The docs' FAQ: a ``size=preview`` call costs 0.25 credit (``x-photoroom-cost``)."""
    client = make_client(EmulatorConfig.from_mapping({"keys": KEYS}))
    files = {"image_file": ("p.png", product_png(), "image/png")}
    headers = {"x-api-key": "plus-key"}
    preview = client.post("/v1/segment", files=files, data={"size": "preview"}, headers=headers)
    assert preview.status_code == 200
    assert client.post("/v1/segment", files=files, headers=headers).status_code == 200
    credits = client.get("/v1/account", headers=headers).json()["credits"]
    assert credits["available"] == 100 - 0.25 - 1
