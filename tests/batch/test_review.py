"""The review sheet: least certain first, from the ledger; a screenshot in headless Chromium."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from photoroom.batch import LEDGER_DIR, Ledger
from photoroom.batch.review import review_rows, write_review
from photoroom.cli import main

from .conftest import product_png, write_images


def test_least_certain_first(tmp_path: Path) -> None:
    with Ledger(tmp_path / "ledger") as ledger:
        for key, score in [("a", 0.1), ("b", 0.9), ("c", None), ("d", -1), ("e", 0.5)]:
            ledger.record(key, "done", output=f"{key}.png", uncertainty=score, line=1)
        ledger.record("f", "failed", error="boom")
        ledger.record("g", "done", result="skipped")  # nothing written: not on the sheet
    order = [r["output"] for r in review_rows(tmp_path / "ledger")]
    assert order == ["d.png", "b.png", "e.png", "a.png", "c.png"]
    page = write_review(tmp_path / "ledger", tmp_path / "review.html")
    text = page.read_text(encoding="utf-8")
    assert text.index("d.png") < text.index("b.png") < text.index("c.png")
    assert "person: not scored" in text


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
    assert main([*argv, "--review", str(sheet)]) == 0
    rows = review_rows(out / LEDGER_DIR)
    assert len(rows) == 6
    assert all(isinstance(r["uncertainty"], float) for r in rows)
    scores = [r["uncertainty"] for r in rows]
    assert scores == sorted(scores, reverse=True)
    assert "../out/" in sheet.read_text(encoding="utf-8")  # relative links

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
        # The first card's image area shows a cut-out (not only the page background).
        card = rgb.crop((24, 60, 190, 200))
        background = (244, 244, 242)
        assert sum(1 for px in card.get_flattened_data() if px != background) > 1000
