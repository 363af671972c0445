from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.rating_out import RatingOut
from ...types import Response


def _get_kwargs(
    uscc: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/credit/ratings/{uscc}".format(
            uscc=quote(str(uscc), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RatingOut | None:
    if response.status_code == 200:
        response_200 = RatingOut.from_dict(response.json())

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
) -> Response[Problem | RatingOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    uscc: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Problem | RatingOut]:
    """Get an enterprise's current taxpayer credit rating

     An enterprise's current rating; a bank sees it only when entitled: the public A list, or the
    enterprise's consent for the tax figure (税收征管法 第八条 confidentiality; 404 otherwise).

    **Who may call:** `tax_authority`, `admin`, `bank`, `regulator`.

    Args:
        uscc (str): 统一社会信用代码: the enterprise's 18-character Unified Social Credit Code (GB
            32100-2015; the last character is its MOD 31 check character).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RatingOut]
    """

    kwargs = _get_kwargs(
        uscc=uscc,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    uscc: str,
    *,
    client: AuthenticatedClient | Client,
) -> Problem | RatingOut | None:
    """Get an enterprise's current taxpayer credit rating

     An enterprise's current rating; a bank sees it only when entitled: the public A list, or the
    enterprise's consent for the tax figure (税收征管法 第八条 confidentiality; 404 otherwise).

    **Who may call:** `tax_authority`, `admin`, `bank`, `regulator`.

    Args:
        uscc (str): 统一社会信用代码: the enterprise's 18-character Unified Social Credit Code (GB
            32100-2015; the last character is its MOD 31 check character).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RatingOut
    """

    return sync_detailed(
        uscc=uscc,
        client=client,
    ).parsed


async def asyncio_detailed(
    uscc: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Problem | RatingOut]:
    """Get an enterprise's current taxpayer credit rating

     An enterprise's current rating; a bank sees it only when entitled: the public A list, or the
    enterprise's consent for the tax figure (税收征管法 第八条 confidentiality; 404 otherwise).

    **Who may call:** `tax_authority`, `admin`, `bank`, `regulator`.

    Args:
        uscc (str): 统一社会信用代码: the enterprise's 18-character Unified Social Credit Code (GB
            32100-2015; the last character is its MOD 31 check character).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RatingOut]
    """

    kwargs = _get_kwargs(
        uscc=uscc,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    uscc: str,
    *,
    client: AuthenticatedClient | Client,
) -> Problem | RatingOut | None:
    """Get an enterprise's current taxpayer credit rating

     An enterprise's current rating; a bank sees it only when entitled: the public A list, or the
    enterprise's consent for the tax figure (税收征管法 第八条 confidentiality; 404 otherwise).

    **Who may call:** `tax_authority`, `admin`, `bank`, `regulator`.

    Args:
        uscc (str): 统一社会信用代码: the enterprise's 18-character Unified Social Credit Code (GB
            32100-2015; the last character is its MOD 31 check character).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RatingOut
    """

    return (
        await asyncio_detailed(
            uscc=uscc,
            client=client,
        )
    ).parsed
