"""The client's local verdict on an option set equals the emulator's answer to the same request.

Option sets for ``/v2/edit`` (GET and POST) and ``/v1/segment`` are drawn from the generated
table: every parameter's candidate values, valid and invalid, come from its schema (enums,
bounds, patterns, formats), so a parameter upstream adds is drawn too. For each set:

- the client's verdict is whether ``build_edit``/``build_remove_background`` accepts it (an
  :class:`InvalidOptionError` is a refusal, before anything is sent);
- the emulator's verdict is its status code for the same parameters on the wire (2xx or 400),
  sent directly, so a set the client refuses is still put to the emulator.

They must be equal for every set. Values the client refuses by type alone (a string ``"0.1"``
for a number, which the wire would carry as the same text) are not drawn: the typed client is
stricter than a query string there by design.
"""

from __future__ import annotations

import functools
import http.server
import io
import re
import threading
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from photoroom import Background, InvalidOptionError, Shadow
from photoroom._options import (
    EDIT_BY_UPLOAD,
    EDIT_BY_URL,
    GROUPS,
    REMOVE_BACKGROUND,
    build_edit,
    build_remove_background,
)
from photoroom.spec import Operation, Param, enum_values, operation, schema_error, type_names
from photoroom_emulator.transports import EmulatorTransport

KEY = {"x-api-key": "agree-key"}


def png(size: tuple[int, int] = (64, 48)) -> bytes:
    image = Image.new("RGBA", size, (0, 0, 0, 0))
    image.paste((30, 120, 200, 255), (12, 8, 52, 40))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


PNG = png()


@pytest.fixture(scope="module")
def image_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("served")
    (root / "in.png").write_bytes(PNG)

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(root))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/in.png"
    server.shutdown()


@pytest.fixture(scope="module")
def emulator() -> Iterator[httpx.Client]:
    with httpx.Client(transport=EmulatorTransport(), base_url="http://emulator") as client:
        yield client


# --- candidate values from a schema ----------------------------------------------------------


def _samples_for_pattern(pattern: str) -> list[str]:
    """Strings that match ``pattern``, taken from the pattern's own literal alternatives and a
    few common shapes (sizes, ratios, percentages, pixels, hex colours)."""
    shapes = ["auto", "200x100", "originalImage", "croppedSubject", "0.1", "10%", "4px", "FF0000"]
    words = re.findall(r"[A-Za-z]{3,}", pattern)
    return [s for s in dict.fromkeys(shapes + words) if re.search(pattern, s)]


def candidates(schema: Mapping[str, Any], url: str) -> tuple[list[Any], list[Any]]:
    """``(valid values, invalid values)`` for a parameter of this schema (Python values)."""
    valid: list[Any] = []
    invalid: list[Any] = []
    branches = schema.get("anyOf") or schema.get("oneOf") or [schema]
    for branch in branches:
        merged = {**{k: v for k, v in schema.items() if k not in ("anyOf", "oneOf")}, **branch}
        kinds = type_names(merged)
        values = enum_values(merged)
        if values:
            valid += values[:6]
            invalid.append("zz-not-a-value")
        elif "boolean" in kinds:
            valid += [True, False]
        elif kinds & {"number", "integer"}:
            low = merged.get("minimum", merged.get("exclusiveMinimum", 0))
            high = merged.get("maximum", merged.get("exclusiveMaximum", low + 10))
            middle = (low + high) / 2
            valid.append(int(middle) if "integer" in kinds or middle.is_integer() else middle)
            if "maximum" in merged or "exclusiveMaximum" in merged:
                invalid.append(high + 1)
            if "minimum" in merged or "exclusiveMinimum" in merged:
                invalid.append(low - 1)
        elif merged.get("format") == "uuid":
            valid.append("9f5c4c4e-7a5b-4c5e-9d6f-0e8e2f1f6a11")
            invalid.append("not-a-uuid")
        elif merged.get("format") == "uri":
            valid.append(url)
            invalid += ["not a url", "ftp://127.0.0.1/in.png"]
        elif "pattern" in merged:
            valid += _samples_for_pattern(merged["pattern"])
            invalid.append("zz not matching")
        elif "string" in kinds:
            valid.append("a marble counter")
            if merged.get("minLength"):
                invalid.append("")
    valid = [v for v in valid if schema_error(v, schema) is None]
    invalid = [v for v in invalid if schema_error(v, schema) is not None]
    return valid, invalid


def drawable(op: Operation) -> list[Param]:
    """Parameters drawn for ``op``: every option but files and lists (those travel apart)."""
    return [
        p
        for p in op.params
        if p.option is not None and not p.binary and not p.is_array and not p.deprecated
    ]


def wire_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def options_for(op: Operation, chosen: Mapping[str, Any]) -> dict[str, Any]:
    """``edit()``/``remove_background()`` keywords for wire values ``chosen``."""
    options: dict[str, Any] = {}
    fields: dict[str, dict[str, Any]] = {}
    for wire, value in chosen.items():
        param = op.by_wire[wire]
        assert param.option is not None
        if param.field is None:
            options[param.option] = value
        else:
            fields.setdefault(param.option, {})[param.field] = value
    for option, values in fields.items():
        options[option] = GROUPS[option](**values)
    return options


@st.composite
def option_sets(draw: st.DrawFn, operation_id: str, url: str) -> dict[str, Any]:
    op = operation(operation_id)
    pool = drawable(op)
    chosen: dict[str, Any] = {}
    for param in draw(
        st.lists(st.sampled_from(pool), min_size=1, max_size=4, unique_by=lambda p: p.wire)
    ):
        valid, invalid = candidates(param.schema, url)
        if not valid and not invalid:
            continue
        use_invalid = bool(invalid) and draw(st.integers(0, 3)) == 0
        chosen[param.wire] = draw(st.sampled_from(invalid if use_invalid else valid or invalid))
    return chosen


# --- the two verdicts ------------------------------------------------------------------------


def client_accepts(operation_id: str, chosen: Mapping[str, Any], url: str) -> bool:
    op = operation(operation_id)
    try:
        options = options_for(op, chosen)
        if operation_id == REMOVE_BACKGROUND:
            build_remove_background(options)
        else:
            build_edit(url if operation_id == EDIT_BY_URL else PNG, options)
    except InvalidOptionError:
        return False
    return True


def emulator_accepts(
    emulator: httpx.Client, operation_id: str, chosen: Mapping[str, Any], url: str
) -> bool:
    op = operation(operation_id)
    fields = {wire: wire_text(value) for wire, value in chosen.items()}
    if op.method == "get":
        response = emulator.get(op.path, params={op.image[0]: url, **fields}, headers=KEY)
    else:
        files = {op.image[0]: ("in.png", PNG, "image/png")}
        response = emulator.post(op.path, data=fields, files=files, headers=KEY)
    assert response.status_code in (200, 400), (response.status_code, response.text)
    return response.status_code == 200


def assert_agree(
    emulator: httpx.Client, operation_id: str, chosen: Mapping[str, Any], url: str
) -> None:
    local = client_accepts(operation_id, chosen, url)
    remote = emulator_accepts(emulator, operation_id, chosen, url)
    assert local == remote, f"{operation_id} {dict(chosen)}: client {local}, emulator {remote}"


SETTINGS = settings(
    max_examples=100,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)


@pytest.mark.parametrize("operation_id", [EDIT_BY_URL, EDIT_BY_UPLOAD, REMOVE_BACKGROUND])
def test_client_and_emulator_agree_on_drawn_option_sets(
    operation_id: str, emulator: httpx.Client, image_url: str
) -> None:
    @SETTINGS
    @given(chosen=option_sets(operation_id, image_url))
    def check(chosen: dict[str, Any]) -> None:
        assert_agree(emulator, operation_id, chosen, image_url)

    check()


# The drifts found before the client and the emulator read one table: each was accepted by the
# client and refused by the emulator with a 400.
NAMED_DRIFTS: Sequence[tuple[str, str, dict[str, Any]]] = [
    ("shadow direction beyond 360 degrees", EDIT_BY_UPLOAD, {"shadow.directionOverride": 999}),
    ("a colour name that is not one", EDIT_BY_UPLOAD, {"background.color": "blurple"}),
    (
        "a background image without background removal",
        EDIT_BY_URL,
        {"removeBackground": False, "background.imageUrl": "URL"},
    ),
]


@pytest.mark.parametrize(("case", "operation_id", "chosen"), NAMED_DRIFTS, ids=lambda v: str(v))
def test_the_named_drifts_are_refused_by_both(
    case: str, operation_id: str, chosen: dict[str, Any], emulator: httpx.Client, image_url: str
) -> None:
    chosen = {k: image_url if v == "URL" else v for k, v in chosen.items()}
    assert not client_accepts(operation_id, chosen, image_url), case
    assert not emulator_accepts(emulator, operation_id, chosen, image_url), case


def test_the_named_drifts_read_as_user_code(image_url: str) -> None:
    """The same three, written the way a user writes them."""
    for options in (
        {"shadow": Shadow(direction_override=999)},
        {"background": Background(color="blurple")},
        {"remove_background": False, "background": Background(image_url=image_url)},
    ):
        with pytest.raises(InvalidOptionError):
            build_edit(image_url, options)


def test_segment_booleans_travel_as_true_and_false(emulator: httpx.Client, image_url: str) -> None:
    """crop/despill are booleans in the overlay (they were the strings "true"/"false")."""
    assert build_remove_background({"crop": True, "despill": False}) == {
        "crop": True,
        "despill": False,
    }
    assert emulator_accepts(emulator, REMOVE_BACKGROUND, {"crop": True}, image_url)
    assert not client_accepts(REMOVE_BACKGROUND, {"crop": "yes"}, image_url)
    assert not emulator_accepts(emulator, REMOVE_BACKGROUND, {"crop": "yes"}, image_url)


def test_every_drawable_parameter_has_candidate_values(image_url: str) -> None:
    """So a parameter upstream adds is drawn, not silently skipped."""
    for operation_id in (EDIT_BY_URL, EDIT_BY_UPLOAD, REMOVE_BACKGROUND):
        for param in drawable(operation(operation_id)):
            valid, invalid = candidates(param.schema, image_url)
            assert valid or invalid, param.wire
