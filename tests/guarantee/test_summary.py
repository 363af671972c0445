"""The summary (CONTRACT §1 "Statistics", §4): balances as of `to`, flows in the period, 市州, CSV."""

from __future__ import annotations

import csv
import io
from typing import Any

from kit.money import yuan
from tests.support.api import Api
from tests.support.guarantee import Chain, G, chain, region_uscc, registered, slug

LANZHOU, TIANSHUI = "620100", "620500"


async def report(api: Api, c: Chain, **params: Any) -> dict[str, Any]:
    got = await api.call(c.provincial.actor, "GET", f"{G}/reports/summary", params=params)
    assert got.status_code == 200, got.text
    body: dict[str, Any] = got.json()
    return body


async def two_clients(api: Api) -> Chain:
    """Tianshui: a small-micro 1m loan (fee 80). Lanzhou: a 6m agri loan (fee 100). 2:4:2:2.
    Then the first repays 250,000 on 1 June and the second defaults on 1 September 2026."""
    c = await chain(api, net_assets_fen=yuan(100_000_000))
    small = await registered(
        api, c, uscc=region_uscc(TIANSHUI), principal_fen=yuan(1_000_000), fee_rate_bp=80
    )
    agri = await registered(
        api,
        c,
        uscc=region_uscc(LANZHOU),
        principal_fen=yuan(6_000_000),
        small_micro=False,
        agri=True,
        fee_rate_bp=100,
    )
    before = await report(api, c)
    assert (before["guaranteed_balance_fen"], before["active_exposures"]) == (yuan(5_600_000), 2)
    assert before["avg_fee_rate_bp"] == 97  # (0.8m x 80 + 4.8m x 100) / 5.6m = 97.1
    assert before["small_micro_agri_share_bp"] == 10_000
    assert before["upto_5m_client_share_bp"] == 1429  # only Tianshui's client holds <= 500万: 0.8 / 5.6
    assert set(before["by_region"]) == {LANZHOU, TIANSHUI}
    assert before["by_region"][TIANSHUI]["upto_5m_client_share_bp"] == 10_000
    url = f"{G}/exposures"
    paid = {"amount_fen": yuan(250_000), "paid_on": "2026-06-01"}
    assert (
        await api.call(c.local.actor, "POST", f"{url}/{small['id']}/repayments", json=paid)
    ).status_code == 200
    down = {"defaulted_on": "2026-09-01"}
    assert (
        await api.call(c.local.actor, "POST", f"{url}/{agri['id']}/default", json=down)
    ).status_code == 200
    return c


async def test_balances_as_of_to_and_flows_in_the_period(api: Api) -> None:
    c = await two_clients(api)
    may = await report(api, c, to="2026-05-31")
    assert (may["guaranteed_balance_fen"], may["active_exposures"], may["to"]) == (
        yuan(5_600_000),
        2,
        "2026-05-31",
    )
    june = await report(api, c, to="2026-06-30")
    assert june["guaranteed_balance_fen"] == yuan(600_000 + 4_800_000)
    assert june["tiers"]["local"]["compensated_fen"] == 0
    now = await report(api, c)
    assert (now["guaranteed_balance_fen"], now["active_exposures"], now["from"]) == (yuan(600_000), 1, None)
    assert now["by_bank"] == {
        c.bank.org_id: {k: v for k, v in now.items() if k in now["by_bank"][c.bank.org_id]}
    }
    assert now["tiers"]["local"]["compensated_fen"] == yuan(4_800_000)  # all time
    assert now["tiers"]["provincial"]["outstanding_share_fen"] == yuan(150_000)
    september = await report(api, c, **{"from": "2026-09-01", "to": "2026-09-30"})
    assert september["tiers"]["local"]["compensated_fen"] == yuan(4_800_000)
    assert september["tiers"]["national_fund"]["compensated_fen"] == yuan(1_200_000)
    october = await report(api, c, **{"from": "2026-10-01"})
    assert october["tiers"]["local"]["compensated_fen"] == 0
    assert october["guaranteed_balance_fen"] == yuan(600_000)  # the snapshot is as of today
    before_any = await report(api, c, year=2025)
    assert (before_any["guaranteed_balance_fen"], before_any["by_region"]) == (0, {})
    assert (before_any["from"], before_any["to"]) == ("2025-01-01", "2025-12-31")


async def test_region_code_narrows_to_one_prefecture(api: Api) -> None:
    c = await two_clients(api)
    tianshui = await report(api, c, region_code=TIANSHUI, to="2026-05-31")
    assert list(tianshui["by_region"]) == [TIANSHUI]
    assert tianshui["guaranteed_balance_fen"] == yuan(800_000)
    assert tianshui["region_code"] == TIANSHUI
    nowhere = await report(api, c, region_code="620900")
    assert (nowhere["by_region"], nowhere["active_exposures"]) == ({}, 0)


async def test_csv_answers_the_same_figures(api: Api) -> None:
    c = await two_clients(api)
    headers = {"Accept": "text/csv"}
    got = await api.call(
        c.provincial.actor, "GET", f"{G}/reports/summary", params={"to": "2026-05-31"}, headers=headers
    )
    assert got.status_code == 200 and got.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(got.text)))
    assert [r["region_code"] for r in rows if not r["bank_org_id"]] == ["all", LANZHOU, TIANSHUI]
    [bank] = [r for r in rows if r["bank_org_id"]]
    assert bank["bank_org_id"] == c.bank.org_id and bank["guaranteed_balance_fen"] == str(yuan(5_600_000))
    json_body = await report(api, c, to="2026-05-31")
    assert rows[0]["guaranteed_balance_fen"] == str(json_body["guaranteed_balance_fen"])
    assert rows[2]["tiers.local.outstanding_share_fen"] == str(
        json_body["by_region"][TIANSHUI]["tiers"]["local"]["outstanding_share_fen"]
    )
    assert rows[1]["to"] == "2026-05-31"


async def test_bad_periods_are_422(api: Api) -> None:
    c = await chain(api)
    # Without `to` the summary's day is today, so a `from` after today is after it.
    periods = (
        {"from": "2026-02-01", "to": "2026-01-31"},
        {"year": 2026, "to": "2026-01-31"},
        {"from": "2999-01-01"},
    )
    for params in periods:
        got = await api.call(c.provincial.actor, "GET", f"{G}/reports/summary", params=params)
        assert (got.status_code, slug(got)) == (422, "invalid-period")
    bad = await api.call(c.provincial.actor, "GET", f"{G}/reports/summary", params={"region_code": "62"})
    assert (bad.status_code, slug(bad)) == (422, "validation-error")


async def test_a_to_after_today_is_the_day_the_summary_names(api: Api) -> None:
    c = await chain(api)
    assert (await report(api, c, to="2999-12-31"))["to"] == "2999-12-31"
