"""The access log: who read which enterprise's non-public data (CONTRACT §3 "Access log")."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Query

from kit.deps import Session
from kit.pagination import DEFAULT_LIMIT, Cursor, Limit, Page, page_of
from kit.principal import Principal, require_roles
from kit.uscc import USCC
from services.credit_push.routes.common import aware, org_of
from services.credit_push.routes.paging import after_of
from services.credit_push.schemas.access_log import AccessEntryOut
from services.credit_push.service import access_log

router = APIRouter(prefix="/v1/credit")
LogReader = Annotated[Principal, Depends(require_roles("tax_authority", "admin", "partner_app"))]


@router.get(
    "/access-log",
    response_model=Page[AccessEntryOut],
    operation_id="listAccessLog",
    summary="List who read which enterprise's rating",
    tags=["access log"],
)
async def access_log_list(
    principal: LogReader,
    session: Session,
    uscc: Annotated[USCC | None, Query()] = None,
    since: Annotated[datetime | None, Query(description="RFC 3339; entries at or after it.")] = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Page[AccessEntryOut]:
    """Who read which enterprise's non-public data, newest first; an app sees its enterprises only."""
    where = access_log.LogQuery(uscc, aware(since) if since else None, principal.role, org_of(principal))
    items = await access_log.list_for(session, where, after_of(cursor), limit)
    page, next_cursor = page_of(items, limit, lambda e: {"t": e.at.isoformat(), "id": str(e.id)})
    return Page[AccessEntryOut](items=page, next_cursor=next_cursor)
