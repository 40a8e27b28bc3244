"""What an operation accepts as input (``x-photoroom-limits`` in the overlay), typed.

The client checks an image against these before sending; the emulator answers the API's error
when a request exceeds them. Both read them here, so the two cannot disagree.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from .operations import operation, operations

__all__ = ["UploadLimits", "limits_of", "loosest_limits"]


@dataclass(frozen=True)
class UploadLimits:
    """The largest image an operation takes: bytes, pixels on a side, pixels in all."""

    max_bytes: int
    max_side: int
    max_pixels: int


def limits_of(operation_id: str) -> UploadLimits:
    """The input limits of an operation, from the spec."""
    limits = operation(operation_id).limits
    return UploadLimits(
        max_bytes=int(limits["max-file-bytes"]),
        max_side=int(limits["max-side"]),
        max_pixels=int(limits["max-pixels"]),
    )


@functools.cache
def loosest_limits() -> UploadLimits:
    """The largest limits any operation has (for an image checked outside any operation)."""
    known = [limits_of(op_id) for op_id, op in operations().items() if op.limits]
    return UploadLimits(
        max_bytes=max(k.max_bytes for k in known),
        max_side=max(k.max_side for k in known),
        max_pixels=max(k.max_pixels for k in known),
    )
