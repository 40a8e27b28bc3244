"""``photoroom batch edit|remove-bg MANIFEST --dry-run``: every row checked, none sent.

Each row goes through what the run does before sending (the manifest's parsing, duplicate
outputs, the merge of the flags and the row's columns, the rules of ``edit()``), then through
the client's own call on a client that sends nothing (:mod:`photoroom._dry_run`): a valid row
prints the curl command that reproduces its request (writing where the run would write), an
invalid one a line naming its line, input, output and reason. Nothing is read from or
written to the store or the ledger. A row whose input is an fsspec URL (``s3://...``) is read
(the client reads it, not the API): its command uploads a local copy named like the object.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import os
import sys
from collections.abc import Mapping
from typing import Any

from .._dry_run import capture, curl_command, dry_run_client
from .._exceptions import PhotoroomError
from ._engine import plan_row, read_fsspec
from ._manifest import BadRow, Operation, input_kind, iter_manifest, row_key, shard_of
from ._outputs import OutputIndex, claim_outputs

__all__ = ["dry_run_manifest"]


def _invalid(line: int, source: str, output: str | None, error_type: str, reason: str) -> None:
    named = f" -> {output}" if output else ""
    print(f"invalid: line {line}: {source}{named}: {error_type}: {reason}", file=sys.stderr)


async def _read_object(url: str) -> io.BytesIO:
    """An fsspec object's bytes, named like the object (the command uploads a copy of it)."""
    from urllib.parse import urlsplit

    data = io.BytesIO(await asyncio.to_thread(read_fsspec, url))
    data.name = os.path.basename(urlsplit(url).path) or "image"
    return data


async def dry_run_manifest(
    args: argparse.Namespace, operation: Operation, options: Mapping[str, Any]
) -> int:
    """Print one curl command per valid row of the shard; 0 when every row is valid, else 1."""
    import tempfile

    from photoroom import AsyncPhotoroom  # the public name: the batch package sits above it

    index, count = args.shard
    built = invalid = 0
    local_output = input_kind(args.output) == "local"
    with tempfile.TemporaryDirectory(prefix="photoroom-dry-run-") as scratch:
        outputs = OutputIndex(scratch)
        try:
            async with dry_run_client(AsyncPhotoroom, args.api_key, args.base_url) as client:
                for item in claim_outputs(iter_manifest(args.manifest, operation), outputs):
                    key = row_key(operation, item, {})
                    if count > 1 and shard_of(key, count) != index:
                        continue
                    if isinstance(item, BadRow):
                        invalid += 1
                        _invalid(item.line, item.input, item.output, item.error_type, item.reason)
                        continue
                    plan = plan_row(operation, item, key, options)
                    if isinstance(plan, BadRow):
                        invalid += 1
                        _invalid(item.line, item.input, item.output, plan.error_type, plan.reason)
                        continue
                    source: Any = item.input
                    files: dict[str, str] = {}
                    if input_kind(source) == "local":
                        files[os.path.basename(source)] = source
                    elif input_kind(source) == "fsspec":  # read as the run reads it
                        source = await _read_object(source)
                    method = client.edit if operation == "edit" else client.remove_background
                    try:
                        request = await capture(method(source, **plan.options))
                    except (PhotoroomError, ValueError, OSError) as exc:
                        invalid += 1
                        _invalid(item.line, item.input, item.output, type(exc).__name__, str(exc))
                        continue
                    where = os.path.join(args.output, plan.name) if local_output else plan.name
                    print(curl_command(request, files=files, output=where))
                    built += 1
        finally:
            outputs.close()
    if not args.quiet:
        print(f"dry run: {built} built, {invalid} invalid, none sent", file=sys.stderr)
    return 1 if invalid else 0
