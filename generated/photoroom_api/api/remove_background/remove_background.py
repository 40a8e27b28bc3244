from http import HTTPStatus
from io import BytesIO
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.remove_background_error import RemoveBackgroundError
from ...models.remove_background_post_params import RemoveBackgroundPOSTParams
from ...types import File, Response


def _get_kwargs(
    *,
    body: RemoveBackgroundPOSTParams,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/segment",
    }

    _kwargs["files"] = body.to_multipart()

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> File | RemoveBackgroundError | None:
    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

        return response_200

    if response.status_code == 400:
        response_400 = RemoveBackgroundError.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = RemoveBackgroundError.from_dict(response.json())

        return response_401

    if response.status_code == 402:
        response_402 = RemoveBackgroundError.from_dict(response.json())

        return response_402

    if response.status_code == 403:
        response_403 = RemoveBackgroundError.from_dict(response.json())

        return response_403

    if response.status_code == 429:
        response_429 = RemoveBackgroundError.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = RemoveBackgroundError.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[File | RemoveBackgroundError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: RemoveBackgroundPOSTParams,
) -> Response[File | RemoveBackgroundError]:
    """Remove Background (Basic plan)

     Remove background from an image

    Args:
        body (RemoveBackgroundPOSTParams):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | RemoveBackgroundError]
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
    body: RemoveBackgroundPOSTParams,
) -> File | RemoveBackgroundError | None:
    """Remove Background (Basic plan)

     Remove background from an image

    Args:
        body (RemoveBackgroundPOSTParams):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | RemoveBackgroundError
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: RemoveBackgroundPOSTParams,
) -> Response[File | RemoveBackgroundError]:
    """Remove Background (Basic plan)

     Remove background from an image

    Args:
        body (RemoveBackgroundPOSTParams):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | RemoveBackgroundError]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: RemoveBackgroundPOSTParams,
) -> File | RemoveBackgroundError | None:
    """Remove Background (Basic plan)

     Remove background from an image

    Args:
        body (RemoveBackgroundPOSTParams):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | RemoveBackgroundError
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
