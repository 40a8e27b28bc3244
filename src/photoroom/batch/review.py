"""The review sheet: static HTML pages of a batch, least certain first, from the ledger alone.

Every ``done`` row that wrote an output is a card: its input (before) beside its output
(after), with the answer's ``x-uncertainty-score``. Unscored answers (-1, a person was
detected) come first, then the highest scores, then rows without a score. The first page
(the given path) also has the ledger's counts (written, found already stored, failed) and the
failed rows with their line, the output their manifest row named and the reason. Cards come
:data:`PAGE_SIZE` to a page (``review.html``, ``review-p0002.html``... beside it, linked both
ways) and every image is ``loading="lazy"``, so a sheet of 10 000 rows opens as fast as one of
200.

No server: with Pillow importable (the ``emulator`` extra has it) small thumbnails of local
inputs (JPEG) and outputs (PNG, transparency kept) go in the ``<stem>_files/`` folder beside the
page; without it local files are linked relative to the page. ``http(s)`` inputs and
object-store outputs keep their URL. The folder can be moved or served as it is.
"""

from __future__ import annotations

import hashlib
import html
import os
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Final

from ._ledger import latest_records

__all__ = ["PAGE_SIZE", "THUMBNAIL_SIZE", "ledger_counts", "review_rows", "write_review"]

PAGE_SIZE: Final = 200
"""Cards per page file."""
THUMBNAIL_SIZE: Final = 256
"""The longest side of a thumbnail, in pixels."""
MAX_LISTED_FAILURES: Final = 2_000
"""Failed rows listed on the first page (the ledger has all of them)."""

_STYLE = """
body { font-family: system-ui, sans-serif; margin: 16px; background: #f4f4f2; color: #222; }
header { height: 64px; overflow: hidden; }
h1 { font-size: 18px; margin: 0 0 6px; }
.counts { font-size: 13px; margin: 0; }
.counts b { font-weight: 600; }
nav { font-size: 13px; margin: 8px 0; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, 260px); gap: 12px; }
.card { background: #fff; border-radius: 6px; padding: 8px; box-shadow: 0 1px 2px #0002;
  content-visibility: auto; contain-intrinsic-size: 244px 170px; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 4px; }
.pair img, .pair .none { width: 100%; height: 120px; object-fit: contain; display: block; }
.pair .after { background: repeating-conic-gradient(#ddd 0% 25%, #fff 0% 50%) 50% / 16px 16px; }
.pair .none { font-size: 11px; color: #888; display: flex; align-items: center;
  justify-content: center; background: #eee; }
.score { font-weight: 600; }
.high { color: #b00020; }
.name { font-size: 12px; word-break: break-all; color: #555; }
.failures { margin-top: 24px; font-size: 13px; border-collapse: collapse; }
.failures td, .failures th { text-align: left; padding: 2px 8px; vertical-align: top; }
.failures td.reason { word-break: break-word; }
"""


def _rank(record: dict[str, Any]) -> float:
    score = record.get("uncertainty")
    if score is None:
        return -1.0
    return 2.0 if float(score) < 0 else float(score)


def _last_records(ledger: str | os.PathLike[str]) -> dict[str, dict[str, Any]]:
    return latest_records(ledger)


def _sorted_rows(last: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = [r for r in last if r["status"] == "done" and r.get("output")]
    rows.sort(key=lambda r: (-_rank(r), str(r["output"])))
    return rows


def review_rows(ledger: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """The rows of the sheet: the last ``done`` record of each key that has an output,
    least certain first."""
    return _sorted_rows(_last_records(ledger).values())


def _counts(last: Iterable[dict[str, Any]]) -> dict[str, int]:
    counts = {"written": 0, "skipped": 0, "failed": 0}
    for record in last:
        if record["status"] == "failed":
            counts["failed"] += 1
        elif record.get("result") == "skipped":
            counts["skipped"] += 1  # found in the store before its record (a killed run's)
        else:
            counts["written"] += 1
    return counts


def ledger_counts(ledger: str | os.PathLike[str]) -> dict[str, int]:
    """Rows by their last record: ``written``, ``skipped`` (found already stored), ``failed``."""
    return _counts(_last_records(ledger).values())


def _relative(target: Path, page_dir: Path) -> str:
    return Path(os.path.relpath(os.path.abspath(target), os.path.abspath(page_dir))).as_posix()


def _local(value: str) -> Path | None:
    """The path of a local file (a path or ``file://``), else ``None``."""
    from ._manifest import input_kind, local_path

    if not value or input_kind(value) != "local":
        return None
    return local_path(value, None)


def _thumbnailer() -> Any:
    try:
        from PIL import Image
    except ImportError:
        return None
    return Image


class _Thumbnails:
    """Thumbnails in ``folder`` (made once: kept while newer than their source)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.image = _thumbnailer()
        self.jobs: dict[Path, tuple[Path, bool]] = {}

    def src(self, source: Path, page_dir: Path, *, keep_alpha: bool) -> str:
        if self.image is None:
            return _relative(source, page_dir)
        digest = hashlib.sha256(os.path.abspath(source).encode()).hexdigest()[:20]
        name = digest + (".png" if keep_alpha else ".jpg")
        self.jobs[self.folder / name] = (source, keep_alpha)
        return f"{self.folder.name}/{name}"  # the folder is beside the page

    def make(self) -> None:
        jobs = [job for job in self.jobs.items() if job[1][0].is_file()]
        if self.image is None or not jobs:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        with ThreadPoolExecutor(max_workers=min(8, os.cpu_count() or 1)) as pool:
            list(pool.map(self._one, jobs))

    def _one(self, job: tuple[Path, tuple[Path, bool]]) -> None:
        target, (source, keep_alpha) = job
        try:
            if target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
                return
            with self.image.open(source) as image:
                image.draft("RGB", (THUMBNAIL_SIZE, THUMBNAIL_SIZE))  # JPEG: decode small
                image.thumbnail((THUMBNAIL_SIZE, THUMBNAIL_SIZE))
                tmp = target.with_name(f".{target.name}.part")
                if keep_alpha:
                    image.convert("RGBA").save(tmp, format="PNG", optimize=False)
                else:
                    flat = self.image.new("RGB", image.size, (255, 255, 255))
                    rgba = image.convert("RGBA")
                    flat.paste(rgba, mask=rgba.getchannel("A"))
                    flat.save(tmp, format="JPEG", quality=80)
                os.replace(tmp, target)
        except (OSError, ValueError):  # a missing or unreadable file: the card says so
            return


def _image(src: str | None, css: str, alt: str) -> str:
    if src is None:
        return f'<div class="none {css}">{html.escape(alt)}: no preview</div>'
    return f'<img class="{css}" src="{html.escape(src)}" alt="{alt}" loading="lazy">'


def _label(record: dict[str, Any]) -> tuple[str, str]:
    score = record.get("uncertainty")
    if score is None:
        return "no score", "score"
    if float(score) < 0:
        return "person: not scored", "score high"
    css = "score high" if float(score) >= 0.5 else "score"
    return f"uncertainty {float(score):.2f}", css


def _page_name(page: Path, number: int) -> str:
    return page.name if number == 1 else f"{page.stem}-p{number:04d}{page.suffix or '.html'}"


def _nav(page: Path, number: int, pages: int) -> str:
    if pages <= 1:
        return ""
    parts = []
    if number > 1:
        parts.append(f'<a href="{html.escape(_page_name(page, number - 1))}">&larr; previous</a>')
    parts.append(f"page {number} of {pages}")
    if number < pages:
        parts.append(f'<a href="{html.escape(_page_name(page, number + 1))}">next &rarr;</a>')
    if number > 2:
        parts.insert(0, f'<a href="{html.escape(page.name)}">first</a>')
    return "<nav>" + " | ".join(parts) + "</nav>"


def _failures(records: list[dict[str, Any]]) -> str:
    if not records:
        return ""
    records = sorted(records, key=lambda r: (int(r.get("line") or 0), str(r.get("input", ""))))
    rows = []
    for record in records[:MAX_LISTED_FAILURES]:
        code = record.get("status_code")
        kind = str(record.get("error_type") or "error") + (f" ({code})" if code else "")
        rows.append(
            f"<tr><td>{html.escape(str(record.get('line', '?')))}</td>"
            f"<td>{html.escape(str(record.get('input', '')))}</td>"
            f"<td>{html.escape(str(record.get('output') or ''))}</td>"
            f'<td class="reason">{html.escape(kind)}: '
            f"{html.escape(str(record.get('error', '')))}</td></tr>"
        )
    more = len(records) - MAX_LISTED_FAILURES
    tail = f"<p>{more} more failed rows in the ledger.</p>" if more > 0 else ""
    return (
        f'<h2 id="failures">{len(records)} failed rows</h2>'
        '<table class="failures"><tr><th>line</th><th>input</th><th>output</th><th>reason</th></tr>'
        + "\n".join(rows)
        + f"</table>{tail}"
    )


def _write(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.part")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def write_review(
    ledger: str | os.PathLike[str],
    path: str | os.PathLike[str],
    *,
    title: str = "Batch review",
    limit: int | None = None,
    page_size: int = PAGE_SIZE,
    thumbnails: bool = True,
) -> Path:
    """Write the review sheet of ``ledger`` to ``path`` (HTML; more pages beside it when there
    are more than ``page_size`` outputs); return the path of the first page."""
    if page_size < 1:
        raise ValueError("page_size must be >= 1")
    page = Path(path)
    page_dir = page.parent
    page_dir.mkdir(parents=True, exist_ok=True)
    last = _last_records(ledger)
    counts = _counts(last.values())
    failed = [r for r in last.values() if r["status"] == "failed"]
    rows = _sorted_rows(last.values())
    if limit is not None:
        rows = rows[:limit]
    thumbs = _Thumbnails(page_dir / f"{page.stem}_files")
    if not thumbnails:
        thumbs.image = None

    def src(value: str, *, after: bool) -> str | None:
        local = _local(value)
        if local is not None:
            return thumbs.src(local, page_dir, keep_alpha=after)
        if value.startswith(("http://", "https://")) or (after and "://" in value):
            return value
        return None

    cards = []
    for record in rows:
        label, css = _label(record)
        line = html.escape(str(record.get("line", "?")))
        source = str(record.get("input", ""))
        cards.append(
            f'<div class="card" data-line="{line}">'
            '<div class="pair">'
            + _image(src(source, after=False), "before", "before")
            + _image(src(str(record["output"]), after=True), "after", "after")
            + f'</div><div class="{css}">{html.escape(label)}</div>'
            f'<div class="name">line {line}: {html.escape(source)}</div>'
            "</div>"
        )
    thumbs.make()

    pages = max(1, -(-len(cards) // page_size))
    summary = (
        f'<p class="counts">ledger: <b>{counts["written"]}</b> written, '
        f"<b>{counts['skipped']}</b> skipped (already stored), "
        f"<b>{counts['failed']}</b> failed"
        + (' (<a href="#failures">listed below</a>)' if failed else "")
        + f" &middot; {len(rows)} outputs, least certain first</p>"
    )
    # Stale pages of an earlier, longer sheet would still be linked from nowhere: remove them.
    for old in page_dir.glob(f"{page.stem}-p[0-9][0-9][0-9][0-9]{page.suffix or '.html'}"):
        if int(old.stem.rsplit("-p", 1)[1]) > pages:
            old.unlink(missing_ok=True)
    for number in range(1, pages + 1):
        chunk = cards[(number - 1) * page_size : number * page_size]
        body = "\n".join(chunk) or "<p>No outputs recorded yet.</p>"
        nav = _nav(page, number, pages)
        text = (
            "<!doctype html>\n<html><head><meta charset='utf-8'>"
            f"<title>{html.escape(title)}</title><style>{_STYLE}</style></head><body>"
            f"<header><h1>{html.escape(title)}</h1>{summary}</header>{nav}"
            f'<div class="grid">\n{body}\n</div>{nav}'
            + (_failures(failed) if number == 1 else "")
            + "</body></html>\n"
        )
        _write(page_dir / _page_name(page, number), text)
    return page
