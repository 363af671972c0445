"""Listing cooperation agreements, `GET /v1/guarantee/agreements[/{id}]` (CONTRACT §4): admin and the
national fund all, a bank and a local guarantor their own, a provincial those of its locals."""

from __future__ import annotations

import datetime as dt
from uuid import UUID

from fastapi import APIRouter, Response

from kit.deps import Session
from kit.etags import tag
from kit.openapi_docs import problems
from kit.pagination import DEFAULT_LIMIT, Cursor, Limit, Page, decode_cursor, invalid_cursor, page_of
from services.guarantee import answers, schemas
from services.guarantee.repository import Repository
from services.guarantee.routes import Viewer, _is_uuid
from services.guarantee.service import agreements

agreements_router = APIRouter(prefix="/v1/guarantee")


def _after_created(cursor: str | None) -> tuple[dt.datetime, str] | None:
    """The (created_at, id) a cursor of ``list_agreements`` resumes after."""
    position = decode_cursor(cursor)
    if position is None:
        return None
    try:
        moment = dt.datetime.fromisoformat(str(position.get("t")))
    except ValueError as exc:
        raise invalid_cursor() from exc
    after = position.get("id")
    # Ours are aware and near now; an extreme date would overflow on its way to the database.
    if moment.tzinfo is None or not 2000 <= moment.year <= 9000 or not _is_uuid(after):
        raise invalid_cursor()
    return moment, str(after)


@agreements_router.get(
    "/agreements",
    responses=problems(s422="invalid-cursor"),
    operation_id="listAgreements",
    summary="List the cooperation agreements you belong to",
    tags=["agreements"],
)
async def list_agreements(
    principal: Viewer, session: Session, limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None
) -> Page[schemas.Agreement]:
    """The agreements you may see, oldest first: admin and the national fund all, a bank and a
    local guarantor their own, a provincial re-guarantor those of its local guarantors."""
    rows = await agreements.list_agreements(
        Repository(session), principal, after=lambda: _after_created(cursor), limit=limit
    )
    page, next_cursor = page_of(rows, limit, lambda row: {"t": row.created_at.isoformat(), "id": row.id})
    return Page[schemas.Agreement](items=[answers.agreement(r) for r in page], next_cursor=next_cursor)


@agreements_router.get(
    "/agreements/{agreement_id}",
    operation_id="getAgreement",
    summary="Get one cooperation agreement",
    tags=["agreements"],
)
async def get_agreement(
    agreement_id: UUID, principal: Viewer, session: Session, response: Response
) -> schemas.Agreement:
    """An agreement, for admin, its bank, its guarantor and the guarantor's ancestors."""
    row = await agreements.visible_agreement(Repository(session), principal, str(agreement_id))
    return tag(response.headers, answers.agreement(row))
