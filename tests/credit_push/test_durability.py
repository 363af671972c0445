"""Retries, replay, two dispatchers on one database, and pending deliveries surviving kill -9.

Each test runs credit_push instances of its own on a database of its own, with a short
retry schedule, so the stack's instance (default schedule) never competes for the work.
"""

from __future__ import annotations

import asyncio
import collections
import itertools
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from standardwebhooks.webhooks import Webhook

from kit.migrations import upgrade
from services.credit_push import workers
from services.credit_push.clients.ssrf import pinned_client
from services.credit_push.clients.webhooks import new_secret
from services.credit_push.repository import Claimed
from services.credit_push.settings import CreditPushSettings as Settings
from tests.support import postgres
from tests.support.api import Api
from tests.support.credit_push import Direct, Receiver, eventually, item
from tests.support.stack import Stack, free_socket, serve_env

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
async def own_db(pg_server: postgres.PgTestServer) -> str:
    url = await pg_server.create_database()
    await upgrade(url)
    return url


@pytest.fixture
async def instance(stack: Stack, own_db: str) -> AsyncIterator[Direct]:
    url, stop = stack.spawn(
        "credit_push", database_url=own_db, webhook_retry_schedule="1,1", poll_interval_s=0.1
    )
    direct = Direct(url)
    yield direct
    await direct.aclose()
    stop()


async def _subscribe(direct: Direct, bank_id: str, url: str) -> dict[str, Any]:
    response = await direct.call("bank", bank_id, "POST", "/v1/credit/subscriptions", json={"url": url})
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


async def _upload(direct: Direct, items: list[dict[str, Any]]) -> None:
    response = await direct.call("tax_authority", None, "POST", "/v1/credit/ratings", json={"items": items})
    assert response.status_code == 200, response.text


async def _deliveries(direct: Direct, bank_id: str, **params: Any) -> list[dict[str, Any]]:
    response = await direct.call(
        "bank", bank_id, "GET", "/v1/credit/deliveries", params={"limit": 1000, **params}
    )
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


def _waiting_for(direct: Direct, bank_id: str, status: str, n: int) -> Callable[[], Any]:
    async def check() -> list[dict[str, Any]] | None:
        found = await _deliveries(direct, bank_id, status=status)
        return found if len(found) >= n else None

    return check


async def test_failed_after_the_schedule_then_retry_delivers(api: Api, instance: Direct) -> None:
    bank = await api.org("bank")
    answers = {"status": 500}
    receiver = Receiver(respond=lambda _: answers["status"])
    try:
        sub = await _subscribe(instance, bank.org_id, receiver.url)
        await _upload(instance, [item(rating="A")])
        [failed] = await eventually(_waiting_for(instance, bank.org_id, "failed", 1))
        # Schedule "1,1": the first attempt and two retries.
        assert (failed["attempts"], failed["last_status_code"], failed["next_attempt_at"]) == (3, 500, None)
        assert len(receiver.received) == 3
        assert {r.headers["webhook-id"] for r in receiver.received} == {failed["event_id"]}
        times = [r.at for r in receiver.received]
        assert all(later - earlier >= timedelta(seconds=0.9) for earlier, later in itertools.pairwise(times))

        answers["status"] = 200
        retried = await instance.call(
            "bank", bank.org_id, "POST", f"/v1/credit/deliveries/{failed['id']}/retry"
        )
        assert retried.status_code == 202
        [delivered] = await eventually(_waiting_for(instance, bank.org_id, "delivered", 1))
        assert (delivered["id"], delivered["attempts"], delivered["last_status_code"]) == (
            failed["id"],
            4,
            200,
        )
        last = receiver.received[-1]
        assert Webhook(sub["secret"]).verify(last.body, last.headers)["id"] == failed["event_id"]
        other = await api.org("bank")
        stranger = await instance.call(
            "bank", other.org_id, "POST", f"/v1/credit/deliveries/{failed['id']}/retry"
        )
        assert stranger.status_code == 404
    finally:
        receiver.stop()


async def test_recover_sends_every_failure_since_a_time(api: Api, instance: Direct) -> None:
    bank = await api.org("bank")
    answers = {"status": 503}
    receiver = Receiver(respond=lambda _: answers["status"])
    try:
        sub = await _subscribe(instance, bank.org_id, receiver.url)
        since = datetime.now(UTC) - timedelta(seconds=1)
        await _upload(instance, [item(rating="A"), item(rating="A")])
        await eventually(_waiting_for(instance, bank.org_id, "failed", 2))
        answers["status"] = 200
        path = f"/v1/credit/subscriptions/{sub['id']}/recover"
        later = await instance.call(
            "bank", bank.org_id, "POST", path, json={"since": datetime.now(UTC).isoformat()}
        )
        assert later.json() == {"requeued": 0}
        recovered = await instance.call("bank", bank.org_id, "POST", path, json={"since": since.isoformat()})
        assert (recovered.status_code, recovered.json()) == (202, {"requeued": 2})
        delivered = await eventually(_waiting_for(instance, bank.org_id, "delivered", 2))
        assert [d["attempts"] for d in delivered] == [4, 4]
    finally:
        receiver.stop()


async def test_two_dispatchers_never_send_the_same_delivery(api: Api, stack: Stack, own_db: str) -> None:
    first_url, stop_first = stack.spawn("credit_push", database_url=own_db, poll_interval_s=0.1)
    second_url, stop_second = stack.spawn("credit_push", database_url=own_db, poll_interval_s=0.1)
    first, second = Direct(first_url), Direct(second_url)
    banks = [await api.org("bank") for _ in range(3)]

    def slow_ok(_: int) -> int:
        time.sleep(0.01)
        return 200

    receiver = Receiver(respond=slow_ok)
    try:
        # Three subscriptions, so both processes send at the same time.
        for bank in banks:
            await _subscribe(first, bank.org_id, receiver.url)
        n = 40
        await _upload(second, [item(rating="A") for _ in range(n)])
        for bank in banks:
            delivered = await eventually(_waiting_for(first, bank.org_id, "delivered", n))
            retried = [(d["attempts"], d["last_error"]) for d in delivered if d["attempts"] != 1]
            assert retried == []
        ids = collections.Counter(r.headers["webhook-id"] for r in receiver.received)
        assert len(ids) == 3 * n
        assert set(ids.values()) == {1}
    finally:
        receiver.stop()
        await first.aclose()
        await second.aclose()
        stop_first()
        stop_second()


async def test_a_hanging_receiver_does_not_hold_up_other_banks(api: Api, stack: Stack, own_db: str) -> None:
    """One bank's receiver that never answers occupies its own sends in flight, not the dispatcher."""
    url, stop = stack.spawn(
        "credit_push",
        database_url=own_db,
        poll_interval_s=0.1,
        webhook_timeout_s=30,
        webhook_max_in_flight=4,
    )
    direct = Direct(url)
    gate = threading.Event()

    def hang(_: int) -> int:
        gate.wait(timeout=60)
        return 200

    hanging, healthy = Receiver(respond=hang), Receiver()
    slow_bank, other_bank = await api.org("bank"), await api.org("bank")
    try:
        await _subscribe(direct, slow_bank.org_id, hanging.url)
        await _upload(direct, [item(rating="A") for _ in range(12)])
        await eventually(lambda: _received(hanging, 4))
        await _subscribe(direct, other_bank.org_id, healthy.url)
        await _upload(direct, [item(rating="A") for _ in range(3)])
        delivered = await eventually(_waiting_for(direct, other_bank.org_id, "delivered", 3))
        assert len(delivered) == 3
        # The hanging receiver has at most FINMATCH_WEBHOOK_MAX_IN_FLIGHT deliveries in flight.
        assert len(hanging.received) == 4
    finally:
        gate.set()
        hanging.stop()
        healthy.stop()
        await direct.aclose()
        stop()


def _serve(own_db: str, gateway_url: str, port: int) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "FINMATCH_DATABASE_URL": own_db,
        **serve_env("credit_push"),
        "FINMATCH_GATEWAY_URL": gateway_url,
        "FINMATCH_HOST": "127.0.0.1",
        "FINMATCH_CREDIT_PUSH_PORT": str(port),
        "FINMATCH_WEBHOOK_ALLOW_PRIVATE": "1",
        "FINMATCH_POLL_INTERVAL_S": "0.1",
        "FINMATCH_WEBHOOK_RETRY_SCHEDULE": "1,1",
        # A short timeout: the killed process's send lease (2 x timeout + 5 s) runs out sooner.
        "FINMATCH_WEBHOOK_TIMEOUT_S": "2",
        "FINMATCH_LOG_LEVEL": "WARNING",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "deploy.cli", "serve", "credit_push"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


async def _healthy(url: str) -> bool:
    try:
        async with httpx.AsyncClient(timeout=1.0) as client:
            return (await client.get(url + "/healthz")).status_code == 200
    except httpx.HTTPError:
        return False


@pytest.mark.e2e  # a real `finmatch serve` process, killed with SIGKILL
async def test_pending_deliveries_survive_kill_9(api: Api, stack: Stack, own_db: str) -> None:
    sock = free_socket()
    port = sock.getsockname()[1]
    sock.close()
    url = f"http://127.0.0.1:{port}"
    gate = threading.Event()

    def held(_: int) -> int:
        gate.wait(timeout=60)  # the receiver hangs until the process is dead
        return 200

    receiver = Receiver(respond=held)
    bank = await api.org("bank")
    direct = Direct(url)
    process = _serve(own_db, stack.url("gateway"), port)
    try:
        await eventually(lambda: _healthy(url))
        await _subscribe(direct, bank.org_id, receiver.url)
        n = 20
        await _upload(direct, [item(rating="A") for _ in range(n)])
        await eventually(lambda: _received(receiver, 1))
        pending = await _deliveries(direct, bank.org_id, status="pending")
        assert len(pending) == n  # some are in flight, none finished

        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
        gate.set()
        process = _serve(own_db, stack.url("gateway"), port)
        await eventually(lambda: _healthy(url))
        delivered = await eventually(_waiting_for(direct, bank.org_id, "delivered", n), within_s=60)
        assert {d["event_id"] for d in delivered} == {d["event_id"] for d in pending}
        assert {r.headers["webhook-id"] for r in receiver.received} == {d["event_id"] for d in pending}
    finally:
        gate.set()
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
        receiver.stop()
        await direct.aclose()


async def _received(receiver: Receiver, n: int) -> bool:
    await asyncio.sleep(0)
    return len(receiver.received) >= n


async def test_delivery_time_check_refuses_private_targets() -> None:
    """A URL that resolves to a private address at send time is not contacted."""
    claimed = Claimed(
        id=uuid.uuid4(),
        round_failures=0,
        subscription_id=uuid.uuid4(),
        url="https://localhost:1/hook",
        secret=new_secret(),
        previous_secret=None,
        previous_secret_until=None,
        event={"id": "e", "type": "credit.rating.published", "seq": 1, "created_at": "x", "data": {}},
    )
    settings = Settings(webhook_allow_private=False)
    client = pinned_client(allow_private=False, timeout_s=5)
    try:
        result = await workers.attempt(client, claimed, settings, datetime.now(UTC))
    finally:
        await client.close()
    assert result.status_code is None
    assert result.error is not None
    assert "non-public" in result.error


async def test_a_host_that_rebinds_to_a_private_address_is_not_contacted(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """DNS rebinding: the name passed the check, then resolves to loopback when the dispatcher connects."""
    receiver = Receiver()
    port = receiver.server.server_address[1]

    async def passed_the_check(url: str, allow_private: bool) -> None:
        return None

    monkeypatch.setattr(workers, "check_url", passed_the_check)
    claimed = Claimed(
        id=uuid.uuid4(),
        round_failures=0,
        subscription_id=uuid.uuid4(),
        url=f"http://localhost:{port}/hook",
        secret=new_secret(),
        previous_secret=None,
        previous_secret_until=None,
        event={"id": "e", "type": "credit.rating.published", "seq": 1, "created_at": "x", "data": {}},
    )
    client = pinned_client(allow_private=False, timeout_s=5)
    try:
        result = await workers.attempt(
            client, claimed, Settings(webhook_allow_private=False), datetime.now(UTC)
        )
        assert result.status_code is None
        assert result.error is not None
        assert result.error.startswith("refused:")
        assert "non-public" in result.error
        assert receiver.received == []
        # The same client in development mode (private targets allowed) reaches the receiver.
        open_client = pinned_client(allow_private=True, timeout_s=5)
        try:
            reached = await workers.attempt(
                open_client, claimed, Settings(webhook_allow_private=True), datetime.now(UTC)
            )
        finally:
            await open_client.close()
        assert reached.status_code == 200
        assert len(receiver.received) == 1
    finally:
        await client.close()
        receiver.stop()
