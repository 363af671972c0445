"""What every route module of loan_match shares: the request's peers and catalogue, the caller,
creating POSTs, list cursors and the ETag answer of cached reads."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Request
from fastapi.responses import Response
from fastapi.types import DecoratedCallable
from pydantic import BaseModel

from kit.app import AppContext
from kit.deps import idempotent
from kit.etags import body_of, etag_of
from kit.internal import InternalClient
from kit.openapi_docs import problems
from kit.pagination import decode_cursor, invalid_cursor
from kit.principal import Principal
from services.loan_match.repository.rows import Position
from services.loan_match.service.common import Caller
from services.loan_match.service.matching import Matcher
from services.loan_match.tables import idempotency_keys

PREFIX = "/v1/match"

IfNoneMatch = Annotated[str | None, Header(alias="If-None-Match")]
IDEMPOTENT = idempotent(idempotency_keys)
# A query and a demand both match an enterprise the app has put a profile of first.
NO_PROFILE = problems(s404="not-found (the app has no profile of the enterprise)")


async def _internal(request: Request) -> InternalClient:
    ctx: AppContext = request.app.state.ctx
    return ctx.internal


async def _matcher(request: Request) -> Matcher:
    return Matcher(await _internal(request), request.app.state.catalogue)


Internal = Annotated[InternalClient, Depends(_internal)]
Matching = Annotated[Matcher, Depends(_matcher)]


def created(
    router: APIRouter,
    path: str,
    *,
    operation_id: str,
    summary: str,
    responses: dict[int | str, dict[str, Any]] | None = None,
) -> Callable[[DecoratedCallable], DecoratedCallable]:
    """A creating POST: 201, and idempotent (a repeated Idempotency-Key gets the first answer again)."""
    return router.post(
        path,
        status_code=201,
        dependencies=[IDEMPOTENT],
        responses=responses,
        operation_id=operation_id,
        summary=summary,
    )


def org(principal: Principal) -> str:
    assert principal.org_id is not None
    return principal.org_id


def caller(principal: Principal) -> Caller:
    return Caller(org_id=org(principal), role=principal.role)


def position(cursor: str | None) -> Position | None:
    """Where a list resumes, from the ``cursor`` of the page before (one we did not hand out is refused)."""
    found = decode_cursor(cursor)
    if found is None:
        return None
    try:
        return datetime.fromisoformat(found["created_at"]), str(uuid.UUID(found["id"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise invalid_cursor() from exc


def with_etag(answer: BaseModel, if_none_match: str | None) -> Response:
    """A JSON answer with a strong ETag (kit/etags.py); 304 when the client already holds this version."""
    body, etag = body_of(answer), etag_of(answer)
    if if_none_match is not None:
        offered = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
        if etag in offered or "*" in offered:
            return Response(status_code=304, headers={"ETag": etag})
    return Response(body, media_type="application/json", headers={"ETag": etag})
