"""The Starlette application: one function per operation of the spec, read as parse -> validate ->
process -> encode.

Every API route goes through :func:`api_operation`, which applies, in this order: the injected
fault (if any), authentication (403), the plan (403), the rate limit (429), then the route itself;
and renders any :class:`~.errors.ApiError` in the error shape of the route's host. Credits are
reserved just before processing (402 when short) and refunded if processing fails.
"""

from __future__ import annotations

import functools
import logging
import uuid
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import Any, Final

from starlette.applications import Starlette
from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import Message, Receive

from photoroom.spec import EDIT_BY_UPLOAD, EDIT_BY_URL, limits_of, operation

from .accounts import Accounts, Caller
from .config import EmulatorConfig
from .errors import UNEXPECTED, ApiError, Host, bad_request, error_response
from .faults import FAULT_HEADER, FaultInjector
from .fetch import check_url, fetch_image
from .pipeline import ImageResult, Pipeline
from .ratelimit import RateLimiter
from .spec import load_spec, spec_text
from .validation import OperationValidator, Params, build_validators, check_rules

logger = logging.getLogger("photoroom_emulator")

MB: Final = 1024 * 1024
# Whole multipart bodies (the emulator's own guard, not an API fact): room for a few image files
# of the operation's limit (background, guidance, model, scene, product views) and the fields.
FILES_PER_BODY: Final = 3
FIELDS_ALLOWANCE: Final = 1 * MB
MAX_FORM_FILES: Final = 32
MAX_FORM_FIELDS: Final = 512
MAX_FIELD_BYTES: Final = 1 * MB

EDIT_FURTHER_BASE: Final = "https://app.photoroom.com/create?emulated-result="


@dataclass
class Emulator:
    """The services the routes share, built once per app from one configuration."""

    config: EmulatorConfig
    validators: dict[str, OperationValidator]
    accounts: Accounts
    limiter: RateLimiter | None
    faults: FaultInjector
    pipeline: Pipeline

    @classmethod
    def build(cls, config: EmulatorConfig) -> Emulator:
        return cls(
            config=config,
            validators=build_validators(load_spec()),
            accounts=Accounts(config),
            limiter=RateLimiter(config.rate_limit) if config.rate_limit else None,
            faults=FaultInjector(config),
            pipeline=Pipeline(config),
        )


@dataclass
class Call:
    """One admitted API request: who is calling which operation, with the shared services."""

    request: Request
    emulator: Emulator
    caller: Caller
    operation_id: str

    def validate(self, items: Iterable[tuple[str, str | UploadFile]]) -> Params:
        """The declared request headers (model versions) and each field against its schema,
        then the operation's cross-parameter rules."""
        validator = self.emulator.validators[self.operation_id]
        headers = validator.validate_headers(self.request.headers)
        params = validator.validate(items)
        params.headers = headers
        check_rules(params, self.operation_id)
        return params

    @property
    def max_file(self) -> int:
        """The largest image file this operation takes (``x-photoroom-limits``)."""
        return limits_of(self.operation_id).max_bytes

    async def form(self) -> FormData:
        """The multipart body, read within the operation's limits."""
        max_body = self.max_file * FILES_PER_BODY + FIELDS_ALLOWANCE
        return await read_form(self.request, max_body=max_body, max_file=self.max_file)

    async def charged(
        self, params: Params, work: Callable[[], Awaitable[ImageResult]]
    ) -> ImageResult:
        """Run ``work`` paid with the operation's cost for these parameters (``x-photoroom-cost``):
        402 if the balance is short, refunded if ``work`` fails."""
        cost = operation(self.operation_id).credits(params.values)
        taken = self.emulator.accounts.reserve(self.caller, cost)
        try:
            return await work()
        except BaseException:
            self.emulator.accounts.refund(self.caller, taken)
            raise


Handler = Callable[[Request, Call], Awaitable[Response]]


def api_operation(
    operation_id: str, host: Host
) -> Callable[[Handler], Callable[[Request], Awaitable[Response]]]:
    """Wrap a route with faults, auth, plan and rate limit, and host-shaped error rendering.

    The plans that may call the operation come from the spec (``x-photoroom-plans``), and so
    does a query parameter that may carry the key instead of the header
    (``x-photoroom-key-parameter``, the legacy renderer's).
    """
    key_parameter = operation(operation_id).key_parameter

    def decorate(handler: Handler) -> Callable[[Request], Awaitable[Response]]:
        @functools.wraps(handler)
        async def endpoint(request: Request) -> Response:
            emulator: Emulator = request.app.state.emulator
            try:
                fault = emulator.faults.choose(request.headers.get(FAULT_HEADER))
                dropped = await emulator.faults.apply(fault)
                if dropped is not None:
                    return dropped
                key = request.headers.get("x-api-key")
                if not key and key_parameter:
                    key = request.query_params.get(key_parameter)
                caller = emulator.accounts.authenticate(key)
                emulator.accounts.require_plan(caller, operation_id)
                if emulator.limiter is not None:
                    emulator.limiter.check(caller.account.key)
                return await handler(request, Call(request, emulator, caller, operation_id))
            except ApiError as error:
                return error_response(error, host)
            except Exception:
                logger.exception("unexpected error in %s", operation_id)
                return error_response(ApiError(500, UNEXPECTED), host)

        return endpoint

    return decorate


# --- operations ---------------------------------------------------------------------------------


@api_operation("remove-background", Host.SEGMENT)
async def remove_background(request: Request, call: Call) -> Response:
    """POST /v1/segment: cut out the subject of ``image_file``."""
    form = await call.form()
    try:
        params = call.validate(form.multi_items())
        upload = params.file(operation(call.operation_id).image[0])
        assert upload is not None  # required by the spec, so validate() raised otherwise
        data = await upload.read()
        pipeline, sandbox = call.emulator.pipeline, call.caller.sandbox
        result = await call.charged(
            params, lambda: pipeline.remove_background(data, params, sandbox=sandbox)
        )
    finally:
        await form.close()
    if "application/json" in request.headers.get("accept", ""):
        return JSONResponse(result.base64_body(), headers=result.headers)
    return result.response()


@api_operation("edit-image-from-url", Host.IMAGE_API)
async def edit_image_from_url(request: Request, call: Call) -> Response:
    """GET /v2/edit: edit the image at ``imageUrl``."""
    params = call.validate(request.query_params.multi_items())
    result = await call.charged(params, lambda: run_edit(call, params, {}))
    headers = {"pr-edit-further-url": EDIT_FURTHER_BASE + uuid.uuid4().hex}
    return result.response(headers)


@api_operation("edit-image-upload", Host.IMAGE_API)
async def edit_image_upload(request: Request, call: Call) -> Response:
    """POST /v2/edit: edit the uploaded ``imageFile``."""
    form = await call.form()
    try:
        params = call.validate(form.multi_items())
        uploads = {name: [await f.read() for f in files] for name, files in params.files.items()}
    finally:
        await form.close()
    result = await call.charged(params, lambda: run_edit(call, params, uploads))
    return result.response()


@api_operation("get-account-v1", Host.IMAGE_API)
async def account_v1(request: Request, call: Call) -> Response:
    """GET /v1/account: the balance in credits."""
    balance = call.emulator.accounts.balance(call.caller)
    return JSONResponse(
        {
            "credits": {
                "available": _num(balance.credits),
                "subscription": _num(balance.subscription),
            }
        }
    )


@api_operation("get-account-v2", Host.IMAGE_API)
async def account_v2(request: Request, call: Call) -> Response:
    """GET /v2/account: the balance in images (Image Editing calls) and the plan.

    Asked with a ``sandbox_`` key, the images are the sandbox allowance: ``available`` the calls
    left now (the tighter of the daily and monthly caps), ``subscription`` the monthly cap. The
    docs do not say what the API reports there; the parity catalogue records it."""
    balance = call.emulator.accounts.balance(call.caller)
    images = {"available": balance.images, "subscription": balance.subscription_images}
    if balance.sandbox is not None:
        images = {
            "available": balance.sandbox.calls_left,
            "subscription": balance.sandbox.monthly_cap,
        }
    return JSONResponse({"images": images, "plan": balance.plan})


@api_operation("legacy-render-template-from-url", Host.IMAGE_API)
async def legacy_render_from_url(request: Request, call: Call) -> Response:
    """GET /v1/render (deprecated): templates are not emulated; renders a plain cut-out PNG."""
    params = call.validate(request.query_params.multi_items())  # one image input is required
    url = next(str(params.get(n)) for n in operation(call.operation_id).image if params.get(n))
    result = await call.charged(params, lambda: run_legacy_render(call, url=url))
    return result.response(params.unsupported_header())


@api_operation("legacy-render-template-upload", Host.IMAGE_API)
async def legacy_render_upload(request: Request, call: Call) -> Response:
    """POST /v1/render (deprecated): like GET, with ``imageFile`` (or ``imageUrl``)."""
    form = await call.form()
    try:
        params = call.validate(form.multi_items())  # one image input is required
        images = operation(call.operation_id).image
        upload = next((params.file(n) for n in images if params.file(n) is not None), None)
        data = await upload.read() if upload is not None else None
    finally:
        await form.close()
    url = next((str(params.get(n)) for n in images if isinstance(params.get(n), str)), None)
    result = await call.charged(params, lambda: run_legacy_render(call, url=url, data=data))
    return result.response(params.unsupported_header())


async def openapi(request: Request) -> Response:
    """GET /openapi: the overlaid spec this emulator implements."""
    return Response(spec_text(), media_type="application/json")


async def health(request: Request) -> Response:
    """GET /health: liveness, and whether images are really processed."""
    emulator: Emulator = request.app.state.emulator
    return JSONResponse({"status": "ok", "processing": emulator.config.processing})


Endpoint = Callable[[Request], Awaitable[Response]]


def by_method(get: Endpoint, post: Endpoint) -> Endpoint:
    """One route for a path served by GET and POST, so that a 405 lists both in ``Allow``
    (two routes on one path each answer 405 with only their own methods)."""

    async def endpoint(request: Request) -> Response:
        return await (post if request.method == "POST" else get)(request)

    return endpoint


ROUTES: Final = [
    Route("/v1/segment", remove_background, methods=["POST"]),
    Route("/v2/edit", by_method(edit_image_from_url, edit_image_upload), methods=["GET", "POST"]),
    Route("/v1/account", account_v1, methods=["GET"]),
    Route("/v2/account", account_v2, methods=["GET"]),
    Route(
        "/v1/render",
        by_method(legacy_render_from_url, legacy_render_upload),
        methods=["GET", "POST"],
    ),
    Route("/openapi", openapi, methods=["GET"]),
    Route("/health", health, methods=["GET"]),
]


async def routing_error(request: Request, exc: Exception) -> Response:
    """404 (no such path) and 405 (a method the path lacks) in the host's JSON error shape, like
    every other error, instead of Starlette's text/plain; a 405 keeps its ``Allow`` header."""
    assert isinstance(exc, HTTPException)
    path = request.url.path
    host = Host.SEGMENT if path.rstrip("/") == "/v1/segment" else Host.IMAGE_API
    if exc.status_code == 405:
        allowed = (exc.headers or {}).get("Allow", "")
        message = f"Method {request.method} is not allowed on {path}; allowed: {allowed}"
    else:
        message = f"Not found: {path}"
    return error_response(ApiError(exc.status_code, message, headers=exc.headers), host)


def create_app(config: EmulatorConfig | None = None) -> Starlette:
    """A new emulator app; ``config`` defaults to :meth:`EmulatorConfig.from_env`."""
    app = Starlette(routes=ROUTES, exception_handlers={404: routing_error, 405: routing_error})
    app.state.emulator = Emulator.build(config or EmulatorConfig.from_env())
    return app


# --- shared steps -------------------------------------------------------------------------------


async def run_edit(
    call: Call,
    params: Params,
    uploads: dict[str, list[bytes]],
    urls: list[tuple[str, str]] | None = None,
) -> ImageResult:
    """Gather the edit's images (uploads, then URLs) and run the pipeline on them.

    With processing off, URLs are only checked, not downloaded: the answer is a blank image.
    """
    emulator, sandbox = call.emulator, call.caller.sandbox
    urls = url_inputs(params, call.operation_id) if urls is None else urls
    if emulator.config.processing:
        images = dict(uploads)
        for name, url in urls:
            images.setdefault(name, []).append(await fetch_image(url, name, emulator.config))
        result = await emulator.pipeline.edit(images, params, sandbox=sandbox)
    else:
        for name, url in urls:
            check_url(url, name, emulator.config)
        result = await emulator.pipeline.blank_edit(params, uploads, sandbox=sandbox)
    result.headers.update(params.unsupported_header())
    return result


async def run_legacy_render(
    call: Call, *, url: str | None, data: bytes | None = None
) -> ImageResult:
    """The legacy renderer as a default ``/v2/edit`` (background removed, PNG): templates are
    not emulated."""
    by_url, by_upload = operation(EDIT_BY_URL), operation(EDIT_BY_UPLOAD)
    defaults = call.emulator.validators[EDIT_BY_UPLOAD].validate([])
    if data is not None:
        return await run_edit(call, defaults, {by_upload.image[0]: [data]}, [])
    return await run_edit(call, defaults, {}, [(by_url.image[0], url or "")])


def url_inputs(params: Params, operation_id: str) -> list[tuple[str, str]]:
    """Every image the request passes by URL: the fields whose schema (or items) is a URI."""
    op = operation(operation_id)
    found: list[tuple[str, str]] = []
    for name, value in params.sent.items():
        schema = op.schema_of(name)
        element = schema.get("items", {}) if schema.get("type") == "array" else schema
        if element.get("format") != "uri":
            continue
        found.extend((name, str(item)) for item in (value if isinstance(value, list) else [value]))
    return found


async def read_form(request: Request, *, max_body: int, max_file: int) -> FormData:
    """Parse a multipart body without ever holding more than ``max_body`` bytes of it.

    The declared Content-Length is checked before reading anything; a body without one is
    counted as it streams in. Files spool to disk past 1 MB (Starlette), and each is checked
    against ``max_file``. Every failure is a 400.
    """
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_body:
        raise _too_large("request body", max_body)
    limited = Request(request.scope, receive=_limited(request.receive, max_body))
    try:
        form = await limited.form(
            max_files=MAX_FORM_FILES, max_fields=MAX_FORM_FIELDS, max_part_size=MAX_FIELD_BYTES
        )
    except ApiError:
        raise
    except HTTPException as exc:
        raise bad_request(f"Invalid multipart body: {exc.detail}") from None
    except Exception as exc:
        raise bad_request(f"Invalid multipart body ({type(exc).__name__})") from None
    for name, value in form.multi_items():
        if isinstance(value, UploadFile) and (value.size or 0) > max_file:
            await form.close()
            raise _too_large(name, max_file)
    return form


def _limited(receive: Receive, max_body: int) -> Receive:
    received = 0

    async def receive_at_most() -> Message:
        nonlocal received
        message = await receive()
        received += len(message.get("body", b""))
        if received > max_body:
            raise _too_large("request body", max_body)
        return message

    return receive_at_most


def _too_large(what: str, limit: int) -> ApiError:
    return bad_request(
        f"{what} is too large: the maximum size is {limit // MB} MB", type="image_too_large"
    )


def _num(value: float) -> Any:
    """Integral balances as ints, so ``100`` reads as the docs' examples."""
    return int(value) if float(value).is_integer() else value
