from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.key_out import KeyOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    org_id: str,
    *,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/orgs/{org_id}/keys".format(
            org_id=quote(str(org_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> KeyOut | Problem | None:
    if response.status_code == 201:
        response_201 = KeyOut.from_dict(response.json())

        return response_201

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

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[KeyOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    org_id: str,
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[KeyOut | Problem]:
    """Issue an API key for an organisation

     Issue a new API key for the organisation: the key is shown once, in this answer, and stored only as
    a hash (CONTRACT §2).

    **Who may call:** `admin`.

    Args:
        org_id (str):
        idempotency_key (None | str | Unset): Retry-safe key: the same key and body within 24 h
            return the first answer.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[KeyOut | Problem]
    """

    kwargs = _get_kwargs(
        org_id=org_id,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    org_id: str,
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: None | str | Unset = UNSET,
) -> KeyOut | Problem | None:
    """Issue an API key for an organisation

     Issue a new API key for the organisation: the key is shown once, in this answer, and stored only as
    a hash (CONTRACT §2).

    **Who may call:** `admin`.

    Args:
        org_id (str):
        idempotency_key (None | str | Unset): Retry-safe key: the same key and body within 24 h
            return the first answer.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        KeyOut | Problem
    """

    return sync_detailed(
        org_id=org_id,
        client=client,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    org_id: str,
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[KeyOut | Problem]:
    """Issue an API key for an organisation

     Issue a new API key for the organisation: the key is shown once, in this answer, and stored only as
    a hash (CONTRACT §2).

    **Who may call:** `admin`.

    Args:
        org_id (str):
        idempotency_key (None | str | Unset): Retry-safe key: the same key and body within 24 h
            return the first answer.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[KeyOut | Problem]
    """

    kwargs = _get_kwargs(
        org_id=org_id,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    org_id: str,
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: None | str | Unset = UNSET,
) -> KeyOut | Problem | None:
    """Issue an API key for an organisation

     Issue a new API key for the organisation: the key is shown once, in this answer, and stored only as
    a hash (CONTRACT §2).

    **Who may call:** `admin`.

    Args:
        org_id (str):
        idempotency_key (None | str | Unset): Retry-safe key: the same key and body within 24 h
            return the first answer.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        KeyOut | Problem
    """

    return (
        await asyncio_detailed(
            org_id=org_id,
            client=client,
            idempotency_key=idempotency_key,
        )
    ).parsed
