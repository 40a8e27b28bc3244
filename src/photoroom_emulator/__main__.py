"""``photoroom-emulator``: serve the emulator over HTTP (``python -m photoroom_emulator`` too).

``photoroom-emulator parity record|check ...`` runs the parity tools instead
(:mod:`photoroom_emulator.parity`).

Flags override the ``PHOTOROOM_EMULATOR_*`` environment variables, which override the file named
by ``--config`` / ``PHOTOROOM_EMULATOR_CONFIG`` (see :mod:`photoroom_emulator.config`).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from .config import ConfigError, EmulatorConfig


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="photoroom-emulator",
        description="Offline emulator of the Photoroom API (segment, edit, account).",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, default=8080, help="port to listen on")
    parser.add_argument("--config", help="JSON or YAML settings file")
    parser.add_argument("--keys", help="key:credits[:plan],... (default: any key is valid)")
    parser.add_argument("--rate-limit", help="per-key rate limit rps[:burst] (default: off)")
    parser.add_argument("--fault-rate", help="probability of a random fault per request")
    parser.add_argument("--faults", help="random fault kinds, e.g. 500,503,429,drop,slow:200")
    parser.add_argument("--seed", help="seed of the random faults")
    parser.add_argument(
        "--no-fault-header", action="store_true", help="ignore the x-emulator-fault header"
    )
    parser.add_argument(
        "--processing", choices=("on", "off"), help="off: answer blank images without imaging"
    )
    parser.add_argument("--latency-ms", help="delay of image answers when processing is off")
    parser.add_argument("--allow-hosts", help="comma list of hosts imageUrl may point at")
    parser.add_argument("--fetch-timeout", help="seconds to connect to / read an imageUrl")
    parser.add_argument(
        "--sandbox-caps", help="daily:monthly image calls of sandbox_ keys (default 100:1000), off"
    )
    parser.add_argument("--log-level", default="info", help="uvicorn log level")
    return parser


def config_from_args(args: argparse.Namespace, environ: dict[str, str]) -> EmulatorConfig:
    """Settings from the file, then the environment, then the flags."""
    env = dict(environ)
    if args.config:
        env["PHOTOROOM_EMULATOR_CONFIG"] = args.config
    config = EmulatorConfig.from_env(env)
    flags = {
        "keys": args.keys,
        "rate_limit": args.rate_limit,
        "fault_rate": args.fault_rate,
        "faults": args.faults,
        "seed": args.seed,
        "processing": args.processing,
        "latency_ms": args.latency_ms,
        "allow_hosts": args.allow_hosts,
        "fetch_timeout": args.fetch_timeout,
        "sandbox_caps": args.sandbox_caps,
        "fault_header": False if args.no_fault_header else None,
    }
    given = {name: value for name, value in flags.items() if value is not None}
    if not given:
        return config
    overrides = EmulatorConfig.from_mapping(given)
    return config.replace(**{name: getattr(overrides, name) for name in given})


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == ["parity"]:
        from .parity.cli import main as parity_main

        return parity_main(arguments[1:])
    args = build_parser().parse_args(arguments)
    try:
        config = config_from_args(args, dict(os.environ))
    except (ConfigError, OSError) as exc:
        print(f"photoroom-emulator: {exc}", file=sys.stderr)
        return 2

    import uvicorn

    from .app import create_app
    from .transports import quiet_drops

    mode = "open (any key)" if config.keys is None else f"{len(config.keys)} configured key(s)"
    print(
        f"photoroom-emulator on http://{args.host}:{args.port} - keys: {mode}, "
        f"processing: {'on' if config.processing else 'off'}",
        file=sys.stderr,
    )
    uvicorn.run(
        quiet_drops(create_app(config)), host=args.host, port=args.port, log_level=args.log_level
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
