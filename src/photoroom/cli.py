"""The ``photoroom`` command: batch background removal and edits from a shell.

    photoroom remove-bg photos/*.jpg -o cutouts/
    photoroom edit photos/ -o shots/ --background-color FFFFFF --output-size 1000x1000 --padding 0.1
    photoroom account

Every ``edit`` option is derived from the same table as ``Photoroom.edit()`` (so the two cannot
disagree): ``background.color`` is ``--background-color``, ``shadow.mode`` is ``--shadow-mode``,
``outputSize`` is ``--output-size`` (:func:`flag_name` is that rule, for tools that list the
flags, such as the change report). Help texts come from the generated client's docstrings.

Exit codes: 0 all done, 1 some items failed, 2 usage error (bad option, no API key),
3 authentication or payment error, 4 the API could not be reached.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import os
import sys
from collections.abc import AsyncIterator, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._cli_options import (
    UsageError,
    add_edit_options,
    add_remove_background_options,
    edit_options,
    flag_name,
    remove_background_options,
)
from ._cli_output import BatchOutput, ShortUsageParser, cli_wording
from ._exceptions import (
    APIConnectionError,
    APIStatusError,
    AuthenticationError,
    PaymentRequiredError,
    PermissionDeniedError,
    PhotoroomError,
)
from ._logging import logger
from ._version import __version__

if TYPE_CHECKING:
    from ._client import AsyncPhotoroom
    from .batch._folder import BatchReport

__all__ = [
    "EXIT_AUTH",
    "EXIT_CONNECTION",
    "EXIT_FAILED",
    "EXIT_OK",
    "EXIT_USAGE",
    "flag_name",
    "main",
]

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_AUTH = 3
EXIT_CONNECTION = 4

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".webp", ".heic", ".avif"})
_AUTH_ERRORS = (AuthenticationError, PermissionDeniedError, PaymentRequiredError)
_AUTH_ERROR_NAMES = frozenset(cls.__name__ for cls in _AUTH_ERRORS)
_CONNECTION_ERROR_NAMES = frozenset({"APIConnectionError", "APITimeoutError"})
EMULATOR_HINT = "--emulator needs the emulator extra: pip install 'photoroom-client[emulator]'"


# ---------------------------------------------------------------------------------------------
# Parser


def _add_common(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    def default(value: Any) -> Any:
        return argparse.SUPPRESS if suppress else value

    common = parser.add_argument_group("connection and output")
    common.add_argument(
        "--api-key", default=default(None), help="API key (default: $PHOTOROOM_API_KEY)"
    )
    common.add_argument(
        "--base-url",
        default=default(None),
        help="API host for every endpoint, e.g. a local emulator (default: $PHOTOROOM_BASE_URL)",
    )
    common.add_argument(
        "--emulator",
        action="store_true",
        default=default(False),
        help="run against the offline emulator in this process (needs the emulator extra)",
    )
    common.add_argument(
        "--concurrency", type=int, default=default(8), help="images in flight at once (default 8)"
    )
    common.add_argument(
        "--timeout",
        type=float,
        default=default(None),
        help="seconds per attempt (default: connect 10, then up to 120 per read)",
    )
    common.add_argument(
        "--max-retries", type=int, default=default(2), help="retries per image (default 2)"
    )
    common.add_argument(
        "--retry-billed",
        action="store_true",
        default=default(False),
        help="also retry an image whose upload was sent when the answer timed out or was cut "
        "(the API may have charged it: a retry may charge again)",
    )
    common.add_argument(
        "--json",
        action="store_true",
        default=default(False),
        help="machine-readable stdout: account as one JSON object; batches one JSON line per "
        "image, then a summary line",
    )
    common.add_argument(
        "-q", "--quiet", action="store_true", default=default(False), help="print errors only"
    )
    common.add_argument(
        "-v",
        "--verbose",
        action="count",
        default=default(0),
        help="log requests (-v) or everything (-vv) to stderr",
    )


def _add_batch_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "images", nargs="+", metavar="IMAGE", help="image files, folders of images, or http(s) URLs"
    )
    parser.add_argument("-o", "--output-dir", required=True, help="folder for the results")
    parser.add_argument(
        "--overwrite", action="store_true", help="replace existing outputs (default: skip them)"
    )
    parser.add_argument(
        "--report",
        metavar="FILE",
        help="write the per-image report as JSON ('-': to stdout); also written after Ctrl-C",
    )
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help="validate every image and option, send nothing, and print the equivalent curl "
        "command of each request (the key as $PHOTOROOM_API_KEY)",
    )


def build_parser() -> argparse.ArgumentParser:
    """The ``photoroom`` argument parser (every edit option derived from the option table)."""
    doc = __doc__ or ""
    parser = ShortUsageParser(
        prog="photoroom",
        description="Remove backgrounds and edit product photos with the Photoroom API.",
        epilog=doc[doc.index("Exit codes") :],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"photoroom {__version__}")
    _add_common(parser, suppress=False)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    remove = commands.add_parser(
        "remove-bg",
        help="cut out the subject of each image (transparent PNG by default)",
        description="Remove the background of each image (POST /v1/segment).",
    )
    _add_batch_arguments(remove)
    add_remove_background_options(remove)
    _add_common(remove, suppress=True)

    edit = commands.add_parser(
        "edit",
        help="edit each image: background, shadow, lighting, layout, AI features",
        description=(
            "Edit each image with /v2/edit. Options are the API's parameters in kebab case: "
            "background.color is --background-color, outputSize is --output-size."
        ),
    )
    _add_batch_arguments(edit)
    add_edit_options(edit)
    _add_common(edit, suppress=True)

    account = commands.add_parser("account", help="show the plan and the remaining balance")
    _add_common(account, suppress=True)
    _add_catalogue_batch(commands)
    return parser


# ---------------------------------------------------------------------------------------------
# Commands


def expand_inputs(values: Sequence[str]) -> list[str]:
    """Folders become the images directly inside them (sorted); files and URLs stay."""
    inputs: list[str] = []
    for value in values:
        path = Path(value)
        if "://" not in value and path.is_dir():
            inputs.extend(
                str(child)
                for child in sorted(path.iterdir())
                if child.is_file() and child.suffix.lower() in IMAGE_SUFFIXES
            )
        else:
            inputs.append(value)
    return inputs


@contextlib.asynccontextmanager
async def open_client(args: argparse.Namespace) -> AsyncIterator[AsyncPhotoroom]:
    """The client the command line uses (in-process emulator with ``--emulator``)."""
    from ._client import AsyncPhotoroom
    from ._config import DEFAULT_TIMEOUT, NOT_GIVEN, DefaultAsyncHttpxClient

    http_client = None
    api_key = args.api_key
    timeout = DEFAULT_TIMEOUT if args.timeout is None else args.timeout
    if args.emulator:
        try:
            from photoroom_emulator.transports import AsyncEmulatorTransport
        except ImportError as exc:
            raise UsageError(f"{EMULATOR_HINT} ({exc})") from None
        http_client = DefaultAsyncHttpxClient(transport=AsyncEmulatorTransport(), timeout=timeout)
        # The emulator accepts any key unless PHOTOROOM_EMULATOR_KEYS lists some.
        api_key = api_key or os.environ.get("PHOTOROOM_API_KEY") or "emulator"
    if not (api_key or os.environ.get("PHOTOROOM_API_KEY")):
        raise UsageError(
            "no API key: pass --api-key KEY or set PHOTOROOM_API_KEY "
            "(keys are at https://app.photoroom.com/api-dashboard; --emulator needs none)"
        )
    try:
        client = AsyncPhotoroom(
            api_key,
            base_url=args.base_url,
            timeout=NOT_GIVEN if args.timeout is None else args.timeout,
            max_retries=args.max_retries,
            http_client=http_client,
            retry_billed=args.retry_billed,
        )
        async with client:
            yield client
    finally:
        if http_client is not None:
            await http_client.aclose()


def _exit_code(report: BatchReport) -> int:
    if report.ok:
        return EXIT_OK
    failures = report.failed
    if any(item.error_type in _AUTH_ERROR_NAMES for item in failures):
        return EXIT_AUTH
    if not report.succeeded and all(
        item.error_type in _CONNECTION_ERROR_NAMES for item in failures
    ):
        return EXIT_CONNECTION
    return EXIT_FAILED


async def _run_batch(args: argparse.Namespace, output: BatchOutput) -> int:
    inputs = expand_inputs(args.images)
    if not inputs:
        raise UsageError("no images found in " + ", ".join(args.images))
    if args.dry_run:
        from ._cli_dry_run import dry_run_images

        options = edit_options(args) if args.command == "edit" else remove_background_options(args)
        return await dry_run_images(args, inputs, args.command, options)
    async with open_client(args) as client:
        progress = False if args.quiet else None
        if args.command == "edit":
            report = await client.batch_edit(
                inputs,
                args.output_dir,
                concurrency=args.concurrency,
                overwrite=args.overwrite,
                progress=progress,
                on_item=output.on_item,
                **edit_options(args),
            )
        else:
            report = await client.batch_remove_background(
                inputs,
                args.output_dir,
                concurrency=args.concurrency,
                overwrite=args.overwrite,
                progress=progress,
                on_item=output.on_item,
                **remove_background_options(args),
            )
    _print_failures(report)
    if not args.quiet:
        print(report.summary(), file=sys.stderr)
    output.summary(report)
    output.write_report(args.report, report, interrupted=False)
    return _exit_code(report)


def _print_failures(report: BatchReport) -> None:
    for item in report.failed:
        code = f" ({item.status_code})" if item.status_code else ""
        message = cli_wording(item.error_message or "")
        print(f"failed: {item.input}: {item.error_type}{code}: {message}", file=sys.stderr)


def _count(value: float) -> str:
    return f"{int(value)}" if float(value).is_integer() else f"{value}"


async def _run_account(args: argparse.Namespace) -> int:
    async with open_client(args) as client:
        account = await client.account()
        images = account.images
        data: dict[str, Any] = {
            "plan": account.plan,
            "images": {"available": images.available, "subscription": images.subscription},
            "credits_v1": None,
        }
        if not args.json:
            print(f"plan: {account.plan}")
            print(f"images: {_count(images.available)} of {_count(images.subscription)} available")
        try:
            legacy = await client.account_v1()
        except APIStatusError:
            pass  # the legacy endpoint is optional
        else:
            credits_ = legacy.credits
            data["credits_v1"] = {
                "available": credits_.available,
                "subscription": credits_.subscription,
            }
            if not args.json:
                available, total = _count(credits_.available), _count(credits_.subscription)
                print(f"credits (v1): {available} of {total} available")
    if args.json:
        print(json.dumps(data))
    return EXIT_OK


@contextlib.contextmanager
def _logging_to_stderr(verbosity: int) -> Iterator[None]:
    """``-v``: one line per answer and retry; ``-vv``: also requests, attempts and the reason
    of every retry decision. The handler lives as long as the command."""
    if verbosity <= 0:
        yield
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("[%(levelname)s %(name)s] %(message)s"))
    previous = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG if verbosity > 1 else logging.INFO)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (see the module docstring)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    with _logging_to_stderr(args.verbose):
        return _main(args)


def _main(args: argparse.Namespace) -> int:
    if args.command == "batch":
        return _catalogue_batch_main(args)
    output = BatchOutput(getattr(args, "output_dir", "") or "", json_lines=args.json)

    def fail(code: int, exc: BaseException) -> int:
        message = cli_wording(str(exc))
        if code == EXIT_USAGE:
            message = (
                f"error: {message}\nTry 'photoroom {args.command} --help' for more information."
            )
        print(f"photoroom: {message}", file=sys.stderr)
        if args.json:
            print(json.dumps({"type": "error", "error": type(exc).__name__, "message": message}))
        if code == EXIT_USAGE:
            raise SystemExit(code)  # as argparse does for the errors it finds itself
        return code

    try:
        if args.command == "account":
            return asyncio.run(_run_account(args))
        return asyncio.run(_run_batch(args, output))
    except UsageError as exc:
        return fail(EXIT_USAGE, exc)
    except _AUTH_ERRORS as exc:
        return fail(EXIT_AUTH, exc)
    except APIConnectionError as exc:
        return fail(EXIT_CONNECTION, exc)
    except APIStatusError as exc:
        return fail(EXIT_FAILED, exc)
    except (PhotoroomError, ValueError) as exc:  # InvalidOptionError and the like
        return fail(EXIT_USAGE, exc)
    except KeyboardInterrupt:
        if args.command != "account":
            report = output.partial_report()
            _print_failures(report)
            output.summary(report, interrupted=True)
            output.write_report(getattr(args, "report", None), report, interrupted=True)
            done = f"{len(report.written)} written, {len(report.skipped)} skipped"
            print(
                f"photoroom: interrupted after {done}, {len(report.failed)} failed (finished "
                "outputs are kept, no partial file is left; re-run to resume)",
                file=sys.stderr,
            )
        else:
            print("photoroom: interrupted", file=sys.stderr)
        return 130


# ---------------------------------------------------------------------------------------------
# Catalogue batches: ``photoroom batch edit|remove-bg MANIFEST --output URL`` (photoroom.batch)


def _add_catalogue_batch(commands: Any) -> None:
    from .batch._cli import add_batch_parser

    add_batch_parser(commands, lambda parser: _add_common(parser, suppress=True))


def _catalogue_batch_main(args: argparse.Namespace) -> int:
    from .batch._cli import run_batch_command

    def fail(code: int, exc: BaseException) -> int:
        message = cli_wording(str(exc))
        print(f"photoroom: {message}", file=sys.stderr)
        if args.json:
            print(json.dumps({"type": "error", "error": type(exc).__name__, "message": message}))
        return code

    try:
        _, code = asyncio.run(run_batch_command(args))
        return code
    except UsageError as exc:
        return fail(EXIT_USAGE, exc)
    except _AUTH_ERRORS as exc:
        return fail(EXIT_AUTH, exc)
    except APIConnectionError as exc:
        return fail(EXIT_CONNECTION, exc)
    except (PhotoroomError, ValueError, OSError) as exc:  # a bad manifest or store
        return fail(EXIT_USAGE, exc)
    except KeyboardInterrupt:
        print(
            "photoroom: interrupted (every finished row is in the ledger; re-run to resume)",
            file=sys.stderr,
        )
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
