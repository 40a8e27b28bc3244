"""Download the images that requests pass by URL (``imageUrl``, ``background.imageUrl``, ...).

Only http/https, only the hosts the configuration allows, at most 30 MB (streamed: the download
is abandoned as soon as it passes the cap), with connect and read timeouts. Every failure is the
caller's 400, never a 500 or a hang.
"""

from __future__ import annotations

from typing import Final
from urllib.parse import urlsplit

import httpx

from .config import EmulatorConfig
from .errors import ApiError, bad_request

MAX_DOWNLOAD_BYTES: Final = 30 * 1024 * 1024
MAX_REDIRECTS: Final = 5


def check_url(url: str, parameter: str, config: EmulatorConfig) -> None:
    """400 unless ``url`` is an absolute http(s) URL to an allowed host."""
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
    except ValueError:
        raise bad_request(f"{parameter} must be a valid http or https URL") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise bad_request(f"{parameter} must be an http or https URL, got {url!r}")
    if not host:
        raise bad_request(f"{parameter} must be an absolute URL with a host, got {url!r}")
    if config.allow_hosts is not None and host not in config.allow_hosts:
        raise bad_request(
            f"{parameter}: host {host!r} is not allowed by this emulator "
            "(PHOTOROOM_EMULATOR_ALLOW_HOSTS)"
        )


async def fetch_image(
    url: str, parameter: str, config: EmulatorConfig, *, max_bytes: int = MAX_DOWNLOAD_BYTES
) -> bytes:
    """The body at ``url``, or a 400 naming ``parameter`` and what went wrong."""
    check_url(url, parameter, config)

    async def check_redirect(request: httpx.Request) -> None:
        check_url(str(request.url), parameter, config)

    timeout = httpx.Timeout(config.fetch_timeout, connect=min(5.0, config.fetch_timeout))
    try:
        async with (
            httpx.AsyncClient(
                timeout=timeout,
                follow_redirects=True,
                max_redirects=MAX_REDIRECTS,
                trust_env=False,
                event_hooks={"request": [check_redirect]},
            ) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code != 200:
                raise bad_request(
                    f"{parameter}: could not download the image at {url} "
                    f"(HTTP {response.status_code})"
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
