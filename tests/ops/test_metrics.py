"""The metrics port, the metrics contract's names, and readiness that does not cascade."""

from __future__ import annotations

import asyncio
import re

import httpx

from tests.support.api import Api, make_uscc
from tests.support.metrics import app_of, metrics_text
from tests.support.stack import Stack, free_socket
from tests.support.stack import app_of as stack_app_of


def _metrics_port_above(port: int) -> int:
    while True:
        sock = free_socket()
        candidate = int(sock.getsockname()[1])
        sock.close()
        if candidate > port:
            return candidate


def _sample(text: str, name: str, **labels: str) -> float | None:
    """The value of one series in Prometheus text, or None when absent."""
    for line in text.splitlines():
        if not line.startswith(name + "{") and not line.startswith(name + " "):
            continue
        if all(f'{key}="{value}"' in line for key, value in labels.items()):
            return float(line.rsplit(" ", 1)[1])
    return None


async def test_metrics_are_served_on_the_metrics_port_not_the_public_one(stack: Stack, api: Api) -> None:
    sock = free_socket()
    port = int(sock.getsockname()[1])
    metrics_port = _metrics_port_above(port)
    values = stack.values_of("guarantee", guarantee_port=port, metrics_offset=metrics_port - port)
    key = f"guarantee-metrics-{port}"
    await asyncio.to_thread(stack.threads.serve, key, stack_app_of("guarantee", values), sock)
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
            assert (await client.get("/readyz")).status_code == 200
            assert (await client.get("/metrics")).status_code == 404
        scraped = await asyncio.to_thread(httpx.get, f"http://127.0.0.1:{metrics_port}/metrics")
        assert scraped.status_code == 200
        text = scraped.text
        assert _sample(text, "finmatch_build_info") == 1.0
        assert re.search(r'finmatch_build_info\{commit="[^"]+",version="[^"]+"\}', text)
        assert _sample(text, "finmatch_db_pool_max") == 2 * stack.settings.db_pool_size
        assert _sample(text, "finmatch_db_pool_in_use") is not None
        count = _sample(text, "finmatch_http_request_duration_seconds_count", route="/readyz", status="200")
        assert count == 1.0
    finally:
        await asyncio.to_thread(stack.threads.stop, key)
    # The port closes with the app.
    try:
        await asyncio.to_thread(httpx.get, f"http://127.0.0.1:{metrics_port}/metrics", timeout=1)
        raise AssertionError("the metrics port outlived its app")
    except httpx.HTTPError:
        pass


async def test_gateway_is_ready_with_a_service_stopped_and_says_so_in_a_gauge(stack: Stack, api: Api) -> None:
    dead = free_socket()  # bound, never listening: credit_push is down for this gateway
    url, stop = await asyncio.to_thread(
        stack.spawn, "gateway", credit_push_url=f"http://127.0.0.1:{dead.getsockname()[1]}"
    )
    try:
        async with httpx.AsyncClient(base_url=url) as client:
            ready = await client.get("/readyz")
            assert ready.status_code == 200, ready.text
            assert ready.json()["checks"] == {"database": "ok", "credentials": "ok"}
            assert (await client.get("/v1/credit/feed", headers=api.admin_headers)).status_code == 503
        text = await asyncio.to_thread(metrics_text, stack, "gateway-" + url.rsplit(":", 1)[1])
        assert _sample(text, "finmatch_peer_up", peer="credit_push") == 0.0
        assert _sample(text, "finmatch_peer_up", peer="guarantee") == 1.0
        assert _sample(text, "finmatch_dependency_errors_total", target="credit_push") == 1.0
    finally:
        await asyncio.to_thread(stop)
        dead.close()


async def test_limit_refusals_are_counted_by_kind(stack: Stack, api: Api) -> None:
    url, stop = await asyncio.to_thread(stack.spawn, "gateway", max_body_bytes=64, rate_limit_per_s=0.001)
    try:
        async with httpx.AsyncClient(base_url=url) as client:
            big = await client.post("/v1/orgs", content=b"x" * 200, headers=api.admin_headers)
            assert big.status_code == 413
            statuses = [(await client.get("/v1/me", headers=api.admin_headers)).status_code for _ in range(3)]
            assert 429 in statuses
        text = await asyncio.to_thread(metrics_text, stack, "gateway-" + url.rsplit(":", 1)[1])
        assert _sample(text, "finmatch_limit_refusals_total", kind="body_too_large") == 1.0
        assert (_sample(text, "finmatch_limit_refusals_total", kind="rate_limit") or 0) >= 1.0
    finally:
        await asyncio.to_thread(stop)


async def test_workers_report_liveness_and_webhooks_their_outcomes(stack: Stack, api: Api) -> None:
    """Every background loop reports without a line in the loop; the outbox is read on scrape."""
    bank = await api.org("bank")
    tax = await api.org("tax_authority")
    hook = {"url": "http://127.0.0.1:9/never-listening"}
    assert (await api.call(bank, "POST", "/v1/credit/subscriptions", json=hook)).status_code == 201
    item = {"uscc": make_uscc(), "name": "兰州指标样例有限公司", "rating": "A", "year": 2024}
    assert (await api.call(tax, "POST", "/v1/credit/ratings", json={"items": [item]})).status_code == 200
    text = ""
    for _ in range(100):
        text = await asyncio.to_thread(metrics_text, stack, "credit_push")
        if _sample(text, "finmatch_webhook_attempts_total", outcome="retry") and _sample(
            text, "finmatch_outbox_depth", bank=bank.org_id
        ):
            break
        await asyncio.sleep(0.1)
    for worker in ("bank_discovery", "consent_expiry", "dispatcher", "idempotency_purge"):
        assert _sample(text, "finmatch_worker_last_success_timestamp_seconds", worker=worker), worker
    assert (_sample(text, "finmatch_webhook_attempts_total", outcome="retry") or 0) >= 1
    assert _sample(text, "finmatch_webhook_attempt_duration_seconds_count", outcome="retry")
    assert (_sample(text, "finmatch_outbox_depth", bank=bank.org_id) or 0) >= 1
    assert _sample(text, "finmatch_outbox_oldest_pending_seconds", bank=bank.org_id) is not None
    for sub in (await api.call(bank, "GET", "/v1/credit/subscriptions")).json()["items"]:
        await api.call(bank, "DELETE", f"/v1/credit/subscriptions/{sub['id']}")


def test_stack_apps_keep_their_own_registries(stack: Stack) -> None:
    gateway = app_of(stack, "gateway").state.ctx.metrics
    guarantee = app_of(stack, "guarantee").state.ctx.metrics
    assert gateway.registry is not guarantee.registry
