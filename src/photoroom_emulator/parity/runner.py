"""Send the catalogue to a target, safely: plan first, refuse what could bill, then pace.

Safety rules, checked before a single byte leaves the process:

- a key without the ``sandbox_`` prefix is refused against any host but loopback, unless the
  caller passes ``allow_billed`` (``--allow-billed``): parity runs are meant to be free;
- the plan (how many calls, how many credits at most, what is skipped) is printed first;
- at most ``max_calls`` requests are sent (retries included); the rest are skipped;
- requests to a non-loopback target are paced (``pace`` seconds apart) under the rate limit, and
  a 429 is waited out once (its ``Retry-After``, bounded) before it counts as the answer;
- the keys are never printed: messages name the key's kind (sandbox or billed), never its text.
"""

from __future__ import annotations

import ipaddress
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from typing import Final, TextIO
from urllib.parse import urlsplit

import httpx

from .catalogue import ImageUrl, Scenario
from .fixtures import fixture
from .image_server import serve_fixtures
from .normalise import Observation, observe
from .spec_facts import api_hosts

SANDBOX_PREFIX: Final = "sandbox_"
#: The sandbox's daily cap (docs, "Sandbox mode"); the default budget stays under it.
SANDBOX_DAILY_CALLS: Final = 100
DEFAULT_MAX_CALLS: Final = 90
#: Seconds between calls to a remote target: 60 calls a minute, the lowest rate limit Photoroom
#: staff have quoted (community forum, "Is there a rate-limiting?"; the FAQ says 500 a minute).
REMOTE_PACE: Final = 1.0
#: The longest ``Retry-After`` a run waits out before keeping the 429 as the answer.
MAX_RETRY_WAIT: Final = 30.0
#: ``--target api``: each operation at the server the spec names for it.
API_TARGET: Final = "api"
#: A key that no account has, of the same kind (sandbox or not) as the given one.
WRONG_KEY_SUFFIX: Final = "parity-invalid-key-000000"
TIMEOUT: Final = 120.0
EMPTY_FORM_BOUNDARY: Final = "parity-empty-form"


class RunRefused(Exception):
    """The run would break a safety rule; nothing was sent."""


def is_sandbox(key: str) -> bool:
    return key.startswith(SANDBOX_PREFIX)


@dataclass(frozen=True)
class Keys:
    """The keys of a run: the given one, optionally a Basic-plan one, and a wrong one."""

    given: str
    basic: str | None = None

    @property
    def wrong(self) -> str:
        return (SANDBOX_PREFIX if is_sandbox(self.given) else "") + WRONG_KEY_SUFFIX

    def for_scenario(self, kind: str) -> str | None:
        return {"given": self.given, "wrong": self.wrong, "none": None, "basic": self.basic}[kind]

    @property
    def secrets(self) -> tuple[str, ...]:
        """Every key text that must never be written down."""
        return tuple(k for k in (self.given, self.basic) if k)

    def kinds(self) -> dict[str, str | None]:
        """The keys' kinds, safe to store: ``sandbox``, ``billed`` or absent."""

        def kind(key: str | None) -> str | None:
            return None if key is None else "sandbox" if is_sandbox(key) else "billed"

        return {"given": kind(self.given), "basic": kind(self.basic)}


@dataclass(frozen=True)
class Target:
    """Where requests go: one base URL, :data:`API_TARGET`, or the in-process emulator (a
    ``transport`` and no URL)."""

    url: str | None
    transport: httpx.BaseTransport | None = None

    @property
    def label(self) -> str:
        if self.url is None:
            return "the in-process emulator"
        if self.url == API_TARGET:
            return "the Photoroom API (each operation at its server in the spec)"
        parts = urlsplit(self.url)
        return f"{parts.scheme}://{parts.netloc}"

    @property
    def hosts(self) -> frozenset[str]:
        if self.url is None:
            return frozenset()
        if self.url == API_TARGET:
            return api_hosts()
        return frozenset({urlsplit(self.url).hostname or ""})

    @property
    def is_loopback(self) -> bool:
        """In-process, or every host a loopback name or address."""
        return all(_loopback(host) for host in self.hosts)

    @property
    def is_photoroom_api(self) -> bool:
        return bool(self.hosts) and self.hosts <= api_hosts()

    def base_url(self, scenario: Scenario) -> str:
        if self.url is None:
            return "http://emulator.parity"
        if self.url == API_TARGET:
            server = scenario.operation.server
            if server is None:
                raise RunRefused(f"{scenario.operation_id}: the spec names no server")
            return server
        return self.url.rstrip("/")


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass
class Plan:
    """What a run will send and skip, and what it may cost, printed before anything is sent."""

    send: list[Scenario] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)
    credits: float = 0.0

    def describe(self, target: Target, keys: Keys) -> str:
        kind = "sandbox (free, watermarked)" if is_sandbox(keys.given) else "billed"
        lines = [
            f"parity: {len(self.send)} calls to {target.label} with a {kind} key; "
            f"{len(self.skipped)} scenarios skipped.",
            f"parity: credits this run may spend: at most {self.credits:g}"
            + (
                f" (0 with a sandbox key; the calls count against its {SANDBOX_DAILY_CALLS} a day)"
                if is_sandbox(keys.given)
                else ""
            ),
        ]
        lines += [f"parity:   skip {ident}: {reason}" for ident, reason in self.skipped.items()]
        return "\n".join(lines)


def check_safety(target: Target, keys: Keys, *, allow_billed: bool) -> None:
    """Refuse a billed key against a remote target unless the caller allowed it."""
    if target.is_loopback or allow_billed:
        return
    for role, key in (("--api-key", keys.given), ("--basic-key", keys.basic)):
        if key is not None and not is_sandbox(key):
            raise RunRefused(
                f"{role} has no {SANDBOX_PREFIX!r} prefix and {target.label} is not loopback: "
                f"every call would be billed. Use a sandbox key ({SANDBOX_PREFIX}...), or pass "
                "--allow-billed to spend credits on purpose. Nothing was sent."
            )


def plan_run(
    scenarios: tuple[Scenario, ...],
    *,
    target: Target,
    keys: Keys,
    max_calls: int,
    images_reachable: bool,
) -> Plan:
    """Which scenarios to send, within the budget; the skipped ones with their reason."""
    plan = Plan()
    for scenario in scenarios:
        if scenario.key == "basic" and keys.basic is None:
            plan.skipped[scenario.id] = "needs a Basic-plan key (--basic-key)"
        elif scenario.needs_image_server and not images_reachable:
            plan.skipped[scenario.id] = (
                "needs image URLs the target can fetch (--image-base-url serving the fixtures)"
            )
        elif len(plan.send) >= max_calls:
            plan.skipped[scenario.id] = f"over the call budget (--max-calls {max_calls})"
        else:
            plan.send.append(scenario)
            key = keys.for_scenario(scenario.key)
            if scenario.key in ("given", "basic") and key is not None and not is_sandbox(key):
                plan.credits += scenario.credits()
    return plan


@dataclass
class Runner:
    """Sends planned scenarios one by one and returns their observations."""

    target: Target
    keys: Keys
    max_calls: int
    pace: float
    image_base: str | None
    sleep: Callable[[float], None] = time.sleep
    calls: int = 0

    def run(self, scenarios: list[Scenario], log: TextIO) -> dict[str, Observation]:
        observations: dict[str, Observation] = {}
        with self._client() as client:
            for scenario in scenarios:
                if self.calls >= self.max_calls:
                    print(f"parity: call budget spent; {scenario.id} not sent", file=log)
                    continue
                observations[scenario.id] = observe(self._send(client, scenario, log))
        return observations

    @contextmanager
    def _client(self) -> Iterator[httpx.Client]:
        with httpx.Client(
            transport=self.target.transport, timeout=TIMEOUT, follow_redirects=False
        ) as client:
            yield client

    def _send(self, client: httpx.Client, scenario: Scenario, log: TextIO) -> httpx.Response:
        request = self._request(client, scenario)
        response = self._call(client, request)
        retry = _retry_after(response)
        if retry is not None and retry <= MAX_RETRY_WAIT and self.calls < self.max_calls:
            print(f"parity: {scenario.id} answered 429; waiting {retry:g} s once", file=log)
            self.sleep(retry)
            response = self._call(client, self._request(client, scenario), paced=False)
        return response

    def _call(
        self, client: httpx.Client, request: httpx.Request, *, paced: bool = True
    ) -> httpx.Response:
        if paced and self.calls and self.pace > 0:
            self.sleep(self.pace)
        self.calls += 1
        response = client.send(request)
        response.read()
        return response

    def _request(self, client: httpx.Client, scenario: Scenario) -> httpx.Request:
        op = scenario.operation
        headers = dict(scenario.headers)
        key = self.keys.for_scenario(scenario.key)
        if key is not None:
            headers["x-api-key"] = key
        fields = {name: self._value(value) for name, value in scenario.fields.items()}
        url = self.target.base_url(scenario) + op.path
        if op.method == "GET":
            return client.build_request("GET", url, params=fields, headers=headers)
        files = {name: fixture(file, op) for name, file in scenario.files.items()}
        if not files and not fields:
            # A form with nothing in it is still a multipart body: a boundary and no parts.
            headers["content-type"] = f"multipart/form-data; boundary={EMPTY_FORM_BOUNDARY}"
            content = f"--{EMPTY_FORM_BOUNDARY}--\r\n".encode()
            return client.build_request(op.method, url, content=content, headers=headers)
        return client.build_request(op.method, url, data=fields, files=files, headers=headers)

    def _value(self, value: str | ImageUrl) -> str:
        if isinstance(value, ImageUrl):
            if self.image_base is None:
                raise RunRefused("an image URL is needed but no image server runs")
            return f"{self.image_base.rstrip('/')}/{value.fixture}"
        return value


def _retry_after(response: httpx.Response) -> float | None:
    if response.status_code != 429:
        return None
    try:
        return max(0.0, float(response.headers.get("retry-after", "1")))
    except ValueError:
        return 1.0


@contextmanager
def image_base_for(target: Target, image_base: str | None) -> Iterator[str | None]:
    """The base URL of the fixtures: the given one, or a server on loopback for a loopback
    target (a remote target could not reach it: None, and URL scenarios are skipped)."""
    if image_base is not None:
        yield image_base
        return
    if not target.is_loopback:
        yield None
        return
    with ExitStack() as stack:
        yield stack.enter_context(serve_fixtures())
