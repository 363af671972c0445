from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.subscription_out import SubscriptionOut
from ...models.subscription_patch import SubscriptionPatch
from ...types import UNSET, Response, Unset


def _get_kwargs(
    sub_id: str,
    *,
    body: SubscriptionPatch,
    if_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/credit/subscriptions/{sub_id}".format(
            sub_id=quote(str(sub_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | SubscriptionOut | None:
    if response.status_code == 200:
        response_200 = SubscriptionOut.from_dict(response.json())

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

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

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
) -> Response[Problem | SubscriptionOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    sub_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: SubscriptionPatch,
    if_match: None | str | Unset = UNSET,
) -> Response[Problem | SubscriptionOut]:
    """Change a subscription (URL, filter, pause)

     Pause or resume (pending deliveries wait while paused), or change the URL or filters; with
    `If-Match`, a subscription changed since you read it is a 412 and nothing changes.

    **Who may call:** `bank`.

    Args:
        sub_id (str):
        if_match (None | str | Unset): The ETag you read: a stale one is a 412.
        body (SubscriptionPatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SubscriptionOut]
    """

    kwargs = _get_kwargs(
        sub_id=sub_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    sub_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: SubscriptionPatch,
    if_match: None | str | Unset = UNSET,
) -> Problem | SubscriptionOut | None:
    """Change a subscription (URL, filter, pause)

     Pause or resume (pending deliveries wait while paused), or change the URL or filters; with
    `If-Match`, a subscription changed since you read it is a 412 and nothing changes.

    **Who may call:** `bank`.

    Args:
        sub_id (str):
        if_match (None | str | Unset): The ETag you read: a stale one is a 412.
        body (SubscriptionPatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SubscriptionOut
    """

    return sync_detailed(
        sub_id=sub_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    sub_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: SubscriptionPatch,
    if_match: None | str | Unset = UNSET,
) -> Response[Problem | SubscriptionOut]:
    """Change a subscription (URL, filter, pause)

     Pause or resume (pending deliveries wait while paused), or change the URL or filters; with
    `If-Match`, a subscription changed since you read it is a 412 and nothing changes.

    **Who may call:** `bank`.

    Args:
        sub_id (str):
        if_match (None | str | Unset): The ETag you read: a stale one is a 412.
        body (SubscriptionPatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SubscriptionOut]
    """

    kwargs = _get_kwargs(
        sub_id=sub_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    sub_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: SubscriptionPatch,
    if_match: None | str | Unset = UNSET,
) -> Problem | SubscriptionOut | None:
    """Change a subscription (URL, filter, pause)

     Pause or resume (pending deliveries wait while paused), or change the URL or filters; with
    `If-Match`, a subscription changed since you read it is a 412 and nothing changes.

    **Who may call:** `bank`.

    Args:
        sub_id (str):
        if_match (None | str | Unset): The ETag you read: a stale one is a 412.
        body (SubscriptionPatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SubscriptionOut
    """

    return (
        await asyncio_detailed(
            sub_id=sub_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
