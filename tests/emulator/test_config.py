"""Settings from environment variables, files and command-line flags."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from photoroom_emulator.__main__ import build_parser, config_from_args
from photoroom_emulator.config import ConfigError, EmulatorConfig, KeySpec, RateLimit


def test_defaults_are_open_and_quiet() -> None:
    config = EmulatorConfig.from_env({})
    assert config.keys is None
    assert config.rate_limit is None
    assert config.fault_rate == 0
    assert config.processing is True
    assert config.allow_hosts is None


def test_environment_variables() -> None:
    config = EmulatorConfig.from_env(
        {
            "PHOTOROOM_EMULATOR_KEYS": "key1:100:plus, key2:0:basic,key3",
            "PHOTOROOM_EMULATOR_RATE_LIMIT": "5:10",
            "PHOTOROOM_EMULATOR_FAULT_RATE": "0.1",
            "PHOTOROOM_EMULATOR_FAULTS": "500,429:3,drop,slow:200",
            "PHOTOROOM_EMULATOR_SEED": "42",
            "PHOTOROOM_EMULATOR_PROCESSING": "off",
            "PHOTOROOM_EMULATOR_LATENCY_MS": "100",
            "PHOTOROOM_EMULATOR_ALLOW_HOSTS": "127.0.0.1, Images.Example",
        }
    )
    assert config.keys == (
        KeySpec("key1", 100, "plus"),
        KeySpec("key2", 0, "basic"),
        KeySpec("key3", 1_000_000, "plus"),
    )
    assert config.rate_limit == RateLimit(5, 10)
    assert config.fault_rate == 0.1
    assert config.faults == ("500", "429:3", "drop", "slow:200")
    assert config.seed == 42
    assert config.processing is False and config.latency_ms == 100
    assert config.allow_hosts == ("127.0.0.1", "images.example")


def test_rate_limit_without_burst() -> None:
    assert EmulatorConfig.from_env({"PHOTOROOM_EMULATOR_RATE_LIMIT": "3"}).rate_limit == RateLimit(
        3, 3
    )
    assert EmulatorConfig.from_env({"PHOTOROOM_EMULATOR_RATE_LIMIT": "off"}).rate_limit is None


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("KEYS", "k:lots"),
        ("KEYS", "k:1:gold"),
        ("RATE_LIMIT", "fast"),
        ("FAULT_RATE", "2"),
        ("FAULTS", "500,teapot"),
        ("FAULTS", "slow"),
        ("PROCESSING", "maybe"),
    ],
)
def test_bad_settings_name_the_setting(name: str, value: str) -> None:
    with pytest.raises(ConfigError):
        EmulatorConfig.from_env({f"PHOTOROOM_EMULATOR_{name}": value})


def test_json_config_file(tmp_path: Path) -> None:
    path = tmp_path / "emulator.json"
    path.write_text(
        json.dumps(
            {
                "keys": [{"key": "a", "credits": 10, "plan": "basic"}],
                "rate_limit": "2:4",
                "processing": False,
            }
        )
    )
    config = EmulatorConfig.from_env(
        {"PHOTOROOM_EMULATOR_CONFIG": str(path), "PHOTOROOM_EMULATOR_PROCESSING": "on"}
    )
    assert config.keys == (KeySpec("a", 10, "basic"),)
    assert config.rate_limit == RateLimit(2, 4)
    assert config.processing is True  # the environment overrides the file


def test_yaml_config_file(tmp_path: Path) -> None:
    path = tmp_path / "emulator.yaml"
    path.write_text("keys:\n  a: {credits: 5, plan: plus}\n  b: 7\nfault_rate: 0.25\n")
    config = EmulatorConfig.from_env({"PHOTOROOM_EMULATOR_CONFIG": str(path)})
    assert config.keys == (KeySpec("a", 5, "plus"), KeySpec("b", 7, "plus"))
    assert config.fault_rate == 0.25


def test_command_line_flags_override_the_environment() -> None:
    args = build_parser().parse_args(
        ["--port", "9000", "--keys", "x:3:basic", "--processing", "off", "--no-fault-header"]
    )
    config = config_from_args(
        args, {"PHOTOROOM_EMULATOR_KEYS": "y:1", "PHOTOROOM_EMULATOR_SEED": "5"}
    )
    assert args.port == 9000
    assert config.keys == (KeySpec("x", 3, "basic"),)
    assert config.processing is False
    assert config.fault_header is False
    assert config.seed == 5
