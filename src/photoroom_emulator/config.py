"""Emulator settings, from environment variables, a JSON/YAML file, or the command line.

Everything is off or permissive by default so that a newcomer's first call just works: any
non-empty key is accepted with a large balance, no rate limit, no faults, real processing.

Environment variables (the CLI flags of ``photoroom-emulator`` set the same fields):

=================================== ===========================================================
``PHOTOROOM_EMULATOR_CONFIG``       path of a JSON or YAML file with any of the fields below
``PHOTOROOM_EMULATOR_KEYS``         ``key:credits[:plan],...`` e.g. ``key1:100:plus,key2:0:basic``
``PHOTOROOM_EMULATOR_RATE_LIMIT``   ``rps[:burst]`` per key token bucket, e.g. ``5:10``
``PHOTOROOM_EMULATOR_FAULT_RATE``   probability in [0, 1] of a random fault per API request
``PHOTOROOM_EMULATOR_FAULTS``       random fault kinds, e.g. ``500,503,429,drop,slow:200``
``PHOTOROOM_EMULATOR_FAULT_HEADER`` ``off`` to ignore the ``x-emulator-fault`` request header
``PHOTOROOM_EMULATOR_SEED``         seed of the fault dice, for reproducible runs
``PHOTOROOM_EMULATOR_PROCESSING``   ``off`` to answer blank images without running the imaging
``PHOTOROOM_EMULATOR_LATENCY_MS``   fixed delay added to image answers when processing is off
``PHOTOROOM_EMULATOR_ALLOW_HOSTS``  comma list of the only hosts ``imageUrl`` may point at; unset:
                                    any public or loopback address, never a private,
                                    link-local or multicast one (see :mod:`.fetch`)
``PHOTOROOM_EMULATOR_FETCH_TIMEOUT`` seconds for connecting to / reading from an ``imageUrl``
``PHOTOROOM_EMULATOR_SANDBOX_CAPS`` ``daily:monthly`` image calls of ``sandbox_`` keys, e.g.
                                    ``100:1000`` (the default, from the docs); ``off`` lifts them
=================================== ===========================================================

File keys use the same names in snake case (``keys``, ``rate_limit``, ``fault_rate``, ...);
``keys`` may be the string form, a list of ``{key, credits, plan}`` or a mapping
``{key: {credits, plan}}``. Environment variables override the file.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from photoroom.spec import all_plans

PLANS: Final = all_plans()  # every plan an operation of the spec names (x-photoroom-plans)
DEFAULT_PLAN: Final = "plus"
# Balance of every key in open mode (no keys configured): enough to never run out in tests.
OPEN_MODE_CREDITS: Final = 1_000_000.0
FAULT_KINDS: Final = ("500", "503", "429", "drop", "slow")

ENV_PREFIX: Final = "PHOTOROOM_EMULATOR_"


@dataclass(frozen=True)
class SandboxCaps:
    """How many image calls ``sandbox_`` keys may make per UTC day and per calendar month.

    Docs, "Sandbox mode" (both the Remove Background and the Image Editing pages): "up to 1,000
    free calls by month ... (100 max per day)". Only calls that return an image count: "Calls that
    result in an error will not consume an image" (Pricing).
    """

    daily: int = 100
    monthly: int = 1_000


class ConfigError(ValueError):
    """A setting could not be parsed; the message names the setting."""


@dataclass(frozen=True)
class KeySpec:
    """One configured API key: its starting credit balance and pricing plan."""

    key: str
    credits: float
    plan: str = DEFAULT_PLAN


@dataclass(frozen=True)
class RateLimit:
    """A per-key token bucket: ``rate`` requests per second, bursts of up to ``burst``."""

    rate: float
    burst: int


@dataclass(frozen=True)
class EmulatorConfig:
    """Every knob of the emulator; build with :meth:`from_env` or directly in tests."""

    keys: tuple[KeySpec, ...] | None = None
    rate_limit: RateLimit | None = None
    fault_rate: float = 0.0
    faults: tuple[str, ...] = ("500", "503", "429", "drop")
    fault_header: bool = True
    seed: int | None = None
    processing: bool = True
    latency_ms: int = 0
    # None: public and loopback addresses only (fetch.py); a tuple: exactly those hosts.
    allow_hosts: tuple[str, ...] | None = None
    fetch_timeout: float = 10.0
    # None: sandbox keys are never capped.
    sandbox_caps: SandboxCaps | None = SandboxCaps()

    def __post_init__(self) -> None:
        if not 0.0 <= self.fault_rate <= 1.0:
            raise ConfigError(f"fault_rate must be in [0, 1], got {self.fault_rate}")
        for fault in self.faults:
            parse_fault_kind(fault)
        if self.latency_ms < 0:
            raise ConfigError("latency_ms must be >= 0")
        for spec in self.keys or ():
            if spec.plan not in PLANS:
                raise ConfigError(f"key {spec.key!r}: plan must be one of {', '.join(PLANS)}")

    def replace(self, **changes: Any) -> EmulatorConfig:
        """A copy with some fields changed."""
        return dataclasses.replace(self, **changes)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> EmulatorConfig:
        """Settings from ``PHOTOROOM_EMULATOR_*`` variables (and the file ``..._CONFIG`` names)."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        if path := env.get(ENV_PREFIX + "CONFIG"):
            values.update(read_config_file(Path(path)))
        for name in _FIELD_PARSERS:
            raw = env.get(ENV_PREFIX + name.upper())
            if raw is not None and raw.strip() != "":
                values[name] = raw
        return cls.from_mapping(values)

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any]) -> EmulatorConfig:
        """Settings from a mapping of field names to strings or already-typed values."""
        parsed: dict[str, Any] = {}
        for name, raw in values.items():
            if name not in _FIELD_PARSERS:
                raise ConfigError(f"unknown setting {name!r}")
            parsed[name] = _FIELD_PARSERS[name](raw)
        return cls(**parsed)


def read_config_file(path: Path) -> dict[str, Any]:
    """Read a JSON (``.json``) or YAML (anything else) settings file into a mapping."""
    text = path.read_text(encoding="utf-8")
    if path.suffix.lower() == ".json":
        data = json.loads(text)
    else:
        import yaml

        data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping of settings")
    return data


def parse_keys(raw: Any) -> tuple[KeySpec, ...]:
    """``"k1:100:plus,k2:0"``, a list of mappings, or ``{key: {credits, plan}}``."""
    if isinstance(raw, tuple) and all(isinstance(item, KeySpec) for item in raw):
        return raw
    specs: list[KeySpec] = []
    if isinstance(raw, str):
        for entry in filter(None, (part.strip() for part in raw.split(","))):
            key, _, rest = entry.partition(":")
            credits, _, plan = rest.partition(":")
            specs.append(_key_spec(key, credits or OPEN_MODE_CREDITS, plan or DEFAULT_PLAN))
    elif isinstance(raw, Mapping):
        for key, item in raw.items():
            item = item if isinstance(item, Mapping) else {"credits": item}
            specs.append(_key_spec(key, item.get("credits", OPEN_MODE_CREDITS), item.get("plan")))
    elif isinstance(raw, Iterable):
        for item in raw:
            if isinstance(item, KeySpec):
                specs.append(item)
            elif isinstance(item, Mapping):
                specs.append(
                    _key_spec(
                        item.get("key"), item.get("credits", OPEN_MODE_CREDITS), item.get("plan")
                    )
                )
            else:
                raise ConfigError(f"keys: cannot read entry {item!r}")
    else:
        raise ConfigError(f"keys: cannot read {raw!r}")
    return tuple(specs)


def _key_spec(key: Any, credits: Any, plan: Any) -> KeySpec:
    if not isinstance(key, str) or not key:
        raise ConfigError(f"keys: empty or invalid key {key!r}")
    try:
        amount = float(credits)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"keys: credits of {key!r} must be a number, got {credits!r}") from exc
    name = str(plan or DEFAULT_PLAN).lower()
    if name not in PLANS:
        raise ConfigError(f"keys: plan of {key!r} must be one of {', '.join(PLANS)}")
    return KeySpec(key, amount, name)


def parse_rate_limit(raw: Any) -> RateLimit | None:
    """``"5"`` (burst = rate, at least 1) or ``"5:10"``; ``off``/``0`` disables."""
    if raw is None or isinstance(raw, RateLimit):
        return raw
    text = str(raw).strip().lower()
    if text in ("", "off", "none", "0"):
        return None
    rate_text, _, burst_text = text.partition(":")
    try:
        rate = float(rate_text)
        burst = int(burst_text) if burst_text else max(1, int(rate))
    except ValueError as exc:
        raise ConfigError(f"rate_limit must be rps[:burst], got {raw!r}") from exc
    if rate <= 0 or burst < 1:
        raise ConfigError(f"rate_limit needs rps > 0 and burst >= 1, got {raw!r}")
    return RateLimit(rate, burst)


def parse_fault_kind(text: str) -> tuple[str, float | None]:
    """``500``, ``503``, ``drop``, ``429`` / ``429:<seconds>``, ``slow:<ms>`` -> (kind, number)."""
    kind, _, number = text.strip().lower().partition(":")
    if kind not in FAULT_KINDS:
        raise ConfigError(
            f"unknown fault {text!r}; expected one of 500, 503, 429[:s], slow:<ms>, drop"
        )
    if not number:
        if kind == "slow":
            raise ConfigError("fault slow needs a duration: slow:<ms>")
        return kind, None
    if kind not in ("429", "slow"):
        raise ConfigError(f"fault {kind} takes no argument")
    try:
        value = float(number)
    except ValueError as exc:
        raise ConfigError(f"fault {text!r}: {number!r} is not a number") from exc
    if value < 0:
        raise ConfigError(f"fault {text!r}: must not be negative")
    return kind, value


def _faults(raw: Any) -> tuple[str, ...]:
    items = raw.split(",") if isinstance(raw, str) else list(raw)
    faults = tuple(str(item).strip() for item in items if str(item).strip())
    for fault in faults:
        parse_fault_kind(fault)
    return faults


def _boolean(raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    text = str(raw).strip().lower()
    if text in ("1", "true", "on", "yes"):
        return True
    if text in ("0", "false", "off", "no"):
        return False
    raise ConfigError(f"expected on/off, got {raw!r}")


def _hosts(raw: Any) -> tuple[str, ...] | None:
    if raw is None:
        return None
    items = raw.split(",") if isinstance(raw, str) else list(raw)
    hosts = tuple(str(item).strip().lower() for item in items if str(item).strip())
    return hosts or None


def _number(kind: type[float] | type[int], name: str) -> Any:
    def parse(raw: Any) -> Any:
        try:
            return kind(raw)
        except (TypeError, ValueError) as exc:
            raise ConfigError(f"{name} must be a number, got {raw!r}") from exc

    return parse


def parse_sandbox_caps(raw: Any) -> SandboxCaps | None:
    """``"100:1000"`` (daily:monthly), ``"100"`` (daily only, monthly as documented), ``off``."""
    if raw is None or isinstance(raw, SandboxCaps):
        return raw
    text = str(raw).strip().lower()
    if text in ("off", "none", "0", "false"):
        return None
    daily_text, _, monthly_text = text.partition(":")
    try:
        daily = int(daily_text)
        monthly = int(monthly_text) if monthly_text else SandboxCaps().monthly
    except ValueError as exc:
        raise ConfigError(f"sandbox_caps must be daily[:monthly] or off, got {raw!r}") from exc
    if daily < 1 or monthly < 1:
        raise ConfigError(f"sandbox_caps must be at least 1 call, got {raw!r}")
    return SandboxCaps(daily, monthly)


def _optional_seed(raw: Any) -> int | None:
    return None if raw is None or str(raw).strip() == "" else _number(int, "seed")(raw)


_FIELD_PARSERS: Final[dict[str, Any]] = {
    "keys": lambda raw: None if raw is None else parse_keys(raw),
    "rate_limit": parse_rate_limit,
    "fault_rate": _number(float, "fault_rate"),
    "faults": _faults,
    "fault_header": _boolean,
    "seed": _optional_seed,
    "processing": _boolean,
    "latency_ms": _number(int, "latency_ms"),
    "allow_hosts": _hosts,
    "fetch_timeout": _number(float, "fetch_timeout"),
    "sandbox_caps": parse_sandbox_caps,
}
