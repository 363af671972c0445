"""Public (`/v1/credit`) and internal (`/internal/credit`) operations of credit_push (CONTRACT §3)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request, Response

from kit.deps import Session
from kit.money import ratio_bp
from kit.pagination import (
    DEFAULT_LIMIT,
    Cursor,
    Limit,
    Page,
    decode_cursor,
    encode_cursor,
    invalid_cursor,
    page_of,
)
from kit.principal import Principal, ServicePrincipal, require_roles
from kit.problems import Problem, not_found
from kit.uscc import USCC
from services.credit_push import repository as repo
from services.credit_push import service
from services.credit_push.deps import idempotent
from services.credit_push.rules.entitlement import read_view
from services.credit_push.rules.urls import UnsafeUrl
from services.credit_push.schemas import (
    ConsentIn,
    ConsentOut,
    DeliveryCounts,
    DeliveryOut,
    EventOut,
    FeedPage,
    IngestOut,
    InternalRatingOut,
    OutcomeIn,
    OutcomeOut,
    RatingOut,
    RatingsUpload,
    RecoverIn,
    RecoverOut,
    RejectedItem,
    SecretOut,
    StatsOut,
    SubscriptionCreated,
    SubscriptionIn,
    SubscriptionOut,
    SubscriptionPatch,
)
from services.credit_push.ssrf import check_url
from services.credit_push.webhooks import ROTATION_OVERLAP, event_json, new_secret

router = APIRouter(prefix="/v1/credit", tags=["credit_push"])
internal_router = APIRouter(prefix="/internal/credit", tags=["internal"])

TaxAuthority = Annotated[Principal, Depends(require_roles("tax_authority"))]
Reader = Annotated[Principal, Depends(require_roles("tax_authority", "admin", "bank"))]
Partner = Annotated[Principal, Depends(require_roles("partner_app"))]
PartnerOrBank = Annotated[Principal, Depends(require_roles("partner_app", "bank"))]
Bank = Annotated[Principal, Depends(require_roles("bank"))]
Regulator = Annotated[Principal, Depends(require_roles("admin", "tax_authority"))]


def _now() -> datetime:
    return datetime.now(UTC)


def _id(raw: str, what: str) -> uuid.UUID:
    try:
        return uuid.UUID(raw)
    except ValueError as exc:
        raise not_found(what) from exc


def _org(principal: Principal) -> str:
    assert principal.org_id is not None
    return principal.org_id


def _after(cursor: str | None) -> tuple[datetime, uuid.UUID] | None:
    position = decode_cursor(cursor)
    if position is None:
        return None
    try:
        return datetime.fromisoformat(position["t"]), uuid.UUID(position["id"])
    except (KeyError, TypeError, ValueError) as exc:
        raise invalid_cursor() from exc


def _position(row: Any) -> dict[str, str]:
    return {"t": row.created_at.isoformat(), "id": str(row.id)}


# --- ratings -------------------------------------------------------------------------------


@router.post("/ratings", response_model=IngestOut, dependencies=[idempotent])
async def upload_ratings(body: RatingsUpload, _: TaxAuthority, session: Session) -> IngestOut:
    """Upload up to 10,000 ratings; invalid items come back in `rejected`, the rest are stored."""
    result = await service.ingest(session, body.items, _now())
    rejected = [RejectedItem(index=r.index, uscc=r.uscc, detail=r.detail) for r in result.rejected]
    return IngestOut(accepted=result.accepted, unchanged=result.unchanged, rejected=rejected)


@router.get(
    "/ratings/{uscc}", response_model=RatingOut, response_model_exclude_unset=True, responses={404: {}}
)
async def get_rating(uscc: USCC, principal: Reader, session: Session) -> RatingOut:
    """An enterprise's current rating; a bank sees it only when entitled (404 otherwise)."""
    found = await repo.current_rating(session, uscc)
    if found is None:
        raise not_found("rating")
    current, updated_at = found
    full = True
    if principal.role == "bank":
        consented = await repo.has_consent(session, _org(principal), uscc, service.business_today(_now()))
        view = read_view(current.rating, consented)
        if view is None:
            raise not_found("rating")
        full = view == "full"
    out = RatingOut(
        uscc=current.uscc,
        name=current.name,
        rating=current.rating,
        year=current.year,
        version=current.version,
        updated_at=updated_at,
    )
    if full:
        out.avg_annual_tax_fen = current.avg_annual_tax_fen
    return out


@internal_router.get("/ratings/{uscc}", response_model=InternalRatingOut, responses={404: {}})
async def internal_get_rating(uscc: USCC, _: ServicePrincipal, session: Session) -> InternalRatingOut:
    """The current rating (latest year, any level) with the tax figure, for loan_match."""
    found = await repo.current_rating(session, uscc)
    if found is None:
        raise not_found("rating")
    current, updated_at = found
    return InternalRatingOut(
        uscc=current.uscc,
        name=current.name,
        rating=current.rating,
        year=current.year,
        version=current.version,
        updated_at=updated_at,
        avg_annual_tax_fen=current.avg_annual_tax_fen,
    )


# --- consents ------------------------------------------------------------------------------


def _consent_out(row: Any, today: Any) -> ConsentOut:
    status = row.status
    if status == "active" and row.expires_on is not None and row.expires_on < today:
        status = "expired"  # the sweep has not run yet; the consent grants nothing already
    return ConsentOut(
        id=row.id,
        uscc=row.uscc,
        bank_org_id=row.bank_org_id,
        partner_org_id=row.partner_org_id,
        evidence_ref=row.evidence_ref,
        status=status,
        expires_on=row.expires_on,
        created_at=row.created_at,
        ended_at=row.ended_at,
    )


@router.post("/consents", status_code=201, response_model=ConsentOut, dependencies=[idempotent])
async def give_consent(body: ConsentIn, principal: Partner, request: Request, session: Session) -> ConsentOut:
    """Record an enterprise's consent for one named bank to see its rating and tax figure."""
    now = _now()
    today = service.business_today(now)
    if body.expires_on is not None and body.expires_on < today:
        raise Problem(
            422,
            "invalid-expires-on",
            f"expires_on {body.expires_on} is already past (today is {today}, Asia/Shanghai).",
            errors=[{"loc": ["body", "expires_on"], "msg": "must be today or later"}],
        )
    bank = await request.app.state.ctx.internal.require_org(str(body.bank_org_id), "bank", "bank_org_id")
    consent_id = uuid.uuid4()
    values = {
        "id": consent_id,
        "uscc": body.uscc,
        "bank_org_id": body.bank_org_id,
        "partner_org_id": uuid.UUID(_org(principal)),
        "evidence_ref": body.evidence_ref,
        "expires_on": body.expires_on,
        "status": "active",
        "created_at": now,
    }
    await service.give_consent(session, values, bank.name, now)
    row = await repo.get_consent(session, consent_id)
    return _consent_out(row, today)


@router.delete("/consents/{consent_id}", status_code=204, responses={404: {}})
async def revoke_consent(consent_id: str, principal: Partner, session: Session) -> Response:
    """Revoke a consent you recorded; banks that were sent the enterprise get a `withdrawn`."""
    row = await repo.get_consent(session, _id(consent_id, "consent"))
    if row is None or str(row.partner_org_id) != _org(principal):
        raise not_found("consent")
    if row.status == "active":
        await service.revoke_consent(session, row, _now())
    return Response(status_code=204)


@router.get("/consents", response_model=Page[ConsentOut])
async def list_consents(
    principal: PartnerOrBank,
    session: Session,
    uscc: Annotated[USCC | None, Query()] = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Page[ConsentOut]:
    """Consents you recorded (partner app) or that were granted to you (bank), oldest first."""
    column = "partner_org_id" if principal.role == "partner_app" else "bank_org_id"
    rows = await repo.list_consents(
        session, column=column, org_id=_org(principal), uscc=uscc, after=_after(cursor), limit=limit
    )
    page, next_cursor = page_of(rows, limit, _position)
    today = service.business_today(_now())
    return Page[ConsentOut](items=[_consent_out(r, today) for r in page], next_cursor=next_cursor)


# --- subscriptions -------------------------------------------------------------------------


async def _check_url(request: Request, url: str) -> None:
    try:
        await check_url(url, request.app.state.settings.webhook_allow_private)
    except UnsafeUrl as exc:
        raise Problem(
            422, "unsafe-webhook-url", f"url: {exc}.", errors=[{"loc": ["body", "url"], "msg": str(exc)}]
        ) from exc


def _subscription_out(row: Any) -> SubscriptionOut:
    return SubscriptionOut(
        id=row.id,
        url=row.url,
        status=row.status,
        paused_reason=row.paused_reason,
        min_rating=row.min_rating,
        region_codes=list(row.region_codes) if row.region_codes else None,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


async def _own_subscription(
    session: Session, principal: Principal, sub_id: str, *, lock: bool = False
) -> Any:
    row = await repo.get_subscription(session, _org(principal), _id(sub_id, "subscription"), for_update=lock)
    if row is None:
        raise not_found("subscription")
    return row


@router.post("/subscriptions", status_code=201, response_model=SubscriptionCreated, dependencies=[idempotent])
async def subscribe(
    body: SubscriptionIn, principal: Bank, request: Request, session: Session
) -> SubscriptionCreated:
    """Receive events addressed to you from now on as signed Standard Webhooks."""
    await _check_url(request, body.url)
    now = _now()
    await service.learn_banks(session, [(_org(principal), principal.name)], now)
    values = {
        "id": uuid.uuid4(),
        "bank_org_id": uuid.UUID(_org(principal)),
        "url": body.url,
        "status": "active",
        "min_rating": body.min_rating,
        "region_codes": body.region_codes,
        "secret": new_secret(),
        "created_at": now,
        "updated_at": now,
    }
    await repo.insert_subscription(session, values)
    row = await _own_subscription(session, principal, str(values["id"]))
    return SubscriptionCreated(**_subscription_out(row).model_dump(), secret=values["secret"])


@router.get("/subscriptions", response_model=Page[SubscriptionOut])
async def list_subscriptions(
    principal: Bank, session: Session, limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None
) -> Page[SubscriptionOut]:
    """Your subscriptions, oldest first (secrets are never shown again)."""
    rows = await repo.list_subscriptions(session, _org(principal), _after(cursor), limit)
    page, next_cursor = page_of(rows, limit, _position)
    return Page[SubscriptionOut](items=[_subscription_out(r) for r in page], next_cursor=next_cursor)


@router.get("/subscriptions/{sub_id}", response_model=SubscriptionOut, responses={404: {}})
async def get_subscription(sub_id: str, principal: Bank, session: Session) -> SubscriptionOut:
    return _subscription_out(await _own_subscription(session, principal, sub_id))


@router.patch("/subscriptions/{sub_id}", response_model=SubscriptionOut, responses={404: {}})
async def patch_subscription(
    sub_id: str, body: SubscriptionPatch, principal: Bank, request: Request, session: Session
) -> SubscriptionOut:
    """Pause or resume (pending deliveries wait while paused), or change the URL or filters."""
    row = await _own_subscription(session, principal, sub_id, lock=True)
    changes: dict[str, Any] = body.model_dump(exclude_unset=True)
    if changes.get("url") is None:
        changes.pop("url", None)
    else:
        await _check_url(request, changes["url"])
    if changes.get("status") is None:
        changes.pop("status", None)
    elif changes["status"] == "active":
        changes["paused_reason"] = None
    elif row.status == "active":
        changes["paused_reason"] = "paused by the bank"
    if changes:
        await repo.update_subscription(session, row.id, {**changes, "updated_at": _now()})
    return _subscription_out(await _own_subscription(session, principal, sub_id))


@router.delete("/subscriptions/{sub_id}", status_code=204, responses={404: {}})
async def delete_subscription(sub_id: str, principal: Bank, session: Session) -> Response:
    """Stop the subscription; its pending deliveries are dropped, its events stay in the feed."""
    row = await _own_subscription(session, principal, sub_id)
    # Deliveries first, then the subscription: the dispatcher's record step locks in that order too.
    await repo.drop_pending_deliveries(session, row.id)
    await repo.update_subscription(session, row.id, {"status": "deleted", "updated_at": _now()})
    return Response(status_code=204)


@router.post("/subscriptions/{sub_id}/rotate-secret", response_model=SecretOut, responses={404: {}})
async def rotate_secret(sub_id: str, principal: Bank, session: Session) -> SecretOut:
    """A new secret; the old one keeps signing too (both signatures) for 24 hours."""
    row = await _own_subscription(session, principal, sub_id, lock=True)
    now = _now()
    secret = new_secret()
    until = now + ROTATION_OVERLAP
    await repo.update_subscription(
        session,
        row.id,
        {"secret": secret, "previous_secret": row.secret, "previous_secret_until": until, "updated_at": now},
    )
    return SecretOut(secret=secret, previous_secret_valid_until=until)


@router.post(
    "/subscriptions/{sub_id}/recover", status_code=202, response_model=RecoverOut, responses={404: {}}
)
async def recover(sub_id: str, body: RecoverIn, principal: Bank, session: Session) -> RecoverOut:
    """Send every failed delivery of this subscription created since `since` again."""
    if body.since.tzinfo is None:
        raise Problem(
            422,
            "validation-error",
            "since: needs a time zone (RFC 3339)",
            errors=[{"loc": ["body", "since"], "msg": "needs a time zone"}],
        )
    row = await _own_subscription(session, principal, sub_id)
    return RecoverOut(requeued=await repo.recover(session, row.id, body.since, _now()))


# --- deliveries and the feed ---------------------------------------------------------------


def _delivery_out(row: Any) -> DeliveryOut:
    return DeliveryOut(
        id=row.id,
        event_id=row.event_id,
        subscription_id=row.subscription_id,
        status=row.status,
        attempts=row.attempts,
        last_status_code=row.last_status_code,
        last_error=row.last_error,
        next_attempt_at=row.next_attempt_at if row.status == "pending" else None,
        created_at=row.created_at,
        delivered_at=row.delivered_at,
    )


@router.get("/deliveries", response_model=Page[DeliveryOut])
async def list_deliveries(
    principal: Bank,
    session: Session,
    status: Annotated[Literal["pending", "delivered", "failed"] | None, Query()] = None,
    subscription_id: Annotated[uuid.UUID | None, Query()] = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Page[DeliveryOut]:
    """Your webhook deliveries, oldest first."""
    rows = await repo.list_deliveries(
        session,
        _org(principal),
        status=status,
        subscription_id=subscription_id,
        after=_after(cursor),
        limit=limit,
    )
    page, next_cursor = page_of(rows, limit, _position)
    return Page[DeliveryOut](items=[_delivery_out(r) for r in page], next_cursor=next_cursor)


@router.post(
    "/deliveries/{delivery_id}/retry", status_code=202, response_model=DeliveryOut, responses={404: {}}
)
async def retry_delivery(delivery_id: str, principal: Bank, session: Session) -> DeliveryOut:
    """Send this delivery again now (same webhook-id, signed with the current secret)."""
    did = _id(delivery_id, "delivery")
    if not await repo.requeue_delivery(session, _org(principal), did, _now()):
        raise not_found("delivery")
    return _delivery_out(await repo.get_delivery(session, _org(principal), did))


def _seq_of(cursor: str | None) -> int:
    position = decode_cursor(cursor)
    if position is None:
        return 0
    seq = position.get("seq")
    if not isinstance(seq, int) or seq < 0:
        raise invalid_cursor()
    return seq


@router.get("/feed", response_model=FeedPage)
async def feed(
    principal: Bank, session: Session, limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None
) -> FeedPage:
    """Every event addressed to you, in `seq` order, each once; poll again from `next_cursor`."""
    bank_id = _org(principal)
    await service.learn_banks(session, [(bank_id, principal.name)], _now())
    after = _seq_of(cursor)
    rows = await repo.feed(session, bank_id, after, limit)
    page = rows[:limit]
    items = [EventOut(**event_json(str(r.id), r.type, r.seq, r.created_at, r.data)) for r in page]
    # Always a cursor: a bank that has caught up polls again from here without a repeat or a gap.
    next_cursor = encode_cursor({"seq": page[-1].seq if page else after})
    return FeedPage(items=items, next_cursor=next_cursor, has_more=len(rows) > limit)


# --- outcomes and statistics ---------------------------------------------------------------


@router.post("/outcomes", status_code=201, response_model=OutcomeOut, dependencies=[idempotent])
async def report_outcome(body: OutcomeIn, principal: Bank, session: Session) -> OutcomeOut:
    """Report a loan granted to an enterprise this platform pushed to you (粤信融-style feedback)."""
    now = _now()
    today = service.business_today(now)
    if body.granted_on > today:
        raise Problem(
            422,
            "invalid-granted-on",
            f"granted_on {body.granted_on} is in the future (today is {today}, Asia/Shanghai).",
            errors=[{"loc": ["body", "granted_on"], "msg": "must not be in the future"}],
        )
    if not await repo.was_published(session, _org(principal), body.uscc):
        raise Problem(
            422,
            "enterprise-not-pushed",
            f"{body.uscc} was never pushed to your bank; report loans made through 银税互动 only.",
            errors=[{"loc": ["body", "uscc"], "msg": "not an enterprise pushed to you"}],
        )
    values = {
        "id": uuid.uuid4(),
        "bank_org_id": uuid.UUID(_org(principal)),
        "uscc": body.uscc,
        "amount_fen": body.amount_fen,
        "credit_type": body.credit_type,
        "granted_on": body.granted_on,
        "created_at": now,
    }
    await repo.insert_outcome(session, values)
    return OutcomeOut(**{k: v for k, v in values.items() if k != "bank_org_id"})


@router.get("/stats", response_model=StatsOut)
async def stats(_: Regulator, session: Session) -> StatsOut:
    """银税互动 figures: coverage, delivery health and loans, including the pure-credit ratio."""
    row = await repo.stats(session)
    return StatsOut(
        enterprises_rated=row.enterprises_rated,
        enterprises_pushed=row.enterprises_pushed,
        banks_subscribed=row.banks_subscribed,
        deliveries=DeliveryCounts(pending=row.pending, delivered=row.delivered, failed=row.failed),
        loans_count=row.loans_count,
        loans_total_fen=int(row.loans_total_fen),
        pure_credit_total_fen=int(row.pure_credit_total_fen),
        pure_credit_ratio_bp=ratio_bp(int(row.pure_credit_total_fen), int(row.loans_total_fen)),
        enterprises_with_loans=row.enterprises_with_loans,
    )


__all__ = ["internal_router", "router"]
