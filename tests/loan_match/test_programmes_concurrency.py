"""Concurrent approvals on a small budget pay exactly the budget, never a fen more (CONTRACT §6):
each approval reads what is left under the programme row's lock."""

from __future__ import annotations

import asyncio

from tests.support.api import Api
from tests.support.loan_match import put_profile
from tests.support.programmes import (
    PROGRAMMES,
    claim_body,
    create_programme,
    decide,
    file_claim,
    ip_interest_body,
)

PERIOD = {"period_from": "2025-01-01", "period_to": "2025-03-31"}
CLAIMS = 24
BUDGET_FEN = 1_050  # ten claims of 100 fen, then one of 50, then nothing


async def test_parallel_approvals_pay_exactly_the_budget(api: Api) -> None:
    manager, bank = await api.org("fund_manager"), await api.org("bank")
    body = ip_interest_body(year=2025, budget_fen=BUDGET_FEN)
    body.pop("cap_per_enterprise_year_fen")
    created = await create_programme(api, manager, body)
    app = await api.org("partner_app")
    usccs = [(await put_profile(api, app, collateral=["ip"]))["uscc"] for _ in range(4)]
    claims = [
        await file_claim(api, bank, created["id"], claim_body(usccs[n % 4], bank.org_id, 200, **PERIOD))
        for n in range(CLAIMS)
    ]
    answers = await asyncio.gather(*(decide(api, manager, c["id"], decision="approved") for c in claims))
    assert sorted(a.status_code for a in answers) == [200] * 11 + [409] * (CLAIMS - 11)
    paid = sorted(a.json()["paid_fen"] for a in answers if a.status_code == 200)
    assert paid == [50] + [100] * 10
    assert all(a.json()["type"].endswith("/budget-exhausted") for a in answers if a.status_code == 409)
    figures = (await api.call(manager, "GET", f"{PROGRAMMES}/{created['id']}")).json()
    assert (figures["paid_fen"], figures["remaining_budget_fen"], figures["approved_count"]) == (
        BUDGET_FEN,
        0,
        11,
    )


async def test_parallel_approvals_never_pass_the_enterprise_cap(api: Api) -> None:
    manager, bank = await api.org("fund_manager"), await api.org("bank")
    created = await create_programme(
        api, manager, ip_interest_body(year=2025, cap_per_enterprise_year_fen=333)
    )
    uscc = (await put_profile(api, await api.org("partner_app"), collateral=["ip"]))["uscc"]
    claims = [
        await file_claim(api, bank, created["id"], claim_body(uscc, bank.org_id, 200, **PERIOD))
        for _ in range(8)
    ]
    answers = await asyncio.gather(*(decide(api, manager, c["id"], decision="approved") for c in claims))
    assert sum(a.json()["paid_fen"] for a in answers if a.status_code == 200) == 333
