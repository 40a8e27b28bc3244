from http import HTTPStatus
from io import BytesIO
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_error import APIError
from ...models.edit_image_upload_body import EditImageUploadBody
from ...models.edit_image_upload_pr_ai_background_model_version import (
    EditImageUploadPrAiBackgroundModelVersion,
)
from ...models.edit_image_upload_pr_background_removal_model_version import (
    EditImageUploadPrBackgroundRemovalModelVersion,
)
from ...models.invalid_value import InvalidValue
from ...models.payment_error import PaymentError
from ...models.unknown_error import UnknownError
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    *,
    body: EditImageUploadBody,
    pr_ai_background_model_version: EditImageUploadPrAiBackgroundModelVersion
    | Unset = UNSET,
    pr_background_removal_model_version: EditImageUploadPrBackgroundRemovalModelVersion
    | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(pr_ai_background_model_version, Unset):
        headers["pr-ai-background-model-version"] = str(pr_ai_background_model_version)

    if not isinstance(pr_background_removal_model_version, Unset):
        headers["pr-background-removal-model-version"] = str(
            pr_background_removal_model_version
        )

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v2/edit",
    }

    _kwargs["files"] = body.to_multipart()

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> APIError | File | InvalidValue | PaymentError | UnknownError | None:
    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

        return response_200

    if response.status_code == 400:
        response_400 = InvalidValue.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = APIError.from_dict(response.json())

        return response_401

    if response.status_code == 402:
        response_402 = PaymentError.from_dict(response.json())

        return response_402

    if response.status_code == 403:
        response_403 = APIError.from_dict(response.json())

        return response_403

    if response.status_code == 429:
        response_429 = APIError.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = UnknownError.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[APIError | File | InvalidValue | PaymentError | UnknownError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: EditImageUploadBody,
    pr_ai_background_model_version: EditImageUploadPrAiBackgroundModelVersion
    | Unset = UNSET,
    pr_background_removal_model_version: EditImageUploadPrBackgroundRemovalModelVersion
    | Unset = UNSET,
) -> Response[APIError | File | InvalidValue | PaymentError | UnknownError]:
    """Image Editing v2 (Plus plan)

     This endpoint processes an image and applies one or more edits: background removal, AI-generated
    backgrounds (background.prompt), realistic shadows (shadow.mode), relighting (lighting.mode), text
    removal (textRemoval.mode), background blur (background.blur.*), subject outline (outline.*), AI
    beautification (beautify.mode), Flat Lay (flatLay.*), Ghost Mannequin (ghostMannequin.*), Ironing
    (ironing.mode), Virtual Model (virtualModel.*), AI expand (expand.mode), AI uncrop (uncrop.mode), AI
    upscale (upscale.mode), and positioning/resizing (padding, margin, outputSize).

    Parameters are grouped by feature using dot notation: background.* for backgrounds, shadow.* for
    shadows, lighting.* for relighting, outline.* for subject outlines, beautify.* for AI
    beautification, flatLay.* for flat lay generation, ghostMannequin.* for ghost mannequin generation,
    ironing.* for wrinkle removal, virtualModel.* for virtual model generation, expand.* for AI expand,
    uncrop.* for AI uncrop, upscale.* for AI upscale, export.* for output format, and segmentation.* for
    text-guided segmentation.

    Edits can be combined in a single call.

    It accepts an image file for the image. If you want to send a URL, please use the GET endpoint. For
    more details on the difference between the GET and POST endpoints, please have a look at our
    documentation: https://docs.photoroom.com/image-editing-api/which-endpoints-are-available.

    If you only have a URL for your image (not a local file), use the GET endpoint instead — it is
    simpler to integrate. Use this POST endpoint when you need to upload image files directly as
    multipart/form-data.

    For this POST endpoint, all parameters must be passed via the request body using multipart/form-data
    encoding. Parameters must not be passed using the query string.

    Full documentation: https://docs.photoroom.com/image-editing-api-plus-plan/quickstart-guide

    Feature documentation:
    - [HD Background Removal](https://docs.photoroom.com/image-editing-api-plus-plan/hd-background-
    removal)
    - [Positioning (padding, margin, scaling)](https://docs.photoroom.com/image-editing-api-plus-
    plan/positioning)
    - [Output Size](https://docs.photoroom.com/image-editing-api-plus-plan/output-size)
    - [Static Background](https://docs.photoroom.com/image-editing-api-plus-plan/static-background)
    - [Background Blur](https://docs.photoroom.com/image-editing-api-plus-plan/background-blur)
    - [Subject Outline](https://docs.photoroom.com/image-editing-api-plus-plan/subject-outline)
    - [AI Shadows](https://docs.photoroom.com/image-editing-api-plus-plan/ai-shadows)
    - [AI Backgrounds](https://docs.photoroom.com/image-editing-api-plus-plan/ai-backgrounds)
    - [AI Relight](https://docs.photoroom.com/image-editing-api-plus-plan/ai-relight)
    - [AI Text Removal](https://docs.photoroom.com/image-editing-api-plus-plan/ai-text-removal)
    - [AI Expand](https://docs.photoroom.com/image-editing-api-plus-plan/ai-expand)
    - [AI Uncrop](https://docs.photoroom.com/image-editing-api-plus-plan/ai-uncrop)
    - [AI Beautifier](https://docs.photoroom.com/image-editing-api-plus-plan/ai-beautifier)
    - [Flat Lay](https://docs.photoroom.com/image-editing-api-plus-plan/flat-lay)
    - [Ghost Mannequin](https://docs.photoroom.com/image-editing-api-plus-plan/ghost-mannequin)
    - [Virtual Model](https://docs.photoroom.com/image-editing-api-plus-plan/virtual-model)
    - [AI Upscale](https://docs.photoroom.com/image-editing-api-plus-plan/alpha-ai-upscale)
    - [Describe Any Change](https://docs.photoroom.com/image-editing-api-plus-plan/edit-with-ai)
    - [Create Any Image](https://docs.photoroom.com/image-editing-api-plus-plan/alpha-create-any-image)
    - [Text-Guided Segmentation](https://docs.photoroom.com/image-editing-api-plus-plan/alpha-text-
    guided-segmentation)
    - [Sandbox Mode (free testing)](https://docs.photoroom.com/image-editing-api-plus-plan/sandbox-mode)

    Args:
        pr_ai_background_model_version (EditImageUploadPrAiBackgroundModelVersion | Unset):
        pr_background_removal_model_version (EditImageUploadPrBackgroundRemovalModelVersion |
            Unset):
        body (EditImageUploadBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[APIError | File | InvalidValue | PaymentError | UnknownError]
    """

    kwargs = _get_kwargs(
        body=body,
        pr_ai_background_model_version=pr_ai_background_model_version,
        pr_background_removal_model_version=pr_background_removal_model_version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: EditImageUploadBody,
    pr_ai_background_model_version: EditImageUploadPrAiBackgroundModelVersion
    | Unset = UNSET,
    pr_background_removal_model_version: EditImageUploadPrBackgroundRemovalModelVersion
    | Unset = UNSET,
) -> APIError | File | InvalidValue | PaymentError | UnknownError | None:
    """Image Editing v2 (Plus plan)

     This endpoint processes an image and applies one or more edits: background removal, AI-generated
    backgrounds (background.prompt), realistic shadows (shadow.mode), relighting (lighting.mode), text
    removal (textRemoval.mode), background blur (background.blur.*), subject outline (outline.*), AI
    beautification (beautify.mode), Flat Lay (flatLay.*), Ghost Mannequin (ghostMannequin.*), Ironing
    (ironing.mode), Virtual Model (virtualModel.*), AI expand (expand.mode), AI uncrop (uncrop.mode), AI
    upscale (upscale.mode), and positioning/resizing (padding, margin, outputSize).

    Parameters are grouped by feature using dot notation: background.* for backgrounds, shadow.* for
    shadows, lighting.* for relighting, outline.* for subject outlines, beautify.* for AI
    beautification, flatLay.* for flat lay generation, ghostMannequin.* for ghost mannequin generation,
    ironing.* for wrinkle removal, virtualModel.* for virtual model generation, expand.* for AI expand,
    uncrop.* for AI uncrop, upscale.* for AI upscale, export.* for output format, and segmentation.* for
    text-guided segmentation.

    Edits can be combined in a single call.

    It accepts an image file for the image. If you want to send a URL, please use the GET endpoint. For
    more details on the difference between the GET and POST endpoints, please have a look at our
    documentation: https://docs.photoroom.com/image-editing-api/which-endpoints-are-available.

    If you only have a URL for your image (not a local file), use the GET endpoint instead — it is
    simpler to integrate. Use this POST endpoint when you need to upload image files directly as
    multipart/form-data.

    For this POST endpoint, all parameters must be passed via the request body using multipart/form-data
    encoding. Parameters must not be passed using the query string.

    Full documentation: https://docs.photoroom.com/image-editing-api-plus-plan/quickstart-guide

    Feature documentation:
    - [HD Background Removal](https://docs.photoroom.com/image-editing-api-plus-plan/hd-background-
    removal)
    - [Positioning (padding, margin, scaling)](https://docs.photoroom.com/image-editing-api-plus-
    plan/positioning)
    - [Output Size](https://docs.photoroom.com/image-editing-api-plus-plan/output-size)
    - [Static Background](https://docs.photoroom.com/image-editing-api-plus-plan/static-background)
    - [Background Blur](https://docs.photoroom.com/image-editing-api-plus-plan/background-blur)
    - [Subject Outline](https://docs.photoroom.com/image-editing-api-plus-plan/subject-outline)
    - [AI Shadows](https://docs.photoroom.com/image-editing-api-plus-plan/ai-shadows)
    - [AI Backgrounds](https://docs.photoroom.com/image-editing-api-plus-plan/ai-backgrounds)
    - [AI Relight](https://docs.photoroom.com/image-editing-api-plus-plan/ai-relight)
    - [AI Text Removal](https://docs.photoroom.com/image-editing-api-plus-plan/ai-text-removal)
    - [AI Expand](https://docs.photoroom.com/image-editing-api-plus-plan/ai-expand)
    - [AI Uncrop](https://docs.photoroom.com/image-editing-api-plus-plan/ai-uncrop)
    - [AI Beautifier](https://docs.photoroom.com/image-editing-api-plus-plan/ai-beautifier)
    - [Flat Lay](https://docs.photoroom.com/image-editing-api-plus-plan/flat-lay)
    - [Ghost Mannequin](https://docs.photoroom.com/image-editing-api-plus-plan/ghost-mannequin)
    - [Virtual Model](https://docs.photoroom.com/image-editing-api-plus-plan/virtual-model)
    - [AI Upscale](https://docs.photoroom.com/image-editing-api-plus-plan/alpha-ai-upscale)
    - [Describe Any Change](https://docs.photoroom.com/image-editing-api-plus-plan/edit-with-ai)
    - [Create Any Image](https://docs.photoroom.com/image-editing-api-plus-plan/alpha-create-any-image)
    - [Text-Guided Segmentation](https://docs.photoroom.com/image-editing-api-plus-plan/alpha-text-
    guided-segmentation)
    - [Sandbox Mode (free testing)](https://docs.photoroom.com/image-editing-api-plus-plan/sandbox-mode)

    Args:
        pr_ai_background_model_version (EditImageUploadPrAiBackgroundModelVersion | Unset):
        pr_background_removal_model_version (EditImageUploadPrBackgroundRemovalModelVersion |
            Unset):
        body (EditImageUploadBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        APIError | File | InvalidValue | PaymentError | UnknownError
    """

    return sync_detailed(
        client=client,
        body=body,
        pr_ai_background_model_version=pr_ai_background_model_version,
        pr_background_removal_model_version=pr_background_removal_model_version,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: EditImageUploadBody,
    pr_ai_background_model_version: EditImageUploadPrAiBackgroundModelVersion
    | Unset = UNSET,
    pr_background_removal_model_version: EditImageUploadPrBackgroundRemovalModelVersion
    | Unset = UNSET,
) -> Response[APIError | File | InvalidValue | PaymentError | UnknownError]:
    """Image Editing v2 (Plus plan)

     This endpoint processes an image and applies one or more edits: background removal, AI-generated
    backgrounds (background.prompt), realistic shadows (shadow.mode), relighting (lighting.mode), text
    removal (textRemoval.mode), background blur (background.blur.*), subject outline (outline.*), AI
    beautification (beautify.mode), Flat Lay (flatLay.*), Ghost Mannequin (ghostMannequin.*), Ironing
    (ironing.mode), Virtual Model (virtualModel.*), AI expand (expand.mode), AI uncrop (uncrop.mode), AI
    upscale (upscale.mode), and positioning/resizing (padding, margin, outputSize).

    Parameters are grouped by feature using dot notation: background.* for backgrounds, shadow.* for
    shadows, lighting.* for relighting, outline.* for subject outlines, beautify.* for AI
    beautification, flatLay.* for flat lay generation, ghostMannequin.* for ghost mannequin generation,
    ironing.* for wrinkle removal, virtualModel.* for virtual model generation, expand.* for AI expand,
    uncrop.* for AI uncrop, upscale.* for AI upscale, export.* for output format, and segmentation.* for
    text-guided segmentation.

    Edits can be combined in a single call.

    It accepts an image file for the image. If you want to send a URL, please use the GET endpoint. For
    more details on the difference between the GET and POST endpoints, please have a look at our
    documentation: https://docs.photoroom.com/image-editing-api/which-endpoints-are-available.

    If you only have a URL for your image (not a local file), use the GET endpoint instead — it is
    simpler to integrate. Use this POST endpoint when you need to upload image files directly as
    multipart/form-data.

    For this POST endpoint, all parameters must be passed via the request body using multipart/form-data
    encoding. Parameters must not be passed using the query string.

    Full documentation: https://docs.photoroom.com/image-editing-api-plus-plan/quickstart-guide

    Feature documentation:
    - [HD Background Removal](https://docs.photoroom.com/image-editing-api-plus-plan/hd-background-
    removal)
    - [Positioning (padding, margin, scaling)](https://docs.photoroom.com/image-editing-api-plus-
    plan/positioning)
    - [Output Size](https://docs.photoroom.com/image-editing-api-plus-plan/output-size)
    - [Static Background](https://docs.photoroom.com/image-editing-api-plus-plan/static-background)
    - [Background Blur](https://docs.photoroom.com/image-editing-api-plus-plan/background-blur)
    - [Subject Outline](https://docs.photoroom.com/image-editing-api-plus-plan/subject-outline)
    - [AI Shadows](https://docs.photoroom.com/image-editing-api-plus-plan/ai-shadows)
    - [AI Backgrounds](https://docs.photoroom.com/image-editing-api-plus-plan/ai-backgrounds)
    - [AI Relight](https://docs.photoroom.com/image-editing-api-plus-plan/ai-relight)
    - [AI Text Removal](https://docs.photoroom.com/image-editing-api-plus-plan/ai-text-removal)
    - [AI Expand](https://docs.photoroom.com/image-editing-api-plus-plan/ai-expand)
    - [AI Uncrop](https://docs.photoroom.com/image-editing-api-plus-plan/ai-uncrop)
    - [AI Beautifier](https://docs.photoroom.com/image-editing-api-plus-plan/ai-beautifier)
    - [Flat Lay](https://docs.photoroom.com/image-editing-api-plus-plan/flat-lay)
    - [Ghost Mannequin](https://docs.photoroom.com/image-editing-api-plus-plan/ghost-mannequin)
    - [Virtual Model](https://docs.photoroom.com/image-editing-api-plus-plan/virtual-model)
    - [AI Upscale](https://docs.photoroom.com/image-editing-api-plus-plan/alpha-ai-upscale)
    - [Describe Any Change](https://docs.photoroom.com/image-editing-api-plus-plan/edit-with-ai)
    - [Create Any Image](https://docs.photoroom.com/image-editing-api-plus-plan/alpha-create-any-image)
    - [Text-Guided Segmentation](https://docs.photoroom.com/image-editing-api-plus-plan/alpha-text-
    guided-segmentation)
    - [Sandbox Mode (free testing)](https://docs.photoroom.com/image-editing-api-plus-plan/sandbox-mode)

    Args:
        pr_ai_background_model_version (EditImageUploadPrAiBackgroundModelVersion | Unset):
        pr_background_removal_model_version (EditImageUploadPrBackgroundRemovalModelVersion |
            Unset):
        body (EditImageUploadBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[APIError | File | InvalidValue | PaymentError | UnknownError]
    """

    kwargs = _get_kwargs(
        body=body,
        pr_ai_background_model_version=pr_ai_background_model_version,
        pr_background_removal_model_version=pr_background_removal_model_version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: EditImageUploadBody,
    pr_ai_background_model_version: EditImageUploadPrAiBackgroundModelVersion
    | Unset = UNSET,
    pr_background_removal_model_version: EditImageUploadPrBackgroundRemovalModelVersion
    | Unset = UNSET,
) -> APIError | File | InvalidValue | PaymentError | UnknownError | None:
    """Image Editing v2 (Plus plan)

     This endpoint processes an image and applies one or more edits: background removal, AI-generated
    backgrounds (background.prompt), realistic shadows (shadow.mode), relighting (lighting.mode), text
    removal (textRemoval.mode), background blur (background.blur.*), subject outline (outline.*), AI
    beautification (beautify.mode), Flat Lay (flatLay.*), Ghost Mannequin (ghostMannequin.*), Ironing
    (ironing.mode), Virtual Model (virtualModel.*), AI expand (expand.mode), AI uncrop (uncrop.mode), AI
    upscale (upscale.mode), and positioning/resizing (padding, margin, outputSize).

    Parameters are grouped by feature using dot notation: background.* for backgrounds, shadow.* for
    shadows, lighting.* for relighting, outline.* for subject outlines, beautify.* for AI
    beautification, flatLay.* for flat lay generation, ghostMannequin.* for ghost mannequin generation,
    ironing.* for wrinkle removal, virtualModel.* for virtual model generation, expand.* for AI expand,
    uncrop.* for AI uncrop, upscale.* for AI upscale, export.* for output format, and segmentation.* for
    text-guided segmentation.

    Edits can be combined in a single call.

    It accepts an image file for the image. If you want to send a URL, please use the GET endpoint. For
    more details on the difference between the GET and POST endpoints, please have a look at our
    documentation: https://docs.photoroom.com/image-editing-api/which-endpoints-are-available.

    If you only have a URL for your image (not a local file), use the GET endpoint instead — it is
    simpler to integrate. Use this POST endpoint when you need to upload image files directly as
    multipart/form-data.

    For this POST endpoint, all parameters must be passed via the request body using multipart/form-data
    encoding. Parameters must not be passed using the query string.

    Full documentation: https://docs.photoroom.com/image-editing-api-plus-plan/quickstart-guide

    Feature documentation:
    - [HD Background Removal](https://docs.photoroom.com/image-editing-api-plus-plan/hd-background-
    removal)
    - [Positioning (padding, margin, scaling)](https://docs.photoroom.com/image-editing-api-plus-
    plan/positioning)
    - [Output Size](https://docs.photoroom.com/image-editing-api-plus-plan/output-size)
    - [Static Background](https://docs.photoroom.com/image-editing-api-plus-plan/static-background)
    - [Background Blur](https://docs.photoroom.com/image-editing-api-plus-plan/background-blur)
    - [Subject Outline](https://docs.photoroom.com/image-editing-api-plus-plan/subject-outline)
    - [AI Shadows](https://docs.photoroom.com/image-editing-api-plus-plan/ai-shadows)
    - [AI Backgrounds](https://docs.photoroom.com/image-editing-api-plus-plan/ai-backgrounds)
    - [AI Relight](https://docs.photoroom.com/image-editing-api-plus-plan/ai-relight)
    - [AI Text Removal](https://docs.photoroom.com/image-editing-api-plus-plan/ai-text-removal)
    - [AI Expand](https://docs.photoroom.com/image-editing-api-plus-plan/ai-expand)
    - [AI Uncrop](https://docs.photoroom.com/image-editing-api-plus-plan/ai-uncrop)
    - [AI Beautifier](https://docs.photoroom.com/image-editing-api-plus-plan/ai-beautifier)
    - [Flat Lay](https://docs.photoroom.com/image-editing-api-plus-plan/flat-lay)
    - [Ghost Mannequin](https://docs.photoroom.com/image-editing-api-plus-plan/ghost-mannequin)
    - [Virtual Model](https://docs.photoroom.com/image-editing-api-plus-plan/virtual-model)
    - [AI Upscale](https://docs.photoroom.com/image-editing-api-plus-plan/alpha-ai-upscale)
    - [Describe Any Change](https://docs.photoroom.com/image-editing-api-plus-plan/edit-with-ai)
    - [Create Any Image](https://docs.photoroom.com/image-editing-api-plus-plan/alpha-create-any-image)
    - [Text-Guided Segmentation](https://docs.photoroom.com/image-editing-api-plus-plan/alpha-text-
    guided-segmentation)
    - [Sandbox Mode (free testing)](https://docs.photoroom.com/image-editing-api-plus-plan/sandbox-mode)

    Args:
        pr_ai_background_model_version (EditImageUploadPrAiBackgroundModelVersion | Unset):
        pr_background_removal_model_version (EditImageUploadPrBackgroundRemovalModelVersion |
            Unset):
        body (EditImageUploadBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        APIError | File | InvalidValue | PaymentError | UnknownError
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            pr_ai_background_model_version=pr_ai_background_model_version,
            pr_background_removal_model_version=pr_background_removal_model_version,
        )
    ).parsed
