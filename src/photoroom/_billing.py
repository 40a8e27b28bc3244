"""Which operations cost credits: the one place the retry logic asks.

A billed operation whose request was sent in full may have been processed and charged even when
its answer never arrived (a read timeout, a dropped connection): the server finishes the work
of a client that gave up. Retrying it could charge the user again, so the client does not retry
such a failure unless asked to (``retry_billed=True``).

The cost of each operation is the spec's (``x-photoroom-cost`` in the overlay), read from the
generated table.
"""

from __future__ import annotations

__all__ = ["operation_is_billed"]


def operation_is_billed(operation_id: str) -> bool:
    """Whether the spec operation ``operation_id`` may spend credits."""
    from .spec import operations

    op = operations().get(operation_id)
    return True if op is None else op.billed  # an operation the table lacks: assume it bills
