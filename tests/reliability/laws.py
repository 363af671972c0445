"""Blocking helpers for the concurrency laws: fire requests at once, build a small chain.

The stack serves from its own thread, so a pool of threads here sends truly parallel requests;
a barrier releases them together, so they meet in the services' transactions.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import httpx

from tests.support.api import make_uscc
from tests.support.stack import ADMIN_KEY
from tests.support.sync_api import Client, new_org, ok

G = "/v1/guarantee"
SHARES = {"bank": 2000, "guarantor": 4000, "provincial": 2000, "national": 2000}


def at_once(calls: Sequence[Callable[[], httpx.Response]]) -> list[httpx.Response]:
    """Run every call in its own thread, all released together; the answers in call order."""
    barrier = threading.Barrier(len(calls))

    def run(call: Callable[[], httpx.Response]) -> httpx.Response:
        barrier.wait()
        return call()

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        return list(pool.map(run, calls))


def admin(gateway: str) -> Client:
    return Client(gateway, ADMIN_KEY)


def national_fund(boss: Client) -> str:
    listed = ok(boss.call("GET", f"{G}/institutions", params={"tier": "national_fund"}))
    if listed["items"]:
        return str(listed["items"][0]["id"])
    org_id, _ = new_org(boss, "国家融资担保基金", "guarantor")
    body = {"org_id": org_id, "name": "国家融资担保基金", "tier": "national_fund", "net_assets_fen": 10**15}
    created = boss.call("POST", f"{G}/institutions", body)
    if created.status_code == 409:  # registered by another test meanwhile
        return national_fund(boss)
    return str(ok(created, 201)["id"])


@dataclass
class Chain:
    """A local guarantor with one agreement, its key, and the figures of its limits."""

    guarantor: Client
    bank: Client
    institution_id: str
    agreement_id: str
    net_assets_fen: int
    leverage_multiple: int

    @property
    def leverage_cap_fen(self) -> int:
        return self.net_assets_fen * self.leverage_multiple

    @property
    def single_client_cap_fen(self) -> int:
        return self.net_assets_fen // 10

    def exposure(self, principal_fen: int, uscc: str | None = None) -> dict[str, Any]:
        return {
            "agreement_id": self.agreement_id,
            "loan_ref": f"L-{uuid.uuid4().hex[:12]}",
            "uscc": uscc or make_uscc(),
            "principal_fen": principal_fen,
            "small_micro": False,  # weight = guaranteed part: the limits are plain sums
            "fee_rate_bp": 80,
            "start_date": "2026-01-10",
            "maturity_date": "2027-01-10",
        }

    def position(self) -> dict[str, Any]:
        got: dict[str, Any] = ok(
            self.guarantor.call("GET", f"{G}/institutions/{self.institution_id}/position")
        )
        return got

    def active(self) -> list[dict[str, Any]]:
        params = {"status": "active", "limit": 1000}
        items: list[dict[str, Any]] = ok(self.guarantor.call("GET", f"{G}/exposures", params=params))["items"]
        return items


def chain(gateway: str, net_assets_fen: int, leverage_multiple: int) -> Chain:
    boss = admin(gateway)
    fund = national_fund(boss)
    tag = uuid.uuid4().hex[:6]
    prov_org, _ = new_org(boss, f"省担保-{tag}", "guarantor")
    above = {"org_id": prov_org, "name": f"省担保-{tag}", "tier": "provincial", "parent_id": fund}
    provincial = ok(boss.call("POST", f"{G}/institutions", {**above, "net_assets_fen": 10**12}), 201)
    local_org, local = new_org(boss, f"县担保-{tag}", "guarantor")
    body: dict[str, Any] = {
        "org_id": local_org,
        "name": f"县担保-{tag}",
        "tier": "local",
        "parent_id": provincial["id"],
        "net_assets_fen": net_assets_fen,
        "leverage_multiple": leverage_multiple,
    }
    institution = ok(boss.call("POST", f"{G}/institutions", body), 201)
    bank_org, bank = new_org(boss, f"银行-{tag}", "bank")
    agreement_body = {"bank_org_id": bank_org, "guarantor_id": institution["id"], "shares_bp": SHARES}
    agreement = ok(boss.call("POST", f"{G}/agreements", agreement_body), 201)
    return Chain(local, bank, institution["id"], agreement["id"], net_assets_fen, leverage_multiple)


def feed(bank: Client) -> list[dict[str, Any]]:
    """Every event in the bank's pull feed, in order."""
    events: list[dict[str, Any]] = []
    cursor: str | None = None
    while True:
        params: dict[str, Any] = {"limit": 1000, **({"cursor": cursor} if cursor else {})}
        page = ok(bank.call("GET", "/v1/credit/feed", params=params))
        events.extend(page["items"])
        cursor = page["next_cursor"]
        if not page["has_more"]:
            return events


def slug(response: httpx.Response) -> str:
    return str(response.json().get("type", "")).rsplit("/", 1)[-1]
