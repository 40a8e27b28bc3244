"""The ```python examples of README.md's ``## Using the client`` section run, in order, against the
emulator: ``PHOTOROOM_API_KEY`` and ``PHOTOROOM_BASE_URL`` point at it, and the working directory
holds the sample photos (``coffee.png``, ``astronaut.png``, ``logo.png``, ``text.png``)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from photoroom_emulator import run_in_thread

from .conftest import API_KEY, IMAGES, REPO, emulator_config

README = REPO / "README.md"
SECTION = "## Using the client"


def readme_examples() -> list[str]:
    """The python code blocks between ``## Using the client`` and the next level-2 heading."""
    text = README.read_text(encoding="utf-8")
    heading = re.search(rf"^{re.escape(SECTION)}[ \t]*$", text, flags=re.MULTILINE)
    if heading is None:
        return []
    section = text[heading.end() :]
    following = re.search(r"^## ", section, flags=re.MULTILINE)
    if following:
        section = section[: following.start()]
    return re.findall(r"^```python\n(.*?)^```", section, flags=re.MULTILINE | re.DOTALL)


def test_the_readme_has_client_examples() -> None:
    assert readme_examples(), f"README.md has no ```python block under {SECTION!r}"


def test_the_readme_examples_run_against_the_emulator(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    examples = readme_examples()
    assert examples, f"README.md has no ```python block under {SECTION!r}"
    for image in IMAGES.glob("*.png"):
        shutil.copy(image, tmp_path / image.name)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PHOTOROOM_API_KEY", API_KEY)

    with run_in_thread(emulator_config(processing="off")) as server:
        monkeypatch.setenv("PHOTOROOM_BASE_URL", server.url)
        namespace: dict[str, Any] = {"__name__": "readme"}
        for number, code in enumerate(examples, start=1):
            try:
                exec(compile(code, f"README.md example {number}", "exec"), namespace)
            except Exception as error:  # pragma: no cover - the message is the point
                pytest.fail(f"README.md example {number} failed: {error!r}\n\n{code}")
