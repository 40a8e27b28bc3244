"""The ```python example of README.md's ``## The generated client`` section runs against the
emulator: ``PHOTOROOM_API_KEY`` and ``PHOTOROOM_BASE_URL`` point at it, the working directory
holds the sample photos, and the example's image URL is served on 127.0.0.1 (the emulator
fetches it as the API would; tests never touch the network)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from photoroom_emulator import run_in_thread

from .conftest import API_KEY, IMAGES, REPO, ImageServer, emulator_config, image_server

__all__ = ["image_server"]

SECTION = "## The generated client"
EXAMPLE_URL = "https://images.example/shoe.jpg"


def section_examples() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    heading = re.search(rf"^{re.escape(SECTION)}[ \t]*$", text, flags=re.MULTILINE)
    if heading is None:
        return []
    section = text[heading.end() :]
    following = re.search(r"^## ", section, flags=re.MULTILINE)
    section = section[: following.start()] if following else section
    return re.findall(r"^```python\n(.*?)^```", section, flags=re.MULTILINE | re.DOTALL)


def test_the_generated_client_example_runs_against_the_emulator(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, image_server: ImageServer
) -> None:
    (example,) = section_examples()
    for needed in ('auth_header_name="x-api-key"', 'prefix=""', "background_color", "InvalidValue"):
        assert needed in example
    assert EXAMPLE_URL in example
    served = image_server.add("shoe.jpg", (IMAGES / "coffee.png").read_bytes())
    for image in IMAGES.glob("*.png"):
        shutil.copy(image, tmp_path / image.name)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PHOTOROOM_API_KEY", API_KEY)

    with run_in_thread(emulator_config(processing="off")) as server:
        monkeypatch.setenv("PHOTOROOM_BASE_URL", server.url)
        namespace: dict[str, Any] = {"__name__": "readme"}
        code = example.replace(EXAMPLE_URL, served)
        exec(compile(code, "README.md generated-client example", "exec"), namespace)

    assert (tmp_path / "out" / "generated" / "coffee-cutout.png").stat().st_size > 0
    assert "0.5" in namespace["answer"].parsed.error.message
