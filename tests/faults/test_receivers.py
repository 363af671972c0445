"""Webhook receivers that misbehave, all at once, next to a healthy one (real HTTP servers).

One credit_push instance of the test's own (a short webhook timeout stands for the contract's
15 s, so "several minutes" is a few seconds here) sends each bank's events to its receiver: one
is down, one answers after the timeout, one 410, one closes the connection mid-answer, one
redirects, one sends an endless body, one answers 200 long after the timeout. Proven: the
healthy bank has everything on first attempt while the others still fail; each failing
delivery is tried exactly as the schedule says (1 + its length, each wait at least its step);
410 pauses the subscription; the redirect is not followed; and once every receiver is healed
(and the subscriptions resumed and recovered) every event reaches its receiver: nothing lost.
"""

from __future__ import annotations

import functools
from datetime import UTC, datetime
from typing import Any

import pytest

from kit.migrations import upgrade
from tests.faults.conftest import SCALE
from tests.faults.receivers import Misbehaving, gaps
from tests.support import postgres
from tests.support.api import Api
from tests.support.credit_push import Direct, Receiver, eventually, item
from tests.support.stack import Stack

TIMEOUT_S = 1.0
BAD = ("down", "slow", "gone", "cut", "redirect", "late")


@pytest.fixture
async def own_db(pg_server: postgres.PgTestServer) -> str:
    url = await pg_server.create_database()
    await upgrade(url)
    return url


async def _deliveries(direct: Direct, bank_id: str) -> list[dict[str, Any]]:
    got = await direct.call("bank", bank_id, "GET", "/v1/credit/deliveries", params={"limit": 1000})
    assert got.status_code == 200, got.text
    items: list[dict[str, Any]] = got.json()["items"]
    return items


async def _settled(direct: Direct, bank_id: str, n: int) -> list[dict[str, Any]] | None:
    """The bank's ``n`` deliveries once none is pending any more."""
    found = await _deliveries(direct, bank_id)
    return found if len(found) == n and all(d["status"] != "pending" for d in found) else None


async def _paused(direct: Direct, bank_id: str, n: int) -> list[dict[str, Any]] | None:
    """The 410 bank's ``n`` deliveries once its subscription is paused and none is in flight."""
    found = await _deliveries(direct, bank_id)
    subs = await direct.call("bank", bank_id, "GET", "/v1/credit/subscriptions")
    paused = [s["status"] for s in subs.json()["items"]] == ["paused"]
    waiting = all(d["status"] == "failed" or d["attempts"] == 0 for d in found)
    return found if paused and len(found) == n and waiting else None


async def _misbehave(
    api: Api, stack: Stack, own_db: str, events: int, schedule: tuple[int, ...], late_s: float
) -> None:
    url, stop = stack.spawn(
        "credit_push",
        database_url=own_db,
        poll_interval_s=0.1,
        webhook_timeout_s=TIMEOUT_S,
        webhook_retry_schedule=",".join(map(str, schedule)),
        webhook_max_in_flight=4,
    )
    direct = Direct(url)
    healthy, target = Receiver(), Receiver()
    receivers = {
        "down": Misbehaving(behaviour="down"),
        "slow": Misbehaving(behaviour="slow", delay_s=3 * TIMEOUT_S),
        "gone": Misbehaving(behaviour="gone"),
        "cut": Misbehaving(behaviour="cut"),
        "redirect": Misbehaving(behaviour="redirect", redirect_to=target.url),
        "huge": Misbehaving(behaviour="huge"),
        "late": Misbehaving(behaviour="slow", delay_s=late_s),  # 200, minutes after the timeout
    }
    banks = {name: (await api.org("bank")).org_id for name in [*receivers, "healthy"]}
    every: dict[str, Receiver] = {**receivers, "healthy": healthy}
    subs: dict[str, str] = {}
    try:
        for name, receiver in every.items():
            created = await direct.call(
                "bank", banks[name], "POST", "/v1/credit/subscriptions", json={"url": receiver.url}
            )
            assert created.status_code == 201, created.text
            subs[name] = created.json()["id"]
        started = datetime.now(UTC)
        uploaded = await direct.call(
            "tax_authority",
            None,
            "POST",
            "/v1/credit/ratings",
            json={"items": [item() for _ in range(events)]},
        )
        assert uploaded.status_code == 200, uploaded.text

        first = await eventually(lambda: _settled(direct, banks["healthy"], events), within_s=60)
        assert [(d["status"], d["attempts"]) for d in first] == [("delivered", 1)] * events
        for name in BAD:  # the healthy bank did not wait for any bad receiver
            assert not any(
                d["status"] == "failed" and d["attempts"] > 1 for d in await _deliveries(direct, banks[name])
            ), name

        # A failing receiver gets one delivery in flight at a time, each attempt up to the timeout.
        budget = events * (len(schedule) + 1) * (TIMEOUT_S + 1) + sum(schedule) + 60
        settled = {}
        for name in [*BAD, "huge"]:
            settle = _paused if name == "gone" else _settled
            check = functools.partial(settle, direct, banks[name], events)
            try:
                settled[name] = await eventually(check, within_s=budget)
            except AssertionError:
                left = await _deliveries(direct, banks[name])
                raise AssertionError(f"{name}: {[(d['status'], d['attempts']) for d in left]}") from None
        _check_schedule(settled, receivers, schedule)
        assert target.received == []  # a redirect is not followed
        paused = await direct.call("bank", banks["gone"], "GET", f"/v1/credit/subscriptions/{subs['gone']}")
        assert paused.json()["status"] == "paused"

        for receiver in receivers.values():
            receiver.heal()
        await _recover(direct, banks, subs, started)
        for name in every:
            done = await eventually(functools.partial(_settled, direct, banks[name], events), within_s=60)
            assert {d["status"] for d in done} == {"delivered"}, name
            seen = {r.headers["webhook-id"] for r in every[name].received}
            assert {d["event_id"] for d in done} <= seen, name  # every event reached the receiver
    finally:
        for receiver in [*every.values(), target]:
            receiver.stop()
        await direct.aclose()
        stop()


def _check_schedule(
    settled: dict[str, list[dict[str, Any]]], receivers: dict[str, Misbehaving], schedule: tuple[int, ...]
) -> None:
    """Every delivery to a failing receiver: 1 + len(schedule) attempts, the waits at least the steps."""
    for name in ("down", "slow", "cut", "redirect", "late"):
        assert {(d["status"], d["attempts"]) for d in settled[name]} == {("failed", 1 + len(schedule))}, name
        for d in settled[name]:
            seen = gaps(receivers[name], d["event_id"])
            assert name == "down" or len(seen) == len(schedule), (name, seen)
            # Measured from the receiver's side (send start), so a step may show up to the
            # timeout shorter than it is (a timed-out attempt is recorded when it gives up).
            assert all(gap >= step - 0.1 for gap, step in zip(seen, schedule, strict=False)), (name, seen)
    # 410: those in flight fail at once; the rest wait, unsent, for the subscription to resume.
    assert {(d["status"], d["attempts"], d["last_status_code"]) for d in settled["gone"]} <= {
        ("failed", 1, 410),
        ("pending", 0, None),
    }
    assert {(d["status"], d["attempts"]) for d in settled["huge"]} == {("delivered", 1)}


async def _recover(direct: Direct, banks: dict[str, str], subs: dict[str, str], since: datetime) -> None:
    """What a bank does after fixing its receiver: resume a paused subscription, recover its failures."""
    resumed = await direct.call(
        "bank", banks["gone"], "PATCH", f"/v1/credit/subscriptions/{subs['gone']}", json={"status": "active"}
    )
    assert resumed.status_code == 200, resumed.text
    for name in BAD:
        path = f"/v1/credit/subscriptions/{subs[name]}/recover"
        recovered = await direct.call("bank", banks[name], "POST", path, json={"since": since.isoformat()})
        assert recovered.status_code == 202, recovered.text


async def test_misbehaving_receivers_lose_nothing_and_delay_no_one(
    api: Api, stack: Stack, own_db: str
) -> None:
    await _misbehave(api, stack, own_db, events=3, schedule=(1, 1, 2), late_s=5.0)


@pytest.mark.faults
async def test_misbehaving_receivers_for_minutes(api: Api, stack: Stack, own_db: str) -> None:
    """More events, a longer schedule, and a receiver whose 200 comes SCALE x 12 s late."""
    await _misbehave(api, stack, own_db, events=10, schedule=(1, 2, 4, 8), late_s=12.0 * SCALE)
