"""Planning, shared by folder batches and manifests: how a batch checks its options before
anything is sent, how an output is named, and the unit of work the engine runs (:class:`Plan`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from pathlib import PurePosixPath
from typing import Any, Final

from ._manifest import Operation, Row

__all__ = ["PLACEHOLDER_UPLOAD", "Plan", "check_options", "predicted_extension", "stem_of"]

PLACEHOLDER_UPLOAD: Final = b"\x89PNG\r\n\x1a\n"
"""A placeholder upload (PNG signature): validates the options of an upload without reading
any input."""


def predicted_extension(operation: Operation, options: Mapping[str, Any]) -> str:
    """The extension of the answer ``options`` ask for (``.png``, ``.jpg``, ``.webp``)."""
    from .._inputs import extension_for
    from .._options import predicted_media_type
    from ..spec import EDIT_BY_UPLOAD, REMOVE_BACKGROUND

    op_id = EDIT_BY_UPLOAD if operation == "edit" else REMOVE_BACKGROUND
    return extension_for(predicted_media_type(op_id, options))


def check_options(operation: Operation, source: object, options: Mapping[str, Any]) -> None:
    """Raise on an option the call would refuse, before any request or file read.

    ``source`` decides between the URL and the upload variant of ``edit``; an upload is
    checked with a placeholder, so no input is read.
    """
    from .._config import CallOptions
    from .._headers import split_header_options
    from .._inputs import is_url
    from .._options import build_edit, build_remove_background
    from ..spec import EDIT_BY_UPLOAD, EDIT_BY_URL, REMOVE_BACKGROUND
    from ..spec import operation as spec_operation

    _, own = CallOptions.split(options)
    op_ids = (EDIT_BY_URL, EDIT_BY_UPLOAD) if operation == "edit" else (REMOVE_BACKGROUND,)
    _, own = split_header_options(tuple(spec_operation(o) for o in op_ids), own)
    if operation == "edit":
        build_edit(source if is_url(source) else PLACEHOLDER_UPLOAD, own)
    else:
        build_remove_background(own)


def stem_of(source: str) -> str:
    """A manifest input's file stem (``s3://b/shoes/red.jpg`` -> ``red``)."""
    from urllib.parse import unquote, urlsplit

    path = urlsplit(source).path if "://" in source else source
    return PurePosixPath(unquote(path).replace("\\", "/")).stem or "image"


@dataclasses.dataclass
class Plan:
    """One unit of work, whichever front end planned it (a manifest row, a folder's file)."""

    row: Row
    key: str
    options: dict[str, Any]
    name: str
    """The output's name in the store, with the extension the options predict."""
    named: bool
    """The manifest gave the output name (else: the input's stem and the answer's extension)."""
    source: Any = None
    """What the client receives (folder batches: the caller's own input object; manifests: the
    input, or its bytes when the client cannot read its URL)."""
