"""Per-request overhead of a small call: ``client.account()`` against a bare ``httpx.Client``.

Why: ``account()`` moves almost no data, so any difference is the client's own work per call
(option handling, the generated request builder, retries bookkeeping, response parsing). The
baseline is the floor: the same ``GET /v2/account`` with hand-built headers on an
``httpx.Client``, decoding the JSON body (the least a caller does to read the balance).
The emulator answers at once (processing off, no latency), so its time is the same for both.
"""

from __future__ import annotations

import math

from ._harness import (
    API_KEY,
    OVERHEAD_EMULATOR,
    Context,
    Row,
    median,
    ms,
    paired_notes,
    paired_rounds,
    photoroom_client,
    require,
    verdict,
)

NAME = "per-request overhead, small call"
TARGET = 1.10
CALLS = 2000
ROUNDS = 20


def run(ctx: Context) -> list[Row]:
    import httpx

    url = ctx.emulators.url(OVERHEAD_EMULATOR)
    calls = ctx.count(CALLS, minimum=4)
    rounds = ctx.rounds(ROUNDS)
    per_round = math.ceil(calls / rounds)

    with photoroom_client(url) as client, httpx.Client(base_url=url, timeout=60.0) as bare:
        account = require(client, "account")
        headers = {"x-api-key": API_KEY, "accept": "application/json"}

        def ours() -> None:
            for _ in range(per_round):
                account()

        def baseline() -> None:
            for _ in range(per_round):
                response = bare.get("/v2/account", headers=headers)
                response.raise_for_status()
                response.json()

        paired = paired_rounds(ours, baseline, rounds)

    ratio = paired.ratio
    per_call = [t / per_round for t in paired.ours]
    per_call_base = [t / per_round for t in paired.baseline]
    return [
        Row(
            NAME,
            f"{ms(median(per_call))}/call",
            f"{ms(median(per_call_base))}/call",
            f"{ratio:.3f}",
            f"<= {TARGET:.2f}",
            verdict(ratio <= TARGET),
            paired_notes(paired, per_round),
        )
    ]
