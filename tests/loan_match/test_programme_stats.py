"""/v1/match/stats/programmes: budgets, claims, payments and refusals by reason, per programme,
year, 市州, bank and month, as JSON and CSV; a fund manager sees its own programmes only
(CONTRACT §1 "Statistics", §6)."""

from __future__ import annotations

import csv
import io
from typing import Any

from kit.shapes import business_today
from tests.support.api import Actor, Api
from tests.support.loan_match import put_profile
from tests.support.programmes import (
    YUAN,
    claim_body,
    create_programme,
    decide,
    file_claim,
    ip_interest_body,
    valuation_fee_body,
)

STATS = "/v1/match/stats/programmes"
PERIOD = {"period_from": "2025-01-01", "period_to": "2025-12-31"}


async def read(api: Api, who: Actor, **params: str) -> dict[str, Any]:
    answer = await api.call(who, "GET", STATS, params=params)
    assert answer.status_code == 200, answer.text
    body: dict[str, Any] = answer.json()
    return body


async def test_a_managers_programmes_in_figures(api: Api) -> None:
    manager, other = await api.org("fund_manager"), await api.org("fund_manager")
    bank, app = await api.org("bank"), await api.org("partner_app")
    interest = await create_programme(api, manager, ip_interest_body(year=2025))
    fee = await create_programme(api, manager, valuation_fee_body(year=2026, budget_fen=1_000_000 * YUAN))
    await create_programme(api, other, ip_interest_body(year=2025))
    tianshui = (await put_profile(api, app, region_code="620502", collateral=["ip"]))["uscc"]
    lanzhou = (await put_profile(api, app, region_code="620102", collateral=["ip"]))["uscc"]
    paid = await file_claim(
        api, bank, interest["id"], claim_body(tianshui, bank.org_id, 480_000 * YUAN, **PERIOD)
    )
    refused = await file_claim(api, bank, fee["id"], claim_body(lanzhou, bank.org_id, 50_000 * YUAN))
    await file_claim(api, bank, fee["id"], claim_body(tianshui, bank.org_id, 10_000 * YUAN, loan_ref="F-2"))
    assert (await decide(api, manager, paid["id"], decision="approved")).status_code == 200
    answer = await decide(api, manager, refused["id"], decision="refused", reason="评估机构不在备案名录")
    assert answer.status_code == 200

    mine = await read(api, manager)
    assert mine["programmes"] == 2 and mine["budget_fen"] == interest["budget_fen"] + 1_000_000 * YUAN
    assert (mine["claims_filed"], mine["approved_count"], mine["refused_count"]) == (3, 1, 1)
    assert mine["paid_fen"] == mine["paid_to_date_fen"] == 200_000 * YUAN
    assert mine["remaining_budget_fen"] == mine["budget_fen"] - 200_000 * YUAN
    assert mine["pending_count"] == 1 and mine["refused_by_reason"] == {"评估机构不在备案名录": 1}
    assert (
        mine["by_programme"][interest["id"]]["remaining_budget_fen"]
        == interest["budget_fen"] - 200_000 * YUAN
    )
    assert mine["by_programme"][fee["id"]]["claims_filed"] == 2
    assert set(mine["by_year"]) == {"2025", "2026"} and mine["by_year"]["2026"]["programmes"] == 1
    assert mine["by_region"]["620500"]["paid_fen"] == 200_000 * YUAN
    assert mine["by_region"]["620100"]["refused_count"] == 1
    assert mine["by_bank"][bank.org_id]["claims_filed"] == 3
    assert mine["by_month"][business_today().strftime("%Y-%m")]["approved_count"] == 1

    # The other manager sees only its own; a 市州 narrows the claims, not the budgets.
    assert (await read(api, other))["programmes"] == 1 and (await read(api, other))["claims_filed"] == 0
    lanzhou_only = await read(api, manager, region_code="620100")
    assert lanzhou_only["claims_filed"] == 1 and lanzhou_only["programmes"] == 2
    # A period before today: no claim was filed or decided in it; budgets as of its end.
    before = await read(api, manager, to="2020-12-31")
    assert before["claims_filed"] == 0 and before["programmes"] == 0

    as_csv = await api.call(manager, "GET", STATS, headers={"Accept": "text/csv"})
    assert as_csv.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(as_csv.text)))
    assert rows[0]["breakdown"] == "all" and rows[0]["paid_fen"] == str(200_000 * YUAN)
    [refusal] = [r for r in rows if r["breakdown"] == "refusal"]
    assert refusal["key"] == "评估机构不在备案名录" and refusal["value"] == "1"
    assert {r["key"] for r in rows if r["breakdown"] == "programme"} == {interest["id"], fee["id"]}


async def test_who_may_read_the_subsidy_figures(api: Api) -> None:
    for role in ("regulator", "fund_manager"):
        assert (await api.call(await api.org(role), "GET", STATS)).status_code == 200, role
    assert (await api.client.get(STATS, headers=api.admin_headers)).status_code == 200
    for role in ("bank", "partner_app", "guarantor", "tax_authority"):
        assert (await api.call(await api.org(role), "GET", STATS)).status_code == 403, role
