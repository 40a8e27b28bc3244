"""Schemathesis hooks for the Photoroom contract: loaded by ``schemathesis.toml`` (``hooks``).

- ``filter_case`` drops negative multipart cases that are valid as sent (:mod:`tests.fuzz.wire`).
- ``map_case`` makes positive cases acceptable (real images, reachable URLs, no mutually
  exclusive options; see :mod:`tests.fuzz.rules`) so they reach the imaging code instead of
  bouncing off a 400. Negative cases are left exactly as generated.
- A deserializer for ``image/png|jpeg|webp`` decodes answers with Pillow, so
  ``response_schema_conformance`` no longer skips image answers and a corrupt image fails.
- Two checks: ``image_matches_request`` (format and ``outputSize``/``size`` honoured) and
  ``error_body_shape`` (every 4xx/5xx carries its host's documented error body).
- Nothing here raises into schemathesis: what a hook finds is a reported failure (a check's
  ``AssertionError``, the deserializer's :class:`UndecodableImage`); see
  ``tests/fuzz/test_hook_failures.py``.
- ``after_call`` appends one JSON line per request to ``$PHOTOROOM_FUZZ_TALLY`` (when set), which
  ``scripts/fuzz.py`` turns into the share of positive cases answered 2xx.

``$PHOTOROOM_FUZZ_IMAGE_BASE`` is where URL fields point (``scripts/fuzz.py`` sets it); unset,
the corpus is served from this process on a loopback port, which suits an emulator on the same
machine. A deployment elsewhere needs a base URL it can reach (see the README).
"""

from __future__ import annotations

import atexit
import functools
import hashlib
import json
import os
import random
import sys
import threading
from collections.abc import Callable
from functools import cache
from typing import Any, Final

import schemathesis
from schemathesis import GenerationMode
from schemathesis.core.parameters import ParameterLocation

from photoroom.spec import operations
from tests.fuzz import rules, verify, wire
from tests.fuzz.image_server import ImageServer
from tests.fuzz.images import by_name

IMAGE_BASE_ENV: Final = "PHOTOROOM_FUZZ_IMAGE_BASE"
TALLY_ENV: Final = "PHOTOROOM_FUZZ_TALLY"
SEGMENT_PATH: Final = "/v1/segment"

_tally_lock = threading.Lock()


@cache
def image_base() -> str:
    """The configured base URL, or one of an image server started here on first use."""
    if base := os.environ.get(IMAGE_BASE_ENV):
        return base
    server = ImageServer()
    atexit.register(server.close)  # while its thread still runs, unlike a finalizer would
    return server.url


@schemathesis.hook
def map_case(
    context: schemathesis.HookContext, case: schemathesis.Case[Any]
) -> schemathesis.Case[Any]:
    make_acceptable(case)
    return case


@schemathesis.hook
def filter_case(context: schemathesis.HookContext, case: schemathesis.Case[Any]) -> bool:
    """Drop a negative case whose only violation is in a multipart body that, as sent, is valid.

    Multipart makes every plain field a string (``templateId={}`` goes out as the text ``{}``),
    and schemathesis' own allowance for that fails on bodies holding a file: see
    :mod:`tests.fuzz.wire`. Such a case is not negative, so there is nothing to test with it.
    """
    meta = case.meta
    if meta is None or meta.generation.mode is not GenerationMode.NEGATIVE:
        return True
    if not meta.is_negative_at(ParameterLocation.BODY) or any(
        meta.is_negative_at(location)
        for location in ParameterLocation
        if location is not ParameterLocation.BODY
    ):
        return True
    return not wire.valid_as_sent(case)


@schemathesis.hook
def before_add_examples(
    context: schemathesis.HookContext, examples: list[schemathesis.Case[Any]]
) -> None:
    """The spec's examples combine exclusive options and point at example.com: same treatment.

    (The examples phase skips ``map_case``.)
    """
    for case in examples:
        make_acceptable(case)


def make_acceptable(case: schemathesis.Case[Any]) -> None:
    """Rewrite a positive case in place with :func:`tests.fuzz.rules.make_acceptable`.

    Negative cases stay as generated: their point is the violation.
    """
    meta = case.meta
    if meta is not None and meta.generation.mode is not GenerationMode.POSITIVE:
        return
    operation = case.operation
    method = operation.method.upper()
    rng = random.Random(_digest(case))
    if method == "GET":
        case.query = rules.make_acceptable(
            operation.path, method, case.query or {}, frozenset(), rng=rng, image_base=image_base()
        )
    elif isinstance(case.body, dict):
        case.body = rules.make_acceptable(
            operation.path,
            method,
            case.body,
            binary_fields(operation),
            rng=rng,
            image_base=image_base(),
        )
    # Schemathesis 4.32.5 re-judges an edited body and never judges one holding bytes valid, so
    # without this every positive multipart case would be relabelled negative. The rewrite above
    # stays inside the schema; take the edited case as the generated one.
    case._record_starting_state()


def binary_fields(operation: schemathesis.APIOperation[Any, Any, Any, Any]) -> frozenset[str]:
    """Multipart fields declared ``format: binary`` (or arrays of them)."""
    body = operation.get_body_for_media_type("multipart/form-data")
    properties = (body.resolved_schema or {}).get("properties", {}) if body else {}
    return frozenset(
        name
        for name, schema in properties.items()
        if isinstance(schema, dict)
        and "binary" in (schema.get("format"), (schema.get("items") or {}).get("format"))
    )


def _digest(case: schemathesis.Case[Any]) -> int:
    """A seed from the case's content, so the same generated case always gets the same files."""

    def plain(value: Any) -> Any:
        if isinstance(value, bytes | bytearray):
            return hashlib.sha256(value).hexdigest()
        if isinstance(value, dict):
            return {str(key): plain(item) for key, item in value.items()}
        if isinstance(value, list | tuple):
            return [plain(item) for item in value]
        return value if isinstance(value, str | int | float | bool | None) else repr(value)

    body = case.body if isinstance(case.body, dict) else None
    text = json.dumps([case.method, case.path, plain(case.query), plain(body)], sort_keys=True)
    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "big")


class UndecodableImage(ValueError):
    """An image answer Pillow cannot decode, raised by the deserializer.

    A ``ValueError`` on purpose: the ``response_schema_conformance`` check reports any exception
    of a deserializer as a "Failed to deserialize response content" failure, while the engine's
    mining of answers for reusable values (``extra_data_source``) tolerates only ``ValueError``,
    ``TypeError`` and ``LookupError``: an ``AssertionError`` there kills the worker thread.
    """


@schemathesis.deserializer("image/png", "image/jpeg", "image/webp")
def deserialize_image(
    ctx: schemathesis.DeserializationContext, response: schemathesis.Response
) -> str:
    """Decode with Pillow; the schema says ``type: string``, so validate a one-line summary.

    Schemathesis also deserializes its recorder's copy of each answer, which keeps only the first
    1 MB of the body (``max_recorded_payload_size``): a valid 1 MP PNG is then a truncated file.
    Such a prefix is summarised, not judged; the checks see the whole body.
    """
    declared = verify.media_type(_content_type(response))
    if _is_prefix(response):
        return f"{declared}, {response.content_size} bytes (first {len(response.content)} recorded)"
    try:
        return str(verify.decode(response.content, declared))
    except AssertionError as exc:
        raise UndecodableImage(str(exc)) from None


def _is_prefix(response: schemathesis.Response) -> bool:
    """Whether ``response`` holds only the first part of the body the server sent."""
    return len(response.content or b"") < (response.content_size or 0)


def reported(
    check: Callable[[schemathesis.CheckContext, schemathesis.Response, Any], bool | None],
) -> Callable[[schemathesis.CheckContext, schemathesis.Response, Any], bool | None]:
    """A check whose own unexpected error is a reported failure, not a crash of the run.

    Schemathesis reports ``AssertionError`` as a failure and re-raises anything else; a check
    that cannot judge an answer (say, a body it did not foresee) must say so in the report.
    """

    @functools.wraps(check)
    def judged(
        ctx: schemathesis.CheckContext, response: schemathesis.Response, case: Any
    ) -> bool | None:
        try:
            return check(ctx, response, case)
        except AssertionError:
            raise
        except Exception as exc:
            raise AssertionError(
                f"{check.__name__} could not judge the answer: {type(exc).__name__}: {exc}"
            ) from exc

    return judged


@schemathesis.check
@reported
def image_matches_request(
    ctx: schemathesis.CheckContext, response: schemathesis.Response, case: schemathesis.Case[Any]
) -> bool | None:
    """A 2xx image is decodable, in the format asked for, at the ``outputSize`` asked for."""
    declared = verify.media_type(_content_type(response))
    if not 200 <= response.status_code < 300 or not declared.startswith("image/"):
        return None
    if _is_prefix(response):
        return None  # only part of the body was kept: nothing to decode
    decoded = verify.decode(response.content, declared)
    params = {**(case.query or {}), **(case.body if isinstance(case.body, dict) else {})}
    path = case.operation.path
    verify.check_answer(path, params, decoded, declared, _input_size(path, params))
    return True


@schemathesis.check
@reported
def error_body_shape(
    ctx: schemathesis.CheckContext, response: schemathesis.Response, case: schemathesis.Case[Any]
) -> bool | None:
    """Every 4xx/5xx is JSON in its host's shape, even for statuses the spec does not list
    (a 404 or 405 of the router included)."""
    if response.status_code < 400:
        return None
    verify.check_error_body(
        case.operation.path == SEGMENT_PATH,
        response.status_code,
        verify.media_type(_content_type(response)),
        response.content,
    )
    return True


@schemathesis.hook
def after_call(
    context: schemathesis.HookContext, case: schemathesis.Case[Any], response: schemathesis.Response
) -> None:
    path = os.environ.get(TALLY_ENV)
    meta = case.meta
    if not path or meta is None:
        return
    record: dict[str, Any] = {
        "case": case.id,
        "operation": f"{case.method.upper()} {case.operation.path}",
        "phase": meta.phase.name.value,
        "mode": meta.generation.mode.value,
        "status": response.status_code,
        "seconds": round(response.elapsed, 4),
        "params": sorted(
            {*(case.query or {}), *(case.body if isinstance(case.body, dict) else {})}
        ),
    }
    if response.status_code >= 400:
        record["answer"] = response.content[:300].decode("utf-8", "replace")
        record["query"] = {key: str(value)[:80] for key, value in (case.query or {}).items()}
    try:
        with _tally_lock, open(path, "a", encoding="utf-8") as tally:
            tally.write(json.dumps(record) + "\n")
    except OSError as exc:  # the tally is a by-product: losing a line must not stop the run
        print(f"fuzz tally: could not write to {path}: {exc}", file=sys.stderr)


def _input_size(path: str, params: dict[str, Any]) -> tuple[int, int] | None:
    """The size of the request's main image: an uploaded file, or a corpus URL."""
    images = [name for op in operations().values() if op.path == path for name in op.image]
    for name in images:
        value = params.get(name)
        if isinstance(value, bytes):
            return verify.image_size(value)
        if isinstance(value, str) and (sample := by_name(value.rsplit("/", 1)[-1])):
            return sample.size
    return None


def _content_type(response: schemathesis.Response) -> str:
    values = response.headers.get("content-type") or [""]
    return values[0]
