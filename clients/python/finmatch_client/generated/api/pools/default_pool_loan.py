from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.default_report import DefaultReport
from ...models.pool_default import PoolDefault
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    pool_id: UUID,
    loan_id: UUID,
    *,
    body: DefaultReport,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/guarantee/pools/{pool_id}/loans/{loan_id}/default".format(
            pool_id=quote(str(pool_id), safe=""),
            loan_id=quote(str(loan_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PoolDefault | Problem | None:
    if response.status_code == 200:
        response_200 = PoolDefault.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

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
) -> Response[PoolDefault | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    pool_id: UUID,
    loan_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: DefaultReport,
) -> Response[PoolDefault | Problem]:
    """Report a covered loan's default and claim compensation

     Pays compensation_bp of the defaulted outstanding from the pool, never beyond its balance.

    **Who may call:** `bank`.

    Args:
        pool_id (UUID):
        loan_id (UUID):
        body (DefaultReport):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PoolDefault | Problem]
    """

    kwargs = _get_kwargs(
        pool_id=pool_id,
        loan_id=loan_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    pool_id: UUID,
    loan_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: DefaultReport,
) -> PoolDefault | Problem | None:
    """Report a covered loan's default and claim compensation

     Pays compensation_bp of the defaulted outstanding from the pool, never beyond its balance.

    **Who may call:** `bank`.

    Args:
        pool_id (UUID):
        loan_id (UUID):
        body (DefaultReport):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PoolDefault | Problem
    """

    return sync_detailed(
        pool_id=pool_id,
        loan_id=loan_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    pool_id: UUID,
    loan_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: DefaultReport,
) -> Response[PoolDefault | Problem]:
    """Report a covered loan's default and claim compensation

     Pays compensation_bp of the defaulted outstanding from the pool, never beyond its balance.

    **Who may call:** `bank`.

    Args:
        pool_id (UUID):
        loan_id (UUID):
        body (DefaultReport):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PoolDefault | Problem]
    """

    kwargs = _get_kwargs(
        pool_id=pool_id,
        loan_id=loan_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    pool_id: UUID,
    loan_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: DefaultReport,
) -> PoolDefault | Problem | None:
    """Report a covered loan's default and claim compensation

     Pays compensation_bp of the defaulted outstanding from the pool, never beyond its balance.

    **Who may call:** `bank`.

    Args:
        pool_id (UUID):
        loan_id (UUID):
        body (DefaultReport):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PoolDefault | Problem
    """

    return (
        await asyncio_detailed(
            pool_id=pool_id,
            loan_id=loan_id,
            client=client,
            body=body,
        )
    ).parsed
