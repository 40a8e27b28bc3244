"""The pipeline regenerates cleanly from every dated upstream snapshot, oldest to newest.

Older snapshots lack some parameters the overlay targets; those actions are skipped and the
skip is reported, never silent. Generation runs with --fail-on-warning, so a dropped endpoint
or response fails the test."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openapi_spec_validator import validate

from photoroom.spec import read_document
from scripts import apply_overlay, generate_client, generate_tables

from .conftest import OVERLAY, SNAPSHOTS

SOURCE = Path(__file__).resolve().parents[2] / "src" / "photoroom"

# Run with the snapshot's generated code first on the path: import photoroom, send one request
# per client operation to a recording transport, build the legacy ones with the generated
# modules, and check every field sent is a parameter of that snapshot's operation.
ONE_REQUEST_PER_OPERATION = """
import io, uuid, httpx
from PIL import Image
import photoroom, photoroom_api
from photoroom import Photoroom
from photoroom.spec import operations

assert photoroom.__file__.startswith(ROOT) and photoroom_api.__file__.startswith(ROOT)
buffer = io.BytesIO()
Image.new("RGBA", (16, 16), (200, 0, 0, 255)).save(buffer, "PNG")
PNG = buffer.getvalue()
sent = []

def answer(request):
    sent.append(request)
    if request.url.path.endswith("account"):
        body = {"images": {"available": 1, "subscription": 1}, "plan": "plus",
                "credits": {"available": 5, "subscription": 5}}
        return httpx.Response(200, json=body)
    return httpx.Response(200, content=PNG, headers={"content-type": "image/png"})

client = Photoroom(api_key="k", http_client=httpx.Client(transport=httpx.MockTransport(answer)))
client.remove_background(PNG)
client.edit(PNG, output_size="100x100")
client.edit("https://example.com/a.png", output_size="100x100")
client.account()
client.account_v1()
from photoroom_api.api.legacy import legacy_render_template_from_url as render_get
from photoroom_api.api.legacy import legacy_render_template_upload as render_post
from photoroom_api.models.render_image_post_params import RenderImagePOSTParams
from photoroom_api.types import File
template = uuid.UUID(int=1)
for kwargs in (
    render_get._get_kwargs(template_id=template, image_url="https://example.com/a.png"),
    render_post._get_kwargs(
        body=RenderImagePOSTParams(
            template_id=template, image_file=File(payload=io.BytesIO(PNG), file_name="a.png")
        )
    ),
):
    sent.append(client._http.build_request(base_url_free(kwargs)))
""".replace(
    "base_url_free(kwargs)",
    "method=kwargs.pop('method'), url='https://x' + kwargs.pop('url'), **kwargs",
)

CHECK_FIELDS = """
by_path = {}
for op in operations().values():
    by_path.setdefault((op.method.upper(), op.path), set()).update(p.wire for p in op.params)
seen = set()
for request in sent:
    known = by_path[(request.method, request.url.path)]
    seen.add((request.method, request.url.path))
    names = set(request.url.params)
    if request.method == "POST":
        body = request.read()
        parts = [part for part in body.split(b"--") if b'name="' in part]
        names |= {part.split(b'name="')[1].split(b'"')[0].decode() for part in parts}
    assert names <= known, (request.method, request.url.path, names - known)
assert seen == set(by_path), set(by_path) - seen
print("requests", len(sent))
"""

EXPECTED_OPERATIONS = [
    "account.get_account_v1",
    "account.get_account_v2",
    "image_editing.edit_image_from_url",
    "image_editing.edit_image_upload",
    "legacy.legacy_render_template_from_url",
    "legacy.legacy_render_template_upload",
    "remove_background.remove_background",
]


def test_all_ten_snapshots_are_vendored() -> None:
    assert len(SNAPSHOTS) == 10


@pytest.mark.parametrize("snapshot", SNAPSHOTS, ids=[s.stem for s in SNAPSHOTS])
def test_snapshot_overlays_generates_and_imports(snapshot: Path, tmp_path: Path) -> None:
    document = json.loads(snapshot.read_text())
    overlay = read_document(OVERLAY)
    overlaid, report = apply_overlay.apply_overlay(document, overlay)
    print("\n".join([snapshot.name, *report.lines()]))
    # Only actions for fields this (older) snapshot does not have yet may be skipped.
    get_names = {p["name"] for p in document["paths"]["/v2/edit"]["get"]["parameters"]}
    for target in report.skipped:
        fields = [name for name in re.findall(r"'([^'/]+)'", target) if "." in name]
        assert any(field not in get_names for field in fields), target
    validate(overlaid)

    spec_path = tmp_path / "photoroom.json"
    spec_path.write_text(json.dumps(overlaid))
    operations = generate_client.generate(spec_path, tmp_path / "photoroom_api")
    assert operations == EXPECTED_OPERATIONS

    imports = "; ".join(f"import photoroom_api.api.{op}" for op in operations)
    subprocess.run(
        [sys.executable, "-c", f"import sys; sys.path.insert(0, {str(tmp_path)!r}); {imports}"],
        check=True,
        cwd=tmp_path,
    )

    # The hand-written client on this snapshot's generated table and option layer.
    shutil.copytree(
        SOURCE, tmp_path / "src" / "photoroom", ignore=shutil.ignore_patterns("_generated")
    )
    generate_tables.generate(spec_path, tmp_path / "photoroom_api", tmp_path / "src" / "photoroom")
    code = (
        f"import sys; ROOT = {str(tmp_path)!r}; sys.path[:0] = [ROOT + '/src', ROOT]\n"
        + ONE_REQUEST_PER_OPERATION
        + CHECK_FIELDS
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_pinned_spec_is_the_newest_snapshot_with_its_provenance_recorded() -> None:
    import hashlib

    root = SNAPSHOTS[0].parents[2]
    pinned = root / "openapi" / "photoroom.upstream.json"
    lock = json.loads((root / "openapi" / "photoroom.upstream.lock.json").read_text())
    assert lock["sha256"] == hashlib.sha256(pinned.read_bytes()).hexdigest()
    assert lock["source"] == "https://image-api.photoroom.com/openapi"
