"""The fund manager's journey of docs/fund-manager.md through the gateway: the seed's two
programmes (甘工信发〔2019〕114号), a bank's interest claim and an app's fee claim, the
decisions, and the figures a regulator reads."""

from __future__ import annotations

from tests.support.api import Api
from tests.support.loan_match import authorise_if_offered, put_profile
from tests.support.programmes import (
    PROGRAMMES,
    YUAN,
    claim_body,
    create_programme,
    decide,
    file_claim,
    ip_interest_body,
    programme,
    valuation_fee_body,
)

PERIOD = {"period_from": "2025-01-01", "period_to": "2025-12-31"}


async def test_programme_claim_decision_figures(api: Api) -> None:
    manager = await api.org("fund_manager", "甘肃省工业和信息化厅")
    bank, app, regulator = await api.org("bank"), await api.org("partner_app"), await api.org("regulator")
    interest = await create_programme(api, manager, ip_interest_body(year=2025))
    fee = await create_programme(api, manager, valuation_fee_body(year=2025))
    uscc = (await put_profile(api, app, region_code="620502", collateral=["ip"]))["uscc"]
    await authorise_if_offered(api, app, uscc)

    # The bank claims half the 480,000 yuan of interest paid: the 200,000 yuan annual cap binds.
    interest_claim = await file_claim(
        api, bank, interest["id"], claim_body(uscc, bank.org_id, 480_000 * YUAN, **PERIOD)
    )
    assert interest_claim["claimable_fen"] == 200_000 * YUAN
    # The app claims half a 50,000 yuan patent valuation fee: 25,000 yuan, under the item cap.
    fee_claim = await file_claim(api, app, fee["id"], claim_body(uscc, bank.org_id, 50_000 * YUAN, **PERIOD))
    assert fee_claim["claimable_fen"] == 25_000 * YUAN

    listed = (await api.call(manager, "GET", f"{PROGRAMMES}/{interest['id']}/claims")).json()
    assert [c["status"] for c in listed] == ["filed"]
    approved = (await decide(api, manager, interest_claim["id"], decision="approved")).json()
    assert (approved["status"], approved["paid_fen"]) == ("approved", 200_000 * YUAN)
    refused = (
        await decide(api, manager, fee_claim["id"], decision="refused", reason="评估机构不在备案名录")
    ).json()
    assert (refused["status"], refused["paid_fen"]) == ("refused", 0)

    seen = await programme(api, regulator, interest["id"])
    assert (seen["paid_fen"], seen["approved_count"], seen["refused_count"]) == (200_000 * YUAN, 1, 0)
    assert seen["remaining_budget_fen"] == interest["budget_fen"] - 200_000 * YUAN
    assert seen["by_region"] == [{"key": "620500", "paid_fen": 200_000 * YUAN, "approved_count": 1}]
    assert (await programme(api, regulator, fee["id"]))["refused_count"] == 1
    # A regulator reads but never writes.
    assert (await decide(api, regulator, fee_claim["id"], decision="approved")).status_code == 403
