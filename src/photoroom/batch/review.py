"""The review sheet: one static HTML page of a batch's outputs, least certain first.

Built from the ledger alone (every ``done`` row that wrote an output, with the answer's
``x-uncertainty-score``): unscored answers (-1, a person was detected) come first, then the
highest scores, then rows without a score. Local outputs are linked relative to the page, so
the folder can be moved or served as it is; object-store outputs keep their URL.
"""

from __future__ import annotations

import html
import os
from pathlib import Path
from typing import Any

from ._ledger import read_ledger

__all__ = ["review_rows", "write_review"]

_STYLE = """
body { font-family: system-ui, sans-serif; margin: 16px; background: #f4f4f2; color: #222; }
h1 { font-size: 18px; margin: 0 0 12px; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(180px, 1fr)); gap: 12px; }
.card { background: #fff; border-radius: 6px; padding: 8px; box-shadow: 0 1px 2px #0002; }
.card img { width: 100%; height: 150px; object-fit: contain; display: block;
  background: repeating-conic-gradient(#ddd 0% 25%, #fff 0% 50%) 50% / 16px 16px; }
.score { font-weight: 600; }
.high { color: #b00020; }
.name { font-size: 12px; word-break: break-all; color: #555; }
"""


def _rank(record: dict[str, Any]) -> float:
    score = record.get("uncertainty")
    if score is None:
        return -1.0
    return 2.0 if float(score) < 0 else float(score)


def review_rows(ledger: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """The rows of the sheet: the last ``done`` record of each key that has an output,
    least certain first."""
    last: dict[str, dict[str, Any]] = {}
    for record in read_ledger(ledger):
        last[str(record["key"])] = record
    rows = [r for r in last.values() if r["status"] == "done" and r.get("output")]
    rows.sort(key=lambda r: (-_rank(r), str(r["output"])))
    return rows


def _src(output: str, page_dir: Path) -> str:
    if "://" in output:
        return output
    relative = os.path.relpath(Path(output).resolve(), page_dir.resolve())
    return Path(relative).as_posix()


def write_review(
    ledger: str | os.PathLike[str],
    path: str | os.PathLike[str],
    *,
    title: str = "Batch review",
    limit: int | None = None,
) -> Path:
    """Write the review sheet of ``ledger`` to ``path`` (HTML); return the path."""
    page = Path(path)
    page.parent.mkdir(parents=True, exist_ok=True)
    rows = review_rows(ledger)
    if limit is not None:
        rows = rows[:limit]
    cards = []
    for record in rows:
        output = str(record["output"])
        score = record.get("uncertainty")
        if score is None:
            label, css = "no score", "score"
        elif float(score) < 0:
            label, css = "person: not scored", "score high"
        else:
            label = f"uncertainty {float(score):.2f}"
            css = "score high" if float(score) >= 0.5 else "score"
        cards.append(
            '<div class="card">'
            f'<img src="{html.escape(_src(output, page.parent))}" alt="" loading="lazy">'
            f'<div class="{css}">{html.escape(label)}</div>'
            f'<div class="name">line {html.escape(str(record.get("line", "?")))}: '
            f"{html.escape(str(record.get('input', '')))}</div>"
            "</div>"
        )
    body = "\n".join(cards) or "<p>No outputs recorded yet.</p>"
    text = (
        "<!doctype html>\n<html><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)}</title><style>{_STYLE}</style></head><body>"
        f"<h1>{html.escape(title)}: {len(rows)} outputs, least certain first</h1>"
        f'<div class="grid">\n{body}\n</div></body></html>\n'
    )
    tmp = page.with_name(f".{page.name}.part")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, page)
    return page
