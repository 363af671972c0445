"""One function per measured line; each checks its request once, warms up, then runs wrk."""

from __future__ import annotations

import base64
import json
import secrets
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import httpx
from standardwebhooks.webhooks import Webhook

from bench import wrk
from bench.config import Sizes
from bench.credential import direct_headers
from bench.data import Guarantor, check, exposure_body, product_body
from bench.wrk import WrkResult
from kit.principal import Principal
from tests.support.api import Actor, Api


@dataclass
class Recorder:
    """Runs lines and keeps every run's summary for latest.json's ``details``."""

    sizes: Sizes
    runs: dict[str, dict[str, float | int]] = field(default_factory=dict)

    async def line(
        self,
        name: str,
        url: str,
        *,
        connections: int,
        headers: Callable[[], Mapping[str, str]] | None = None,
        seconds: float | None = None,
        **options: Any,
    ) -> WrkResult:
        """A short warm-up, then the measured run (headers are made fresh for each)."""
        make = headers or dict
        warm = self.sizes.warmup_seconds
        await wrk.run(url, connections=connections, seconds=warm, headers=make(), **options)
        result = await wrk.run(
            url, connections=connections, seconds=seconds or self.sizes.wrk_seconds, headers=make(), **options
        )
        self.runs[name] = {"connections": connections, **result.summary()}
        flag = f"  ERRORS {result.error_share:.1%}" if result.error_share else ""
        print(
            f"  {name:<28} c={connections:<3} {result.ok_per_s:>9,.1f} req/s  "
            f"p50 {result.p50_ms:7.2f} ms  p99 {result.p99_ms:7.2f} ms{flag}",
            flush=True,
        )
        return result


async def once(method: str, url: str, status: int, **kwargs: Any) -> dict[str, Any]:
    """One request before a line, so wrk never measures a wrong answer."""
    async with httpx.AsyncClient(timeout=30) as client:
        return check(await client.request(method, url, **kwargs), status)


def bearer(actor: Actor) -> Callable[[], dict[str, str]]:
    return lambda: dict(actor.headers)


def as_principal(actor: Actor) -> Principal:
    """What the gateway vouches for when ``actor`` calls with its key."""
    return Principal(role=actor.role, name=actor.name, org_id=actor.org_id)


async def ping(rec: Recorder, ping_url: str) -> WrkResult:
    await once("GET", ping_url + "/ping", 200)
    return await rec.line("ping", ping_url + "/ping", connections=64)


async def rating_reads(
    rec: Recorder, gateway: str, service: str, env: Mapping[str, str], bank: Actor, uscc: str
) -> dict[str, WrkResult]:
    """The same entitled rating read through the gateway and straight to credit_push."""
    path = f"/v1/credit/ratings/{uscc}"

    def direct() -> dict[str, str]:
        return direct_headers(env, as_principal(bank), service="credit_push", method="GET", target=path)

    await once("GET", gateway + path, 200, headers=bank.headers)
    await once("GET", service + path, 200, headers=direct())
    return {
        "gateway": await rec.line("rating_via_gateway", gateway + path, connections=64, headers=bearer(bank)),
        "direct": await rec.line("rating_direct", service + path, connections=64, headers=direct),
        "gateway_c1": await rec.line(
            "rating_via_gateway_c1",
            gateway + path,
            connections=1,
            headers=bearer(bank),
            seconds=rec.sizes.latency_seconds,
        ),
        "direct_c1": await rec.line(
            "rating_direct_c1",
            service + path,
            connections=1,
            headers=direct,
            seconds=rec.sizes.latency_seconds,
        ),
    }


async def me(rec: Recorder, gateway: str, actor: Actor) -> WrkResult:
    await once("GET", gateway + "/v1/me", 200, headers=actor.headers)
    return await rec.line("me", gateway + "/v1/me", connections=64, headers=bearer(actor))


async def match(
    rec: Recorder, gateway: str, app: Actor, body: dict[str, Any], expected: int
) -> dict[str, WrkResult]:
    url = gateway + "/v1/match/queries"
    answer = await once("POST", url, 200, json=body, headers=app.headers)
    # CONTRACT §5: `total_matches` counts them all and `matches` holds the first `limit` (default
    # 20); a loan_match without `limit` yet answers every match in `matches`.
    found = answer.get("total_matches", len(answer["matches"]))
    if found != expected or answer["degraded"]:
        raise RuntimeError(
            f"the match query found {found} (expected {expected}), degraded {answer['degraded']}"
        )
    options: dict[str, Any] = {"method": "POST", "body": json.dumps(body).encode()}
    headers = {**app.headers, "Content-Type": "application/json"}
    return {
        "c64": await rec.line("match_query", url, connections=64, headers=lambda: headers, **options),
        "c4": await rec.line("match_query_c4", url, connections=4, headers=lambda: headers, **options),
    }


async def exposures(rec: Recorder, name: str, gateway: str, guarantors: list[Guarantor]) -> WrkResult:
    """New exposures by ``exposure_clients`` connections, round-robin over ``guarantors``."""
    async with httpx.AsyncClient(base_url=gateway, timeout=30) as client:
        for g in guarantors:
            body = exposure_body(g.agreement_id)
            check(await client.post("/v1/guarantee/exposures", json=body, headers=g.actor.headers), 201)
    env = {
        "WRK_GUARANTORS": ",".join(f"{g.actor.key}|{g.agreement_id}" for g in guarantors),
        "WRK_SEED": str(secrets.randbelow(31**9 - 10**9)),
    }

    def script_env() -> dict[str, str]:
        return {**env, "WRK_TAG": f"{name}-{uuid.uuid4().hex[:8]}"}  # a new loan_ref range per run

    warm = rec.sizes.warmup_seconds
    url = gateway + "/v1/guarantee/exposures"
    c = rec.sizes.exposure_clients
    await wrk.run(url, connections=c, seconds=warm, script="exposures.lua", script_env=script_env())
    result = await wrk.run(
        url, connections=c, seconds=rec.sizes.wrk_seconds, script="exposures.lua", script_env=script_env()
    )
    rec.runs[name] = {"connections": c, "guarantors": len(guarantors), **result.summary()}
    flag = f"  ERRORS {result.error_share:.1%}" if result.error_share else ""
    print(
        f"  {name:<28} c={c:<3} {result.ok_per_s:>9,.1f} /s     p99 {result.p99_ms:7.2f} ms{flag}", flush=True
    )
    return result


async def receiver_ceiling(rec: Recorder, receiver: str) -> WrkResult:
    """The receivers' own ceiling: one signed delivery posted again and again by wrk."""
    secret = "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode()
    await once("PUT", receiver + "/_secrets/ceiling", 204, content=secret)
    body = json.dumps({"id": str(uuid.uuid4()), "type": "credit.rating.published", "seq": 1, "data": {}})
    msg_id = str(uuid.uuid4())

    def signed() -> dict[str, str]:
        now = datetime.now(UTC)
        return {
            "Content-Type": "application/json",
            "webhook-id": msg_id,
            "webhook-timestamp": str(int(now.timestamp())),
            "webhook-signature": Webhook(secret).sign(msg_id, now, body),
        }

    await once("POST", receiver + "/hook/ceiling", 200, content=body, headers=signed())
    url = receiver + "/hook/ceiling"
    return await rec.line(
        "receiver_ceiling", url, connections=64, headers=signed, method="POST", body=body.encode()
    )


async def sequential_products(api: Api, bank: Actor, count: int) -> float:
    """Products created one by one; per second."""
    started = time.perf_counter()
    for i in range(count):
        check(await api.call(bank, "POST", "/v1/match/products", json=product_body(10_000 + i, True)), 201)
    return count / (time.perf_counter() - started)
