from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_product import PageProduct
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    bank_org_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    if_none_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    json_bank_org_id: None | str | Unset
    if isinstance(bank_org_id, Unset):
        json_bank_org_id = UNSET
    elif isinstance(bank_org_id, UUID):
        json_bank_org_id = str(bank_org_id)
    else:
        json_bank_org_id = bank_org_id
    params["bank_org_id"] = json_bank_org_id

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/match/products",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageProduct | Problem | None:
    if response.status_code == 200:
        response_200 = PageProduct.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

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
) -> Response[PageProduct | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    bank_org_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    if_none_match: None | str | Unset = UNSET,
) -> Response[PageProduct | Problem]:
    """List loan products

     Active products, oldest first. Answers an ETag; `If-None-Match` with it gives 304.

    **Who may call:** `admin`, `regulator`, `tax_authority`, `bank`, `guarantor`, `partner_app`,
    `fund_manager`.

    Args:
        bank_org_id (None | Unset | UUID): Only this bank's products.
        limit (int | Unset): Page size (default 50, max 1000). Default: 50.
        cursor (None | str | Unset): Opaque cursor from a previous page's next_cursor.
        if_none_match (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageProduct | Problem]
    """

    kwargs = _get_kwargs(
        bank_org_id=bank_org_id,
        limit=limit,
        cursor=cursor,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    bank_org_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    if_none_match: None | str | Unset = UNSET,
) -> PageProduct | Problem | None:
    """List loan products

     Active products, oldest first. Answers an ETag; `If-None-Match` with it gives 304.

    **Who may call:** `admin`, `regulator`, `tax_authority`, `bank`, `guarantor`, `partner_app`,
    `fund_manager`.

    Args:
        bank_org_id (None | Unset | UUID): Only this bank's products.
        limit (int | Unset): Page size (default 50, max 1000). Default: 50.
        cursor (None | str | Unset): Opaque cursor from a previous page's next_cursor.
        if_none_match (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageProduct | Problem
    """

    return sync_detailed(
        client=client,
        bank_org_id=bank_org_id,
        limit=limit,
        cursor=cursor,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    bank_org_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    if_none_match: None | str | Unset = UNSET,
) -> Response[PageProduct | Problem]:
    """List loan products

     Active products, oldest first. Answers an ETag; `If-None-Match` with it gives 304.

    **Who may call:** `admin`, `regulator`, `tax_authority`, `bank`, `guarantor`, `partner_app`,
    `fund_manager`.

    Args:
        bank_org_id (None | Unset | UUID): Only this bank's products.
        limit (int | Unset): Page size (default 50, max 1000). Default: 50.
        cursor (None | str | Unset): Opaque cursor from a previous page's next_cursor.
        if_none_match (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageProduct | Problem]
    """

    kwargs = _get_kwargs(
        bank_org_id=bank_org_id,
        limit=limit,
        cursor=cursor,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    bank_org_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    if_none_match: None | str | Unset = UNSET,
) -> PageProduct | Problem | None:
    """List loan products

     Active products, oldest first. Answers an ETag; `If-None-Match` with it gives 304.

    **Who may call:** `admin`, `regulator`, `tax_authority`, `bank`, `guarantor`, `partner_app`,
    `fund_manager`.

    Args:
        bank_org_id (None | Unset | UUID): Only this bank's products.
        limit (int | Unset): Page size (default 50, max 1000). Default: 50.
        cursor (None | str | Unset): Opaque cursor from a previous page's next_cursor.
        if_none_match (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageProduct | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            bank_org_id=bank_org_id,
            limit=limit,
            cursor=cursor,
            if_none_match=if_none_match,
        )
    ).parsed
