"""Public (`/v1/match`) and internal (`/internal/match`) operations of loan_match (CONTRACT §5)."""

from __future__ import annotations

import hashlib
import uuid
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Query, Request
from fastapi.responses import JSONResponse, Response

from kit.app import AppContext
from kit.deps import Session, idempotent
from kit.pagination import DEFAULT_LIMIT, Cursor, Limit, Page, decode_cursor, encode_cursor, invalid_cursor
from kit.principal import Principal, require_roles
from kit.problems import Problem, not_found
from kit.shapes import business_date
from kit.uscc import USCC
from services.loan_match import repository, schemas, service
from services.loan_match.rules import demand_state as demand_rules
from services.loan_match.rules.size import Figures, classify
from services.loan_match.rules.workdays import respond_by
from services.loan_match.tables import idempotency_keys

router = APIRouter(prefix="/v1/match", tags=["loan_match"])
internal_router = APIRouter(prefix="/internal/match", tags=["internal"])

Bank = Annotated[Principal, Depends(require_roles("bank"))]
PartnerApp = Annotated[Principal, Depends(require_roles("partner_app"))]
Admin = Annotated[Principal, Depends(require_roles("admin"))]
AnyRole = Annotated[
    Principal, Depends(require_roles("admin", "tax_authority", "bank", "guarantor", "partner_app"))
]
AppOrBank = Annotated[Principal, Depends(require_roles("partner_app", "bank"))]
IfNoneMatch = Annotated[str | None, Header(alias="If-None-Match")]
IDEMPOTENT = idempotent(idempotency_keys)


def _ctx(request: Request) -> AppContext:
    ctx: AppContext = request.app.state.ctx
    return ctx


def _catalogue(request: Request) -> service.Catalogue:
    catalogue: service.Catalogue = request.app.state.catalogue
    return catalogue


def _org(principal: Principal) -> str:
    assert principal.org_id is not None
    return principal.org_id


def _uuid_or_404(value: str, what: str) -> str:
    try:
        return str(uuid.UUID(value))
    except ValueError as exc:
        raise not_found(what) from exc


def _position(cursor: str | None) -> tuple[datetime, str] | None:
    position = decode_cursor(cursor)
    if position is None:
        return None
    try:
        return datetime.fromisoformat(position["created_at"]), str(uuid.UUID(position["id"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise invalid_cursor() from exc


def _next_cursor(rows: list[Any], limit: int) -> tuple[list[Any], str | None]:
    if len(rows) <= limit:
        return rows, None
    last = rows[limit - 1]
    return rows[:limit], encode_cursor({"created_at": last.created_at.isoformat(), "id": last.id})


def _with_etag(payload: Any, if_none_match: str | None) -> Response:
    """A JSON answer with a strong ETag; 304 when the client already holds this version."""
    body = JSONResponse(payload).body
    etag = f'"{hashlib.sha256(body).hexdigest()[:32]}"'
    if if_none_match is not None:
        offered = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
        if etag in offered or "*" in offered:
            return Response(status_code=304, headers={"ETag": etag})
    return Response(body, media_type="application/json", headers={"ETag": etag})


# ---- products ----------------------------------------------------------------------


@router.post("/products", status_code=201, dependencies=[IDEMPOTENT])
async def create_product(body: schemas.ProductCreate, bank: Bank, session: Session) -> schemas.Product:
    """Publish a loan product of the calling bank."""
    now = datetime.now(UTC)
    values = service.product_values(body)
    values.update(id=str(uuid.uuid4()), bank_org_id=_org(bank), active=True, created_at=now, updated_at=now)
    return service.product_out(await repository.insert_product(session, values))


@router.get("/products", response_model=Page[schemas.Product])
async def list_products(
    _: AnyRole,
    session: Session,
    bank_org_id: Annotated[uuid.UUID | None, Query(description="Only this bank's products.")] = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
    if_none_match: IfNoneMatch = None,
) -> Response:
    """Active products, oldest first. Answers an ETag; `If-None-Match` with it gives 304."""
    # A filter, not an object in the path: a malformed id is a 422, an unknown one an empty list.
    bank = str(bank_org_id) if bank_org_id is not None else None
    rows = await repository.list_products(session, bank_org_id=bank, after=_position(cursor), limit=limit)
    page, next_cursor = _next_cursor(list(rows), limit)
    payload = Page[schemas.Product](items=[service.product_out(r) for r in page], next_cursor=next_cursor)
    return _with_etag(payload.model_dump(mode="json"), if_none_match)


@router.get("/products/{product_id}", response_model=schemas.Product)
async def get_product(
    product_id: str, _: AnyRole, session: Session, if_none_match: IfNoneMatch = None
) -> Response:
    """One active product."""
    row = await repository.get_active_product(session, _uuid_or_404(product_id, "product"))
    if row is None:
        raise not_found("product")
    return _with_etag(service.product_out(row).model_dump(mode="json"), if_none_match)


@router.patch("/products/{product_id}")
async def update_product(
    product_id: str, body: schemas.ProductPatch, bank: Bank, session: Session
) -> schemas.Product:
    """Change the bank's own product; the result must be a consistent product."""
    row = await repository.lock_own_product(session, _uuid_or_404(product_id, "product"), _org(bank))
    if row is None:
        raise not_found("product")
    values = service.product_values(service.patched_fields(row, body))
    values["updated_at"] = datetime.now(UTC)
    return service.product_out(await repository.update_product(session, row.id, values))


@router.delete("/products/{product_id}", status_code=204)
async def retire_product(product_id: str, bank: Bank, session: Session) -> Response:
    """Retire the bank's own product: it is no longer listed or matched."""
    row = await repository.lock_own_product(session, _uuid_or_404(product_id, "product"), _org(bank))
    if row is None:
        raise not_found("product")
    await repository.retire_product(session, row.id, datetime.now(UTC))
    return Response(status_code=204)


# ---- enterprise profiles -----------------------------------------------------------


@router.put("/enterprises/{uscc}")
async def put_profile(
    uscc: USCC, body: schemas.ProfileIn, app: PartnerApp, session: Session
) -> schemas.Profile:
    """Create or replace the app's profile of an enterprise; size follows 工信部联企业〔2011〕300号."""
    now = datetime.now(UTC)
    if body.established_on > business_date(now):
        raise service.invalid(["established_on"], "must not be in the future")
    sized = classify(body.industry_code, Figures(body.employees, body.revenue_fen, body.total_assets_fen))
    values = body.model_dump()
    values.update(
        partner_app_id=_org(app),
        uscc=uscc,
        flags=list(dict.fromkeys(body.flags)),
        collateral=list(dict.fromkeys(body.collateral)),
        size=sized.size,
        size_basis=sized.basis,
        created_at=now,
        updated_at=now,
    )
    row = await repository.upsert_profile(session, values)
    return service.profile_out(row)


@router.get("/enterprises/{uscc}")
async def get_profile(uscc: USCC, app: PartnerApp, session: Session) -> schemas.Profile:
    """The app's own profile of an enterprise."""
    row = await repository.get_profile(session, _org(app), uscc)
    if row is None:
        raise not_found("enterprise profile")
    return service.profile_out(row)


# ---- matching ----------------------------------------------------------------------


@router.post("/queries", response_model=schemas.QueryResult)
async def query(body: schemas.QueryIn, app: PartnerApp, session: Session, request: Request) -> Response:
    """Match the enterprise against every active product: matches ranked by cost, and with
    `include_excluded` every other product with all the criteria it failed."""
    profile = await repository.get_profile(session, _org(app), body.uscc)
    if profile is None:
        raise not_found("enterprise profile")
    now = datetime.now(UTC)
    run = await service.run_match(
        session,
        _ctx(request).internal,
        _catalogue(request),
        profile=profile,
        amount_fen=body.amount_fen,
        term_months=body.term_months,
        include_excluded=body.include_excluded,
        today=business_date(now),
    )
    await repository.record_query(
        session,
        {
            "partner_app_id": _org(app),
            "uscc": body.uscc,
            "amount_fen": body.amount_fen,
            "term_months": body.term_months,
            "matched": run.matched,
            "degraded": run.degraded,
            "created_at": now,
        },
    )
    # Already JSON (schemas.QueryResult): a 2,000-product answer is built as plain data once.
    return Response(run.body, media_type="application/json")


# ---- demands -----------------------------------------------------------------------


@router.post("/demands", status_code=201, dependencies=[IDEMPOTENT])
async def create_demand(
    body: schemas.DemandIn, app: PartnerApp, session: Session, request: Request
) -> schemas.Demand:
    """Publish a financing demand; it goes to every bank with a matching product now."""
    profile = await repository.get_profile(session, _org(app), body.uscc)
    if profile is None:
        raise not_found("enterprise profile")
    now = datetime.now(UTC)
    run = await service.run_match(
        session,
        _ctx(request).internal,
        _catalogue(request),
        profile=profile,
        amount_fen=body.amount_fen,
        term_months=body.term_months,
        include_excluded=False,
        today=business_date(now),
    )
    values = {
        "id": str(uuid.uuid4()),
        "partner_app_id": _org(app),
        "uscc": body.uscc,
        "enterprise_name": profile.name,
        "industry_code": profile.industry_code,
        "region_code": profile.region_code,
        "size": profile.size,
        "amount_fen": body.amount_fen,
        "term_months": body.term_months,
        "purpose": body.purpose,
        "respond_by": respond_by(now),
        "created_at": now,
    }
    await repository.insert_demand(session, values, run.matched_banks)
    row = await repository.get_demand(session, values["id"], partner_app_id=_org(app))
    assert row is not None
    return (await _demands_out(session, [row], viewer=app))[0]


def _scope(principal: Principal) -> tuple[str | None, str | None]:
    """(partner_app_id, bank_org_id): what a caller may see of demands."""
    if principal.role == "partner_app":
        return _org(principal), None
    return None, _org(principal)


async def _demands_out(session: Session, rows: list[Any], *, viewer: Principal) -> list[schemas.Demand]:
    """Demands with their routes and responses; a bank sees only its own route and answers."""
    ids = [row.id for row in rows]
    routes = await repository.routes_of(session, ids)
    responses = await repository.responses_of(session, ids)
    today = business_date(datetime.now(UTC))
    out = []
    for row in rows:
        shown_routes, shown_answers = routes[row.id], responses[row.id]
        if viewer.role == "bank":
            # A bank sees the demand as it stands between the enterprise and itself: status
            # and overdue follow its own route and answers, so no competitor's move leaks.
            shown_routes = [b for b in shown_routes if b == viewer.org_id]
            shown_answers = [a for a in shown_answers if a.bank_org_id == viewer.org_id]
        rules = [demand_rules.Answer(a.bank_org_id, a.decision) for a in shown_answers]
        out.append(
            schemas.Demand(
                id=row.id,
                uscc=row.uscc,
                enterprise=schemas.EnterpriseSummary(
                    name=row.enterprise_name,
                    industry_code=row.industry_code,
                    region_code=row.region_code,
                    size=row.size,
                ),
                amount_fen=row.amount_fen,
                term_months=row.term_months,
                purpose=row.purpose,
                status=demand_rules.status(shown_routes, rules),
                routed_to=shown_routes,
                respond_by=row.respond_by,
                overdue=demand_rules.is_overdue(shown_routes, rules, row.respond_by, today),
                created_at=row.created_at,
                responses=[schemas.DemandResponse.model_validate(dict(a._mapping)) for a in shown_answers],
            )
        )
    return out


@router.get("/demands", response_model=Page[schemas.Demand])
async def list_demands(
    who: AppOrBank, session: Session, limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None
) -> Page[schemas.Demand]:
    """A partner app's own demands, or the demands routed to a bank; oldest first."""
    app_id, bank_id = _scope(who)
    rows = await repository.list_demands(
        session, partner_app_id=app_id, bank_org_id=bank_id, after=_position(cursor), limit=limit
    )
    page, next_cursor = _next_cursor(list(rows), limit)
    return Page[schemas.Demand](items=await _demands_out(session, page, viewer=who), next_cursor=next_cursor)


@router.get("/demands/{demand_id}")
async def get_demand(demand_id: str, who: AppOrBank, session: Session) -> schemas.Demand:
    """One demand with its responses."""
    app_id, bank_id = _scope(who)
    row = await repository.get_demand(
        session, _uuid_or_404(demand_id, "demand"), partner_app_id=app_id, bank_org_id=bank_id
    )
    if row is None:
        raise not_found("demand")
    return (await _demands_out(session, [row], viewer=who))[0]


def _check_response(body: schemas.ResponseIn) -> None:
    if body.decision == "declined" and body.reason is None:
        raise service.invalid(["reason"], "a reason is required when declining")
    if body.decision != "accepted" and body.offered_amount_fen is not None:
        raise service.invalid(["offered_amount_fen"], "only an acceptance offers an amount")
    if body.decision != "accepted" and body.annual_rate_bp is not None:
        raise service.invalid(["annual_rate_bp"], "only an acceptance offers a rate")


@router.post("/demands/{demand_id}/responses", status_code=201, dependencies=[IDEMPOTENT])
async def respond(
    demand_id: str, body: schemas.ResponseIn, bank: Bank, session: Session
) -> schemas.DemandResponse:
    """A routed bank accepts, declines (with a reason) or asks for more information."""
    _check_response(body)
    found = _uuid_or_404(demand_id, "demand")
    row = await repository.get_demand(session, found, bank_org_id=_org(bank), lock=True)
    if row is None:
        raise not_found("demand")
    answers = (await repository.responses_of(session, [row.id]))[row.id]
    if demand_rules.has_decided(
        _org(bank), [demand_rules.Answer(a.bank_org_id, a.decision) for a in answers]
    ):
        raise Problem(
            409, "demand-already-decided", "Your bank has already accepted or declined this demand."
        )
    values = body.model_dump()
    values.update(
        id=str(uuid.uuid4()), demand_id=row.id, bank_org_id=_org(bank), created_at=datetime.now(UTC)
    )
    return schemas.DemandResponse.model_validate(
        dict((await repository.insert_response(session, values))._mapping)
    )


# ---- statistics --------------------------------------------------------------------


@router.get("/stats")
async def stats(_: Admin, session: Session) -> schemas.Stats:
    """The matching funnel: products, enterprises, queries, demands, responded, accepted, overdue."""
    return schemas.Stats(**await repository.stats(session, business_date(datetime.now(UTC))))
