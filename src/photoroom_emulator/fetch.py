"""Download the images that requests pass by URL (``imageUrl``, ``background.imageUrl``, ...).

Only http/https, at most 30 MB (streamed: the download is abandoned as soon as it passes the
cap), with connect and read timeouts. Every failure is the caller's 400, never a 500 or a hang.

Which hosts: with ``allow_hosts`` configured, exactly those (any address, so an internal image
host can be listed). Without it, any *public* or *loopback* address, and never a link-local,
private, multicast or otherwise non-public one, so that the emulator cannot be turned into a
proxy into the network it runs in (cloud metadata at 169.254.169.254, a 10.x service, ...). The
address is checked after DNS resolution, on every connection (so on every redirect too), and the
connection goes to the very address that was checked (no second lookup to rebind).
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Iterable
from typing import Any, Final
from urllib.parse import urlsplit

import httpcore
import httpx

from .config import EmulatorConfig
from .errors import ApiError, bad_request

MAX_DOWNLOAD_BYTES: Final = 30 * 1024 * 1024
MAX_REDIRECTS: Final = 5
ALLOW_HOSTS_SETTING: Final = "PHOTOROOM_EMULATOR_ALLOW_HOSTS"

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def refused_kind(address: str) -> str | None:
    """Why the default policy refuses ``address`` (``"private"``, ``"link-local"``, ...), or None.

    Loopback is allowed (local test image servers), and so is every globally routable address.
    """
    ip: IPAddress = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.is_loopback:
        return None
    for kind, refused in (
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("unspecified", ip.is_unspecified),
        ("private", ip.is_private),
        ("reserved", ip.is_reserved),
        ("non-public", not ip.is_global),
    ):
        if refused:
            return kind
    return None


def _literal_address(host: str) -> str | None:
    """The address a host spelled as an IP address stands for, without any lookup.

    Includes the shorthand and hex forms resolvers accept (``10.1``, ``0xa.0.0.1``).
    """
    bare = host.strip("[]").split("%", 1)[0]
    try:
        return str(ipaddress.ip_address(bare))
    except ValueError:
        pass
    try:
        return str(ipaddress.IPv4Address(socket.inet_aton(bare)))
    except (OSError, ValueError):
        return None


def refusal(parameter: str, url: str, address: str, kind: str) -> ApiError:
    """The 400 for a URL whose host is (or resolves to) a refused address."""
    return bad_request(
        f"{parameter}: refusing to download {url}: its host resolves to {address}, a {kind} "
        f"address. This emulator fetches only public and loopback addresses unless "
        f"{ALLOW_HOSTS_SETTING} lists the host.",
        type="forbidden_address",
    )


def check_url(url: str, parameter: str, config: EmulatorConfig) -> None:
    """400 unless ``url`` is an absolute http(s) URL to an allowed host.

    A host given as an IP address is checked here against the default policy; a host name is
    checked when it is resolved (:class:`GuardedBackend`).
    """
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
    except ValueError:
        raise bad_request(f"{parameter} must be a valid http or https URL") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise bad_request(f"{parameter} must be an http or https URL, got {url!r}")
    if not host:
        raise bad_request(f"{parameter} must be an absolute URL with a host, got {url!r}")
    if config.allow_hosts is not None:
        if host not in config.allow_hosts:
            raise bad_request(
                f"{parameter}: host {host!r} is not allowed by this emulator "
                f"({ALLOW_HOSTS_SETTING}); it was not contacted"
            )
        return
    address = _literal_address(host)
    if address is not None and (kind := refused_kind(address)) is not None:
        raise refusal(parameter, url, address, kind)


async def resolve(host: str, port: int) -> list[str]:
    """The addresses of ``host`` (itself when it is an IP address), in resolver order."""
    literal = _literal_address(host)
    if literal is not None:
        return [literal]
    infos = await asyncio.get_running_loop().getaddrinfo(
        host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP
    )
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """An httpcore network backend that resolves, checks every address, then connects to one.

    A name with any refused address is refused as a whole (a resolver answering both public and
    private addresses is how rebinding attacks start). ``url`` is the URL being fetched, for the
    message; the request hook of :func:`fetch_image` keeps it current across redirects.
    """

    def __init__(self, parameter: str, url: str, inner: httpcore.AsyncNetworkBackend | None = None):
        self.parameter = parameter
        self.url = url
        self._inner = inner or httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        try:
            addresses = await asyncio.wait_for(resolve(host, port), timeout)
        except OSError as exc:  # TimeoutError included
            raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from exc
        if not addresses:
            raise httpcore.ConnectError(f"{host} has no address")
        for address in addresses:
            if (kind := refused_kind(address)) is not None:
                raise refusal(self.parameter, self.url, address, kind)
        error: Exception | None = None
        for address in addresses:
            try:
                return await self._inner.connect_tcp(
                    address,
                    port,
                    timeout=timeout,
                    local_address=local_address,
                    socket_options=socket_options,
                )
            except httpcore.ConnectError as exc:
                error = exc
        assert error is not None
        raise error

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.AsyncNetworkStream:
        raise httpcore.ConnectError("unix sockets are never used for image URLs")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


class _GuardedTransport(httpx.AsyncHTTPTransport):
    """httpx's transport over a connection pool that connects through ``backend``."""

    def __init__(self, backend: httpcore.AsyncNetworkBackend) -> None:
        super().__init__(trust_env=False)
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False), network_backend=backend
        )


async def fetch_image(
    url: str, parameter: str, config: EmulatorConfig, *, max_bytes: int = MAX_DOWNLOAD_BYTES
) -> bytes:
    """The body at ``url``, or a 400 naming ``parameter`` and what went wrong."""
    check_url(url, parameter, config)
    guarded = config.allow_hosts is None  # an explicit allow-list wins over the address policy
    backend = GuardedBackend(parameter, url)

    async def check_redirect(request: httpx.Request) -> None:
        backend.url = str(request.url)
        check_url(backend.url, parameter, config)

    timeout = httpx.Timeout(config.fetch_timeout, connect=min(5.0, config.fetch_timeout))
    try:
        async with (
            httpx.AsyncClient(
                timeout=timeout,
                follow_redirects=True,
                max_redirects=MAX_REDIRECTS,
                trust_env=False,
                event_hooks={"request": [check_redirect]},
                transport=_GuardedTransport(backend) if guarded else None,
            ) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code != 200:
                raise bad_request(
                    f"{parameter}: could not download the image at {url} "
                    f"(HTTP {response.status_code} from {response.url.host})"
                )
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise _too_large(parameter, max_bytes)
            chunks: list[bytes] = []
            received = 0
            async for chunk in response.aiter_bytes():
                received += len(chunk)
                if received > max_bytes:
                    raise _too_large(parameter, max_bytes)
                chunks.append(chunk)
    except ApiError:
        raise
    except httpx.TimeoutException:
        raise bad_request(f"{parameter}: timed out downloading the image at {url}") from None
    except (httpx.HTTPError, httpx.InvalidURL, ValueError) as exc:
        raise bad_request(
            f"{parameter}: could not download the image at {url} ({type(exc).__name__})"
        ) from None
    return b"".join(chunks)


def _too_large(parameter: str, max_bytes: int) -> ApiError:
    return bad_request(
        f"{parameter}: the image is larger than the maximum of {max_bytes // (1024 * 1024)} MB",
        type="image_too_large",
    )
