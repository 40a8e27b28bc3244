"""``photoroom batch edit|remove-bg MANIFEST --output URL``: the catalogue engine from a shell.

The flags of ``photoroom edit`` / ``remove-bg`` (derived from the table) set options for every
row; the manifest's columns override them per row.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from typing import Any

from .._cli_options import (
    UsageError,
    add_edit_options,
    add_remove_background_options,
    edit_options,
    remove_background_options,
)
from ._engine import ManifestReport, RowOutcome
from ._limiter import parse_rate
from ._manifest import Operation

__all__ = ["add_batch_parser", "run_batch_command"]

EMULATOR_HINT = "--emulator needs the emulator extra: pip install 'photoroom-client[emulator]'"


def parse_shard(text: str) -> tuple[int, int]:
    """``I/N`` with ``0 <= I < N``."""
    index, sep, count = text.partition("/")
    try:
        shard = int(index), int(count)
    except ValueError:
        shard = (-1, 0)
    if not sep or shard[1] < 1 or not 0 <= shard[0] < shard[1]:
        raise argparse.ArgumentTypeError(f"a shard is I/N with 0 <= I < N, got {text!r}")
    return shard


def _rate(text: str) -> float:
    try:
        return parse_rate(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def add_batch_parser(
    commands: Any, add_common: Callable[[argparse.ArgumentParser], None]
) -> argparse.ArgumentParser:
    """``photoroom batch`` and its two commands; ``add_common`` adds the connection flags."""
    batch: argparse.ArgumentParser = commands.add_parser(
        "batch",
        help="run a whole catalogue from a CSV/JSONL manifest into any store (resumable)",
        description=(
            "Process every row of a manifest (CSV or JSONL: input, optional output, API "
            "parameters as columns such as background.color) into a folder or an fsspec URL "
            "(s3://...). A ledger records each row; a rerun skips what is done."
        ),
    )
    operations = batch.add_subparsers(dest="batch_command", required=True, metavar="OPERATION")
    for name, add_options in (
        ("edit", add_edit_options),
        ("remove-bg", add_remove_background_options),
    ):
        sub = operations.add_parser(name, help=f"{name} every row of the manifest")
        sub.add_argument("manifest", metavar="MANIFEST", help="a .csv or .jsonl file (or URL)")
        sub.add_argument(
            "-o", "--output", required=True, metavar="URL", help="folder or fsspec URL (s3://...)"
        )
        sub.add_argument(
            "--shard", type=parse_shard, default=(0, 1), metavar="I/N", help="run shard I of N"
        )
        sub.add_argument(
            "--rate",
            type=_rate,
            default=None,
            metavar="R",
            help="target request rate of the account, e.g. 10/s or 600/min (divided among "
            "the N shards unless --rate-per-shard)",
        )
        sub.add_argument(
            "--rate-per-shard", action="store_true", help="--rate is for this shard alone"
        )
        sub.add_argument(
            "--retry-failed", action="store_true", help="redo the rows a previous run failed"
        )
        sub.add_argument(
            "--ledger", metavar="DIR", help="ledger folder (default: OUTPUT/.photoroom-ledger)"
        )
        sub.add_argument("--report", metavar="FILE", help="write the report as JSON ('-': stdout)")
        sub.add_argument(
            "--review-sheet",
            "--review",
            dest="review",
            metavar="PATH.html",
            help="write a static HTML review sheet: before/after pairs, least certain first, "
            "the failures and the ledger's counts (thumbnails in PATH_files/ beside it)",
        )
        sub.add_argument(
            "--dry-run",
            action="store_true",
            help="check every row of the shard (inputs, columns, duplicates, options), send "
            "nothing, write nothing, and print the equivalent curl command of each request",
        )
        add_options(sub)
        add_common(sub)
    return batch


def _emit(outcome: RowOutcome) -> None:
    sys.stdout.write(json.dumps({"type": "item", **outcome.to_dict()}) + "\n")
    sys.stdout.flush()


async def run_batch_command(args: argparse.Namespace) -> tuple[ManifestReport, int]:
    """Run the command; the report and the exit code (0 all done, 1 some rows failed)."""
    from . import batch_client, run_manifest

    operation: Operation = "edit" if args.batch_command == "edit" else "remove-bg"
    options = edit_options(args) if operation == "edit" else remove_background_options(args)
    if args.dry_run:
        from ._dry_run import dry_run_manifest

        exit_code = await dry_run_manifest(args, operation, options)
        return ManifestReport(args.manifest, args.output, "", args.shard), exit_code
    rate = args.rate
    if rate is not None and args.shard[1] > 1 and not args.rate_per_shard:
        rate = rate / args.shard[1]
    transport = None
    api_key = args.api_key
    if args.emulator:
        try:
            from photoroom_emulator.transports import AsyncEmulatorTransport
        except ImportError as exc:
            raise UsageError(f"{EMULATOR_HINT} ({exc})") from None
        transport = AsyncEmulatorTransport()
        api_key = api_key or os.environ.get("PHOTOROOM_API_KEY") or "emulator"
    if not (api_key or os.environ.get("PHOTOROOM_API_KEY")):
        raise UsageError("no API key: pass --api-key KEY or set PHOTOROOM_API_KEY")
    client_options: dict[str, Any] = {
        "base_url": args.base_url,
        "max_retries": args.max_retries,
        "retry_billed": args.retry_billed,
    }
    if args.timeout is not None:
        client_options["timeout"] = args.timeout
    async with batch_client(
        api_key,
        rate=rate,
        concurrency=args.concurrency,
        transport=transport,
        **client_options,
    ) as client:
        report = await run_manifest(
            client,
            args.manifest,
            args.output,
            operation=operation,
            options=options,
            shard=args.shard,
            ledger=args.ledger,
            retry_failed=args.retry_failed,
            concurrency=args.concurrency,
            progress=False if (args.quiet or args.json) else None,
            on_item=_emit if args.json else None,
        )
    if not args.quiet:
        for failure in report.failures:
            where = f"line {failure.line}: {failure.input}"
            if failure.output is not None:
                where += f" -> {failure.output}"
            code = f" ({failure.status_code})" if failure.status_code else ""
            before = " [previous run; --retry-failed redoes it]" if failure.previous else ""
            message = f"{failure.error_type}{code}: {failure.error}{before}"
            print(f"failed: {where}: {message}", file=sys.stderr)
        print(report.summary(), file=sys.stderr)
    if args.json:
        print(json.dumps({"type": "summary", **report.to_dict(), "failures": None}))
    if args.review:
        from .review import write_review

        write_review(report.ledger, args.review)
    if args.report:
        text = report.to_json()
        if args.report == "-":
            print(text)
        else:
            with open(args.report, "w", encoding="utf-8") as handle:
                handle.write(text + "\n")
    return report, (0 if report.ok else 1)
