"""The 红黑榜, the public A list and the standing read (CONTRACT §3 "Blacklist").

Each operation parses the request, calls one use case of ``service.blacklist`` and shapes the
answer (the page and its cursor).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from kit.deps import Session
from kit.pagination import DEFAULT_LIMIT, Cursor, Limit, Page, page_of
from kit.principal import CurrentPrincipal
from kit.uscc import USCC
from services.credit_push.routes.common import IDEMPOTENT, LoanMatch, Reader, TaxAuthority, uuid_of
from services.credit_push.routes.paging import after_of, keyset_page, uscc_after_of
from services.credit_push.schemas.blacklist import AListItem, BlacklistIn, BlacklistOut, StandingOut
from services.credit_push.service import blacklist

router = APIRouter(prefix="/v1/credit")
internal_router = APIRouter(prefix="/internal/credit", tags=["internal"])


@router.post(
    "/blacklist",
    status_code=201,
    response_model=BlacklistOut,
    dependencies=[IDEMPOTENT],
    operation_id="createBlacklistEntry",
    summary="Put an enterprise on the blacklist",
    tags=["blacklist"],
)
async def add_entry(body: BlacklistIn, _: TaxAuthority, session: Session) -> BlacklistOut:
    """Publish a 重大税收违法失信主体 entry; its rating counts as D, banks holding it get `withdrawn`."""
    return await blacklist.add(session, body)


@router.delete(
    "/blacklist/{entry_id}",
    status_code=204,
    responses={404: {}},
    operation_id="endBlacklistEntry",
    summary="End a blacklist entry",
    tags=["blacklist"],
)
async def end_entry(entry_id: str, _: TaxAuthority, session: Session) -> Response:
    """信用修复: end the entry early; banks entitled again are sent the rating."""
    await blacklist.remove(session, uuid_of(entry_id, "blacklist entry"))
    return Response(status_code=204)


@router.get(
    "/blacklist",
    response_model=Page[BlacklistOut],
    operation_id="listBlacklist",
    summary="List the blacklist (dishonest-taxpayer list) entries",
    tags=["blacklist"],
)
async def list_entries(
    _: Reader, session: Session, limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None
) -> Page[BlacklistOut]:
    """The entries in force, oldest first."""
    items = await blacklist.listed(session, after_of(cursor), limit)
    return keyset_page(items, limit)


@router.get(
    "/a-list",
    response_model=Page[AListItem],
    operation_id="listAList",
    summary="List the year's A-rated enterprises (the published red list)",
    tags=["ratings"],
)
async def a_list(
    _: CurrentPrincipal,
    session: Session,
    year: Annotated[int | None, Query(description="Evaluation year; default the latest published.")] = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Page[AListItem]:
    """The public 纳税信用A级纳税人名单 of an evaluation year, by uscc; blacklisted enterprises left out."""
    after = uscc_after_of(cursor)
    items = await blacklist.a_list(session, year, after, limit)
    page, next_cursor = page_of(items, limit, lambda e: {"uscc": e.uscc})
    return Page[AListItem](items=page, next_cursor=next_cursor)


@internal_router.get("/standing/{uscc}", response_model=StandingOut)
async def standing(uscc: USCC, _: LoanMatch, session: Session) -> StandingOut:
    """Whether the enterprise is on the 红黑榜 now; public data, so no authorisation is needed."""
    return await blacklist.standing(session, uscc)
