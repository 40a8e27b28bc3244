"""The API's operations, each declared once: its request builder and the parser of its answer.

Each builder takes the client's configuration and the caller's arguments (its signature is the
public method's) and returns a :class:`~photoroom._core.Call`; the
:class:`~photoroom._core.Endpoint` around it makes it a method of both clients and of their raw
and streaming views.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Unpack

import httpx

from ._config import CallOptions, ClientConfig, RequestOptions
from ._core import Call, Endpoint
from ._exceptions import InvalidOptionError, PhotoroomError
from ._inputs import ImageBytes, load_image, upload_limits
from .spec import limits_of

if TYPE_CHECKING:
    from ._inputs import ImageInput
    from ._options import EditOptions, RemoveBackgroundOptions
    from ._results import Account, AccountV1, EditResult, RemoveBackgroundResult

    class EditCallOptions(EditOptions, RequestOptions, total=False):
        """``edit()`` options and the per-call request options."""

    class RemoveBackgroundCallOptions(RemoveBackgroundOptions, RequestOptions, total=False):
        """``remove_background()`` options and the per-call request options."""


__all__ = ["Operations"]

Config = ClientConfig[Any]


def remove_background(
    client: Config,
    image: ImageInput,
    *,
    save_to: str | os.PathLike[str] | None = None,
    **options: Unpack[RemoveBackgroundCallOptions],
) -> Call[RemoveBackgroundResult]:
    """Cut the subject out (``POST /v1/segment``, Basic plan); a transparent PNG by default.

    ``save_to`` streams the image to that file as it arrives (see :meth:`edit`).
    """
    from photoroom_api.api.remove_background import remove_background as op
    from photoroom_api.models.remove_background_post_params import RemoveBackgroundPOSTParams

    from ._headers import generated_header_kwargs, split_header_options
    from ._options import build_remove_background
    from ._results import RemoveBackgroundResult
    from .spec import REMOVE_BACKGROUND, operation

    call_options, own = CallOptions.split(options)
    segment = operation(REMOVE_BACKGROUND)
    call_headers, own = split_header_options((segment,), own)
    headers = generated_header_kwargs(segment, client.header_options, call_headers)
    fields = build_remove_background(own)
    as_json = own.get("as_json", False)
    if not isinstance(as_json, bool):
        raise InvalidOptionError("as_json", f"expected True or False, got {as_json!r}")
    with upload_limits(limits_of(REMOVE_BACKGROUND)):
        loaded = load_image(image, parameter="image")
    if not isinstance(loaded, ImageBytes):
        raise InvalidOptionError(
            "image",
            "remove_background() uploads the image (/v1/segment takes no URLs); pass a path, "
            "bytes or a file, or use edit(url) which the API fetches itself",
        )

    def kwargs() -> dict[str, Any]:
        return op._get_kwargs(
            body=RemoveBackgroundPOSTParams(image_file=loaded.to_file(), **fields), **headers
        )

    def on_success(response: httpx.Response, parsed: Any) -> RemoveBackgroundResult:
        result = RemoveBackgroundResult._from_response(response)
        if save_to is not None:  # a JSON (base64img) answer is decoded, then saved
            result.path = result.save(save_to)
        return result

    def on_saved(response: httpx.Response, path: Path) -> RemoveBackgroundResult:
        return RemoveBackgroundResult(None, response, path=path)

    return Call(
        "remove-background",
        client.segment_base_url,
        kwargs,
        op._build_response,
        on_success,
        {"accept": "application/json"} if as_json else {},
        save_to,
        on_saved,
        call_options,
        uploads=True,
        parses_success=False,
    )


def edit(
    client: Config,
    image: ImageInput | None = None,
    *,
    save_to: str | os.PathLike[str] | None = None,
    **options: Unpack[EditCallOptions],
) -> Call[EditResult]:
    """Edit an image (``/v2/edit``, Plus plan): background, shadow, lighting, layout, AI edits.

    A URL is fetched by the API (GET); a path, bytes, file or PIL image is uploaded (POST).
    ``image`` may be omitted for generated images (``image_from_prompt=...``). See
    :class:`EditOptions` for every option.

    ``save_to`` streams the answer to that file as it arrives instead of holding it in
    memory (a path without an extension gets the one of the answer's format); the file
    appears complete or not at all, and ``result.path`` says where it is.
    """
    from ._headers import generated_header_kwargs, split_header_options
    from ._options import build_edit
    from ._results import EditResult
    from .spec import EDIT_BY_UPLOAD, EDIT_BY_URL, operation

    call_options, own = CallOptions.split(options)
    by_url, by_upload = operation(EDIT_BY_URL), operation(EDIT_BY_UPLOAD)
    call_headers, own = split_header_options((by_url, by_upload), own)
    with upload_limits(limits_of(EDIT_BY_UPLOAD)):
        request = build_edit(image, own)
    edit_op = by_url if request.method == "get" else by_upload
    headers = generated_header_kwargs(edit_op, client.header_options, call_headers)

    def on_success(response: httpx.Response, parsed: Any) -> EditResult:
        result = EditResult(response.content, response)
        if save_to is not None:
            result.path = result.save(save_to)
        return result

    def on_saved(response: httpx.Response, path: Path) -> EditResult:
        return EditResult(None, response, path=path)

    if request.method == "get":
        from photoroom_api.api.image_editing import edit_image_from_url as get_op

        def get_kwargs() -> dict[str, Any]:
            kwargs = get_op._get_kwargs(**request.generated, **headers)
            kwargs["params"].update(request.keyed)
            kwargs["params"].update(call_options.extra_body)  # GET: the same fields, queried
            return kwargs

        return Call(
            "edit-image-from-url",
            client.base_url,
            get_kwargs,
            get_op._build_response,
            on_success,
            save_to=save_to,
            on_saved=on_saved,
            options=call_options,
            parses_success=False,
        )

    from photoroom_api.api.image_editing import edit_image_upload as post_op
    from photoroom_api.models.edit_image_upload_body import EditImageUploadBody

    def post_kwargs() -> dict[str, Any]:
        body = EditImageUploadBody(**request.generated)
        kwargs = post_op._get_kwargs(body=body, **headers)
        kwargs["files"].extend(
            (
                name,
                value if isinstance(value, tuple) else (None, str(value).encode(), "text/plain"),
            )
            for name, value in request.keyed
        )
        return kwargs

    return Call(
        "edit-image-upload",
        client.base_url,
        post_kwargs,
        post_op._build_response,
        on_success,
        save_to=save_to,
        on_saved=on_saved,
        options=call_options,
        uploads=True,
        parses_success=False,
    )


def account(client: Config, **options: Unpack[RequestOptions]) -> Call[Account]:
    """Plan and image balance (``GET /v2/account``)."""
    from photoroom_api.api.account import get_account_v2 as op
    from photoroom_api.models.get_account_v2_response_200 import GetAccountV2Response200

    from ._results import Account, Quota

    def on_success(response: httpx.Response, parsed: Any) -> Account:
        if not isinstance(parsed, GetAccountV2Response200):
            raise PhotoroomError(f"unexpected /v2/account answer: {response.text[:200]!r}")
        images = Quota(parsed.images.available, parsed.images.subscription)
        return Account(plan=parsed.plan, images=images, http_response=response)

    return _get("account", "get-account-v2", client, op, on_success, options)


def account_v1(client: Config, **options: Unpack[RequestOptions]) -> Call[AccountV1]:
    """Legacy credit balance (``GET /v1/account``)."""
    from photoroom_api.api.account import get_account_v1 as op
    from photoroom_api.models.get_account_v1_response_200 import GetAccountV1Response200

    from ._results import AccountV1, Quota

    def on_success(response: httpx.Response, parsed: Any) -> AccountV1:
        if not isinstance(parsed, GetAccountV1Response200):
            raise PhotoroomError(f"unexpected /v1/account answer: {response.text[:200]!r}")
        credits_ = Quota(parsed.credits_.available, parsed.credits_.subscription)
        return AccountV1(credits=credits_, http_response=response)

    return _get("account_v1", "get-account-v1", client, op, on_success, options)


def _get(
    method: str,
    operation: str,
    client: Config,
    op: Any,
    on_success: Any,
    options: Mapping[str, Any],
) -> Call[Any]:
    """A bodiless ``GET`` of the image API host: only request options are accepted."""
    call_options, rest = CallOptions.split(options)
    if rest:
        name = next(iter(rest))
        raise InvalidOptionError(name, f"{method}() takes no option {name!r}")
    if call_options.extra_body:
        raise InvalidOptionError("extra_body", f"{method}() is a GET: it has no body")
    return Call(
        operation,
        client.base_url,
        op._get_kwargs,
        op._build_response,
        on_success,
        options=call_options,
    )


class Operations:
    """The operations every client and view has (typed for each by :class:`Endpoint`)."""

    remove_background = Endpoint(remove_background, offload=True)
    edit = Endpoint(edit, offload=True)
    account = Endpoint(account)
    account_v1 = Endpoint(account_v1)
