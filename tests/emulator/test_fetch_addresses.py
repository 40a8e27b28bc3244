"""``imageUrl`` cannot turn the emulator into a proxy: by default no link-local, private or
multicast address is fetched (after DNS resolution, and again on every redirect), loopback and
public hosts are, and an explicit ``allow_hosts`` wins.

Nothing here sends a packet to a non-loopback address: every connection goes through a spy on
httpcore's connect that lets only 127.0.0.1 through, names are resolved by a fake resolver, and
the tests assert that a refused address never reached the connect call at all.
"""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from typing import Any

import httpcore
import httpx
import pytest

from photoroom_emulator import fetch
from photoroom_emulator.config import EmulatorConfig
from photoroom_emulator.errors import ApiError
from photoroom_emulator.fetch import fetch_image, refused_kind

from .conftest import ClientFactory, assert_api_error, open_image

LOOPBACK = ("127.0.0.1", "::1")
# What the fake resolver answers; any other name fails to resolve (no real DNS query).
NAMES = {
    "metadata.test": ["169.254.169.254"],
    "intranet.test": ["10.1.2.3"],
    "mixed.test": ["93.184.216.34", "192.168.1.20"],
    "group.test": ["239.1.2.3"],
    "images.test": ["127.0.0.1"],
}


@pytest.fixture
def connects(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every host httpcore was asked to connect to; only loopback is really connected."""
    seen: list[str] = []
    original = httpcore.AnyIOBackend.connect_tcp

    async def spy(self: Any, host: str, port: int, *args: Any, **kwargs: Any) -> Any:
        seen.append(host)
        if host not in LOOPBACK:
            raise httpcore.ConnectError(f"test spy: no connection to {host}")
        return await original(self, host, port, *args, **kwargs)

    monkeypatch.setattr(httpcore.AnyIOBackend, "connect_tcp", spy)
    return seen


@pytest.fixture
def resolved(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Names the emulator resolved, answered from :data:`NAMES`."""
    asked: list[str] = []
    real = fetch.resolve

    async def fake(host: str, port: int) -> list[str]:
        if fetch._literal_address(host) is not None:
            return await real(host, port)  # an IP address: no lookup at all
        asked.append(host)
        if host not in NAMES:
            raise OSError(f"test resolver: unknown name {host}")
        return NAMES[host]

    monkeypatch.setattr(fetch, "resolve", fake)
    return asked


@pytest.fixture
def redirector() -> Iterator[str]:
    """A loopback server answering ``/to?<url>`` with a 302 to ``<url>``."""

    class Redirect(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(302)
            self.send_header("Location", self.path.split("?", 1)[1])
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Redirect)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/to?"
    server.shutdown()
    server.server_close()


async def refused(url: str, config: EmulatorConfig | None = None) -> str:
    with pytest.raises(ApiError) as caught:
        await fetch_image(url, "imageUrl", config or EmulatorConfig())
    assert caught.value.status == 400
    return caught.value.message


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", None),
        ("127.8.9.10", None),
        ("::1", None),
        ("93.184.216.34", None),
        ("2606:4700::1111", None),
        ("10.0.0.1", "private"),
        ("172.16.5.4", "private"),
        ("192.168.1.1", "private"),
        ("fd00::1", "private"),
        ("169.254.169.254", "link-local"),
        ("fe80::1", "link-local"),
        ("224.0.0.1", "multicast"),
        ("ff02::1", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("100.64.0.1", "non-public"),
        ("::ffff:10.0.0.1", "private"),
        ("::ffff:127.0.0.1", None),
    ],
)
def test_address_policy(address: str, kind: str | None) -> None:
    assert refused_kind(address) == kind


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("http://10.0.0.1/a.png", "private"),
        ("http://169.254.169.254/latest/meta-data/", "link-local"),
        ("http://224.0.0.1/a.png", "multicast"),
        ("http://[fe80::1]/a.png", "link-local"),
        ("https://[::ffff:192.168.0.1]/a.png", "private"),
    ],
)
async def test_literal_refused_addresses_are_never_contacted(
    connects: list[str], url: str, kind: str
) -> None:
    message = await refused(url)
    assert f"a {kind} address" in message and "PHOTOROOM_EMULATOR_ALLOW_HOSTS" in message
    assert connects == []


@pytest.mark.parametrize(
    ("host", "kind"),
    [
        ("metadata.test", "link-local"),
        ("intranet.test", "private"),
        ("group.test", "multicast"),
        ("mixed.test", "private"),  # one refused address refuses the name
    ],
)
async def test_names_are_checked_after_resolution(
    connects: list[str], resolved: list[str], host: str, kind: str
) -> None:
    message = await refused(f"http://{host}/a.png")
    assert f"a {kind} address" in message and host in message
    assert resolved == [host]
    assert connects == []


async def test_numeric_host_spellings_are_refused(connects: list[str], resolved: list[str]) -> None:
    """``10.1`` and ``0xa.0.0.1`` are 10.0.0.1 to a resolver: read as such, never looked up."""
    for url in ("http://10.1/a.png", "http://0xa.0.0.1/a.png"):
        assert "resolves to 10.0.0.1, a private address" in await refused(url)
    assert connects == [] and resolved == []


async def test_a_redirect_to_a_refused_address_is_refused(
    connects: list[str], resolved: list[str], redirector: str
) -> None:
    message = await refused(redirector + "http://169.254.169.254/latest/meta-data/")
    assert "http://169.254.169.254/latest/meta-data/" in message and "link-local" in message
    message = await refused(redirector + "http://intranet.test/a.png")
    assert "intranet.test" in message and "a private address" in message
    assert set(connects) == {"127.0.0.1"}  # the redirector only


def test_loopback_is_fetched(client: httpx.Client, image_server: str, connects: list[str]) -> None:
    response = client.get(
        "/v2/edit", params={"imageUrl": f"{image_server}/product.png", "outputSize": "64x64"}
    )
    assert response.status_code == 200, response.text
    assert open_image(response.content).size == (64, 64)
    assert connects == ["127.0.0.1"]


def test_a_name_resolving_to_loopback_is_fetched(
    client: httpx.Client, image_server: str, connects: list[str], resolved: list[str]
) -> None:
    url = image_server.replace("127.0.0.1", "images.test") + "/product.png"
    response = client.get("/v2/edit", params={"imageUrl": url, "outputSize": "32x32"})
    assert response.status_code == 200, response.text
    assert resolved == ["images.test"] and connects == ["127.0.0.1"]


def test_the_refusal_is_a_400_in_the_host_error_shape(
    client: httpx.Client, image_server: str, connects: list[str]
) -> None:
    response = client.get("/v2/edit", params={"imageUrl": "http://169.254.169.254/latest/"})
    message = assert_api_error(response, 400)
    assert message.startswith("imageUrl: refusing to download") and "link-local" in message
    response = client.get(
        "/v2/edit",
        params={
            "imageUrl": f"{image_server}/product.png",
            "background.imageUrl": "http://10.0.0.1/backdrop.png",
        },
    )
    assert assert_api_error(response, 400).startswith("background.imageUrl: refusing")
    assert "10.0.0.1" not in connects


def test_processing_off_refuses_a_literal_address_without_fetching(
    make_client: ClientFactory, connects: list[str]
) -> None:
    client = make_client(processing=False)
    response = client.get("/v2/edit", params={"imageUrl": "http://10.0.0.1/a.png"})
    assert "a private address" in assert_api_error(response, 400)
    assert connects == []


async def test_an_allow_list_wins_over_the_address_policy(connects: list[str]) -> None:
    """A listed private host is not refused by the policy (the spy stands in for the host)."""
    config = EmulatorConfig(allow_hosts=("10.0.0.1",), fetch_timeout=2)
    message = await refused("http://10.0.0.1/a.png", config)
    assert "could not download" in message and "refusing" not in message
    assert connects == ["10.0.0.1"]  # reached the (spied) connect: the allow-list let it through


async def test_an_allow_list_refuses_others_without_contacting_them(
    connects: list[str], image_server: str
) -> None:
    config = EmulatorConfig(allow_hosts=("127.0.0.1",))
    assert await fetch_image(f"{image_server}/product.png", "imageUrl", config)
    message = await refused("http://images.example/a.png", config)
    assert "not allowed" in message and "not contacted" in message and "HTTP" not in message
    assert connects == ["127.0.0.1"]


async def test_an_error_status_names_the_host_that_answered(
    connects: list[str], image_server: str
) -> None:
    message = await refused(f"{image_server}/missing.png")
    assert "(HTTP 404 from 127.0.0.1)" in message
