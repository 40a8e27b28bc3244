"""``make update-spec`` is all or nothing, in a copy of the repository with the real virtualenv.

Refused (non-zero exit, every file under openapi/, generated/ and src/photoroom/_generated/
restored byte for byte): a document without operations, one the OpenAPI validator rejects, one
the generator warns about, and breaking changes unless ``ALLOW_BREAKING=1``. Accepted: the pinned
snapshot itself, as JSON, as YAML from a file and as YAML over HTTP, all three pinning the same
bytes and producing the same report and the same generated code.
"""

from __future__ import annotations

import hashlib
import json
import socket
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from .conftest import (
    copy_repository,
    make_command,
    report_of,
    run_update_spec,
    tree_hashes,
)
from .fabricate import (
    PINNED,
    add_operation,
    make_generator_fail,
    make_invalid,
    pinned_document,
    remove_parameter,
    remove_paths,
    rename_parameter,
    write_spec,
)

LOCK = "openapi/photoroom.upstream.lock.json"
UPSTREAM = "openapi/photoroom.upstream.json"


def without_lock(hashes: dict[str, str]) -> dict[str, str]:
    return {path: digest for path, digest in hashes.items() if path != LOCK}


def output(result: subprocess.CompletedProcess[str]) -> str:
    return f"exit {result.returncode}\n--- stdout\n{result.stdout}\n--- stderr\n{result.stderr}"


@pytest.fixture(scope="module")
def json_run(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, subprocess.CompletedProcess[str], dict[str, str]]:
    """The pinned snapshot fed back as JSON: (copy, result, hashes after)."""
    repo = copy_repository(tmp_path_factory.mktemp("json") / "repo")
    result = run_update_spec(repo, pinned_document())
    return repo, result, tree_hashes(repo)


def test_the_pinned_snapshot_as_json_changes_nothing_but_the_lock(
    json_run: tuple[Path, subprocess.CompletedProcess[str], dict[str, str]], repo_copy: Path
) -> None:
    repo, result, after = json_run
    assert result.returncode == 0, output(result)
    assert without_lock(after) == without_lock(tree_hashes(repo_copy))
    assert (repo / UPSTREAM).read_bytes() == PINNED.read_bytes()
    assert "no changes" in report_of(result)
    # the smoke test imported the copy's code, not this checkout's (the venv's editable install)
    assert f"ok   imports (from {repo.resolve()}, " in result.stdout
    assert "smoke: all passed" in result.stdout
    lock = json.loads((repo / LOCK).read_text())
    digest = hashlib.sha256(PINNED.read_bytes()).hexdigest()
    assert (lock["format"], lock["sha256"], lock["sha256_received"]) == ("json", digest, digest)


def _check_same_as_json(
    json_run: tuple[Path, subprocess.CompletedProcess[str], dict[str, str]],
    repo: Path,
    result: subprocess.CompletedProcess[str],
    received: bytes,
) -> None:
    _, json_result, json_hashes = json_run
    assert result.returncode == 0, output(result)
    assert (repo / UPSTREAM).read_bytes() == PINNED.read_bytes()
    assert without_lock(tree_hashes(repo)) == without_lock(json_hashes)
    assert report_of(result) == report_of(json_result)
    lock = json.loads((repo / LOCK).read_text())
    assert lock["format"] == "yaml"
    assert lock["sha256_received"] == hashlib.sha256(received).hexdigest()
    assert lock["sha256"] == hashlib.sha256(PINNED.read_bytes()).hexdigest()


def test_yaml_from_a_file_pins_and_generates_the_same_as_its_json_equal(
    json_run: tuple[Path, subprocess.CompletedProcess[str], dict[str, str]],
    repo_copy: Path,
    tmp_path: Path,
) -> None:
    # A name that says nothing: the format is told by content.
    source = write_spec(tmp_path, pinned_document(), "yaml").rename(tmp_path / "upstream.txt")
    result = run_update_spec(repo_copy, source)
    _check_same_as_json(json_run, repo_copy, result, source.read_bytes())


def test_yaml_over_http_pins_and_generates_the_same_as_its_json_equal(
    json_run: tuple[Path, subprocess.CompletedProcess[str], dict[str, str]],
    repo_copy: Path,
    http_server: tuple[Path, str],
) -> None:
    folder, base_url = http_server
    source = write_spec(folder, pinned_document(), "yaml")
    result = run_update_spec(repo_copy, f"{base_url}/spec.yaml")
    _check_same_as_json(json_run, repo_copy, result, source.read_bytes())


def _removed() -> dict[str, Any]:
    return remove_parameter(pinned_document(), "preserveMetadata")


def _renamed() -> dict[str, Any]:
    return rename_parameter(pinned_document(), "preserveMetadata", "keepMetadata")


REFUSED: dict[str, tuple[Callable[[], dict[str, Any]], str, str]] = {
    "no operations": (lambda: remove_paths(pinned_document()), "pin", "no operations"),
    "invalid OpenAPI": (lambda: make_invalid(pinned_document()), "validate", "Validation Error"),
    "generator warning": (
        lambda: make_generator_fail(pinned_document()),
        "generate",
        "must have items",
    ),
    "removed parameter": (_removed, "change report", "preserveMetadata: removed"),
    "renamed parameter": (_renamed, "change report", "renamed? preserveMetadata → keepMetadata"),
}


@pytest.mark.parametrize("case", list(REFUSED))
def test_refused_documents_leave_every_file_as_it_was(repo_copy: Path, case: str) -> None:
    fabricate, step, reason = REFUSED[case]
    before = tree_hashes(repo_copy)
    result = run_update_spec(repo_copy, fabricate())
    assert result.returncode != 0, output(result)
    assert f"step '{step}' failed" in result.stderr, output(result)
    assert reason in result.stdout + result.stderr, output(result)
    assert tree_hashes(repo_copy) == before


@pytest.mark.parametrize(
    ("fabricate", "expected"),
    [
        (_removed, "BREAKING  parameter query preserveMetadata: removed"),
        (_renamed, "renamed? preserveMetadata → keepMetadata"),
    ],
    ids=["removed parameter", "renamed parameter"],
)
def test_allow_breaking_accepts_breaking_changes(
    repo_copy: Path, fabricate: Callable[[], dict[str, Any]], expected: str
) -> None:
    document = fabricate()
    result = run_update_spec(repo_copy, document, allow_breaking=True)
    assert result.returncode == 0, output(result)
    assert expected in report_of(result)
    assert json.loads((repo_copy / UPSTREAM).read_text()) == document
    generated = repo_copy / "generated/photoroom_api/api/image_editing/edit_image_from_url.py"
    assert "preserve_metadata" not in generated.read_text()


def test_fetch_offline_fails_clearly_and_touches_nothing(repo_copy: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    before = tree_hashes(repo_copy)
    command = make_command(repo_copy, "fetch", UPSTREAM_URL=f"http://127.0.0.1:{port}/openapi")
    result = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert "could not download" in result.stderr
    assert "step 'pin' failed" in result.stderr
    assert tree_hashes(repo_copy) == before


def test_a_new_operation_the_emulator_lacks_is_a_warning_not_a_refusal(repo_copy: Path) -> None:
    document = add_operation(pinned_document(), "/v9/ping", operation_id="ping")
    result = run_update_spec(repo_copy, document)
    assert result.returncode == 0, output(result)
    assert "warning: GET /v9/ping: not emulated (404)" in result.stdout
    assert "added (ping)" in report_of(result)
    assert (repo_copy / "generated/photoroom_api/api/default/ping.py").is_file()
