"""Per-request overhead of an upload: ``client.edit(<1 MB JPEG>)`` against hand-built multipart.

Why: an edit is the call users make most, and it carries a body. The client must not copy or
re-encode the image more than httpx itself does. The baseline is the same multipart
``POST /v2/edit`` (same fields, same file bytes) on an ``httpx.Client``, reading the answer's
bytes. The emulator skips imaging (processing off, no latency) so the server side costs the same
small amount for both.

Stability: a busy machine moves single pair ratios by +-40 %, so the figure is the median of many
short pairs (``RUNS`` runs of ``ROUNDS`` alternating rounds), reported with the spread of the
per-run medians and the interquartile range of all pairs, and the client-process CPU ratio
beside it (CPU time is what the client spends; the wall clock also counts waiting for a CPU).
"""

from __future__ import annotations

import math

from . import _images
from ._harness import (
    API_KEY,
    EDIT_FORM,
    OVERHEAD_EMULATOR,
    Context,
    Paired,
    Row,
    edit_options,
    median,
    ms,
    paired_notes,
    paired_rounds,
    photoroom_client,
    require,
    verdict,
)

NAME = "per-request overhead, upload"
TARGET = 1.05
CALLS = 200
"""Calls per side and run."""
ROUNDS = 40
RUNS = 5


def run(ctx: Context) -> list[Row]:
    import httpx

    url = ctx.emulators.url(OVERHEAD_EMULATOR)
    image = _images.one_megabyte_jpeg(ctx.scale)
    calls = ctx.count(CALLS, minimum=2)
    rounds = ctx.rounds(ROUNDS)
    per_round = math.ceil(calls / rounds)

    with photoroom_client(url) as client, httpx.Client(base_url=url, timeout=60.0) as bare:
        edit = require(client, "edit")
        options = edit_options()
        headers = {"x-api-key": API_KEY}
        files = {"imageFile": ("photo.jpg", image, "image/jpeg")}

        def ours() -> None:
            for _ in range(per_round):
                edit(image, **options)

        def baseline() -> None:
            for _ in range(per_round):
                response = bare.post("/v2/edit", headers=headers, data=EDIT_FORM, files=files)
                response.raise_for_status()
                response.read()

        runs = [paired_rounds(ours, baseline, rounds) for _ in range(RUNS if not ctx.quick else 1)]

    paired = Paired()
    for run_ in runs:
        paired.ours += run_.ours
        paired.baseline += run_.baseline
        paired.ours_cpu += run_.ours_cpu
        paired.baseline_cpu += run_.baseline_cpu
    ratio = paired.ratio
    pairs = sorted(o / b for o, b in zip(paired.ours, paired.baseline, strict=True))
    q1, q3 = pairs[len(pairs) // 4], pairs[(3 * len(pairs)) // 4]
    run_ratios = [r.ratio for r in runs]
    run_cpu = [r.cpu_ratio for r in runs]
    return [
        Row(
            NAME,
            f"{ms(median(paired.ours) / per_round)}/call",
            f"{ms(median(paired.baseline) / per_round)}/call",
            f"{ratio:.3f}",
            f"<= {TARGET:.2f}",
            verdict(ratio <= TARGET),
            [
                f"{len(image) / 1e6:.2f} MB JPEG passed as bytes",
                *paired_notes(paired, per_round),
                f"spread: {len(runs)} runs of {rounds} pairs; per-run median wall ratios "
                + ", ".join(f"{r:.3f}" for r in run_ratios)
                + f" (range {max(run_ratios) - min(run_ratios):.3f}); interquartile range of "
                f"all pair ratios {q1:.3f}-{q3:.3f}; per-run CPU ratios "
                + ", ".join(f"{r:.3f}" for r in run_cpu),
            ],
        )
    ]
