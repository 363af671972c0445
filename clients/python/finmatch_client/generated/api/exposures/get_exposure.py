from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.exposure import Exposure
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    exposure_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/guarantee/exposures/{exposure_id}".format(
            exposure_id=quote(str(exposure_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Exposure | Problem | None:
    if response.status_code == 200:
        response_200 = Exposure.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if response.status_code == 502:
        response_502 = Problem.from_dict(response.json())

        return response_502

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if response.status_code == 504:
        response_504 = Problem.from_dict(response.json())

        return response_504

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Exposure | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    exposure_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Exposure | Problem]:
    """Get one exposure and its shares

     One exposure, if the caller may see it (404 otherwise).

    **Who may call:** `admin`, `guarantor`, `bank`, `regulator`.

    Args:
        exposure_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Exposure | Problem]
    """

    kwargs = _get_kwargs(
        exposure_id=exposure_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    exposure_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Exposure | Problem | None:
    """Get one exposure and its shares

     One exposure, if the caller may see it (404 otherwise).

    **Who may call:** `admin`, `guarantor`, `bank`, `regulator`.

    Args:
        exposure_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Exposure | Problem
    """

    return sync_detailed(
        exposure_id=exposure_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    exposure_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Exposure | Problem]:
    """Get one exposure and its shares

     One exposure, if the caller may see it (404 otherwise).

    **Who may call:** `admin`, `guarantor`, `bank`, `regulator`.

    Args:
        exposure_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Exposure | Problem]
    """

    kwargs = _get_kwargs(
        exposure_id=exposure_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    exposure_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Exposure | Problem | None:
    """Get one exposure and its shares

     One exposure, if the caller may see it (404 otherwise).

    **Who may call:** `admin`, `guarantor`, `bank`, `regulator`.

    Args:
        exposure_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Exposure | Problem
    """

    return (
        await asyncio_detailed(
            exposure_id=exposure_id,
            client=client,
        )
    ).parsed
