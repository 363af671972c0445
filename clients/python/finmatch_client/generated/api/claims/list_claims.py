from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.claim import Claim
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    programme_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/match/programmes/{programme_id}/claims".format(
            programme_id=quote(str(programme_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | list[Claim] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = Claim.from_dict(response_200_item_data)

            response_200.append(response_200_item)

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
) -> Response[Problem | list[Claim]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    programme_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Problem | list[Claim]]:
    """List a programme's claims

     The programme's claims for its fund manager; a bank's or app's own claims for them.

    **Who may call:** `fund_manager`, `bank`, `partner_app`, `admin`, `regulator`.

    Args:
        programme_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[Claim]]
    """

    kwargs = _get_kwargs(
        programme_id=programme_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    programme_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Problem | list[Claim] | None:
    """List a programme's claims

     The programme's claims for its fund manager; a bank's or app's own claims for them.

    **Who may call:** `fund_manager`, `bank`, `partner_app`, `admin`, `regulator`.

    Args:
        programme_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[Claim]
    """

    return sync_detailed(
        programme_id=programme_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    programme_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Problem | list[Claim]]:
    """List a programme's claims

     The programme's claims for its fund manager; a bank's or app's own claims for them.

    **Who may call:** `fund_manager`, `bank`, `partner_app`, `admin`, `regulator`.

    Args:
        programme_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[Claim]]
    """

    kwargs = _get_kwargs(
        programme_id=programme_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    programme_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Problem | list[Claim] | None:
    """List a programme's claims

     The programme's claims for its fund manager; a bank's or app's own claims for them.

    **Who may call:** `fund_manager`, `bank`, `partner_app`, `admin`, `regulator`.

    Args:
        programme_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[Claim]
    """

    return (
        await asyncio_detailed(
            programme_id=programme_id,
            client=client,
        )
    ).parsed
