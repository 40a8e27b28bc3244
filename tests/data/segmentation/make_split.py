"""Write split.json: the evaluation set's fixed tuning half and check half.

``python tests/data/segmentation/make_split.py``

Run once, when the set grew to 28 photos (issue 19), before any segmenter was scored on the new
photos. Each photo has one category (below); within a category the names are shuffled by a
seeded generator and dealt alternately to the two halves, the first card of each category going
to whichever half is smaller so far (tuning on a tie). So the halves are balanced by category and
no one chose which photo lands where. Settings are chosen on the tuning half only; the check half
is reported beside it and is what the targets are judged on. Do not re-run this to move a photo:
a new photo gets its half by the same rule, appended.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = "issue-19"

CATEGORIES: dict[str, list[str]] = {
    "person": [
        "astronaut",
        "basketball",
        "camera",
        "didgeridoo",
        "grace_hopper",
        "luispedro",
        "messi5",
    ],
    "animal": ["butterfly", "dog", "kingfisher", "kitten", "quokka", "shepherd", "squirrel"],
    "product or food on a table": [
        "apple",
        "bulb",
        "coffee",
        "notebook",
        "orange",
        "pan",
        "smarties",
        "stuff",
    ],
    "thin object, plant, car": ["aloe", "car", "chair", "dutar", "flower", "scissors"],
}


def split() -> dict[str, object]:
    halves: dict[str, list[str]] = {"tuning": [], "check": []}
    for category, names in CATEGORIES.items():
        order = sorted(names)
        random.Random(f"{SEED}:{category}").shuffle(order)
        first = "check" if len(halves["check"]) < len(halves["tuning"]) else "tuning"
        second = "tuning" if first == "check" else "check"
        for index, name in enumerate(order):
            halves[first if index % 2 == 0 else second].append(name)
    return {
        "reason": (
            "Fixed once (issue 19) before the new photos were scored: seeded shuffle within each "
            "category, dealt alternately. Tune on 'tuning' only; judge on 'check'."
        ),
        "seed": SEED,
        "categories": {name: category for category, names in CATEGORIES.items() for name in names},
        "tuning": sorted(halves["tuning"]),
        "check": sorted(halves["check"]),
    }


if __name__ == "__main__":
    (HERE / "split.json").write_text(json.dumps(split(), indent=2) + "\n")
