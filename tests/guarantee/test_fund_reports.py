"""/v1/guarantee/reports/pools and /reports/bridge-funds: a fund manager's pools and bridge funds
as figures of a period, per fund, 市州, bank and month, as JSON and CSV (CONTRACT §1, §6)."""

from __future__ import annotations

import csv
import io
from typing import Any

from kit.money import yuan
from tests.support.api import Actor, Api, make_uscc
from tests.support.funds import G, bridge_body, bridge_fund, pool, pool_loan

POOLS = f"{G}/reports/pools"
BRIDGES = f"{G}/reports/bridge-funds"


async def read(api: Api, who: Actor, path: str, **params: str) -> dict[str, Any]:
    answer = await api.call(who, "GET", path, params=params)
    assert answer.status_code == 200, answer.text
    body: dict[str, Any] = answer.json()
    return body


async def test_a_pools_balance_payouts_and_recoveries_by_period(api: Api) -> None:
    p = await pool(api, balance_fen=yuan(1_000_000), compensation_bp=5_000)
    first, second = p.banks
    tianshui = make_uscc(region="620500")
    bad = await pool_loan(api, p, first, uscc=tianshui, principal_fen=yuan(100_000), start_date="2026-01-10")
    await pool_loan(api, p, second, principal_fen=yuan(50_000), start_date="2026-02-03")
    defaulted = await api.call(
        first, "POST", f"{p.loans()}/{bad}/default", json={"defaulted_on": "2026-03-05"}
    )
    assert defaulted.status_code == 200 and defaulted.json()["compensation_fen"] == yuan(50_000)
    recovery = {"amount_fen": yuan(20_000), "recovered_on": "2026-04-20"}
    assert (await api.call(first, "POST", f"{p.loans()}/{bad}/recoveries", json=recovery)).status_code == 200

    body = await read(api, p.manager, POOLS)
    assert body["pools"] == 1 and body["loans_registered"] == 2
    assert body["principal_registered_fen"] == yuan(150_000)
    assert (body["defaults"], body["compensation_paid_fen"]) == (1, yuan(50_000))
    assert (body["recovered_fen"], body["recovered_to_pool_fen"]) == (yuan(20_000), yuan(10_000))
    assert body["balance_fen"] == yuan(1_000_000 - 50_000 + 10_000)
    [(pool_id, position)] = body["by_pool"].items()
    assert pool_id == p.id and position["balance_fen"] == body["balance_fen"]
    assert body["by_region"]["620500"]["compensation_paid_fen"] == yuan(50_000)
    assert body["by_bank"][first.org_id]["defaults"] == 1 and body["by_bank"][second.org_id]["defaults"] == 0
    assert body["by_month"]["2026-03"]["defaults"] == 1 and body["by_month"]["2026-04"]["recoveries"] == 1

    # As of the day before the recovery: paid out, nothing back yet; March's flows only.
    march = await read(api, p.manager, POOLS, **{"from": "2026-03-01", "to": "2026-03-31"})
    assert march["balance_fen"] == yuan(950_000) and march["as_of"] == "2026-03-31"
    assert (march["loans_registered"], march["defaults"], march["recoveries"]) == (0, 1, 0)
    assert (await read(api, p.manager, POOLS, region_code="620500"))["loans_registered"] == 1

    rows = list(
        csv.DictReader(
            io.StringIO((await api.call(p.manager, "GET", POOLS, headers={"Accept": "text/csv"})).text)
        )
    )
    assert rows[0]["breakdown"] == "all" and rows[0]["compensation_paid_fen"] == str(yuan(50_000))
    assert [r["key"] for r in rows if r["breakdown"] == "pool"] == [p.id]


async def test_a_bridge_funds_loans_out_returned_and_overdue(api: Api) -> None:
    b = await bridge_fund(api, size_fen=yuan(1_000_000), daily_fee_bp=5)
    returned = await api.call(
        b.manager, "POST", b.loans(), json=bridge_body(b, start_date="2026-03-01", days=10)
    )
    assert returned.status_code == 201, returned.text
    late = bridge_body(
        b, start_date="2026-03-05", days=10, amount_fen=yuan(200_000), uscc=make_uscc(region="620500")
    )
    assert (await api.call(b.manager, "POST", b.loans(), json=late)).status_code == 201
    repaid = await api.call(
        b.manager, "POST", f"{b.loans()}/{returned.json()['id']}/repaid", json={"repaid_on": "2026-03-08"}
    )
    assert repaid.status_code == 200, repaid.text

    body = await read(api, b.manager, BRIDGES)
    assert (body["funds"], body["loans_out"], body["loans_returned"]) == (1, 2, 1)
    assert body["lent_fen"] == yuan(300_000) and body["returned_fen"] == yuan(100_000)
    assert body["outstanding_fen"] == yuan(200_000) and body["available_fen"] == yuan(800_000)
    assert (body["overdue_loans"], body["overdue_fen"]) == (1, yuan(200_000))
    assert body["by_fund"][b.id]["overdue_loans"] == 1
    assert body["by_region"]["620500"]["lent_fen"] == yuan(200_000)
    assert body["by_month"]["2026-03"]["loans_out"] == 2

    # On 7 March both were out and neither was overdue.
    early = await read(api, b.manager, BRIDGES, to="2026-03-07")
    assert (early["active_loans"], early["outstanding_fen"], early["overdue_loans"]) == (2, yuan(300_000), 0)
    assert early["loans_returned"] == 0


async def test_who_reads_the_fund_figures(api: Api) -> None:
    mine = await pool(api)
    other = await read(api, await api.org("fund_manager"), POOLS)
    assert other["pools"] == 0 and mine.id not in other["by_pool"]
    regulator = await api.org("regulator")
    assert mine.id in (await read(api, regulator, POOLS))["by_pool"]
    for path in (POOLS, BRIDGES):
        for role in ("bank", "guarantor", "partner_app", "tax_authority"):
            assert (await api.call(await api.org(role), "GET", path)).status_code == 403, (path, role)
        refused = await api.call(regulator, "GET", path, params={"from": "2026-02-01", "to": "2026-01-01"})
        assert refused.status_code == 422 and refused.json()["type"].endswith("/invalid-period")
