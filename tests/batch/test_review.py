"""The review sheet: least certain first, from the ledger; a screenshot in headless Chromium."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from photoroom.batch import LEDGER_DIR, Ledger
from photoroom.batch.review import PAGE_SIZE, ledger_counts, review_rows, write_review
from photoroom.cli import main

from .conftest import product_png, write_images


def test_least_certain_first(tmp_path: Path) -> None:
    with Ledger(tmp_path / "ledger") as ledger:
        for line, (key, score) in enumerate(
            [("a", 0.1), ("b", 0.9), ("c", None), ("d", -1), ("e", 0.5)], start=2
        ):
            ledger.record(key, "done", output=f"{key}.png", uncertainty=score, line=line)
        ledger.record("f", "failed", error="boom <b>", error_type="ValueError", line=7)
        ledger.record("g", "done", result="skipped")  # nothing written: not on the sheet
    order = [r["output"] for r in review_rows(tmp_path / "ledger")]
    assert order == ["d.png", "b.png", "e.png", "a.png", "c.png"]
    page = write_review(tmp_path / "ledger", tmp_path / "review.html")
    text = page.read_text(encoding="utf-8")
    assert text.index('data-line="5"') < text.index('data-line="3"') < text.index('data-line="4"')
    assert "person: not scored" in text
    assert ledger_counts(tmp_path / "ledger") == {"written": 5, "skipped": 1, "failed": 1}
    assert "<b>5</b> written, <b>1</b> skipped (already stored), <b>1</b> failed" in text
    failures = text[text.index('id="failures"') :]
    assert "<td>7</td>" in failures and "ValueError: boom &lt;b&gt;" in failures


def test_ten_thousand_rows_are_paged_and_lazy(tmp_path: Path) -> None:
    """A fabricated ledger of 10 000 outputs and 300 failures: 200 cards a page, each page
    small, every image lazy, the least certain on page 1, the failures listed there."""
    rows, failures = 10_000, 300
    records = [
        {
            "key": f"k{index}",
            "status": "done",
            "output": str(tmp_path / "out" / f"{index:05d}.png"),
            "input": f"https://images.example/{index:05d}.jpg",
            "uncertainty": (index * 7919 % rows) / rows,
            "line": index + 2,
            "result": "written",
        }
        for index in range(rows)
    ]
    records += [
        {"key": f"f{i}", "status": "failed", "error": "no such file", "line": rows + 2 + i}
        for i in range(failures)
    ]
    (tmp_path / "ledger").mkdir()
    lines = "".join(json.dumps(record) + "\n" for record in records)  # one write, no fsyncs
    (tmp_path / "ledger" / "shard-0000-of-0001.fabricated.jsonl").write_text(lines)
    page = write_review(tmp_path / "ledger", tmp_path / "sheet" / "review.html")
    pages = sorted((tmp_path / "sheet").glob("review*.html"))
    assert len(pages) == rows // PAGE_SIZE == 50
    assert max(p.stat().st_size for p in pages) < 200_000  # each page opens like a small one
    first = page.read_text(encoding="utf-8")
    assert first.count('class="card"') == PAGE_SIZE
    assert first.count("<img") == first.count('loading="lazy"') == 2 * PAGE_SIZE
    assert "content-visibility: auto" in first
    assert f"{failures} failed rows" in first and first.count("no such file") == failures
    assert f"<b>{rows}</b> written" in first
    top = review_rows(tmp_path / "ledger")[0]
    assert first.index(f'data-line="{top["line"]}"') == first.index('data-line="')
    assert 'href="review-p0002.html"' in first
    last = (tmp_path / "sheet" / "review-p0050.html").read_text(encoding="utf-8")
    assert "page 50 of 50" in last and 'href="review-p0049.html"' in last
    assert "failed rows" not in last
    # A shorter sheet written over it leaves no stale page behind.
    write_review(tmp_path / "ledger", page, limit=450)
    assert len(list((tmp_path / "sheet").glob("review*.html"))) == 3


def test_without_thumbnails_local_files_are_linked_relative_to_the_page(tmp_path: Path) -> None:
    before, after = tmp_path / "in" / "a.png", tmp_path / "out" / "a.png"
    with Ledger(tmp_path / "ledger") as ledger:
        ledger.record("a", "done", input=str(before), output=str(after), line=2)
        ledger.record("b", "done", input="s3://bucket/b.png", output="s3://shop/b.png", line=3)
    page = write_review(tmp_path / "ledger", tmp_path / "sheet" / "r.html", thumbnails=False)
    text = page.read_text(encoding="utf-8")
    assert 'src="../in/a.png"' in text and 'src="../out/a.png"' in text
    assert "before: no preview" in text and 'src="s3://shop/b.png"' in text
    assert not (tmp_path / "sheet" / "r_files").exists()


def test_review_sheet_flag_and_its_alias() -> None:
    from photoroom.cli import build_parser

    for flag in ("--review-sheet", "--review"):
        args = build_parser().parse_args(["batch", "edit", "m.csv", "-o", "out", flag, "r.html"])
        assert args.review == "r.html"


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def test_a_real_batch_sheet_renders_in_headless_chromium(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    browser = _chromium()
    if browser is None:
        pytest.skip("no chromium (apt-get install chromium)")
    monkeypatch.setenv("PHOTOROOM_EMULATOR_PROCESSING", "on")
    paths = write_images(tmp_path / "in", 5)
    (tmp_path / "in" / "big.png").write_bytes(product_png((120, 90), color=(30, 160, 40)))
    paths.append(tmp_path / "in" / "big.png")
    manifest = tmp_path / "m.csv"
    manifest.write_text("input\n" + "\n".join(str(p) for p in paths) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    sheet = tmp_path / "sheet" / "review.html"
    argv = ["batch", "remove-bg", str(manifest), "-o", str(out), "--emulator", "-q"]
    assert main([*argv, "--review-sheet", str(sheet)]) == 0
    rows = review_rows(out / LEDGER_DIR)
    assert len(rows) == 6
    assert all(isinstance(r["uncertainty"], float) for r in rows)
    scores = [r["uncertainty"] for r in rows]
    assert scores == sorted(scores, reverse=True)
    text = sheet.read_text(encoding="utf-8")
    # The least certain row is the first card; its thumbnails are beside the page.
    assert text.index(f'data-line="{rows[0]["line"]}"') == text.index('data-line="')
    thumbs = sheet.parent / "review_files"
    assert len(list(thumbs.glob("*.jpg"))) == len(list(thumbs.glob("*.png"))) == 6
    assert 'src="review_files/' in text and "/out/" not in text

    shot = tmp_path / "shot.png"
    subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--allow-file-access-from-files",
            "--window-size=800,600",
            f"--screenshot={shot}",
            sheet.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    with Image.open(shot) as image:
        assert image.size == (800, 600)
        rgb = image.convert("RGB")
        colours = rgb.getcolors(maxcolors=1 << 20)
        assert colours is not None and len(colours) > 20  # cards, text and the cut-outs drawn
        # The first card: its before (the input) and after (the cut-out) both drawn, in the
        # product's colour (the layout is fixed: header 64 px, cards 260 px, images 120 px).
        with Image.open(rows[0]["input"]) as source:
            centre = source.convert("RGB").getpixel((source.width // 2, source.height // 2))
        assert isinstance(centre, tuple)
        product: tuple[int, ...] = centre

        def near(box: tuple[int, int, int, int]) -> int:
            count = 0
            for px in rgb.crop(box).get_flattened_data():
                assert isinstance(px, tuple)
                count += max(abs(a - b) for a, b in zip(px, product, strict=True)) <= 24
            return count

        assert near((24, 88, 144, 208)) > 300  # before
        assert near((148, 88, 268, 208)) > 300  # after
        assert near((300, 0, 800, 80)) == 0  # the header has none of it
