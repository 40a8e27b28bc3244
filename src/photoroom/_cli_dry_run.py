"""``photoroom edit|remove-bg --dry-run``: each image's request as a curl command, none sent.

Every input goes through the very call the batch would make (``edit()`` or
``remove_background()``) on a client that sends nothing (:mod:`photoroom._dry_run`), so an
input or option the API would refuse is reported here, per image, and every valid image gets
the command that reproduces its request, writing where the batch would write.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ._dry_run import capture, curl_command, dry_run_client
from ._exceptions import PhotoroomError

__all__ = ["dry_run_images"]


def _output_name(source: str, extension: str) -> str:
    from .batch._plan import stem_of

    return stem_of(source) + extension


async def dry_run_images(
    args: argparse.Namespace,
    inputs: Sequence[str],
    operation: str,
    options: Mapping[str, Any],
) -> int:
    """Print one curl command per valid input on stdout, one line per invalid input on stderr;
    0 when every input is valid, else 1."""
    from .batch._plan import predicted_extension

    extension = predicted_extension("edit" if operation == "edit" else "remove-bg", options)
    invalid = 0
    from ._client import AsyncPhotoroom

    async with dry_run_client(AsyncPhotoroom, args.api_key, args.base_url) as client:
        for source in inputs:
            method = client.edit if operation == "edit" else client.remove_background
            try:
                request = await capture(method(source, **options))
            except (PhotoroomError, ValueError, OSError) as exc:
                invalid += 1
                print(f"invalid: {source}: {type(exc).__name__}: {exc}", file=sys.stderr)
                continue
            files = {} if "://" in source else {os.path.basename(source): source}
            output = Path(args.output_dir) / _output_name(source, extension)
            print(curl_command(request, files=files, output=output))
    if not args.quiet:
        valid = len(inputs) - invalid
        print(f"dry run: {valid} built, {invalid} invalid, none sent", file=sys.stderr)
    return 1 if invalid else 0
