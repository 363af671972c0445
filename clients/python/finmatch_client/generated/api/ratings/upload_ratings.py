from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.ingest_out import IngestOut
from ...models.problem import Problem
from ...models.upload_accepted import UploadAccepted
from ...models.upload_ratings_json_ratings_upload import UploadRatingsJsonRatingsUpload
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    *,
    body: UploadRatingsJsonRatingsUpload | File | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/credit/ratings",
    }

    if isinstance(body, UploadRatingsJsonRatingsUpload):
        _kwargs["json"] = body.to_dict()

        headers["Content-Type"] = "application/json"
    if isinstance(body, File):
        _kwargs["content"] = body.payload
        headers["Content-Type"] = (
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
    if isinstance(body, File):
        _kwargs["content"] = body.payload
        headers["Content-Type"] = "text/csv"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> IngestOut | Problem | UploadAccepted | None:
    if response.status_code == 200:
        response_200 = IngestOut.from_dict(response.json())

        return response_200

    if response.status_code == 202:
        response_202 = UploadAccepted.from_dict(response.json())

        return response_202

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

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
) -> Response[IngestOut | Problem | UploadAccepted]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: UploadRatingsJsonRatingsUpload | File | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[IngestOut | Problem | UploadAccepted]:
    """Upload taxpayer credit ratings

     Upload up to 10,000 纳税信用 ratings (levels A, B, M, C, D of 公告2025年第12号) as JSON, CSV or
    .xlsx; invalid items come back in `rejected`, the rest are stored, and banks are sent the push
    set A, B, M (税总发〔2019〕113号). A file of more than 10,000 rows is answered 202 and stored in
    the background (`GET /v1/credit/uploads/{id}`).

    **Who may call:** `tax_authority`.

    Args:
        idempotency_key (None | str | Unset): Retry-safe key: the same key and body within 24 h
            return the first answer.
        body (UploadRatingsJsonRatingsUpload):
        body (File):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IngestOut | Problem | UploadAccepted]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: UploadRatingsJsonRatingsUpload | File | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> IngestOut | Problem | UploadAccepted | None:
    """Upload taxpayer credit ratings

     Upload up to 10,000 纳税信用 ratings (levels A, B, M, C, D of 公告2025年第12号) as JSON, CSV or
    .xlsx; invalid items come back in `rejected`, the rest are stored, and banks are sent the push
    set A, B, M (税总发〔2019〕113号). A file of more than 10,000 rows is answered 202 and stored in
    the background (`GET /v1/credit/uploads/{id}`).

    **Who may call:** `tax_authority`.

    Args:
        idempotency_key (None | str | Unset): Retry-safe key: the same key and body within 24 h
            return the first answer.
        body (UploadRatingsJsonRatingsUpload):
        body (File):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IngestOut | Problem | UploadAccepted
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: UploadRatingsJsonRatingsUpload | File | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[IngestOut | Problem | UploadAccepted]:
    """Upload taxpayer credit ratings

     Upload up to 10,000 纳税信用 ratings (levels A, B, M, C, D of 公告2025年第12号) as JSON, CSV or
    .xlsx; invalid items come back in `rejected`, the rest are stored, and banks are sent the push
    set A, B, M (税总发〔2019〕113号). A file of more than 10,000 rows is answered 202 and stored in
    the background (`GET /v1/credit/uploads/{id}`).

    **Who may call:** `tax_authority`.

    Args:
        idempotency_key (None | str | Unset): Retry-safe key: the same key and body within 24 h
            return the first answer.
        body (UploadRatingsJsonRatingsUpload):
        body (File):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IngestOut | Problem | UploadAccepted]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: UploadRatingsJsonRatingsUpload | File | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> IngestOut | Problem | UploadAccepted | None:
    """Upload taxpayer credit ratings

     Upload up to 10,000 纳税信用 ratings (levels A, B, M, C, D of 公告2025年第12号) as JSON, CSV or
    .xlsx; invalid items come back in `rejected`, the rest are stored, and banks are sent the push
    set A, B, M (税总发〔2019〕113号). A file of more than 10,000 rows is answered 202 and stored in
    the background (`GET /v1/credit/uploads/{id}`).

    **Who may call:** `tax_authority`.

    Args:
        idempotency_key (None | str | Unset): Retry-safe key: the same key and body within 24 h
            return the first answer.
        body (UploadRatingsJsonRatingsUpload):
        body (File):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IngestOut | Problem | UploadAccepted
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
