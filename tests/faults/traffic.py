"""Mixed traffic through the gateway at a steady rate, every answer recorded, then checked.

The mix: rating uploads (tax authority), authorisations and consents (partner app), exposures
(a local guarantor), matching queries (partner app) and feed reads (bank); a bank subscription
turns the uploads into webhook deliveries. Each answer is kept (operation, status, problem type,
Retry-After, latency), and what a 2xx created is remembered, so a test can ask afterwards that
every acknowledged write is stored (:func:`missing_writes`).
"""

from __future__ import annotations

import asyncio
import itertools
import time
from collections import Counter
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import httpx

from kit.money import yuan
from tests.support.api import Actor, Api, make_uscc
from tests.support.credit_push import Receiver, eventually, feed_all, item
from tests.support.guarantee import Chain, chain, exposure_body
from tests.support.loan_match import publish, put_profile

# The process each operation of the mix is served by (a query also asks credit_push and guarantee).
SERVED_BY = {
    "upload": "credit_push",
    "authorise": "credit_push",
    "consent": "credit_push",
    "feed": "credit_push",
    "exposure": "guarantee",
    "query": "loan_match",
}

# What a request may be answered while something is broken: the platform's "retry later" (503,
# with Retry-After), and the gateway's "the service did not answer" (502/503/504) when a
# process is gone. Status 0 is no answer at all (a transport error), which no fault allows.
UNAVAILABLE = frozenset({503})
PROXY_UNAVAILABLE = frozenset({502, 503, 504})


@dataclass(frozen=True)
class Answer:
    op: str
    status: int  # 0: no HTTP answer (connection refused, reset, timed out)
    seconds: float
    at: float  # time.monotonic() when the request was sent
    problem_type: str | None = None
    retry_after: str | None = None
    error: str | None = None
    degraded: tuple[str, ...] = ()  # a query's `degraded` services


@dataclass
class World:
    """The actors of the mix, created through the gateway before the traffic starts."""

    tax: Actor
    partner: Actor
    bank: Actor
    chain: Chain
    profiles: list[str]
    subscription: dict[str, Any] | None = None


async def build_world(api: Api, receiver_url: str | None = None) -> World:
    tax, partner = await api.org("tax_authority"), await api.org("partner_app")
    guarantee = await chain(api, net_assets_fen=yuan(1_000_000_000))
    bank = guarantee.bank
    await publish(api, bank, requires_guarantee=True)  # so a query asks guarantee too
    profiles = [str((await put_profile(api, partner))["uscc"]) for _ in range(3)]
    world = World(tax, partner, bank, guarantee, profiles)
    if receiver_url is not None:
        created = await api.call(bank, "POST", "/v1/credit/subscriptions", json={"url": receiver_url})
        assert created.status_code == 201, created.text
        world.subscription = created.json()
    return world


@dataclass
class Traffic:
    """Sends the mix at ``rate_per_s`` requests a second with at most ``concurrency`` in flight."""

    gateway_url: str
    world: World
    rate_per_s: float = 20.0
    concurrency: int = 16
    timeout_s: float = 30.0
    answers: list[Answer] = field(default_factory=list)
    # What 2xx answers created: ("rating", uscc), ("consent", id), ("authorisation", id), ("exposure", id)
    acknowledged: list[tuple[str, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.client = httpx.AsyncClient(base_url=self.gateway_url, timeout=self.timeout_s)
        self._ops: list[Callable[[], Coroutine[Any, Any, None]]] = [
            self.upload,
            self.consent,
            self.exposure,
            self.query,
            self.upload,
            self.feed,
        ]

    async def aclose(self) -> None:
        await self.client.aclose()

    async def run(self, seconds: float, stop: asyncio.Event | None = None) -> None:
        """The mix at a steady rate for ``seconds`` (or until ``stop``), then wait for what is in flight."""
        gate = asyncio.Semaphore(self.concurrency)
        tasks: set[asyncio.Task[None]] = set()
        started = time.monotonic()
        for n, op in enumerate(itertools.cycle(self._ops)):
            due = started + n / self.rate_per_s
            if due - started >= seconds or (stop is not None and stop.is_set()):
                break
            await asyncio.sleep(max(0.0, due - time.monotonic()))
            await gate.acquire()
            task = asyncio.create_task(op())
            tasks.add(task)
            task.add_done_callback(tasks.discard)
            task.add_done_callback(lambda _: gate.release())
        await asyncio.gather(*tasks)

    async def _call(
        self, op: str, actor: Actor, method: str, path: str, **kwargs: Any
    ) -> httpx.Response | None:
        sent = time.monotonic()
        try:
            response = await self.client.request(method, path, headers=actor.headers, **kwargs)
        except httpx.HTTPError as exc:
            self.answers.append(Answer(op, 0, time.monotonic() - sent, sent, error=type(exc).__name__))
            return None
        problem, degraded = None, ()
        if response.headers.get("content-type", "").startswith("application/problem+json"):
            problem = str(response.json().get("type", ""))
        elif op == "query" and response.is_success:
            degraded = tuple(response.json().get("degraded", ()))
        self.answers.append(
            Answer(
                op,
                response.status_code,
                time.monotonic() - sent,
                sent,
                problem,
                response.headers.get("retry-after"),
                degraded=degraded,
            )
        )
        return response

    async def upload(self) -> None:
        items = [item(rating="A") for _ in range(2)]
        response = await self._call(
            "upload", self.world.tax, "POST", "/v1/credit/ratings", json={"items": items}
        )
        if response is not None and response.is_success:
            self.acknowledged.extend(("rating", i["uscc"]) for i in items)

    async def consent(self) -> None:
        uscc = make_uscc()
        partner = self.world.partner
        body = {"uscc": uscc, "evidence_ref": "ETAX-AUTH-FAULTS"}
        granted = await self._call("authorise", partner, "POST", "/v1/credit/authorisations", json=body)
        if granted is None or not granted.is_success:
            return
        self.acknowledged.append(("authorisation", str(granted.json()["id"])))
        body = {"uscc": uscc, "bank_org_id": self.world.bank.org_id, "evidence_ref": "ETAX-FAULTS"}
        consent = await self._call("consent", partner, "POST", "/v1/credit/consents", json=body)
        if consent is not None and consent.is_success:
            self.acknowledged.append(("consent", str(consent.json()["id"])))

    async def exposure(self) -> None:
        c = self.world.chain
        body = exposure_body(c, principal_fen=yuan(10_000))
        response = await self._call("exposure", c.local.actor, "POST", "/v1/guarantee/exposures", json=body)
        if response is not None and response.is_success:
            self.acknowledged.append(("exposure", str(response.json()["id"])))

    async def query(self) -> None:
        uscc = self.world.profiles[len(self.answers) % len(self.world.profiles)]
        body = {"uscc": uscc, "amount_fen": yuan(1_000_000), "term_months": 12}
        await self._call("query", self.world.partner, "POST", "/v1/match/queries", json=body)

    async def feed(self) -> None:
        await self._call("feed", self.world.bank, "GET", "/v1/credit/feed", params={"limit": 100})

    # --- what the answers say -------------------------------------------------------------

    def statuses(self) -> Counter[tuple[str, int]]:
        return Counter((a.op, a.status) for a in self.answers)

    def refusals(self, allowed: frozenset[int] = UNAVAILABLE, ops: set[str] | None = None) -> list[Answer]:
        """Answers (of ``ops``, default all) that are neither a success nor an ``allowed`` problem;
        a 503 must also say when to retry (Retry-After)."""

        def fine(a: Answer) -> bool:
            if 200 <= a.status < 300:
                return True
            if a.status not in allowed or a.problem_type is None:
                return False
            return a.status != 503 or a.retry_after is not None

        return [a for a in self.answers if (ops is None or a.op in ops) and not fine(a)]

    def between(self, start: float, end: float) -> Traffic:
        """The same traffic with only the answers to requests sent in [start, end)."""
        view = Traffic(self.gateway_url, self.world)
        view.answers = [a for a in self.answers if start <= a.at < end]
        return view


async def missing_writes(
    api: Api, world: World, acknowledged: list[tuple[str, str]]
) -> list[tuple[str, str]]:
    """Every acknowledged write that cannot be read back now (should be none)."""
    partner, c = world.partner, world.chain
    consents = await _all(api, partner, "/v1/credit/consents")
    authorisations = await _all(api, partner, "/v1/credit/authorisations")
    exposures = await _all(api, c.local.actor, "/v1/guarantee/exposures")
    found = {
        "consent": {str(x["id"]) for x in consents},
        "authorisation": {str(x["id"]) for x in authorisations},
        "exposure": {str(x["id"]) for x in exposures},
    }
    missing = [(kind, key) for kind, key in acknowledged if kind != "rating" and key not in found[kind]]
    for kind, uscc in acknowledged:
        if kind == "rating":
            got = await api.call(world.tax, "GET", f"/v1/credit/ratings/{uscc}")
            if got.status_code != 200:
                missing.append((kind, uscc))
    return missing


async def _all(api: Api, actor: Actor, path: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor: str | None = None
    while True:
        params: dict[str, Any] = {"limit": 1000, **({"cursor": cursor} if cursor else {})}
        response = await api.call(actor, "GET", path, params=params)
        assert response.status_code == 200, response.text
        page = response.json()
        items.extend(page["items"])
        cursor = page.get("next_cursor")
        if not cursor:
            return items


async def until_serving(traffic: Traffic, within_s: float = 60.0) -> float:
    """Seconds until one round of the mix succeeds entirely again (the platform recovered)."""
    started = time.monotonic()
    while time.monotonic() - started < within_s:
        before = len(traffic.answers)
        for op in traffic._ops:
            await op()
        if all(200 <= a.status < 300 for a in traffic.answers[before:]):
            return time.monotonic() - started
        await asyncio.sleep(0.5)
    raise AssertionError(f"the platform did not recover within {within_s:g} s: {traffic.statuses()}")


async def backlog_drains(api: Api, world: World, receivers: dict[str, Receiver]) -> None:
    """The bank's webhook backlog drains: each event is in its feed once, no delivery is left
    pending or failed, each delivery reached its subscription's receiver (at least once), and
    the world's subscription (made before any traffic) has a delivery of every event after it."""
    assert world.subscription is not None
    first, since = str(world.subscription["id"]), _moment(world.subscription["created_at"])
    events = await feed_all(api, world.bank)
    assert [i for i, n in Counter(e["id"] for e in events).items() if n > 1] == []
    # The A list addressed to a bank new to credit_push when it subscribes is written in the
    # subscription's own transaction, just before it (same `created_at`): the feed has it.
    ids = [str(e["id"]) for e in events if _moment(e["created_at"]) > since]
    assert ids, "the traffic made no event for the bank"
    bank = world.bank

    async def settled() -> list[dict[str, Any]] | None:
        found = await _all(api, bank, "/v1/credit/deliveries")
        to_first = {d["event_id"] for d in found if d["subscription_id"] == first}
        done = all(d["status"] == "delivered" for d in found) and to_first >= set(ids)
        return found if done else None

    try:
        deliveries = await eventually(settled, within_s=120)
    except AssertionError:
        left = await _all(api, bank, "/v1/credit/deliveries")
        sent = {d["event_id"] for d in left if d["subscription_id"] == first}
        unsent = [(e["type"], e["created_at"]) for e in events if e["id"] in set(ids) - sent]
        raise AssertionError(
            f"backlog not drained: {Counter(d['status'] for d in left)}; no delivery of {unsent[:3]}"
        ) from None
    assert {d["event_id"] for d in deliveries} <= {e["id"] for e in events}
    for d in deliveries:
        receiver = receivers[d["subscription_id"]]
        assert d["event_id"] in {r.headers["webhook-id"] for r in receiver.received}


def _moment(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))
