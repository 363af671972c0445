"""The 银税互动 statistics: the period, the breakdowns, the 受益户数比例 and CSV (CONTRACT §1, §3)."""

from __future__ import annotations

import csv
import io
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import create_async_engine

from kit.money import ratio_bp
from tests.support.api import Actor, Api, make_uscc
from tests.support.credit_push import eventually, feed_all, item, upload
from tests.support.stack import Stack


async def _stats(api: Api, who: Actor, **params: Any) -> dict[str, Any]:
    response = await api.call(who, "GET", "/v1/credit/stats", params=params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def _mark_small_micro(database_url: str, usccs: list[str]) -> None:
    """The tax authority's small-micro mark on the latest items (setup: the upload does not store it yet)."""
    engine = create_async_engine(database_url)
    try:
        async with engine.begin() as conn:
            await conn.execute(
                sa.text("UPDATE credit_push.ratings SET small_micro = true WHERE uscc = ANY(:u)"),
                {"u": usccs},
            )
    finally:
        await engine.dispose()


async def _loan(api: Api, bank: Actor, uscc: str, ref: str, amount: int, kind: str, on: str) -> None:
    body = {"uscc": uscc, "loan_ref": ref, "amount_fen": amount, "credit_type": kind, "granted_on": on}
    response = await api.call(bank, "POST", "/v1/credit/outcomes", json=body)
    assert response.status_code == 201, response.text


async def test_figures_of_a_period_with_breakdowns_and_the_beneficiary_ratio(api: Api, stack: Stack) -> None:
    tax, bank = await api.org("tax_authority"), await api.org("bank")
    stated = item(rating="A", region_code="629901")  # its 市州 from the stated region code
    from_uscc = item(uscc=make_uscc(region="629802"), rating="A")  # from USCC characters 3-8
    idle = item(rating="A")
    await upload(api, tax, [stated, from_uscc, idle])
    usccs = [stated["uscc"], from_uscc["uscc"], idle["uscc"]]

    async def all_pushed() -> bool:
        seen = {e["data"]["uscc"] for e in await feed_all(api, bank)}
        return set(usccs) <= seen

    await eventually(all_pushed)
    before = await _stats(api, tax)
    await _mark_small_micro(stack.database_url, [stated["uscc"], idle["uscc"]])
    await _loan(api, bank, stated["uscc"], "L-1", 100_00, "pure_credit", "2018-05-10")
    await _loan(api, bank, stated["uscc"], "L-2", 300_00, "guaranteed", "2018-06-01")
    await _loan(api, bank, from_uscc["uscc"], "L-3", 50_00, "pure_credit", "2018-06-30")
    await _loan(api, bank, from_uscc["uscc"], "L-4", 70_00, "pure_credit", "2019-01-01")

    of_2018 = await _stats(api, tax, year=2018)
    assert (of_2018["from"], of_2018["to"]) == ("2018-01-01", "2018-12-31")
    assert (of_2018["loans_count"], of_2018["loans_total_fen"], of_2018["pure_credit_total_fen"]) == (
        3,
        450_00,
        150_00,
    )
    assert of_2018["pure_credit_ratio_bp"] == ratio_bp(150, 450) == 3333
    assert of_2018["pure_credit_count_ratio_bp"] == 6667
    assert of_2018["enterprises_with_loans"] == 2
    assert of_2018["by_region"]["629900"]["loans_total_fen"] == 400_00
    assert of_2018["by_region"]["629800"]["loans_count"] == 1
    assert of_2018["by_bank"] == {bank.org_id: {k: of_2018[k] for k in of_2018["by_bank"][bank.org_id]}}
    assert set(of_2018["by_month"]) == {"2018-05", "2018-06"}
    assert of_2018["by_month"]["2018-06"]["pure_credit_ratio_bp"] == ratio_bp(50, 350)
    # Nothing was pushed in 2018: the push set of that period is empty.
    assert (
        of_2018["enterprises_pushed"],
        of_2018["small_micro_pushed"],
        of_2018["beneficiary_ratio_bp"],
    ) == (0, 0, 0)
    narrow = await _stats(api, tax, **{"from": "2018-06-01", "to": "2018-06-30"})
    assert (narrow["loans_count"], narrow["loans_total_fen"]) == (2, 350_00)

    # All time: two small-micro enterprises pushed, one of them with a loan.
    after = await _stats(api, tax)
    assert after["small_micro_pushed"] == before["small_micro_pushed"] + 2
    assert after["small_micro_with_loans"] == before["small_micro_with_loans"] + 1
    assert after["beneficiary_ratio_bp"] == ratio_bp(
        after["small_micro_with_loans"], after["small_micro_pushed"]
    )
    assert after["loans_count"] == before["loans_count"] + 4
    assert (after["from"], after["to"]) == (None, None)


async def test_stats_as_csv_and_bad_periods(api: Api) -> None:
    tax = await api.org("tax_authority")
    response = await api.call(
        tax, "GET", "/v1/credit/stats", params={"year": 2018}, headers={"Accept": "text/csv"}
    )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    figures = await _stats(api, tax, year=2018)
    assert rows[0]["breakdown"] == "all"
    assert int(rows[0]["loans_total_fen"]) == figures["loans_total_fen"]
    assert int(rows[0]["deliveries.pending"]) == figures["deliveries"]["pending"]
    months = {r["key"]: r for r in rows if r["breakdown"] == "month"}
    assert set(months) == set(figures["by_month"])
    members = ("by_region", "by_bank", "by_month", "rated_by_level", "rated_by_year", "loans_by_credit_type")
    assert len(rows) == 1 + sum(len(figures[k]) for k in members)
    for params in ({"year": 2018, "from": "2018-01-01"}, {"from": "2018-02-01", "to": "2018-01-01"}):
        refused = await api.call(tax, "GET", "/v1/credit/stats", params=params)
        assert refused.status_code == 422
        assert refused.json()["type"].endswith("/invalid-period")
    bad_date = await api.call(tax, "GET", "/v1/credit/stats", params={"from": "2018-02-30"})
    assert bad_date.status_code == 422


async def test_the_small_micro_mark_of_an_upload_counts_in_the_beneficiary_ratio(api: Api) -> None:
    tax = await api.org("tax_authority")
    admin_before = (await api.client.get("/v1/credit/stats", headers=api.admin_headers)).json()
    marked = item(rating="A", small_micro=True)
    answer = await upload(api, tax, [marked, item(rating="A", small_micro=False)])
    assert answer["rejected"] == []
    after = (await api.client.get("/v1/credit/stats", headers=api.admin_headers)).json()
    assert after["small_micro_pushed"] == admin_before["small_micro_pushed"] + 1
    again = await upload(api, tax, [{**marked, "small_micro": "yes"}])
    assert again["rejected"][0]["detail"] == "small_micro: true or false"
