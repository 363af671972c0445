"""Builders for the policy funds (CONTRACT §6): pools and bridge funds, through the gateway."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import httpx

from kit.money import yuan
from tests.support.api import Actor, Api, make_uscc

G = "/v1/guarantee"


@dataclass
class PoolSetup:
    manager: Actor
    banks: list[Actor]
    id: str

    def loans(self) -> str:
        return f"{G}/pools/{self.id}/loans"


async def pool(
    api: Api,
    *,
    banks: int = 2,
    balance_fen: int = yuan(1_000_000),
    compensation_bp: int = 5_000,
    stop_overdue_bp: int = 500,
) -> PoolSetup:
    manager = await api.org("fund_manager")
    members = [await api.org("bank") for _ in range(banks)]
    body = {
        "name": "小微外贸企业互助贷款风险补偿担保基金",
        "region_code": "620100",
        "balance_fen": balance_fen,
        "bank_org_ids": [b.org_id for b in members],
        "compensation_bp": compensation_bp,
        "stop_overdue_bp": stop_overdue_bp,
    }
    created = await api.call(manager, "POST", f"{G}/pools", json=body)
    assert created.status_code == 201, created.text
    return PoolSetup(manager, members, created.json()["id"])


def loan_body(**overrides: Any) -> dict[str, Any]:
    return {
        "loan_ref": f"P-{uuid.uuid4().hex[:12]}",
        "uscc": make_uscc(),
        "principal_fen": yuan(100_000),
        "start_date": "2026-01-10",
        "maturity_date": "2027-01-10",
        **overrides,
    }


async def pool_loan(api: Api, p: PoolSetup, bank: Actor, **overrides: Any) -> str:
    created = await api.call(bank, "POST", p.loans(), json=loan_body(**overrides))
    assert created.status_code == 201, created.text
    return str(created.json()["id"])


async def default(api: Api, p: PoolSetup, bank: Actor, loan_id: str) -> httpx.Response:
    return await api.call(bank, "POST", f"{p.loans()}/{loan_id}/default", json={"defaulted_on": "2026-06-01"})


async def position(api: Api, p: PoolSetup) -> dict[str, Any]:
    got = await api.call(p.manager, "GET", f"{G}/pools/{p.id}/position")
    assert got.status_code == 200, got.text
    result: dict[str, Any] = got.json()
    return result


@dataclass
class BridgeSetup:
    manager: Actor
    bank: Actor
    id: str

    def loans(self) -> str:
        return f"{G}/bridge-funds/{self.id}/loans"


async def bridge_fund(
    api: Api, *, size_fen: int = yuan(1_000_000), max_days: int = 30, daily_fee_bp: int = 5
) -> BridgeSetup:
    manager = await api.org("fund_manager")
    bank = await api.org("bank")
    body = {
        "name": "兰州市续贷转贷基金",
        "size_fen": size_fen,
        "max_days": max_days,
        "daily_fee_bp": daily_fee_bp,
    }
    created = await api.call(manager, "POST", f"{G}/bridge-funds", json=body)
    assert created.status_code == 201, created.text
    return BridgeSetup(manager, bank, created.json()["id"])


def bridge_body(b: BridgeSetup, **overrides: Any) -> dict[str, Any]:
    return {
        "uscc": make_uscc(),
        "size": "small",
        "bank_org_id": b.bank.org_id,
        "maturing_loan_ref": f"M-{uuid.uuid4().hex[:10]}",
        "amount_fen": yuan(100_000),
        "renewal_commitment_ref": f"R-{uuid.uuid4().hex[:10]}",
        "start_date": "2026-03-01",
        "days": 10,
        **overrides,
    }
