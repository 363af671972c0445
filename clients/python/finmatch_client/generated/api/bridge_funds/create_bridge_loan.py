from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.bridge_loan import BridgeLoan
from ...models.bridge_loan_create import BridgeLoanCreate
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    fund_id: UUID,
    *,
    body: BridgeLoanCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/guarantee/bridge-funds/{fund_id}/loans".format(
            fund_id=quote(str(fund_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BridgeLoan | Problem | None:
    if response.status_code == 201:
        response_201 = BridgeLoan.from_dict(response.json())

        return response_201

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
) -> Response[BridgeLoan | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    fund_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: BridgeLoanCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[BridgeLoan | Problem]:
    """Lend from a bridge fund to repay a maturing bank loan

     A bridge loan; fee = amount × daily_fee_bp × days / 10000 half up, due_on = start_date + days.

    **Who may call:** `fund_manager`.

    Args:
        fund_id (UUID):
        idempotency_key (None | str | Unset): Retry-safe key: the same key and body within 24 h
            return the first answer.
        body (BridgeLoanCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BridgeLoan | Problem]
    """

    kwargs = _get_kwargs(
        fund_id=fund_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    fund_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: BridgeLoanCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> BridgeLoan | Problem | None:
    """Lend from a bridge fund to repay a maturing bank loan

     A bridge loan; fee = amount × daily_fee_bp × days / 10000 half up, due_on = start_date + days.

    **Who may call:** `fund_manager`.

    Args:
        fund_id (UUID):
        idempotency_key (None | str | Unset): Retry-safe key: the same key and body within 24 h
            return the first answer.
        body (BridgeLoanCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BridgeLoan | Problem
    """

    return sync_detailed(
        fund_id=fund_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    fund_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: BridgeLoanCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[BridgeLoan | Problem]:
    """Lend from a bridge fund to repay a maturing bank loan

     A bridge loan; fee = amount × daily_fee_bp × days / 10000 half up, due_on = start_date + days.

    **Who may call:** `fund_manager`.

    Args:
        fund_id (UUID):
        idempotency_key (None | str | Unset): Retry-safe key: the same key and body within 24 h
            return the first answer.
        body (BridgeLoanCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BridgeLoan | Problem]
    """

    kwargs = _get_kwargs(
        fund_id=fund_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    fund_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: BridgeLoanCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> BridgeLoan | Problem | None:
    """Lend from a bridge fund to repay a maturing bank loan

     A bridge loan; fee = amount × daily_fee_bp × days / 10000 half up, due_on = start_date + days.

    **Who may call:** `fund_manager`.

    Args:
        fund_id (UUID):
        idempotency_key (None | str | Unset): Retry-safe key: the same key and body within 24 h
            return the first answer.
        body (BridgeLoanCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BridgeLoan | Problem
    """

    return (
        await asyncio_detailed(
            fund_id=fund_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
