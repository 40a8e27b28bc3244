"""An additive upstream release reaches every layer after ``make update-spec``, with no edit.

One fabricated release of the pinned snapshot adds, the way upstream does every few weeks:

- a new GET ``/v2/edit`` parameter with an enum (``glow.mode``) and its POST twin, which
  upstream declares as a bare ``{type: string}`` (the overlay's twin rule gives it the enum);
- a new value of an existing enum (``shadow.mode``: ``ai.extra-soft``), on GET only;
- a new ``export.format`` value that Pillow can encode (``tiff``), on GET only;
- a new field of an existing group (``shadow.colorOverride``) and a new bounded number field of
  one (``shadow.opacityOverride``, 0..1);
- a new group whose enum is made of common words (``finish.onError``: ``none``, ``error``,
  ``auto``), words the hand-written code also uses for its own purposes;
- a new response header on the 200 of ``GET /v2/edit``.

The release is pinned in a copy of the repository; then a script run with the copy's code (not
this checkout's) uses the new things from ``Photoroom.edit()`` and ``AsyncPhotoroom.edit()``
(the exact request sent), from the CLI (``--help`` lists the flags, a call sends them) and in
the emulator (the new values accepted and a wrong one refused with a 400 on GET and POST, the
new format really encoded). The copy's own guard tests (no API fact written by hand, every field
read exists) and its spec-driven walk of every ``/v2/edit`` field run there too, unedited.
"""

from __future__ import annotations

import copy
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from .conftest import copy_repository, report_of, run_update_spec
from .fabricate import (
    ROOT,
    add_enum_value,
    add_get_parameter,
    add_post_field,
    has_get_parameter,
    pinned_document,
    remove_enum_value,
    remove_parameter,
)

NEW_MODE = ["ai.soft-glow", "ai.strong-glow"]
COMMON_WORDS = ["none", "error", "auto"]
BOUNDED = {"type": "number", "minimum": 0, "maximum": 1}
# name -> (GET schema, POST twin schema as upstream writes it)
NEW_PARAMETERS: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {
    "glow.mode": ({"type": "string", "enum": NEW_MODE}, {"type": "string"}),
    "shadow.colorOverride": ({"type": "string"}, {"type": "string"}),
    "finish.onError": ({"type": "string", "enum": COMMON_WORDS}, {"type": "string"}),
    "shadow.opacityOverride": (BOUNDED, BOUNDED),
}
NEW_VALUES = {"shadow.mode": "ai.extra-soft", "export.format": "tiff"}  # GET only
NEW_HEADER = "pr-glow-strength"


def base_document() -> dict[str, Any]:
    """The pin without what the release adds: the version the release is additive to.

    It is the pin itself until the project adopts this very release (``make update-spec`` of
    it, as a test of the whole suite does); then the release is fabricated again on top of the
    pin stripped of it, so it still adds something.
    """
    document = pinned_document()
    for name in NEW_PARAMETERS:
        if has_get_parameter(document, name):
            remove_parameter(document, name)
    for name, value in NEW_VALUES.items():
        remove_enum_value(document, name, value, twins=False)
    document["paths"]["/v2/edit"]["get"]["responses"]["200"].get("headers", {}).pop(
        NEW_HEADER, None
    )
    return document


def additive_release() -> dict[str, Any]:
    document = base_document()
    for name, (query, field) in NEW_PARAMETERS.items():
        add_get_parameter(document, name, copy.deepcopy(query))
        add_post_field(document, name, copy.deepcopy(field))
    for name, value in NEW_VALUES.items():
        add_enum_value(document, name, value, twins=False)
    ok = document["paths"]["/v2/edit"]["get"]["responses"]["200"]
    ok.setdefault("headers", {})[NEW_HEADER] = {
        "description": "Fabricated header.",
        "schema": {"type": "number"},
    }
    return document


@pytest.fixture(scope="module")
def updated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The copy after ``make update-spec`` of the additive release, and the change report."""
    repo = copy_repository(tmp_path_factory.mktemp("additive") / "repo")
    base = base_document()
    if base != pinned_document():
        stripped = run_update_spec(repo, base, allow_breaking=True)
        assert stripped.returncode == 0, stripped.stdout + stripped.stderr
    result = run_update_spec(repo, additive_release())
    assert result.returncode == 0, result.stdout + result.stderr
    return repo, report_of(result)


def run_in_copy(repo: Path, code: str) -> str:
    """Run ``code`` with the copy's packages first on the path; returns its stdout."""
    env = {
        **os.environ,
        "PYTHONPATH": f"{repo / 'src'}{os.pathsep}{repo / 'generated'}",
        "COPY": str(repo),
    }
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(PRELUDE) + textwrap.dedent(code)],
        capture_output=True,
        text=True,
        env=env,
        cwd=repo,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


PRELUDE = """
    import io, os, http.server, threading, functools, tempfile, pathlib
    import httpx
    from PIL import Image
    import photoroom, photoroom_api, photoroom_emulator
    for module in (photoroom, photoroom_api, photoroom_emulator):
        assert module.__file__.startswith(os.environ["COPY"]), module.__file__

    def png(size=(48, 40)):
        image = Image.new("RGBA", size, (0, 0, 0, 0))
        image.paste((200, 30, 30, 255), (10, 10, 38, 30))
        out = io.BytesIO()
        image.save(out, "PNG")
        return out.getvalue()

    PNG = png()
    SENT = []

    def answer(request):
        SENT.append(request)
        return httpx.Response(200, content=PNG, headers={"content-type": "image/png"})

    def fields(request):
        return {
            part.split(b'name="')[1].split(b'"')[0].decode(): part
            for part in request.read().split(b"--")
            if b'name="' in part
        }
"""


def test_the_release_is_additive_and_the_report_says_what_python_users_get(
    updated: tuple[Path, str],
) -> None:
    _, report = updated
    assert "0 breaking" in report
    assert "glow.mode" in report


def test_new_parameter_value_and_field_work_from_edit_sync_and_async(
    updated: tuple[Path, str],
) -> None:
    repo, _ = updated
    run_in_copy(
        repo,
        """
        import asyncio
        from photoroom import AsyncPhotoroom, Finish, Glow, InvalidOptionError, Photoroom, Shadow

        mock = httpx.Client(transport=httpx.MockTransport(answer))
        client = Photoroom(api_key="k", http_client=mock)
        client.edit("https://example.com/a.png", glow="ai.soft-glow", shadow="ai.extra-soft")
        params = SENT[-1].url.params
        assert SENT[-1].method == "GET"
        assert params["glow.mode"] == "ai.soft-glow" and params["shadow.mode"] == "ai.extra-soft"

        client.edit(
            PNG,
            glow=Glow(mode="ai.strong-glow"),
            shadow=Shadow(color_override="FF0000", opacity_override=0.5),
            finish=Finish(on_error="error"),
        )
        parts = fields(SENT[-1])
        assert SENT[-1].method == "POST"
        assert b"ai.strong-glow" in parts["glow.mode"], parts
        assert b"FF0000" in parts["shadow.colorOverride"], parts
        assert b"0.5" in parts["shadow.opacityOverride"], parts
        assert b"error" in parts["finish.onError"], parts
        for wrong in ({"finish": Finish(on_error="nope")}, {"shadow": Shadow(opacity_override=2)}):
            try:
                client.edit(PNG, **wrong)
            except InvalidOptionError:
                pass
            else:
                raise SystemExit(f"{wrong} was sent")
        try:
            client.edit(PNG, glow="ai.nope")
        except InvalidOptionError as error:
            assert "glow.mode" in str(error)
        else:
            raise SystemExit("a wrong glow.mode was sent")

        async def main():
            mock = httpx.AsyncClient(transport=httpx.MockTransport(answer))
            async with AsyncPhotoroom(api_key="k", http_client=mock) as aclient:
                await aclient.edit("https://example.com/a.png", glow="ai.strong-glow")
                assert SENT[-1].url.params["glow.mode"] == "ai.strong-glow"
                await aclient.edit(PNG, shadow="ai.extra-soft")
                assert b"ai.extra-soft" in fields(SENT[-1])["shadow.mode"]

        asyncio.run(main())
        """,
    )


def test_new_flags_are_listed_and_sent_by_the_cli(updated: tuple[Path, str]) -> None:
    repo, _ = updated
    run_in_copy(
        repo,
        """
        import contextlib
        from photoroom import cli

        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            try:
                cli.main(["edit", "--help"])
            except SystemExit as exit:
                assert exit.code == 0
        text = out.getvalue()
        flags = (
            "--glow-mode",
            "--shadow-color-override",
            "--shadow-opacity-override",
            "--finish-on-error",
            "ai.soft-glow",
            "ai.extra-soft",
        )
        for flag in (*flags, "tiff"):
            assert flag in text, flag

        sent = []
        original = httpx.AsyncClient.send

        async def recording(self, request, **kwargs):
            sent.append(request)
            return await original(self, request, **kwargs)

        httpx.AsyncClient.send = recording
        folder = pathlib.Path(tempfile.mkdtemp())
        (folder / "in.png").write_bytes(PNG)
        code = cli.main([
            "--emulator", "edit", str(folder / "in.png"), "-o", str(folder / "out"),
            "--glow-mode", "ai.soft-glow", "--shadow-mode", "ai.extra-soft",
            "--export-format", "tiff", "--finish-on-error", "auto",
            "--shadow-opacity-override", "0.25",
        ])
        assert code == 0, code
        body = sent[-1].read()
        assert b"ai.soft-glow" in body and b"ai.extra-soft" in body and b"tiff" in body
        assert b'name="finish.onError"' in body and b'name="shadow.opacityOverride"' in body
        (written,) = (folder / "out").iterdir()
        assert written.suffix in (".tiff", ".tif"), written
        assert Image.open(written).format == "TIFF"
        """,
    )


def test_the_emulator_accepts_the_new_values_and_refuses_wrong_ones_on_get_and_post(
    updated: tuple[Path, str],
) -> None:
    repo, _ = updated
    run_in_copy(
        repo,
        """
        from photoroom_emulator.transports import EmulatorTransport

        folder = tempfile.mkdtemp()
        pathlib.Path(folder, "in.png").write_bytes(PNG)
        handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=folder)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{server.server_address[1]}/in.png"
        emulator = httpx.Client(transport=EmulatorTransport(), base_url="http://emulator")
        key = {"x-api-key": "k"}
        new = {
            "glow.mode": "ai.soft-glow",
            "shadow.mode": "ai.extra-soft",
            "export.format": "tiff",
            "finish.onError": "none",
            "shadow.opacityOverride": "0.75",
        }

        got = emulator.get("/v2/edit", params={"imageUrl": url, **new}, headers=key)
        assert got.status_code == 200, got.text
        assert got.headers["content-type"] == "image/tiff"
        assert Image.open(io.BytesIO(got.content)).format == "TIFF"
        upload = {"imageFile": ("in.png", PNG, "image/png")}
        posted = emulator.post("/v2/edit", files=upload, data=new, headers=key)
        assert posted.status_code == 200, posted.text
        assert Image.open(io.BytesIO(posted.content)).format == "TIFF"

        wrongs = (
            {"glow.mode": "ai.nope"},
            {"shadow.mode": "ai.nope"},
            {"export.format": "gif"},
            {"finish.onError": "warn"},
            {"shadow.opacityOverride": "1.5"},
        )
        for wrong in wrongs:
            got = emulator.get("/v2/edit", params={"imageUrl": url, **wrong}, headers=key)
            assert got.status_code == 400, (wrong, got.text)
            assert list(wrong)[0] in got.json()["error"]["message"]
            posted = emulator.post("/v2/edit", files=upload, data=wrong, headers=key)
            assert posted.status_code == 400, (wrong, posted.text)
        server.shutdown()
        """,
    )


def test_the_new_format_is_saved_with_its_extension_by_the_client(
    updated: tuple[Path, str],
) -> None:
    repo, _ = updated
    run_in_copy(
        repo,
        """
        from photoroom import Export, Photoroom
        from photoroom_emulator.transports import EmulatorTransport

        client = Photoroom(api_key="k", http_client=httpx.Client(transport=EmulatorTransport()))
        result = client.edit(PNG, export=Export(format="tiff"))
        assert result.content_type == "image/tiff"
        saved = result.save(pathlib.Path(tempfile.mkdtemp()) / "shot")
        assert saved.suffix in (".tiff", ".tif") and Image.open(saved).format == "TIFF"
        """,
    )


def test_the_copys_guards_and_field_walk_pass_unedited(updated: tuple[Path, str]) -> None:
    """The tests that read the spec, run in the copy after the update: green with no edit, and
    the walk does send the new fields."""
    repo, _ = updated
    shutil.copytree(ROOT / "tests", repo / "tests", ignore=shutil.ignore_patterns("__pycache__"))
    walk = "tests/client/test_edit.py::test_every_edit_field_of_the_spec_works_against_the_emulator"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            "-v",
            "tests/test_api_facts_written_once.py",
            "tests/test_spec_names_exist.py",
            walk,
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": f"{repo / 'src'}{os.pathsep}{repo / 'generated'}"},
        cwd=repo,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-3000:]
    for wire in ("finish.onError", "shadow.opacityOverride", "glow.mode"):
        assert f"upload:{wire}]" in result.stdout and f"from-url:{wire}]" in result.stdout, wire
