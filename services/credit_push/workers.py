"""Background workers of credit_push: learn banks, sweep consent expiry, dispatch webhooks.

Each runs in every replica. They coordinate only through PostgreSQL: bank discovery and
expiry take the entitlement lock, and the dispatcher leases subscriptions that have a due
delivery (``FOR UPDATE SKIP LOCKED`` while claiming, then a ``sending_until`` lease that is
committed before the send), sends one delivery per leased subscription with no transaction
open, and records the outcome in a short transaction that gives the lease back. Two
replicas never send the same delivery at once in normal operation; a replica killed
mid-send (kill -9) leaves the delivery pending and its lease runs out (twice the webhook
timeout plus 5 s), then another dispatcher sends it: nothing pending is lost, and a
receiver may see a delivery twice (at least once).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import UTC, datetime, timedelta

import httpx
from prometheus_client import Counter

from kit.app import AppContext
from kit.http import TRANSPORT_ERRORS, failure_kind
from kit.internal import DependencyUnavailable
from kit.orgs import list_orgs
from services.credit_push.repository import Claimed
from services.credit_push.rules.retries import AttemptResult
from services.credit_push.rules.urls import UnsafeUrl
from services.credit_push.service import access_log, authorisations, blacklist, consents, dispatch
from services.credit_push.service.banks import learn_banks
from services.credit_push.settings import CreditPushSettings
from services.credit_push.ssrf import check_url, pinned_client, post_capped, refusal_of
from services.credit_push.webhooks import body_of, headers_for, signing_secrets

log = logging.getLogger("credit_push.workers")

ATTEMPTS = Counter(
    "finmatch_credit_webhook_attempts_total",
    "Webhook delivery attempts by result (delivered, retrying, failed)",
    ["result"],
)

DISPATCH_CONCURRENCY = 8


def settings_of(ctx: AppContext) -> CreditPushSettings:
    """The process's settings, which create_app made credit_push's own."""
    assert isinstance(ctx.settings, CreditPushSettings)
    return ctx.settings


async def _pause(ctx: AppContext, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(ctx.stopping.wait(), timeout=seconds)


async def bank_discovery(ctx: AppContext) -> None:
    """Poll the gateway for bank orgs; a new bank is sent the whole A list within seconds."""
    while not ctx.stopping.is_set():
        try:
            orgs = await list_orgs(ctx.internal, "bank")
            async with ctx.sessionmaker.begin() as session:
                added = await learn_banks(session, [(o.id, o.name) for o in orgs], datetime.now(UTC))
            if added:
                log.info("learned %d new bank(s) from the gateway", added)
        except DependencyUnavailable as exc:
            log.warning("bank discovery: %s", exc)
        await _pause(ctx, settings_of(ctx).poll_interval_s)


async def consent_expiry(ctx: AppContext) -> None:
    """End consents and authorisations past their last day (Asia/Shanghai), like a revocation, and
    blacklist entries whose three years are over, like a 信用修复."""
    while not ctx.stopping.is_set():
        now = datetime.now(UTC)
        async with ctx.sessionmaker.begin() as session:
            ended = await authorisations.expire(session, now)
            expired = await consents.expire(session, now)
            unlisted = await blacklist.expire(session, now)
        if expired or ended or unlisted:
            log.info(
                "expired %d consent(s), %d authorisation(s), %d blacklist entr(ies)", expired, ended, unlisted
            )
        await _pause(ctx, settings_of(ctx).poll_interval_s)


async def attempt(
    client: httpx.AsyncClient, claimed: Claimed, settings: CreditPushSettings, now: datetime
) -> AttemptResult:
    """One HTTP attempt, bounded as a whole by the webhook timeout (CONTRACT §3: 2xx within it).

    The URL is checked again, and the client connects only to addresses its resolver found
    public (ssrf.py), so a DNS change cannot reach a private address.
    """
    try:
        await check_url(claimed.url, settings.webhook_allow_private)
    except UnsafeUrl as exc:
        return AttemptResult(None, f"refused: {exc}")
    body = body_of(claimed.event)
    secrets = signing_secrets(claimed.secret, claimed.previous_secret, claimed.previous_secret_until, now)
    headers = headers_for(secrets, claimed.event["id"], now, body)
    try:
        async with asyncio.timeout(settings.webhook_timeout_s):
            status_code = await post_capped(client, claimed.url, body.encode(), headers)
    except TRANSPORT_ERRORS as exc:
        refused = refusal_of(exc)
        if refused is not None:
            return AttemptResult(None, f"refused: {refused}")
        if isinstance(exc, TimeoutError) or failure_kind(exc) == "timeout":
            return AttemptResult(None, f"no answer within {settings.webhook_timeout_s:g} s")
        return AttemptResult(None, f"transport error: {type(exc).__name__}")
    return AttemptResult(status_code)


def lease_for(settings: CreditPushSettings) -> timedelta:
    """How long a claimed subscription stays leased: the attempt's timeout with room to record it."""
    return timedelta(seconds=2 * settings.webhook_timeout_s + 5)


async def send_and_record(ctx: AppContext, client: httpx.AsyncClient, claimed: Claimed) -> None:
    """Send one claimed delivery, then record the outcome in a transaction of its own."""
    now = datetime.now(UTC)
    result = await attempt(client, claimed, settings_of(ctx), now)
    done = datetime.now(UTC)
    async with ctx.sessionmaker.begin() as session:
        decision = await dispatch.record(session, claimed, result, settings_of(ctx).retry_schedule_s, done)
    ATTEMPTS.labels("retrying" if decision.status == "pending" else decision.status).inc()
    if decision.status != "delivered":
        log.info(
            "delivery %s (event %s): attempt failed (%s); now %s",
            claimed.id,
            claimed.event["id"],
            result.status_code or result.error,
            decision.status,
        )


async def claim(ctx: AppContext, n: int) -> list[Claimed]:
    now = datetime.now(UTC)
    async with ctx.sessionmaker.begin() as session:
        return await dispatch.claim(session, now, now + lease_for(settings_of(ctx)), n)


async def _sent(ctx: AppContext, client: httpx.AsyncClient, claimed: Claimed) -> None:
    try:
        await send_and_record(ctx, client, claimed)
    except Exception:
        # The lease runs out and another pass sends it again (delivery is at least once).
        log.exception("dispatcher: delivery %s could not be recorded; it will be sent again", claimed.id)


async def dispatcher(ctx: AppContext) -> None:
    """Deliver due webhooks: up to DISPATCH_CONCURRENCY subscriptions at a time, one send each.

    One short transaction claims (leases) work, each send runs with no transaction open,
    and another short one records it, so a slow receiver holds no database connection.
    """
    client = pinned_client(settings_of(ctx).webhook_allow_private, settings_of(ctx).webhook_timeout_s)
    in_flight: set[asyncio.Task[None]] = set()
    try:
        while not ctx.stopping.is_set():
            claimed: list[Claimed] = []
            free = DISPATCH_CONCURRENCY - len(in_flight)
            if free > 0:
                try:
                    claimed = await claim(ctx, free)
                except Exception:
                    log.exception("dispatcher: claiming failed; trying again")
            for one in claimed:
                task = asyncio.create_task(_sent(ctx, client, one))
                in_flight.add(task)
                task.add_done_callback(in_flight.discard)
            if claimed and len(claimed) == free:
                continue  # there may be more due right now
            if in_flight:
                # Wake when a send ends (its subscription may have more) or to look for new work.
                await asyncio.wait(
                    in_flight, timeout=settings_of(ctx).poll_interval_s, return_when=asyncio.FIRST_COMPLETED
                )
            else:
                await _pause(ctx, settings_of(ctx).poll_interval_s)
    finally:
        for task in in_flight:
            task.cancel()  # their leases run out; the next dispatcher sends them again
        await asyncio.gather(*in_flight, return_exceptions=True)
        await client.aclose()


async def access_log_flush(ctx: AppContext) -> None:
    """Write the access-log entries this process recorded, at least every second (see service/access_log)."""
    buffer = access_log.buffer_in(ctx.sessionmaker)
    while not ctx.stopping.is_set():
        await access_log.try_flush(ctx.sessionmaker, buffer)
        await _pause(ctx, min(0.5, settings_of(ctx).poll_interval_s))
