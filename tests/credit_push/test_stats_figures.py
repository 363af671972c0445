"""The 银税互动 figures beyond loans: ratings by level and year, authorisations and consents,
delivery health per bank, loans by credit type, the 受益户数比例 per 市州 and to each month's end,
and one 市州 at a time (CONTRACT §1 "Statistics", §3)."""

from __future__ import annotations

import csv
import io
from typing import Any

from kit.money import ratio_bp
from tests.support.api import Actor, Api, make_uscc
from tests.support.credit_push import (
    Receiver,
    a_day_passes,
    authorise,
    eventually,
    feed_all,
    give_consent,
    item,
    today,
    upload,
)
from tests.support.stack import Stack

REGION = "629700"  # a 市州 code no other test uses, so its figures are this test's alone


async def _stats(api: Api, who: Actor | None = None, **params: Any) -> dict[str, Any]:
    headers = api.admin_headers if who is None else None
    response = await api.call(who, "GET", "/v1/credit/stats", params=params, headers=headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def _loan(api: Api, bank: Actor, uscc: str, ref: str, amount: int, kind: str, on: str) -> None:
    body = {"uscc": uscc, "loan_ref": ref, "amount_fen": amount, "credit_type": kind, "granted_on": on}
    response = await api.call(bank, "POST", "/v1/credit/outcomes", json=body)
    assert response.status_code == 201, response.text


async def _subscribe(api: Api, bank: Actor, url: str) -> dict[str, Any]:
    response = await api.call(bank, "POST", "/v1/credit/subscriptions", json={"url": url})
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def _deliveries(api: Api, bank: Actor) -> list[dict[str, Any]]:
    response = await api.call(bank, "GET", "/v1/credit/deliveries", params={"limit": 1000})
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


async def test_one_region_by_level_year_status_type_and_month(api: Api, stack: Stack) -> None:
    tax, bank, partner = await api.org("tax_authority"), await api.org("bank"), await api.org("partner_app")
    receiver = Receiver()
    try:
        await _subscribe(api, bank, receiver.url)
        small = [item(uscc=make_uscc(region="629701"), rating="A", small_micro=True) for _ in range(2)]
        large = item(uscc=make_uscc(region="629702"), rating="A", small_micro=False)
        unpushed = item(uscc=make_uscc(region="629703"), rating="D")  # a D is never pushed
        older = {**small[0], "year": 2023, "rating": "B"}  # an earlier evaluation year of small[0]
        await upload(api, tax, [older])
        await upload(api, tax, [*small, large, unpushed])
        usccs = [i["uscc"] for i in (*small, large)]

        async def all_delivered() -> list[dict[str, Any]] | None:
            """Every delivery delivered, and one for each event of the bank's feed about this
            test's enterprises (the subscription has no filter): the dispatcher makes a feed's
            deliveries after its events, so "every delivery so far delivered" alone could hold
            before the last event was routed. (A new bank's feed also starts with whatever the
            shared stack already pushes; the subscription, made after, is not sent those.)"""
            found = await _deliveries(api, bank)
            done = [d for d in found if d["status"] == "delivered"]
            ours = {e["id"] for e in await feed_all(api, bank) if e["data"].get("uscc") in usccs}
            sent = {d["event_id"] for d in found}
            return found if ours and len(done) == len(found) and ours <= sent else None

        await eventually(all_delivered)
        await _loan(api, bank, small[0]["uscc"], "R-1", 400_00, "pure_credit", "2026-01-10")
        await _loan(api, bank, small[0]["uscc"], "R-2", 100_00, "guaranteed", "2026-02-03")
        await _loan(api, bank, large["uscc"], "R-3", 500_00, "collateral", "2026-02-20")
        kept = await authorise(api, partner, usccs[1])
        revoked = await authorise(api, partner, usccs[2])
        assert (
            await api.call(partner, "DELETE", f"/v1/credit/authorisations/{revoked['id']}")
        ).status_code == 204
        lapsing = await authorise(api, partner, usccs[0], expires_on=str(today()))
        await a_day_passes(stack.database_url, "authorisations", lapsing["id"])
        await give_consent(api, partner, usccs[1], bank)
        assert kept["status"] == "active"

        delivered = await eventually(all_delivered)  # the consent sent events too
        mine = await _stats(api, region_code=REGION)
        assert mine["region_code"] == REGION
        assert (mine["enterprises_rated"], mine["enterprises_pushed"]) == (4, 3)
        assert mine["rated_by_level"] == {"A": 3, "D": 1}, "by the latest rating"
        assert mine["rated_by_year"] == {
            "2023": {"enterprises": 1, "by_level": {"B": 1}},
            "2024": {"enterprises": 4, "by_level": {"A": 3, "D": 1}},
        }
        # The consent's own authorisation (give_consent authorises usccs[1] again) is active too.
        assert mine["authorisations"] == {"active": 2, "revoked": 1, "expired": 1}
        assert mine["consents"] == {"active": 1, "revoked": 0, "expired": 0}
        assert (mine["loans_count"], mine["loans_total_fen"]) == (3, 1000_00)
        assert mine["loans_by_credit_type"] == {
            "collateral": {"loans_count": 1, "loans_total_fen": 500_00},
            "guaranteed": {"loans_count": 1, "loans_total_fen": 100_00},
            "pure_credit": {"loans_count": 1, "loans_total_fen": 400_00},
        }
        assert mine["pure_credit_ratio_bp"] == ratio_bp(400, 1000) == 4000
        assert (mine["small_micro_pushed"], mine["small_micro_with_loans"]) == (2, 1)
        assert mine["beneficiary_ratio_bp"] == 5000
        assert set(mine["by_region"]) == {REGION}
        region = mine["by_region"][REGION]
        assert (
            region["enterprises_rated"],
            region["enterprises_pushed"],
            region["beneficiary_ratio_bp"],
        ) == (
            4,
            3,
            5000,
        )
        assert region["pure_credit_ratio_bp"] == 4000

        # Pushed this month (today), loans in January and February 2026: to each month's end.
        this_month = today().strftime("%Y-%m")
        months = mine["by_month"]
        assert set(months) == {"2026-01", "2026-02", this_month}
        assert (
            months["2026-02"]["pure_credit_ratio_bp"] == 0
            and months["2026-01"]["pure_credit_ratio_bp"] == 10000
        )
        last = months[max(months)]
        assert (last["small_micro_pushed_to_date"], last["small_micro_with_loans_to_date"]) == (2, 1)
        assert last["beneficiary_ratio_to_date_bp"] == mine["beneficiary_ratio_bp"]

        # Delivery health of the bank: every delivery delivered, none pending.
        ours = mine["by_bank"][bank.org_id]
        assert ours["deliveries"] == {"pending": 0, "delivered": len(delivered), "failed": 0}
        assert ours["oldest_pending_age_seconds"] is None
        assert ours["loans_count"] == 3
        everywhere = await _stats(api)
        assert everywhere["region_code"] is None and REGION in everywhere["by_region"]
        assert everywhere["enterprises_rated"] >= mine["enterprises_rated"]
        assert everywhere["deliveries"]["delivered"] >= len(delivered)
    finally:
        receiver.stop()


async def test_a_paused_subscription_shows_its_oldest_pending_delivery(api: Api) -> None:
    tax, bank = await api.org("tax_authority"), await api.org("bank")
    receiver = Receiver()
    try:
        sub = await _subscribe(api, bank, receiver.url)
        paused = await api.call(
            bank, "PATCH", f"/v1/credit/subscriptions/{sub['id']}", json={"status": "paused"}
        )
        assert paused.status_code == 200, paused.text
        await upload(api, tax, [item(rating="A")])

        async def pending() -> dict[str, Any] | None:
            figures = (await _stats(api))["by_bank"].get(bank.org_id)
            return figures if figures and figures["deliveries"]["pending"] >= 1 else None

        figures = await eventually(pending)
        assert figures["oldest_pending_age_seconds"] >= 0
        overall = await _stats(api)
        assert overall["deliveries"]["pending"] >= 1 and overall["oldest_pending_age_seconds"] >= 0
    finally:
        receiver.stop()


async def test_the_csv_has_a_row_per_entry_of_every_breakdown(api: Api) -> None:
    figures = await _stats(api, region_code=REGION)
    response = await api.client.get(
        "/v1/credit/stats",
        params={"region_code": REGION},
        headers={**api.admin_headers, "Accept": "text/csv"},
    )
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    kinds = {
        "region": "by_region",
        "bank": "by_bank",
        "month": "by_month",
        "level": "rated_by_level",
        "year": "rated_by_year",
        "credit_type": "loans_by_credit_type",
    }
    assert rows[0]["breakdown"] == "all" and rows[0]["region_code"] == REGION
    assert int(rows[0]["authorisations.active"]) == figures["authorisations"]["active"]
    assert len(rows) == 1 + sum(len(figures[member]) for member in kinds.values())
    for kind, member in kinds.items():
        assert {r["key"] for r in rows if r["breakdown"] == kind} == set(figures[member]), kind
    refused = await api.client.get(
        "/v1/credit/stats", params={"region_code": "620101"}, headers=api.admin_headers
    )
    assert refused.status_code == 422, "a 市州 code ends in 00"
