import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.summary import Summary
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    year: int | None | Unset = UNSET,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    region_code: None | str | Unset = UNSET,
    accept: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(accept, Unset):
        headers["accept"] = accept

    params: dict[str, Any] = {}

    json_year: int | None | Unset
    if isinstance(year, Unset):
        json_year = UNSET
    else:
        json_year = year
    params["year"] = json_year

    json_from_: None | str | Unset
    if isinstance(from_, Unset):
        json_from_ = UNSET
    elif isinstance(from_, datetime.date):
        json_from_ = from_.isoformat()
    else:
        json_from_ = from_
    params["from"] = json_from_

    json_to: None | str | Unset
    if isinstance(to, Unset):
        json_to = UNSET
    elif isinstance(to, datetime.date):
        json_to = to.isoformat()
    else:
        json_to = to
    params["to"] = json_to

    json_region_code: None | str | Unset
    if isinstance(region_code, Unset):
        json_region_code = UNSET
    else:
        json_region_code = region_code
    params["region_code"] = json_region_code

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/guarantee/reports/summary",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | Summary | None:
    if response.status_code == 200:
        response_200 = Summary.from_dict(response.json())

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
) -> Response[Problem | Summary]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    year: int | None | Unset = UNSET,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    region_code: None | str | Unset = UNSET,
    accept: None | str | Unset = UNSET,
) -> Response[Problem | Summary]:
    """Guarantee business summary (balances, defaults, compensations)

     Policy figures: all for admin and the national fund, a provincial its subtree; balances as of
    `to` (default today), 代偿 and 追偿 from `from` to `to`; `by_region` per 市州.

    **Who may call:** `admin`, `guarantor`, `regulator`.

    Args:
        year (int | None | Unset): Short for from=Y-01-01&to=Y-12-31.
        from_ (datetime.date | None | Unset): Inclusive, Asia/Shanghai.
        to (datetime.date | None | Unset): Inclusive; balances are as of this day (default today),
            flows up to it.
        region_code (None | str | Unset): One 市州 (six digits): narrows the figures by the USCC.
        accept (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Summary]
    """

    kwargs = _get_kwargs(
        year=year,
        from_=from_,
        to=to,
        region_code=region_code,
        accept=accept,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    year: int | None | Unset = UNSET,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    region_code: None | str | Unset = UNSET,
    accept: None | str | Unset = UNSET,
) -> Problem | Summary | None:
    """Guarantee business summary (balances, defaults, compensations)

     Policy figures: all for admin and the national fund, a provincial its subtree; balances as of
    `to` (default today), 代偿 and 追偿 from `from` to `to`; `by_region` per 市州.

    **Who may call:** `admin`, `guarantor`, `regulator`.

    Args:
        year (int | None | Unset): Short for from=Y-01-01&to=Y-12-31.
        from_ (datetime.date | None | Unset): Inclusive, Asia/Shanghai.
        to (datetime.date | None | Unset): Inclusive; balances are as of this day (default today),
            flows up to it.
        region_code (None | str | Unset): One 市州 (six digits): narrows the figures by the USCC.
        accept (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Summary
    """

    return sync_detailed(
        client=client,
        year=year,
        from_=from_,
        to=to,
        region_code=region_code,
        accept=accept,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    year: int | None | Unset = UNSET,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    region_code: None | str | Unset = UNSET,
    accept: None | str | Unset = UNSET,
) -> Response[Problem | Summary]:
    """Guarantee business summary (balances, defaults, compensations)

     Policy figures: all for admin and the national fund, a provincial its subtree; balances as of
    `to` (default today), 代偿 and 追偿 from `from` to `to`; `by_region` per 市州.

    **Who may call:** `admin`, `guarantor`, `regulator`.

    Args:
        year (int | None | Unset): Short for from=Y-01-01&to=Y-12-31.
        from_ (datetime.date | None | Unset): Inclusive, Asia/Shanghai.
        to (datetime.date | None | Unset): Inclusive; balances are as of this day (default today),
            flows up to it.
        region_code (None | str | Unset): One 市州 (six digits): narrows the figures by the USCC.
        accept (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Summary]
    """

    kwargs = _get_kwargs(
        year=year,
        from_=from_,
        to=to,
        region_code=region_code,
        accept=accept,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    year: int | None | Unset = UNSET,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    region_code: None | str | Unset = UNSET,
    accept: None | str | Unset = UNSET,
) -> Problem | Summary | None:
    """Guarantee business summary (balances, defaults, compensations)

     Policy figures: all for admin and the national fund, a provincial its subtree; balances as of
    `to` (default today), 代偿 and 追偿 from `from` to `to`; `by_region` per 市州.

    **Who may call:** `admin`, `guarantor`, `regulator`.

    Args:
        year (int | None | Unset): Short for from=Y-01-01&to=Y-12-31.
        from_ (datetime.date | None | Unset): Inclusive, Asia/Shanghai.
        to (datetime.date | None | Unset): Inclusive; balances are as of this day (default today),
            flows up to it.
        region_code (None | str | Unset): One 市州 (six digits): narrows the figures by the USCC.
        accept (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Summary
    """

    return (
        await asyncio_detailed(
            client=client,
            year=year,
            from_=from_,
            to=to,
            region_code=region_code,
            accept=accept,
        )
    ).parsed
