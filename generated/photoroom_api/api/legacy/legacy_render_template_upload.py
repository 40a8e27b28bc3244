from http import HTTPStatus
from io import BytesIO
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_error import APIError
from ...models.payment_error import PaymentError
from ...models.render_image_post_params import RenderImagePOSTParams
from ...models.unknown_error import UnknownError
from ...types import File, Response


def _get_kwargs(
    *,
    body: RenderImagePOSTParams,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/render",
    }

    _kwargs["files"] = body.to_multipart()

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> APIError | File | PaymentError | UnknownError | None:
    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

        return response_200

    if response.status_code == 400:
        response_400 = APIError.from_dict(response.json())

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
) -> Response[APIError | File | PaymentError | UnknownError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: RenderImagePOSTParams,
) -> Response[APIError | File | PaymentError | UnknownError]:
    """[LEGACY] Image Editing v1 (Plus plan)

     Deprecated: use /v2/edit instead.

    This is a legacy endpoint, it is not recommended for new integrations.

    For new integrations, please use /v2/edit which offers all the same functionalities, plus additional
    AI features.

    Args:
        body (RenderImagePOSTParams):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[APIError | File | PaymentError | UnknownError]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: RenderImagePOSTParams,
) -> APIError | File | PaymentError | UnknownError | None:
    """[LEGACY] Image Editing v1 (Plus plan)

     Deprecated: use /v2/edit instead.

    This is a legacy endpoint, it is not recommended for new integrations.

    For new integrations, please use /v2/edit which offers all the same functionalities, plus additional
    AI features.

    Args:
        body (RenderImagePOSTParams):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        APIError | File | PaymentError | UnknownError
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: RenderImagePOSTParams,
) -> Response[APIError | File | PaymentError | UnknownError]:
    """[LEGACY] Image Editing v1 (Plus plan)

     Deprecated: use /v2/edit instead.

    This is a legacy endpoint, it is not recommended for new integrations.

    For new integrations, please use /v2/edit which offers all the same functionalities, plus additional
    AI features.

    Args:
        body (RenderImagePOSTParams):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[APIError | File | PaymentError | UnknownError]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: RenderImagePOSTParams,
) -> APIError | File | PaymentError | UnknownError | None:
    """[LEGACY] Image Editing v1 (Plus plan)

     Deprecated: use /v2/edit instead.

    This is a legacy endpoint, it is not recommended for new integrations.

    For new integrations, please use /v2/edit which offers all the same functionalities, plus additional
    AI features.

    Args:
        body (RenderImagePOSTParams):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        APIError | File | PaymentError | UnknownError
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
