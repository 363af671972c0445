"""Background workers of credit_push: learn banks, sweep consent expiry, dispatch webhooks.

Each runs in every replica. They coordinate only through PostgreSQL: bank discovery and
expiry take the entitlement lock, and the dispatcher routes each bank's new events to its
subscriptions' deliveries (each subscription's row locked, SKIP LOCKED), leases due deliveries
in batches (``FOR UPDATE SKIP LOCKED`` while claiming, then a per-delivery ``lease_until`` committed
before the sends), sends them with no transaction open, and records a batch of outcomes in
one short transaction that gives the leases back. Two replicas never send the same delivery
within a lease; a replica killed mid-send (kill -9) leaves its deliveries pending and their
leases run out (twice the webhook timeout plus 5 s), then another dispatcher sends them:
nothing pending is lost, and a receiver may see a delivery twice (at least once). Order is
owed per enterprise, not per subscription (a receiver drops an event older, by ``seq``,
than the last it applied for that USCC), so a subscription may have many in flight.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import gc
import logging
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import yarl

from kit import http1, metrics
from kit.app import AppContext
from kit.http import TRANSPORT_ERRORS, failure_kind
from kit.internal import DependencyUnavailable
from kit.orgs import list_orgs
from kit.shapes import business_date
from services.credit_push.clients import webhook_metrics
from services.credit_push.clients.ssrf import check_url, pinned_client, refusal_of
from services.credit_push.clients.webhooks import body_of, headers_for, signing_secrets
from services.credit_push.repository import Claimed
from services.credit_push.repository.metrics import watch_outbox
from services.credit_push.rules.retries import AttemptResult, Decision
from services.credit_push.rules.urls import UnsafeUrl
from services.credit_push.service import (
    access_log,
    authorisations,
    blacklist,
    consents,
    dispatch,
    lapses,
    uploads,
)
from services.credit_push.service.banks import learn_banks
from services.credit_push.settings import CreditPushSettings

log = logging.getLogger("credit_push.workers")


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


def _utc_now() -> datetime:
    return datetime.now(UTC)


async def lapse_sweep(ctx: AppContext, clock: Callable[[], datetime] = _utc_now) -> None:
    """Once a day (Asia/Shanghai), withdraw the ratings that stopped being current by time
    (service/lapses.py): on 1 April, those of year Y-3, without waiting for an upload."""
    swept: date | None = None
    while not ctx.stopping.is_set():
        now = clock()
        if business_date(now) != swept:
            await sweep_lapsed(ctx, now)
            swept = business_date(now)
        await _pause(ctx, settings_of(ctx).poll_interval_s)


async def sweep_lapsed(ctx: AppContext, now: datetime) -> int:
    """Every lapsed enterprise some bank holds, a batch per transaction; events written."""
    written = 0
    while True:
        async with ctx.sessionmaker.begin() as session:
            enterprises, events = await lapses.sweep(session, now)
        written += events
        if enterprises < lapses.BATCH:
            break
    if written:
        log.info("lapsed ratings: %d withdrawn event(s)", written)
    return written


async def upload_jobs(ctx: AppContext) -> None:
    """Process rating files queued by POST /v1/credit/ratings (service/uploads.py), one at a time.

    Jobs live in a table and are claimed with SKIP LOCKED and a lease, so they survive a
    restart and two replicas never process one file at once.
    """
    while not ctx.stopping.is_set():
        job = await uploads.claim(ctx.sessionmaker, datetime.now(UTC))
        if job is None:
            await _pause(ctx, settings_of(ctx).poll_interval_s)
            continue
        log.info("upload %s: processing from row %d", job.id, job.done)
        await uploads.process(ctx.sessionmaker, job)


DISPATCH_CONCURRENCY = 512  # sends in flight in this process, every subscription together
# Events routed to each subscription per pass: a pass holds the subscriptions' rows this long.
ROUTE_PER_SUBSCRIPTION = 2000
RECORD_WINDOW_S = 0.02  # outcomes ending this close together are recorded in one statement
# While an upload is being stored in this process the dispatcher claims nothing new, for at most
# this long at a time (service/dispatch.py GiveWay), and looks this often whether it has ended.
UPLOAD_GIVE_WAY_S = 2.0
GIVE_WAY_POLL_S = 0.02
# Young objects collected every 50,000 allocations instead of 700 (and the older generations
# less often): a drain allocates a few objects per send, and cProfile showed ~15% of the
# drain's time in the collector with the defaults (bench/README.md "Profiles").
GC_THRESHOLDS = (50_000, 20, 100)


def tune_gc() -> None:
    """Collect less often (kit/app.py has already frozen what startup made). The process's
    memory stays bounded: only cyclic garbage waits."""
    gc.set_threshold(*GC_THRESHOLDS)


async def attempt(
    client: http1.Client, claimed: Claimed, settings: CreditPushSettings, now: datetime
) -> AttemptResult:
    """Check the URL again, then one HTTP attempt (``send``)."""
    refusal = await url_refusal(claimed.url, settings)
    if refusal is not None:
        return AttemptResult(None, refusal)
    return await send(client, claimed, settings, now)


async def url_refusal(url: str, settings: CreditPushSettings) -> str | None:
    try:
        await check_url(url, settings.webhook_allow_private)
    except UnsafeUrl as exc:
        return f"refused: {exc}"
    return None


# What a send can raise, besides a refusal: a URL that passed the checks and still cannot be called.
_SEND_ERRORS: tuple[type[BaseException], ...] = (*TRANSPORT_ERRORS, http1.InvalidTarget)


@functools.lru_cache(maxsize=4096)
def _target(url: str) -> tuple[str, str]:
    """The origin and the request target of a webhook URL, encoded as aiohttp encoded them (yarl)."""
    parsed = yarl.URL(url)
    return str(parsed.origin()), parsed.raw_path_qs


async def send(
    client: http1.Client, claimed: Claimed, settings: CreditPushSettings, now: datetime
) -> AttemptResult:
    """One signed POST, bounded as a whole by the client's timeout (``pinned_client`` is made
    with the webhook timeout; CONTRACT §3: 2xx within it).

    The client (clients/ssrf.py) connects only to addresses its resolver found public, so a DNS
    change cannot reach a private address, follows no redirect, and reads at most
    ssrf.ANSWER_CAP_BYTES of the answer: a receiver cannot make the dispatcher read (or hold)
    an endless body.
    """
    body = body_of(claimed.event)
    secrets = signing_secrets(claimed.secret, claimed.previous_secret, claimed.previous_secret_until, now)
    headers = headers_for(secrets, claimed.event["id"], now, body)
    try:
        base, target = _target(claimed.url)
        answer = await client.request("POST", base, target, headers, body.encode())
        return AttemptResult(answer.status)
    except _SEND_ERRORS as exc:
        refused = refusal_of(exc)
        if refused is not None:
            return AttemptResult(None, f"refused: {refused}")
        if isinstance(exc, TimeoutError) or failure_kind(exc) == "timeout":
            return AttemptResult(None, f"no answer within {client.timeout_s:g} s")
        return AttemptResult(None, f"transport error: {type(exc).__name__}")


def lease_for(settings: CreditPushSettings) -> timedelta:
    """How long a claimed delivery stays leased: the attempt's timeout with room to record it."""
    return timedelta(seconds=2 * settings.webhook_timeout_s + 5)


def _after_sent(ctx: AppContext, deliveries: list[Claimed]) -> None:
    """Called once per recorded batch with every delivery whose request went out
    (whatever the receiver answered; not those refused before connecting).

    Each delivery whose event carries non-public data (a rating other than A, or
    avg_annual_tax_fen) is one access-log entry (CONTRACT §3), buffered: no round trip here.
    """
    buffer = access_log.buffer_in(ctx.sessionmaker)
    for one in deliveries:
        event = (str(one.event["type"]), one.event["data"])
        buffer.add(access_log.entries_for_events(one.bank_org_id, [event], "webhook"))


class _Dispatch:
    """One dispatcher's sends in flight and the outcomes waiting to be recorded."""

    def __init__(self, ctx: AppContext, client: http1.Client) -> None:
        self.ctx = ctx
        self.client = client
        self.in_flight: set[asyncio.Task[None]] = set()
        self.done: list[tuple[Claimed, AttemptResult, bool]] = []  # (delivery, result, request went out)

    async def route(self) -> None:
        """Turn the events written since into deliveries (a failure leaves them for the next pass)."""
        try:
            async with self.ctx.sessionmaker.begin() as session:
                await dispatch.route(session, datetime.now(UTC), ROUTE_PER_SUBSCRIPTION)
        except Exception:
            log.exception("dispatcher: routing failed; trying again")

    async def claim(self, n: int) -> list[Claimed]:
        now = datetime.now(UTC)
        settings = settings_of(self.ctx)
        try:
            async with self.ctx.sessionmaker.begin() as session:
                return await dispatch.claim(
                    session, now, now + lease_for(settings), n, settings.webhook_max_in_flight
                )
        except Exception:
            log.exception("dispatcher: claiming failed; trying again")
            return []

    async def start(self, claimed: list[Claimed]) -> None:
        """Start a send per delivery; each URL is checked once for the batch."""
        refusals = {url: await url_refusal(url, settings_of(self.ctx)) for url in {c.url for c in claimed}}
        for one in claimed:
            task = asyncio.create_task(self._send(one, refusals[one.url]))
            self.in_flight.add(task)
            task.add_done_callback(self.in_flight.discard)

    async def _send(self, claimed: Claimed, refusal: str | None) -> None:
        if refusal is not None:
            self.done.append((claimed, AttemptResult(None, refusal), False))
            return
        started = datetime.now(UTC)
        result = await send(self.client, claimed, settings_of(self.ctx), started)
        seconds = (datetime.now(UTC) - started).total_seconds()
        webhook_metrics.attempt("delivered" if result.ok else "retry", seconds, claimed.event["created_at"])
        self.done.append((claimed, result, not (result.error or "").startswith("refused:")))

    async def record(self) -> None:
        """Record every finished send in one short transaction (their leases are given back)."""
        if not self.done:
            return
        batch, self.done = self.done, []
        attempts = [(claimed, result) for claimed, result, _ in batch]
        try:
            async with self.ctx.sessionmaker.begin() as session:
                decisions = await dispatch.record(
                    session, attempts, settings_of(self.ctx).retry_schedule_s, datetime.now(UTC)
                )
        except Exception:
            # The leases run out and another pass sends them again (delivery is at least once).
            log.exception("dispatcher: %d outcome(s) could not be recorded; sent again later", len(batch))
            return
        _after_sent(self.ctx, [claimed for claimed, _, went_out in batch if went_out])
        for (claimed, result), decision in zip(attempts, decisions, strict=True):
            _log_failed(claimed, result, decision)

    async def wait(self, poll_s: float) -> None:
        """Until a send ends (then a short window, so outcomes are recorded together) or ``poll_s``."""
        if not self.in_flight:
            await _pause(self.ctx, poll_s)
            return
        finished, _ = await asyncio.wait(self.in_flight, timeout=poll_s, return_when=asyncio.FIRST_COMPLETED)
        if finished and self.in_flight:
            await asyncio.sleep(RECORD_WINDOW_S)

    async def stop(self) -> None:
        for task in self.in_flight:
            task.cancel()  # their leases run out; the next dispatcher sends them again
        await asyncio.gather(*self.in_flight, return_exceptions=True)
        await self.record()


def _log_failed(claimed: Claimed, result: AttemptResult, decision: Decision) -> None:
    if decision.status != "delivered":
        log.info(
            "delivery %s (event %s): attempt failed (%s); now %s",
            claimed.id,
            claimed.event["id"],
            result.status_code or result.error,
            decision.status,
        )


async def dispatcher(ctx: AppContext) -> None:
    """Deliver due webhooks: many per subscription at once, claimed and recorded in batches.

    One short transaction routes the events written since to deliveries (the writers of events
    write none: repository/routing.py), one claims (leases) a batch, each send runs with no
    transaction open, and another short one records the batch's outcomes, so a slow receiver
    holds no database connection. Each subscription has at most FINMATCH_WEBHOOK_MAX_IN_FLIGHT deliveries in
    flight (one while its receiver fails), so one bad receiver never holds up the others.
    While an upload is being stored in this process it routes and claims nothing new (the sends
    in flight go on and are recorded), for at most UPLOAD_GIVE_WAY_S at a time.
    """
    tune_gc()
    client = pinned_client(settings_of(ctx).webhook_allow_private, settings_of(ctx).webhook_timeout_s)
    watch_outbox(ctx.sessionmaker)  # outbox depth and age per bank, on the metrics port
    state = _Dispatch(ctx, client)
    give_way = dispatch.GiveWay(UPLOAD_GIVE_WAY_S)
    try:
        while not ctx.stopping.is_set():
            await state.record()
            room = DISPATCH_CONCURRENCY - len(state.in_flight)
            waiting = give_way.now_holds(time.monotonic())
            if not waiting:
                await state.route()
            claimed = await state.claim(room) if room > 0 and not waiting else []
            metrics.worker_succeeded("dispatcher")
            if claimed:
                await state.start(claimed)
            await state.wait(GIVE_WAY_POLL_S if waiting else settings_of(ctx).poll_interval_s)
    finally:
        await state.stop()
        await client.close()


async def access_log_flush(ctx: AppContext) -> None:
    """Write the access-log entries this process recorded, at least every second (see service/access_log)."""
    buffer = access_log.buffer_in(ctx.sessionmaker)
    while not ctx.stopping.is_set():
        await access_log.try_flush(ctx.sessionmaker, buffer)
        await _pause(ctx, min(0.5, settings_of(ctx).poll_interval_s))
    await access_log.try_flush(ctx.sessionmaker, buffer)
