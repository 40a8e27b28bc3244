"""A bounded slice of ``make fuzz`` on every ``make test``: same config, same hooks, in-process.

The emulator runs as an ASGI app inside the test process (no port); image URL fields point at
the loopback image server that :mod:`tests.fuzz.hooks` starts on first use. The budget is a few
cases per operation plus the deterministic negative sweep; ``make fuzz`` is the deep run.

Nothing here races the clock, so a busy machine slows the slice down but never fails it: no
``max_response_time`` (``scripts/fuzz.py`` adds one for ``make fuzz`` only), no Hypothesis
deadline, no too-slow health check.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import schemathesis
from hypothesis import HealthCheck, settings

from photoroom_emulator import EmulatorConfig, create_app
from tests.fuzz import hooks  # noqa: F401  (registers the hooks, checks and deserializer)

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES_PER_OPERATION = 25


def load_schema() -> schemathesis.BaseSchema:
    """The spec with ``schemathesis.toml``, served by an emulator that knows only its key.

    Not a fixture: ``schemathesis.pytest.from_fixture`` of 4.32.5 fails under pytest 9.
    """
    data = tomllib.loads((ROOT / "schemathesis.toml").read_text(encoding="utf-8"))
    # `make fuzz` owns the JUnit file (and 4.32.5's pytest reporting would need allure).
    data.pop("reports")
    config = schemathesis.Config.from_dict(data, base_dir=str(ROOT))
    key = data["auth"]["openapi"]["x-api-key"]["api_key"]
    loaded = schemathesis.openapi.from_path(ROOT / "openapi" / "photoroom.json", config=config)
    loaded.app = create_app(EmulatorConfig.from_mapping({"keys": f"{key}:1000000000:plus"}))
    return loaded


schema = load_schema()


@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_operation_honours_the_contract(case: schemathesis.Case[Any]) -> None:
    case.call_and_validate()


def test_the_slice_has_no_wall_clock_limit() -> None:
    """A response-time check here failed ``make test`` on a loaded machine (38 s for one case)."""
    assert schema.config.checks.max_response_time.limit is None
