"""``photoroom-emulator parity record|check|fixtures``: the command line of the parity tools."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from .catalogue import CatalogueError
from .known import KnownDeviationsError
from .runner import DEFAULT_MAX_CALLS, SANDBOX_DAILY_CALLS, Keys, RunRefused, Target

KEY_ENVIRONMENT_VARIABLE = "PHOTOROOM_PARITY_API_KEY"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="photoroom-emulator parity",
        description="Record what a target (the Photoroom API) answers to the parity catalogue, "
        "and check the emulator (or another target) against the recording.",
    )
    commands = parser.add_subparsers(dest="command", required=True)

    record = commands.add_parser("record", help="run the catalogue and write snapshots")
    record.add_argument(
        "--target", required=True, help="base URL, or `api` for the Photoroom API's own hosts"
    )
    record.add_argument("--out", required=True, type=Path, help="folder of the snapshots")
    _run_options(record)

    check = commands.add_parser("check", help="replay the catalogue and compare with snapshots")
    check.add_argument("folder", type=Path, help="folder of the snapshots")
    check.add_argument("--target", help="base URL or `api` (default: the in-process emulator)")
    check.add_argument("--format", choices=("text", "markdown"), default="text")
    check.add_argument("--output", type=Path, help="also write the report to this file")
    _run_options(check)

    fixtures = commands.add_parser(
        "fixtures", help="write the images URL scenarios fetch, to host at --image-base-url"
    )
    fixtures.add_argument("folder", type=Path)
    return parser


def _run_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--api-key",
        default=os.environ.get(KEY_ENVIRONMENT_VARIABLE),
        help="the key to call with (use a sandbox_ key: free, watermarked); default: "
        f"${KEY_ENVIRONMENT_VARIABLE}, which keeps it off the command line",
    )
    parser.add_argument("--basic-key", help="a Basic-plan key, for the plan scenarios")
    parser.add_argument(
        "--max-calls",
        type=int,
        default=DEFAULT_MAX_CALLS,
        help=f"stop after this many calls (default {DEFAULT_MAX_CALLS}, under the sandbox's "
        f"{SANDBOX_DAILY_CALLS} a day)",
    )
    parser.add_argument(
        "--pace", type=float, help="seconds between calls (default: 1 remote, 0 on loopback)"
    )
    parser.add_argument("--image-base-url", help="public URL serving the fixtures")
    parser.add_argument(
        "--allow-billed",
        action="store_true",
        help="allow a key without the sandbox_ prefix against a remote target (spends credits)",
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return _dispatch(args)
    except (RunRefused, CatalogueError, KnownDeviationsError) as exc:
        print(f"photoroom-emulator parity: {exc}", file=sys.stderr)
        return 2


def _dispatch(args: argparse.Namespace) -> int:
    if args.command == "fixtures":
        from .catalogue import load_catalogue
        from .image_server import write_fixtures

        for path in write_fixtures(args.folder, load_catalogue()[0].operation):
            print(path)
        return 0
    if args.max_calls < 1:
        raise RunRefused("--max-calls must be at least 1")
    keys = Keys(args.api_key, args.basic_key) if args.api_key else None
    if args.command == "record":
        from .record import RecordSettings, record

        if keys is None:
            raise RunRefused(f"record needs --api-key (or ${KEY_ENVIRONMENT_VARIABLE})")
        record(
            RecordSettings(
                target=Target(args.target),
                keys=keys,
                out=args.out,
                max_calls=args.max_calls,
                pace=args.pace,
                image_base=args.image_base_url,
                allow_billed=args.allow_billed,
            ),
            sys.stderr,
        )
        print(f"parity: snapshots written to {args.out}", file=sys.stderr)
        return 0
    from .check import CheckSettings, run_check
    from .report import render

    if args.target is not None and keys is None:
        raise RunRefused("checking a --target needs --api-key")
    result = run_check(
        CheckSettings(
            folder=args.folder,
            target=Target(args.target) if args.target else None,
            keys=keys,
            max_calls=args.max_calls,
            pace=args.pace,
            image_base=args.image_base_url,
            allow_billed=args.allow_billed,
        ),
        sys.stderr,
    )
    report = render(result, args.format)
    sys.stdout.write(report)
    if args.output is not None:
        args.output.write_text(report, encoding="utf-8")
    return 0 if result.passed else 1
