"""Public (`/v1/credit`) and internal (`/internal/credit`) operations of credit_push (CONTRACT §3).

Each operation parses the request (ids, cursors, who the caller is), calls one use case of
``service`` and shapes the answer (the page and its cursor).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request, Response

from kit.deps import Session
from kit.errors import NotFound, RuleViolation
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
from kit.principal import Principal, ServicePrincipal, require_roles, require_service
from kit.uscc import USCC
from services.credit_push.deps import idempotent
from services.credit_push.schemas import (
    ConsentIn,
    ConsentOut,
    DeliveryOut,
    FeedPage,
    IngestOut,
    InternalRatingOut,
    OutcomeIn,
    OutcomeOut,
    RatingOut,
    RatingsUpload,
    RecoverIn,
    RecoverOut,
    SecretOut,
    StatsOut,
    SubscriptionCreated,
    SubscriptionIn,
    SubscriptionOut,
    SubscriptionPatch,
)
from services.credit_push.service import consents, deliveries, outcomes, ratings, subscriptions

router = APIRouter(prefix="/v1/credit", tags=["credit_push"])
internal_router = APIRouter(prefix="/internal/credit", tags=["internal"])

TaxAuthority = Annotated[Principal, Depends(require_roles("tax_authority"))]
Reader = Annotated[Principal, Depends(require_roles("tax_authority", "admin", "bank"))]
Partner = Annotated[Principal, Depends(require_roles("partner_app"))]
PartnerOrBank = Annotated[Principal, Depends(require_roles("partner_app", "bank"))]
Bank = Annotated[Principal, Depends(require_roles("bank"))]
Regulator = Annotated[Principal, Depends(require_roles("admin", "tax_authority"))]


def _id(raw: str, what: str) -> uuid.UUID:
    try:
        return uuid.UUID(raw)
    except ValueError as exc:
        raise NotFound(what) from exc


def _org(principal: Principal) -> str:
    assert principal.org_id is not None
    return principal.org_id


def _allow_private(request: Request) -> bool:
    """Development and tests may send webhooks over http to any address (see ssrf.py)."""
    return bool(request.app.state.settings.webhook_allow_private)


def _after(cursor: str | None) -> tuple[datetime, uuid.UUID] | None:
    position = decode_cursor(cursor)
    if position is None:
        return None
    try:
        return datetime.fromisoformat(position["t"]), uuid.UUID(position["id"])
    except (KeyError, TypeError, ValueError) as exc:
        raise invalid_cursor() from exc


def _position(item: ConsentOut | SubscriptionOut | DeliveryOut) -> dict[str, str]:
    return {"t": item.created_at.isoformat(), "id": str(item.id)}


def _seq_of(cursor: str | None) -> int:
    position = decode_cursor(cursor)
    if position is None:
        return 0
    seq = position.get("seq")
    if not isinstance(seq, int) or seq < 0:
        raise invalid_cursor()
    return seq


def _aware(since: datetime) -> datetime:
    if since.tzinfo is None:
        raise RuleViolation(
            "since: needs a time zone (RFC 3339)",
            slug="validation-error",
            field="since",
            field_msg="needs a time zone",
        )
    return since


# --- ratings -------------------------------------------------------------------------------


@router.post("/ratings", response_model=IngestOut, dependencies=[idempotent])
async def upload_ratings(body: RatingsUpload, _: TaxAuthority, session: Session) -> IngestOut:
    """Upload up to 10,000 ratings; invalid items come back in `rejected`, the rest are stored."""
    return await ratings.ingest(session, body.items)


@router.get(
    "/ratings/{uscc}", response_model=RatingOut, response_model_exclude_unset=True, responses={404: {}}
)
async def get_rating(uscc: USCC, principal: Reader, session: Session) -> RatingOut:
    """An enterprise's current rating; a bank sees it only when entitled (404 otherwise)."""
    bank_id = _org(principal) if principal.role == "bank" else None
    return await ratings.rating_for(session, uscc, bank_id)


@internal_router.get(
    "/ratings/{uscc}",
    response_model=InternalRatingOut,
    responses={404: {}},
    dependencies=[Depends(require_service("loan_match"))],
)
async def internal_get_rating(uscc: USCC, _: ServicePrincipal, session: Session) -> InternalRatingOut:
    """The current rating (latest year, any level) with the tax figure, for loan_match."""
    return await ratings.internal_rating(session, uscc)


# --- consents ------------------------------------------------------------------------------


@router.post("/consents", status_code=201, response_model=ConsentOut, dependencies=[idempotent])
async def give_consent(body: ConsentIn, principal: Partner, request: Request, session: Session) -> ConsentOut:
    """Record an enterprise's consent for one named bank to see its rating and tax figure."""
    return await consents.give(session, body, _org(principal), request.app.state.ctx.internal)


@router.delete("/consents/{consent_id}", status_code=204, responses={404: {}})
async def revoke_consent(consent_id: str, principal: Partner, session: Session) -> Response:
    """Revoke a consent you recorded; banks that were sent the enterprise get a `withdrawn`."""
    await consents.revoke(session, _org(principal), _id(consent_id, "consent"))
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
    items = await consents.list_for(session, principal.role, _org(principal), uscc, _after(cursor), limit)
    page, next_cursor = page_of(items, limit, _position)
    return Page[ConsentOut](items=page, next_cursor=next_cursor)


# --- subscriptions -------------------------------------------------------------------------


@router.post("/subscriptions", status_code=201, response_model=SubscriptionCreated, dependencies=[idempotent])
async def subscribe(
    body: SubscriptionIn, principal: Bank, request: Request, session: Session
) -> SubscriptionCreated:
    """Receive events addressed to you from now on as signed Standard Webhooks."""
    return await subscriptions.subscribe(
        session, body, _org(principal), principal.name, _allow_private(request)
    )


@router.get("/subscriptions", response_model=Page[SubscriptionOut])
async def list_subscriptions(
    principal: Bank, session: Session, limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None
) -> Page[SubscriptionOut]:
    """Your subscriptions, oldest first (secrets are never shown again)."""
    items = await subscriptions.list_for(session, _org(principal), _after(cursor), limit)
    page, next_cursor = page_of(items, limit, _position)
    return Page[SubscriptionOut](items=page, next_cursor=next_cursor)


@router.get("/subscriptions/{sub_id}", response_model=SubscriptionOut, responses={404: {}})
async def get_subscription(sub_id: str, principal: Bank, session: Session) -> SubscriptionOut:
    return await subscriptions.get(session, _org(principal), _id(sub_id, "subscription"))


@router.patch("/subscriptions/{sub_id}", response_model=SubscriptionOut, responses={404: {}})
async def patch_subscription(
    sub_id: str, body: SubscriptionPatch, principal: Bank, request: Request, session: Session
) -> SubscriptionOut:
    """Pause or resume (pending deliveries wait while paused), or change the URL or filters."""
    return await subscriptions.patch(
        session, _org(principal), _id(sub_id, "subscription"), body, _allow_private(request)
    )


@router.delete("/subscriptions/{sub_id}", status_code=204, responses={404: {}})
async def delete_subscription(sub_id: str, principal: Bank, session: Session) -> Response:
    """Stop the subscription; its pending deliveries are dropped, its events stay in the feed."""
    await subscriptions.delete(session, _org(principal), _id(sub_id, "subscription"))
    return Response(status_code=204)


@router.post("/subscriptions/{sub_id}/rotate-secret", response_model=SecretOut, responses={404: {}})
async def rotate_secret(sub_id: str, principal: Bank, session: Session) -> SecretOut:
    """A new secret; the old one keeps signing too (both signatures) for 24 hours."""
    return await subscriptions.rotate_secret(session, _org(principal), _id(sub_id, "subscription"))


@router.post(
    "/subscriptions/{sub_id}/recover", status_code=202, response_model=RecoverOut, responses={404: {}}
)
async def recover(sub_id: str, body: RecoverIn, principal: Bank, session: Session) -> RecoverOut:
    """Send every failed delivery of this subscription created since `since` again."""
    since = _aware(body.since)  # before the id: a naive `since` is refused even for an unknown id
    return await subscriptions.recover(session, _org(principal), _id(sub_id, "subscription"), since)


# --- deliveries and the feed ---------------------------------------------------------------


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
    items = await deliveries.list_for(
        session,
        _org(principal),
        status=status,
        subscription_id=subscription_id,
        after=_after(cursor),
        limit=limit,
    )
    page, next_cursor = page_of(items, limit, _position)
    return Page[DeliveryOut](items=page, next_cursor=next_cursor)


@router.post(
    "/deliveries/{delivery_id}/retry", status_code=202, response_model=DeliveryOut, responses={404: {}}
)
async def retry_delivery(delivery_id: str, principal: Bank, session: Session) -> DeliveryOut:
    """Send this delivery again now (same webhook-id, signed with the current secret)."""
    return await deliveries.retry(session, _org(principal), _id(delivery_id, "delivery"))


@router.get("/feed", response_model=FeedPage)
async def feed(
    principal: Bank, session: Session, limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None
) -> FeedPage:
    """Every event addressed to you, in `seq` order, each once; poll again from `next_cursor`."""
    after = _seq_of(cursor)
    items = await deliveries.feed(session, _org(principal), principal.name, after, limit)
    page = items[:limit]
    # Always a cursor: a bank that has caught up polls again from here without a repeat or a gap.
    next_cursor = encode_cursor({"seq": page[-1].seq if page else after})
    return FeedPage(items=page, next_cursor=next_cursor, has_more=len(items) > limit)


# --- outcomes and statistics ---------------------------------------------------------------


@router.post("/outcomes", status_code=201, response_model=OutcomeOut, dependencies=[idempotent])
async def report_outcome(body: OutcomeIn, principal: Bank, session: Session) -> OutcomeOut:
    """Report a loan granted to an enterprise this platform pushed to you (粤信融-style feedback)."""
    return await outcomes.report(session, body, _org(principal))


@router.get("/stats", response_model=StatsOut)
async def stats(_: Regulator, session: Session) -> StatsOut:
    """银税互动 figures: coverage, delivery health and loans, including the pure-credit ratio."""
    return await outcomes.stats(session)


__all__ = ["internal_router", "router"]
