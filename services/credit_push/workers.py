"""Background workers of credit_push: learn banks, sweep consent expiry, dispatch webhooks.

Each runs in every replica. They coordinate only through PostgreSQL: bank discovery and
expiry take the entitlement lock, and the dispatcher claims one delivery at a time with
``FOR UPDATE SKIP LOCKED`` and holds that row lock while it sends, so two replicas never
send the same delivery at once, and a replica killed mid-send releases it (its connection
dies) for the next dispatcher: pending deliveries survive a kill -9.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import UTC, datetime

import httpx
from prometheus_client import Counter

from kit.app import AppContext
from kit.http import TRANSPORT_ERRORS, failure_kind, make_client
from kit.internal import DependencyUnavailable
from kit.settings import Settings
from services.credit_push import repository as repo
from services.credit_push import service
from services.credit_push.ssrf import UnsafeUrl, check_url
from services.credit_push.webhooks import AttemptResult, body_of, decide, headers_for, signing_secrets

log = logging.getLogger("credit_push.workers")

ATTEMPTS = Counter(
    "finmatch_credit_webhook_attempts_total",
    "Webhook delivery attempts by result (delivered, retrying, failed)",
    ["result"],
)

DISPATCH_CONCURRENCY = 8


async def _pause(ctx: AppContext, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(ctx.stopping.wait(), timeout=seconds)


async def bank_discovery(ctx: AppContext) -> None:
    """Poll the gateway for bank orgs; a new bank is sent the whole A list within seconds."""
    while not ctx.stopping.is_set():
        try:
            orgs = await ctx.internal.list_orgs("bank")
            async with ctx.sessionmaker.begin() as session:
                added = await service.learn_banks(session, [(o.id, o.name) for o in orgs], datetime.now(UTC))
            if added:
                log.info("learned %d new bank(s) from the gateway", added)
        except DependencyUnavailable as exc:
            log.warning("bank discovery: %s", exc)
        await _pause(ctx, ctx.settings.poll_interval_s)


async def consent_expiry(ctx: AppContext) -> None:
    """End consents past their last day (Asia/Shanghai); expiry withdraws like a revocation."""
    while not ctx.stopping.is_set():
        now = datetime.now(UTC)
        async with ctx.sessionmaker.begin() as session:
            expired = await service.expire_consents(session, service.business_today(now), now)
        if expired:
            log.info("expired %d consent(s)", expired)
        await _pause(ctx, ctx.settings.poll_interval_s)


async def attempt(
    client: httpx.AsyncClient, claimed: repo.Claimed, settings: Settings, now: datetime
) -> AttemptResult:
    """One HTTP attempt; the URL is checked again so a DNS change cannot reach a private address."""
    try:
        await check_url(claimed.url, settings.webhook_allow_private)
    except UnsafeUrl as exc:
        return AttemptResult(None, f"refused: {exc}")
    body = body_of(claimed.event)
    secrets = signing_secrets(claimed.secret, claimed.previous_secret, claimed.previous_secret_until, now)
    headers = headers_for(secrets, claimed.event["id"], now, body)
    try:
        response = await client.post(claimed.url, content=body.encode(), headers=headers)
    except TRANSPORT_ERRORS as exc:
        if failure_kind(exc) == "timeout":
            return AttemptResult(None, f"no answer within {settings.webhook_timeout_s:g} s")
        return AttemptResult(None, f"transport error: {type(exc).__name__}")
    return AttemptResult(response.status_code)


async def dispatch_one(ctx: AppContext, client: httpx.AsyncClient) -> bool:
    """Claim, send and record one due delivery; False when none is due."""
    async with ctx.sessionmaker.begin() as session:
        now = datetime.now(UTC)
        claimed = await repo.claim_due(session, now)
        if claimed is None:
            return False
        result = await attempt(client, claimed, ctx.settings, now)
        done = datetime.now(UTC)
        decision = decide(result, claimed.round_failures, ctx.settings.retry_schedule_s, done)
        await repo.record_attempt(
            session,
            claimed.id,
            status=decision.status,
            round_failures=decision.round_failures,
            next_attempt_at=decision.next_attempt_at,
            status_code=result.status_code,
            error=result.error,
            now=done,
        )
        ATTEMPTS.labels("retrying" if decision.status == "pending" else decision.status).inc()
        if decision.status != "delivered":
            log.info(
                "delivery %s (event %s): attempt failed (%s); now %s",
                claimed.id,
                claimed.event["id"],
                result.status_code or result.error,
                decision.status,
            )
        if decision.pause_subscription:
            await repo.pause_subscription(
                session, claimed.subscription_id, "the receiver answered 410 Gone", done
            )
    return True


async def _dispatch_loop(ctx: AppContext, client: httpx.AsyncClient) -> None:
    while not ctx.stopping.is_set():
        try:
            sent = await dispatch_one(ctx, client)
        except Exception:
            log.exception("dispatcher: attempt failed; continuing")
            sent = False
        if not sent:
            await _pause(ctx, ctx.settings.poll_interval_s)


async def dispatcher(ctx: AppContext) -> None:
    """Deliver due webhooks, several at a time."""
    client = make_client(timeout=httpx.Timeout(ctx.settings.webhook_timeout_s))
    try:
        await asyncio.gather(*(_dispatch_loop(ctx, client) for _ in range(DISPATCH_CONCURRENCY)))
    finally:
        await client.aclose()
