"""The batched dispatcher: many deliveries in flight per subscription, a failing receiver
throttled to one, and a receiver's answer body read only up to a cap.

Each test runs a credit_push instance of its own on a database of its own (as
test_durability.py does), so the stack's instance never competes for the work.
"""

from __future__ import annotations

import collections
import json
import socket
import threading
import time
import uuid
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from standardwebhooks.webhooks import Webhook

from kit.migrations import upgrade
from services.credit_push import workers
from services.credit_push.clients.ssrf import pinned_client
from services.credit_push.clients.webhooks import new_secret
from services.credit_push.repository import Claimed
from services.credit_push.service import dispatch
from services.credit_push.settings import CreditPushSettings
from tests.support import postgres
from tests.support.api import Api
from tests.support.credit_push import Direct, Receiver, eventually, item
from tests.support.stack import Stack


class Gauge:
    """Counts a receiver's requests in progress and remembers the most seen at once."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.now = 0
        self.most = 0

    def answering(self, status: Callable[[], int], hold_s: float) -> Callable[[int], int]:
        def respond(_: int) -> int:
            with self.lock:
                self.now += 1
                self.most = max(self.most, self.now)
            time.sleep(hold_s)  # so that concurrent sends overlap here
            with self.lock:
                self.now -= 1
            return status()

        return respond

    def reset(self) -> None:
        with self.lock:
            self.most = self.now


@pytest.fixture
async def own_db(pg_server: postgres.PgTestServer) -> str:
    url = await pg_server.create_database()
    await upgrade(url)
    return url


@pytest.fixture
async def instance(stack: Stack, own_db: str) -> AsyncIterator[Direct]:
    url, stop = stack.spawn(
        "credit_push",
        database_url=own_db,
        webhook_retry_schedule="1,1,1,1,1,1,1,1,1,1",
        webhook_max_in_flight=8,
        poll_interval_s=0.1,
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


async def _upload(direct: Direct, n: int) -> None:
    items = [item(rating="A") for _ in range(n)]
    response = await direct.call("tax_authority", None, "POST", "/v1/credit/ratings", json={"items": items})
    assert response.status_code == 200, response.text


def _count(direct: Direct, bank_id: str, status: str, n: int) -> Callable[[], Any]:
    async def check() -> list[dict[str, Any]] | None:
        response = await direct.call(
            "bank", bank_id, "GET", "/v1/credit/deliveries", params={"limit": 1000, "status": status}
        )
        found: list[dict[str, Any]] = response.json()["items"]
        return found if len(found) >= n else None

    return check


async def test_many_in_flight_per_subscription_each_delivered_once_and_signed(
    api: Api, instance: Direct
) -> None:
    gauge = Gauge()
    receiver = Receiver(respond=gauge.answering(lambda: 200, 0.05))
    bank = await api.org("bank")
    try:
        sub = await _subscribe(instance, bank.org_id, receiver.url)
        n = 60
        await _upload(instance, n)
        delivered = await eventually(_count(instance, bank.org_id, "delivered", n))
        assert all(d["attempts"] == 1 for d in delivered)
        ids = collections.Counter(r.headers["webhook-id"] for r in receiver.received)
        assert set(ids.values()) == {1}
        assert set(ids) == {d["event_id"] for d in delivered}
        webhook = Webhook(sub["secret"])
        assert {webhook.verify(r.body, r.headers)["id"] for r in receiver.received} == set(ids)
        # Several at once, never more than FINMATCH_WEBHOOK_MAX_IN_FLIGHT (8 here).
        assert 1 < gauge.most <= 8
    finally:
        receiver.stop()


async def test_a_failing_receiver_gets_one_in_flight_and_does_not_delay_a_healthy_one(
    api: Api, instance: Direct
) -> None:
    failing_gauge, healthy_gauge = Gauge(), Gauge()
    answer = {"status": 500}
    failing = Receiver(respond=failing_gauge.answering(lambda: answer["status"], 0.05))
    healthy = Receiver(respond=healthy_gauge.answering(lambda: 200, 0.05))
    sick_bank, well_bank = await api.org("bank"), await api.org("bank")
    try:
        await _subscribe(instance, sick_bank.org_id, failing.url)
        await _subscribe(instance, well_bank.org_id, healthy.url)
        n = 30
        await _upload(instance, n)
        # The first 8 fail together and mark the receiver failing; the 9th is sent only once
        # they are recorded, and from then on it has one in flight.
        await eventually(lambda: _at_least(failing, 9))
        failing_gauge.reset()
        await eventually(lambda: _at_least(failing, 20))
        assert failing_gauge.most == 1
        # Meanwhile the healthy receiver got everything, several at once.
        assert await _count(instance, well_bank.org_id, "delivered", n)()
        assert healthy_gauge.most > 1
        assert not await _count(instance, sick_bank.org_id, "delivered", 1)()
        # It recovers: after a success it has several in flight again.
        answer["status"] = 200
        await eventually(_count(instance, sick_bank.org_id, "delivered", n), within_s=60)
    finally:
        failing.stop()
        healthy.stop()


async def _at_least(receiver: Receiver, n: int) -> bool:
    return len(receiver.received) >= n


async def test_it_gives_way_to_an_upload_in_its_process_for_a_bounded_time(
    api: Api, instance: Direct
) -> None:
    """While an upload is being stored in its process the dispatcher claims nothing new; after
    UPLOAD_GIVE_WAY_S one claim goes ahead all the same: deliveries are delayed, never starved."""
    receiver = Receiver()
    bank = await api.org("bank")
    try:
        await _subscribe(instance, bank.org_id, receiver.url)
        with dispatch.storing_upload():  # as an upload being stored in this process marks it
            started = time.monotonic()
            await _upload(instance, 3)  # its deliveries are committed while the mark is held
            await eventually(lambda: _at_least(receiver, 3), within_s=15)
            assert time.monotonic() - started >= workers.UPLOAD_GIVE_WAY_S
    finally:
        receiver.stop()


def _endless_answer() -> tuple[socket.socket, threading.Event]:
    """A receiver that answers 200 and then streams a body that never ends."""
    server = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def serve() -> None:
        conn, _ = server.accept()
        conn.recv(65536)
        conn.sendall(b"HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ntransfer-encoding: chunked\r\n\r\n")
        chunk = b"x" * 16384
        try:
            while not stop.is_set():
                conn.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        except OSError:
            pass
        conn.close()

    threading.Thread(target=serve, daemon=True).start()
    return server, stop


async def test_only_a_small_part_of_an_answer_body_is_read() -> None:
    server, stop = _endless_answer()
    port = server.getsockname()[1]
    claimed = Claimed(
        id=uuid.uuid4(),
        round_failures=0,
        subscription_id=uuid.uuid4(),
        url=f"http://127.0.0.1:{port}/hook",
        secret=new_secret(),
        previous_secret=None,
        previous_secret_until=None,
        event={"id": "e", "type": "credit.rating.published", "seq": 1, "created_at": "x", "data": {}},
    )
    settings = CreditPushSettings(webhook_allow_private=True, webhook_timeout_s=10)
    client = pinned_client(allow_private=True, timeout_s=10)
    try:
        # Reading the whole (endless) body would end in the timeout instead.
        result = await workers.attempt(client, claimed, settings, datetime.now(UTC))
    finally:
        stop.set()
        await client.close()
        server.close()
    assert (result.status_code, result.error) == (200, None)


async def test_two_events_of_one_enterprise_routed_in_feed_order(api: Api, instance: Direct) -> None:
    """The dispatcher routes the events written meanwhile (repository/routing.py). An enterprise
    published and then withdrawn before any routing pass reaches the subscription as both, in
    seq order; its next `published` follows."""
    receiver = Receiver()
    bank = await api.org("bank")
    tax = ("tax_authority", None)
    try:
        await _subscribe_min_a(instance, bank.org_id, receiver.url)
        first = item(rating="A")
        with dispatch.storing_upload():  # no routing pass until both uploads are written
            for batch in ([first], [{**first, "year": first["year"] + 1, "rating": "C"}]):
                answer = await instance.call(*tax, "POST", "/v1/credit/ratings", json={"items": batch})
                assert answer.status_code == 200, answer.text
            await eventually(lambda: _at_least(receiver, 2), within_s=15)
        again = {**first, "year": first["year"] + 1, "rating": "A"}
        answer = await instance.call(*tax, "POST", "/v1/credit/ratings", json={"items": [again]})
        assert answer.status_code == 200, answer.text
        await eventually(lambda: _at_least(receiver, 3), within_s=15)
        sent = sorted((json.loads(body) for body in receiver.bodies()), key=lambda e: e["seq"])
        assert [e["type"].rsplit(".", 1)[1] for e in sent] == ["published", "withdrawn", "published"]
        assert {e["data"]["uscc"] for e in sent} == {first["uscc"]}
        await eventually(_count(instance, bank.org_id, "delivered", 3))
    finally:
        receiver.stop()


async def _subscribe_min_a(direct: Direct, bank_id: str, url: str) -> None:
    response = await direct.call(
        "bank", bank_id, "POST", "/v1/credit/subscriptions", json={"url": url, "min_rating": "A"}
    )
    assert response.status_code == 201, response.text
