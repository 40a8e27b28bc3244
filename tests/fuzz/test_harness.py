"""The fuzzing harness itself: positive cases stay positive and acceptable, answers are judged."""

from __future__ import annotations

import io
import random
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, assume, given, settings
from PIL import Image
from schemathesis import GenerationMode

from photoroom.spec import first_violation
from tests.fuzz import hooks, rules, verify
from tests.fuzz.images import samples

SPEC = Path(__file__).resolve().parents[2] / "openapi" / "photoroom.json"
BASE = "http://127.0.0.1:1/images/"
SCHEMA = schemathesis.openapi.from_path(SPEC, config=schemathesis.Config())


def accept(method: str, params: dict[str, object], seed: int = 0) -> dict[str, object]:
    binary = hooks.binary_fields(SCHEMA["/v2/edit"][method]) if method == "POST" else frozenset()
    return rules.make_acceptable(
        "/v2/edit", method, params, binary, rng=random.Random(seed), image_base=BASE
    )


def test_exclusive_parameters_keep_exactly_one() -> None:
    """Every ``exclusive`` rule of the table, with all its names given, keeps one of them."""
    op = rules.operation_of("/v2/edit", "POST")
    for rule in (r for r in op.rules if "exclusive" in r):
        names = [n.replace("{key}", "k").replace(".*", ".prompt") for n in rule["exclusive"]]
        names = [n for n in names if n in op.by_wire or n.startswith("layers.")]
        for seed in range(5):
            out = accept("POST", dict.fromkeys(names, "x"), seed)
            assert first_violation(op.rules, set(out), lambda n, o=out: o.get(n)) is None
            assert sum(name in out for name in names) <= 1 or len(names) < 2


def test_no_image_background_or_snapping_without_background_removal() -> None:
    out = accept(
        "GET",
        {
            "removeBackground": "false",
            "background.imageUrl": "x",
            "referenceBox": "originalImage",
            "background.scaling": "fit",
        },
    )
    assert out.keys() == {"removeBackground", "imageUrl"}
    assert str(out["imageUrl"]).startswith(BASE)


def test_every_binary_field_gets_a_real_image() -> None:
    out = accept("POST", {"background.imageFile": b"", "virtualModel.additionalProductImages": []})
    for value in [out["imageFile"], out["background.imageFile"]]:
        Image.open(io.BytesIO(value)).load()  # type: ignore[arg-type]
    assert 1 <= len(out["virtualModel.additionalProductImages"]) <= 4  # type: ignore[arg-type]


def test_sizes_stay_small_and_pixel_spacing_gets_room() -> None:
    out = accept("GET", {"outputSize": "0x99999", "paddingLeft": "450px"})
    assert out["outputSize"] == "64x512"
    assert out["paddingLeft"] == "2px"
    name = str(out["imageUrl"]).removeprefix(BASE)
    assert min(next(s for s in samples() if s.name == name).size) >= rules.ROOMY_SIDE


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(case=SCHEMA["/v2/edit"]["POST"].as_strategy(generation_mode=GenerationMode.POSITIVE))
def test_rewritten_multipart_cases_stay_positive(case: schemathesis.Case[Any]) -> None:
    """Guards the one private call of the hooks (see ``hooks.make_acceptable``)."""
    assume(isinstance(case.body, dict))  # the spec lets POST /v2/edit go without a body
    hooks.map_case(None, case)  # type: ignore[arg-type, unused-ignore]
    assert case.meta is not None
    assert case.meta.generation.mode is GenerationMode.POSITIVE
    assert isinstance(case.body, dict)
    assert "imageFile" in case.body or "imageFromPrompt.prompt" in case.body


def test_a_body_that_is_not_its_declared_format_fails() -> None:
    png = samples()[0].data
    with pytest.raises(AssertionError, match="Content-Type is image/jpeg but the body is PNG"):
        verify.decode(png, "image/jpeg")


def test_output_size_and_format_must_match_the_request() -> None:
    decoded = verify.Decoded("PNG", (64, 48), "RGBA")
    verify.check_answer("/v2/edit", {"outputSize": "64x48"}, decoded, "image/png")
    with pytest.raises(AssertionError, match="outputSize=64x64"):
        verify.check_answer("/v2/edit", {"outputSize": "64x64"}, decoded, "image/png")
    with pytest.raises(AssertionError, match=r"export\.format=webp"):
        verify.check_answer("/v2/edit", {"export.format": "webp"}, decoded, "image/png")
    verify.check_answer("/v1/segment", {"size": "preview"}, decoded, "image/png", (64, 64))
    big = verify.Decoded("PNG", (1000, 1000), "RGBA")
    with pytest.raises(AssertionError, match=r"size=preview allows 0\.25 MP"):
        verify.check_answer("/v1/segment", {"size": "preview"}, big, "image/png")
    with pytest.raises(AssertionError, match="came back larger"):
        verify.check_answer("/v1/segment", {}, big, "image/png", (64, 64))


def test_error_bodies_follow_their_hosts_shape() -> None:
    verify.check_error_body(
        True, 400, "application/json", b'{"detail":"x","status_code":400,"type":"t"}'
    )
    verify.check_error_body(False, 402, "application/json", b'{"error":{"detail":"x"}}')
    with pytest.raises(AssertionError):
        verify.check_error_body(False, 400, "application/json", b'{"detail":"x"}')
