"""Each quirk of the upstream spec (overlay/README.md, Q1-Q15) is present upstream and fixed in
openapi/photoroom.json. Every test first shows the upstream problem, so none passes vacuously."""

from __future__ import annotations

import json
import re
from typing import Any

import yaml

from .conftest import OVERLAY, get_params, post_props

OPERATIONS = [
    ("/v1/segment", "post"),
    ("/v2/edit", "get"),
    ("/v2/edit", "post"),
    ("/v1/account", "get"),
    ("/v2/account", "get"),
    ("/v1/render", "get"),
    ("/v1/render", "post"),
]


def operation(spec: dict[str, Any], path: str, method: str) -> dict[str, Any]:
    return spec["paths"][path][method]


def test_q1_object_parameters_with_object_defaults_become_leaves(upstream, overlaid) -> None:
    assert "default" in get_params(upstream)["virtualModel.model"]["schema"]
    params = get_params(overlaid)
    assert "virtualModel.model" not in params and "virtualModel.scene" not in params
    assert "sam" in params["virtualModel.model.preset.name"]["schema"]["enum"]
    assert params["virtualModel.model.preset.name"]["schema"]["x-server-default"] == "avery"
    assert params["virtualModel.scene.preset.name"]["schema"]["x-server-default"] == "random"
    assert {"virtualModel.model.custom.imageUrl", "virtualModel.scene.custom.imageUrl"} <= set(
        params
    )


def test_q2_post_array_gets_items(upstream, overlaid) -> None:
    assert "items" not in post_props(upstream)["virtualModel.additionalProductImages"]
    assert post_props(overlaid)["virtualModel.additionalProductImages"]["items"] == {
        "type": "string",
        "format": "binary",
    }


def test_q3_every_operation_has_a_distinct_self_explaining_id(upstream, overlaid) -> None:
    upstream_ids = [operation(upstream, *op)["operationId"] for op in OPERATIONS]
    assert len(set(upstream_ids)) < len(upstream_ids)
    ids = {op: operation(overlaid, *op)["operationId"] for op in OPERATIONS}
    assert len(set(ids.values())) == len(OPERATIONS)
    assert ids[("/v2/edit", "get")] == "edit-image-from-url"
    assert ids[("/v2/edit", "post")] == "edit-image-upload"
    for method in ("get", "post"):
        legacy = operation(overlaid, "/v1/render", method)
        assert legacy["deprecated"] is True and legacy["operationId"].startswith("legacy-")


def test_q4_segment_402_is_its_own_payment_error(upstream, overlaid) -> None:
    raw = operation(upstream, "/v1/segment", "post")["responses"]
    assert raw["402"] == {**raw["402"], "description": "Payment Required"}
    assert raw["402"]["content"] == raw["400"]["content"]  # the copy the generator drops
    responses = operation(overlaid, "/v1/segment", "post")["responses"]
    assert responses["402"] == {"$ref": "#/components/responses/segment-payment-required"}
    example = overlaid["components"]["responses"]["segment-payment-required"]["content"][
        "application/json"
    ]["example"]
    assert example["status_code"] == 402 and "credits" in example["detail"]


def test_q6_segment_json_variant_is_a_named_schema_and_png_comes_first(overlaid) -> None:
    content = operation(overlaid, "/v1/segment", "post")["responses"]["200"]["content"]
    assert next(iter(content)) == "image/png"
    assert content["application/json"]["schema"] == {
        "$ref": "#/components/schemas/remove-background-base64-response"
    }


def test_q7_expand_prompt_object_becomes_a_mode_leaf(upstream, overlaid) -> None:
    assert "anyOf" in get_params(upstream)["background.expandPrompt"]["schema"]
    params = get_params(overlaid)
    assert params["background.expandPrompt.mode"]["schema"]["enum"] == ["ai.auto", "ai.never"]
    assert params["background.expandPrompt"]["schema"] == {
        "type": "string",
        "enum": ["auto", "never"],
    }
    assert "layers" not in params


def test_q8_templated_names_leave_the_parameter_list_for_keyed_leaves(upstream, overlaid) -> None:
    assert "editWithAI.additionalImages.{key}.imageUrl" in get_params(upstream)
    assert not [name for name in get_params(overlaid) if "{" in name]
    assert not [name for name in post_props(overlaid) if "{" in name]
    for method, leaf in (("get", "imageUrl"), ("post", "imageFile")):
        keyed = operation(overlaid, "/v2/edit", method)["x-photoroom-keyed-parameters"]
        assert f"editWithAI.additionalImages.{{key}}.{leaf}" in keyed["leaves"]
        assert "layers.{key}.text.content" in keyed["leaves"]
        assert re.fullmatch(keyed["key-pattern"], "ref_1")


def test_q9_no_file_in_a_query_string(upstream, overlaid) -> None:
    assert "background.guidance.imageFile" in get_params(upstream)
    for name, param in get_params(overlaid).items():
        assert param["schema"].get("format") != "binary", name


def test_q10_no_request_default_is_sent_but_every_one_is_kept(upstream, overlaid) -> None:
    upstream_defaults = {
        name: p["schema"]["default"]
        for name, p in get_params(upstream).items()
        if "default" in p["schema"]
    }
    assert len(upstream_defaults) > 15
    params = get_params(overlaid)
    for name, p in params.items():
        assert "default" not in p["schema"], name
    for name, default in upstream_defaults.items():
        if name in params:  # object-valued ones were split into leaves (Q1)
            assert params[name]["schema"]["x-server-default"] == default, name
    segment = overlaid["components"]["schemas"]["remove-background-post-params"]["properties"]
    assert not [name for name, prop in segment.items() if "default" in prop]
    assert segment["format"]["x-server-default"] == "png"


def test_q10_the_multipart_twin_records_the_same_server_defaults(upstream, overlaid) -> None:
    # Upstream's POST /v2/edit fields carry no defaults, so the emulator could not know that an
    # upload without export.format answers PNG; the overlay copies each GET default across.
    get_defaults = {
        name: p["schema"]["default"]
        for name, p in get_params(upstream).items()
        if "default" in p["schema"] and name in post_props(upstream)
    }
    assert get_defaults
    assert not [name for name in get_defaults if "default" in post_props(upstream)[name]]
    props = post_props(overlaid)
    for name, default in get_defaults.items():
        if name in props:  # object-valued ones were split into leaves (Q1)
            assert props[name]["x-server-default"] == default, name


def test_q11_every_export_format_has_its_content_type(upstream, overlaid) -> None:
    assert list(operation(upstream, "/v2/edit", "get")["responses"]["200"]["content"]) == [
        "image/png"
    ]
    for method in ("get", "post"):
        content = operation(overlaid, "/v2/edit", method)["responses"]["200"]["content"]
        assert {"image/png", "image/jpeg", "image/webp"} <= set(content)
    segment = operation(overlaid, "/v1/segment", "post")["responses"]["200"]["content"]
    assert {"image/png", "image/jpeg", "image/webp", "application/json"} == set(segment)


def test_q12_both_hosts_are_declared(upstream, overlaid) -> None:
    assert "servers" not in upstream
    assert [s["url"] for s in overlaid["servers"]] == [
        "https://image-api.photoroom.com",
        "https://sdk.photoroom.com",
    ]
    assert (
        operation(overlaid, "/v1/segment", "post")["servers"][0]["url"]
        == "https://sdk.photoroom.com"
    )


def test_q13_response_headers_are_typed(upstream, overlaid) -> None:
    raw = operation(upstream, "/v2/edit", "get")["responses"]["200"]["headers"]
    assert "type" not in raw["x-uncertainty-score"]["schema"]
    headers = operation(overlaid, "/v2/edit", "get")["responses"]["200"]["headers"]
    assert headers["x-uncertainty-score"]["schema"]["type"] == "number"
    assert headers["pr-ai-background-seed"]["schema"]["type"] == "integer"
    assert headers["pr-texts-detected"]["schema"]["type"] == "integer"
    assert headers["pr-unsupported-attributes"]["schema"]["type"] == "string"
    assert headers["pr-edit-further-url"]["schema"]["type"] == "string"


def test_q14_401_403_429_are_declared_with_bodies_and_retry_after(upstream, overlaid) -> None:
    assert "content" not in operation(upstream, "/v2/account", "get")["responses"]["403"]
    for path, method in OPERATIONS:
        responses = operation(overlaid, path, method)["responses"]
        assert {"401", "403", "429"} <= set(responses), (path, method)
    for name in ("rate-limited", "segment-rate-limited"):
        response = overlaid["components"]["responses"][name]
        assert response["headers"]["Retry-After"]["schema"]["type"] == "integer"
        assert "application/json" in response["content"]


def spacing_pattern(overlaid: dict[str, Any], name: str) -> re.Pattern[str]:
    schema = get_params(overlaid)[name]["schema"]
    return re.compile(
        next(branch["pattern"] for branch in schema["anyOf"] if branch["type"] == "string")
    )


def test_q15_padding_and_margin_strings_are_validated(upstream, overlaid) -> None:
    assert get_params(upstream)["padding"]["schema"]["type"] == ["number", "string"]
    for name in ("padding", "paddingLeft", "margin", "marginBottom"):
        pattern = spacing_pattern(overlaid, name)
        for good in ("0", "0.3", ".1", "30%", "49.5%", "100px"):
            assert pattern.fullmatch(good), (name, good)
        for bad in ("0.5", "1", "50%", "-1px", "abc", "10", "30 %"):
            assert not pattern.fullmatch(bad), (name, bad)
    assert (
        post_props(overlaid)["padding"]["anyOf"]
        == get_params(overlaid)["padding"]["schema"]["anyOf"]
    )


def test_post_fields_carry_the_same_constraints_as_their_get_twins(overlaid) -> None:
    """The overlay restates GET constraints for POST fields; this catches upstream drift."""
    keywords = (
        "type",
        "enum",
        "const",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "pattern",
        "anyOf",
    )
    params, props = get_params(overlaid), post_props(overlaid)
    for name, prop in props.items():
        if name not in params or prop.get("format") == "binary":
            continue
        twin = params[name]["schema"]
        for keyword in keywords:
            if keyword in twin:
                assert prop.get(keyword) == twin[keyword], (name, keyword)


def test_every_overlay_action_says_why() -> None:
    actions = yaml.safe_load(OVERLAY.read_text())["actions"]
    assert len(actions) > 30
    for action in actions:
        assert action.get("description"), action["target"]
        assert not re.search(r"\[\d+\]", action["target"]), (
            f"index-based target: {action['target']}"
        )


def test_no_example_points_at_the_network_outside_reserved_domains(overlaid) -> None:
    urls = re.findall(
        r"https?://[^\s\"')\\]+", json.dumps(operation(overlaid, "/v1/render", "get"))
    )
    assert urls and all(
        "example.com" in url for url in urls if "s3.amazonaws" in url or "example" in url
    )
    assert not [url for url in urls if "s3.amazonaws.com" in url]


def test_overlay_values_carry_no_yaml_accidents(overlaid) -> None:
    """An unquoted YAML description with ", " once produced keys like {"repeated.": null}."""

    def nulls(node: Any, path: str = "$") -> list[str]:
        if node is None:
            return [path]
        if isinstance(node, dict):
            return [hit for key, value in node.items() for hit in nulls(value, f"{path}.{key}")]
        if isinstance(node, list):
            return [hit for i, value in enumerate(node) for hit in nulls(value, f"{path}[{i}]")]
        return []

    assert nulls(overlaid) == []


def test_fuzzing_findings_schema_valid_requests_are_ones_the_api_can_accept(
    upstream, overlaid
) -> None:
    assert not upstream["paths"]["/v2/edit"]["post"]["requestBody"].get("required")
    for path in ("/v2/edit", "/v1/render"):
        assert overlaid["paths"][path]["post"]["requestBody"]["required"] is True
    size = re.compile(get_params(overlaid)["outputSize"]["schema"]["pattern"])
    assert size.fullmatch("1000x1000") and not size.fullmatch("0x0")
    assert post_props(overlaid)["outputSize"]["pattern"] == size.pattern
    for name, bound in (("shadow.directionOverride", 360), ("shadow.spreadOverride", 90)):
        number = next(
            b for b in get_params(overlaid)[name]["schema"]["anyOf"] if b["type"] == "number"
        )
        assert (number["minimum"], number["maximum"]) == (0, bound)
    assert get_params(overlaid)["maxWidth"]["schema"]["minimum"] == 1


def error_schemas(spec: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The JSON schema of every 4xx/5xx answer declared inline in an operation, by location."""
    found = {}
    for path, item in spec["paths"].items():
        for method, op in item.items():
            for code, response in op.get("responses", {}).items():
                schema = response.get("content", {}).get("application/json", {}).get("schema")
                if code[0] in "45" and schema is not None:
                    found[f"{method.upper()} {path} {code}"] = schema
    return found


def test_one_error_shape_is_one_schema_not_a_model_per_copy(upstream, overlaid) -> None:
    inline = [where for where, schema in error_schemas(upstream).items() if "$ref" not in schema]
    assert "GET /v1/account 400" in inline and "POST /v1/render 402" in inline
    assert [
        where for where, schema in error_schemas(overlaid).items() if "$ref" not in schema
    ] == []
