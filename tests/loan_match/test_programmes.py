"""Subsidy programmes and claims through the gateway (CONTRACT §6; 甘工信发〔2019〕114号).

Programmes here are of a past year (2025), so they never touch the matching estimates of
other tests, which use the current year's.
"""

from __future__ import annotations

from typing import Any

from tests.support.api import Actor, Api
from tests.support.loan_match import put_profile
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

YEAR = 2025
PERIOD = {"period_from": "2025-01-01", "period_to": "2025-06-30"}


async def setting(api: Api, **overrides: Any) -> tuple[Actor, Actor, dict[str, Any], str]:
    """A fund manager with an IP-pledge interest programme, a bank, and an eligible enterprise."""
    manager, bank, app = await api.org("fund_manager"), await api.org("bank"), await api.org("partner_app")
    created = await create_programme(api, manager, ip_interest_body(year=YEAR, **overrides))
    profile = await put_profile(api, app, collateral=["ip", "receivables"])
    return manager, bank, created, profile["uscc"]


async def test_a_programme_starts_with_nothing_paid_and_anyone_reads_it(api: Api) -> None:
    _, bank, created, _ = await setting(api)
    assert created["kind"] == "interest" and created["share_bp"] == 5000
    assert created["eligible"] == {
        "product_types": [],
        "collateral": ["ip"],
        "sizes": ["micro", "small", "medium"],
        "region_codes": [],
    }
    assert (created["paid_fen"], created["approved_count"], created["refused_count"]) == (0, 0, 0)
    assert created["remaining_budget_fen"] == created["budget_fen"]
    assert (await programme(api, bank, created["id"]))["by_region"] == []
    listed = await api.call(await api.org("regulator"), "GET", PROGRAMMES)
    assert listed.status_code == 200 and created["id"] in {p["id"] for p in listed.json()}


async def test_only_a_fund_manager_publishes_a_programme(api: Api) -> None:
    for role in ("bank", "partner_app", "regulator"):
        response = await api.call(await api.org(role), "POST", PROGRAMMES, json=ip_interest_body())
        assert response.status_code == 403, (role, response.text)
    manager = await api.org("fund_manager")
    for bad in ({"share_bp": 0}, {"kind": "grant"}, {"budget_fen": -1}, {"eligible": {"sizes": ["huge"]}}):
        response = await api.call(manager, "POST", PROGRAMMES, json=ip_interest_body(**bad))
        assert response.status_code == 422, (bad, response.text)


async def test_a_claim_is_half_the_interest_and_approval_pays_it(api: Api) -> None:
    manager, bank, created, uscc = await setting(api)
    body = claim_body(uscc, bank.org_id, 123_457, **PERIOD)
    claim = await file_claim(api, bank, created["id"], body)
    assert claim["status"] == "filed" and claim["claimable_fen"] == 61_729 and claim["paid_fen"] == 0
    decided = await decide(api, manager, claim["id"], decision="approved")
    assert decided.status_code == 200, decided.text
    assert decided.json() == {"id": claim["id"], "status": "approved", "paid_fen": 61_729, "reason": None}
    figures = await programme(api, bank, created["id"])
    assert (figures["paid_fen"], figures["approved_count"], figures["refused_count"]) == (61_729, 1, 0)
    assert figures["remaining_budget_fen"] == created["budget_fen"] - 61_729
    assert figures["by_region"] == [{"key": "620100", "paid_fen": 61_729, "approved_count": 1}]
    assert [m["paid_fen"] for m in figures["by_month"]] == [61_729]
    again = await decide(api, manager, claim["id"], decision="refused", reason="重复")
    assert again.status_code == 409 and again.json()["type"].endswith("/claim-already-decided")


async def test_the_annual_cap_of_an_enterprise(api: Api) -> None:
    manager, bank, created, uscc = await setting(api)
    paid = []
    for _ in range(3):
        claim = await file_claim(
            api, bank, created["id"], claim_body(uscc, bank.org_id, 300_000 * YUAN, **PERIOD)
        )
        response = await decide(api, manager, claim["id"], decision="approved")
        paid.append(response.json()["paid_fen"] if response.status_code == 200 else response.status_code)
    assert paid == [150_000 * YUAN, 50_000 * YUAN, 409]
    late = await file_claim(api, bank, created["id"], claim_body(uscc, bank.org_id, 10 * YUAN, **PERIOD))
    assert late["claimable_fen"] == 0


async def test_the_item_cap_of_a_fee_programme(api: Api) -> None:
    manager, bank = await api.org("fund_manager"), await api.org("bank")
    created = await create_programme(api, manager, valuation_fee_body(year=YEAR))
    uscc = (await put_profile(api, await api.org("partner_app"), collateral=["ip"]))["uscc"]
    first = await file_claim(api, bank, created["id"], claim_body(uscc, bank.org_id, 80_000 * YUAN, **PERIOD))
    second = await file_claim(
        api, bank, created["id"], claim_body(uscc, bank.org_id, 40_000 * YUAN, **PERIOD)
    )
    assert (first["claimable_fen"], second["claimable_fen"]) == (30_000 * YUAN, 20_000 * YUAN)


async def test_an_enterprise_without_the_collateral_is_not_eligible(api: Api) -> None:
    manager, bank = await api.org("fund_manager"), await api.org("bank")
    created = await create_programme(api, manager, ip_interest_body(year=YEAR))
    uscc = (await put_profile(api, await api.org("partner_app"), collateral=["receivables"]))["uscc"]
    response = await api.call(
        bank,
        "POST",
        f"{PROGRAMMES}/{created['id']}/claims",
        json=claim_body(uscc, bank.org_id, 1000, **PERIOD),
    )
    assert response.status_code == 422 and response.json()["type"].endswith("/not-eligible"), response.text
    unknown = claim_body("91620100MA00000000", bank.org_id, 1000, **PERIOD)
    response = await api.call(bank, "POST", f"{PROGRAMMES}/{created['id']}/claims", json=unknown)
    assert response.status_code == 422, response.text


async def test_bad_claims_change_nothing(api: Api) -> None:
    manager, bank, created, uscc = await setting(api)
    path = f"{PROGRAMMES}/{created['id']}/claims"
    other_bank = await api.org("bank")
    for bad in (
        claim_body(uscc, other_bank.org_id, 1000, **PERIOD),  # a bank files for its own loans only
        claim_body(uscc, bank.org_id, 1000, period_from="2025-07-01", period_to="2025-06-30"),
        claim_body(uscc, bank.org_id, 1000, period_from="2026-01-01", period_to="2026-02-01"),
        claim_body(uscc, bank.org_id, 0, **PERIOD),
    ):
        response = await api.call(bank, "POST", path, json=bad)
        assert response.status_code == 422, (bad, response.text)
    nowhere = f"{PROGRAMMES}/00000000-0000-0000-0000-000000000000/claims"
    missing = await api.call(bank, "POST", nowhere, json=claim_body(uscc, bank.org_id, 1000, **PERIOD))
    assert missing.status_code == 404
    assert (await api.call(manager, "GET", path)).json() == []


async def test_a_partner_app_files_only_with_the_enterprises_authorisation(api: Api) -> None:
    manager, bank = await api.org("fund_manager"), await api.org("bank")
    created = await create_programme(api, manager, ip_interest_body(year=YEAR))
    path = f"{PROGRAMMES}/{created['id']}/claims"
    acting, stranger = await api.org("partner_app"), await api.org("partner_app")
    uscc = (await put_profile(api, acting, collateral=["ip"]))["uscc"]
    response = await api.call(stranger, "POST", path, json=claim_body(uscc, bank.org_id, 1000, **PERIOD))
    assert response.status_code == 422 and response.json()["type"].endswith("/not-authorised-by-enterprise")
    filed = await file_claim(api, acting, created["id"], claim_body(uscc, bank.org_id, 1000, **PERIOD))
    assert filed["claimable_fen"] == 500
    not_a_bank = claim_body(uscc, manager.org_id, 1000, **PERIOD)
    assert (await api.call(acting, "POST", path, json=not_a_bank)).status_code == 422


async def test_refusal_needs_a_reason_and_counts(api: Api) -> None:
    manager, bank, created, uscc = await setting(api)
    claim = await file_claim(api, bank, created["id"], claim_body(uscc, bank.org_id, 1000, **PERIOD))
    assert (await decide(api, manager, claim["id"], decision="refused")).status_code == 422
    other = await api.org("fund_manager")
    assert (await decide(api, other, claim["id"], decision="approved")).status_code == 404
    assert (await decide(api, bank, claim["id"], decision="approved")).status_code == 403
    refused = await decide(api, manager, claim["id"], decision="refused", reason="贷款非知识产权质押")
    assert refused.json() == {
        "id": claim["id"],
        "status": "refused",
        "paid_fen": 0,
        "reason": "贷款非知识产权质押",
    }
    figures = await programme(api, bank, created["id"])
    assert (figures["paid_fen"], figures["refused_count"]) == (0, 1)


async def test_who_reads_claims(api: Api) -> None:
    manager, bank, created, uscc = await setting(api)
    path = f"{PROGRAMMES}/{created['id']}/claims"
    other_bank = await api.org("bank")
    mine = await file_claim(api, bank, created["id"], claim_body(uscc, bank.org_id, 1000, **PERIOD))
    theirs = await file_claim(
        api, other_bank, created["id"], claim_body(uscc, other_bank.org_id, 2000, **PERIOD)
    )
    assert [c["id"] for c in (await api.call(manager, "GET", path)).json()] == [mine["id"], theirs["id"]]
    assert [c["id"] for c in (await api.call(bank, "GET", path)).json()] == [mine["id"]]
    regulator = await api.org("regulator")
    assert len((await api.call(regulator, "GET", path)).json()) == 2
    assert (await api.call(await api.org("fund_manager"), "GET", path)).status_code == 404
