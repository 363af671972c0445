"""Registering exposures, and the lifecycle: repayment, default (代偿), recoveries (追偿)."""

from __future__ import annotations

import json
from typing import Any

from kit.money import yuan
from kit.shapes import business_today
from tests.support.api import Api
from tests.support.guarantee import (
    G,
    admin,
    agreement,
    chain,
    exposure_body,
    institution,
    position,
    register,
    registered,
    slug,
)


async def test_split_of_an_awkward_amount(api: Api) -> None:
    shares = {"bank": 2500, "guarantor": 3333, "provincial": 2084, "national": 2083}
    c = await chain(api, shares=shares)
    e = await registered(api, c, principal_fen=123_456_789, small_micro=True)
    # 123456789 x bp / 10000: 30864197.25, 41148147.77..., 25728394.82..., 25716049.45...; 2 fen left over
    assert e["shares_fen"] == {
        "bank": 30_864_197,
        "guarantor": 41_148_148,
        "provincial": 25_728_395,
        "national": 25_716_049,
    }
    assert sum(e["shares_fen"].values()) == e["outstanding_fen"] == e["principal_fen"] == 123_456_789
    assert e["guaranteed_fen"] == 123_456_789 - 30_864_197
    assert e["weighted_liability_fen"] == (92_592_592 * 3 + 2) // 4  # 69444444 exactly
    assert (e["status"], e["guarantor_id"], e["bank_org_id"]) == ("active", c.local.id, c.bank.org_id)


async def test_weighting_75_or_100_percent(api: Api) -> None:
    c = await chain(api, net_assets_fen=yuan(100_000_000))
    small = await registered(api, c, principal_fen=yuan(5_000_000), small_micro=True)
    assert small["guaranteed_fen"] == yuan(4_000_000)
    assert small["weighted_liability_fen"] == yuan(3_000_000)
    above = await registered(api, c, principal_fen=yuan(5_000_000) + 1, small_micro=True)
    assert above["weighted_liability_fen"] == above["guaranteed_fen"]
    not_small = await registered(api, c, principal_fen=yuan(100_000), small_micro=False)
    assert not_small["weighted_liability_fen"] == yuan(80_000)
    odd = await registered(api, c, principal_fen=15, small_micro=True)  # guaranteed 12 -> 9
    assert (odd["guaranteed_fen"], odd["weighted_liability_fen"]) == (12, 9)
    odd = await registered(api, c, principal_fen=5, small_micro=True)  # guaranteed 4 -> 3
    assert (odd["shares_fen"]["bank"], odd["weighted_liability_fen"]) == (1, 3)


async def test_policy_scope_and_duplicates(api: Api) -> None:
    c = await chain(api, net_assets_fen=yuan(100_000_000))
    outside = await register(api, c, principal_fen=yuan(10_000_000) + 1)
    assert (outside.status_code, slug(outside)) == (422, "outside-policy-scope")
    assert (await register(api, c, principal_fen=yuan(10_000_000), loan_ref="BIG-1")).status_code == 201
    again = await register(api, c, loan_ref="BIG-1")
    assert (again.status_code, slug(again)) == (409, "duplicate-loan")
    # The same loan of the same bank through another guarantor is still a duplicate...
    other = await chain(api, provincial=c.provincial)
    second_agreement = await agreement(api, c.bank, other.local)
    via_other = await api.call(
        other.local.actor,
        "POST",
        f"{G}/exposures",
        json=exposure_body(c, agreement_id=second_agreement, loan_ref="BIG-1"),
    )
    assert (via_other.status_code, slug(via_other)) == (409, "duplicate-loan")
    # ... but another bank may use the same loan_ref.
    assert (await register(api, other, loan_ref="BIG-1")).status_code == 201


async def test_bad_requests_change_nothing(api: Api) -> None:
    c = await chain(api)
    before = await position(api, c.local)
    cases: dict[str, dict[str, Any]] = {
        "invalid-uscc": {"uscc": "91620100ABCDEFGHIJ"},
        "validation-error": {"maturity_date": "2026-01-10"},
        "invalid-agreement-id": {"agreement_id": "00000000-0000-4000-8000-000000000000"},
    }
    for expected, override in cases.items():
        response = await register(api, c, **override)
        assert (response.status_code, slug(response)) == (422, expected), response.text
    bads: list[dict[str, Any]] = [
        {"principal_fen": 0},
        {"fee_rate_bp": -1},
        {"principal_fen": 1.5},
        {"small_micro": None},
    ]
    for bad in bads:
        assert slug(await register(api, c, **bad)) == "validation-error"
    # Someone else's agreement is not yours to use.
    other = await chain(api, provincial=c.provincial)
    foreign = await register(api, c, agreement_id=other.agreement_id)
    assert slug(foreign) == "invalid-agreement-id"
    assert await position(api, c.local) == before


async def test_only_a_local_guarantor_registers(api: Api) -> None:
    c = await chain(api)
    body = exposure_body(c)
    stranger = await api.org("guarantor")
    for actor in (c.provincial.actor, c.fund.actor, c.bank, stranger, await api.org("partner_app")):
        response = await api.call(actor, "POST", f"{G}/exposures", json=body)
        assert response.status_code == 403, actor.role
    assert (await api.call(c.local.actor, "POST", f"{G}/exposures", json=body)).status_code == 201


async def test_full_lifecycle(api: Api) -> None:
    c = await chain(api)
    e = await registered(api, c, principal_fen=yuan(1_000_000), small_micro=True)
    url = f"{G}/exposures/{e['id']}"
    actor = c.local.actor

    repaid = await api.call(
        actor, "POST", f"{url}/repayments", json={"amount_fen": 25_000_001, "paid_on": "2026-04-10"}
    )
    assert repaid.status_code == 200, repaid.text
    r = repaid.json()
    assert r["outstanding_fen"] == 74_999_999
    assert r["shares_fen"] == {
        "bank": 15_000_000,
        "guarantor": 29_999_999,
        "provincial": 15_000_000,
        "national": 15_000_000,
    }
    assert (r["guaranteed_fen"], r["weighted_liability_fen"]) == (59_999_999, 44_999_999)  # 44999999.25
    too_much = await api.call(
        actor, "POST", f"{url}/repayments", json={"amount_fen": 75_000_000, "paid_on": "2026-04-11"}
    )
    assert (too_much.status_code, slug(too_much), too_much.json()["outstanding_fen"]) == (
        422,
        "repayment-exceeds-outstanding",
        74_999_999,
    )
    early = await api.call(
        actor, "POST", f"{url}/repayments", json={"amount_fen": 1, "paid_on": "2025-12-31"}
    )
    assert slug(early) == "date-out-of-range"

    defaulted = await api.call(actor, "POST", f"{url}/default", json={"defaulted_on": "2026-09-30"})
    assert defaulted.status_code == 200, defaulted.text
    d = defaulted.json()
    losses = {"bank": 15_000_000, "guarantor": 29_999_999, "provincial": 15_000_000, "national": 15_000_000}
    assert d["losses_fen"] == losses
    assert d["compensation_fen"] == 74_999_999 - 15_000_000
    assert d["exposure"]["status"] == "compensated"
    assert (
        d["exposure"]["defaulted_fen"],
        d["exposure"]["outstanding_fen"],
        d["exposure"]["weighted_liability_fen"],
    ) == (
        74_999_999,
        0,
        0,
    )
    assert d["exposure"]["losses_fen"] == losses
    for path, body in (
        (f"{url}/repayments", {"amount_fen": 1, "paid_on": "2026-10-01"}),
        (f"{url}/default", {"defaulted_on": "2026-10-01"}),
    ):
        response = await api.call(actor, "POST", path, json=body)
        assert (response.status_code, slug(response)) == (409, "exposure-not-active")

    steps = [10_000_001, 33_333_333, 1]
    totals = dict.fromkeys(losses, 0)
    recovered = 0
    for n, amount in enumerate(steps):
        response = await api.call(
            actor,
            "POST",
            f"{url}/recoveries",
            json={"amount_fen": amount, "recovered_on": f"2027-0{n + 1}-01"},
        )
        assert response.status_code == 200, response.text
        body = response.json()
        recovered += amount
        assert sum(body["allocation_fen"].values()) == amount
        assert body["total_recovered_fen"] == recovered
        totals = {p: totals[p] + body["allocation_fen"][p] for p in totals}
    # After 43,333,335 fen: cumulative = the rule applied to the total.
    assert totals == {
        "bank": 8_666_667,
        "guarantor": 17_333_334,
        "provincial": 8_666_667,
        "national": 8_666_667,
    }
    over = await api.call(
        actor,
        "POST",
        f"{url}/recoveries",
        json={"amount_fen": 74_999_999 - recovered + 1, "recovered_on": "2027-06-01"},
    )
    assert (over.status_code, slug(over), over.json()["remaining_fen"]) == (
        422,
        "recovery-exceeds-default",
        74_999_999 - recovered,
    )
    last = await api.call(
        actor,
        "POST",
        f"{url}/recoveries",
        json={"amount_fen": 74_999_999 - recovered, "recovered_on": "2027-06-01"},
    )
    assert last.status_code == 200
    exposure = (await api.call(actor, "GET", url)).json()
    assert exposure["recovered_fen"] == losses  # everyone made whole
    assert exposure["total_recovered_fen"] == 74_999_999
    done = await api.call(
        actor, "POST", f"{url}/recoveries", json={"amount_fen": 1, "recovered_on": "2027-07-01"}
    )
    assert slug(done) == "recovery-exceeds-default"

    pos = await position(api, c.local)
    assert (pos["active_exposures"], pos["liability_fen"], pos["compensated_fen"]) == (0, 0, 59_999_999)
    assert pos["recovered_fen"] == 74_999_999 - 15_000_000
    # 代偿额 ÷ 解除担保额 at its own share: 59,999,999 paid of the 80,000,000 guaranteed it was
    # released from (20,000,001 by repayment, the rest by the default): 7499.9999 bp, half up.
    assert (pos["compensation_rate_bp"], pos["year"]) == (7500, business_today().year)
    # Every release and the default are dated 2026: that year's rate is the same, 2025's is 0.
    for year, rate in ((2026, 7500), (2025, 0)):
        got = await admin(api, "GET", f"{G}/institutions/{c.local.id}/position", params={"year": year})
        assert (got.json()["year"], got.json()["compensation_rate_year_bp"]) == (year, rate)
    prov = await position(api, c.provincial)
    assert (prov["compensated_fen"], prov["recovered_fen"]) == (15_000_000, 15_000_000)


async def test_repaid_in_full_and_recovery_needs_a_default(api: Api) -> None:
    c = await chain(api)
    e = await registered(api, c, principal_fen=1001)
    url = f"{G}/exposures/{e['id']}"
    not_yet = await api.call(
        c.local.actor, "POST", f"{url}/recoveries", json={"amount_fen": 1, "recovered_on": "2027-01-01"}
    )
    assert (not_yet.status_code, slug(not_yet)) == (409, "exposure-not-compensated")
    paid = await api.call(
        c.local.actor, "POST", f"{url}/repayments", json={"amount_fen": 1001, "paid_on": "2026-12-31"}
    )
    p = paid.json()
    assert (p["status"], p["outstanding_fen"], p["weighted_liability_fen"], p["ended_on"]) == (
        "repaid",
        0,
        0,
        "2026-12-31",
    )
    assert (await position(api, c.local))["compensation_rate_bp"] == 0
    # Only the guarantor itself moves the exposure.
    sibling = await institution(api, "local", c.provincial.id)
    for actor, status in ((sibling.actor, 404), (c.provincial.actor, 403), (c.bank, 403)):
        response = await api.call(actor, "POST", f"{url}/default", json={"defaulted_on": "2027-01-01"})
        assert response.status_code == status


async def test_the_worked_example_of_the_readme(api: Api) -> None:
    c = await chain(api, net_assets_fen=yuan(10_000_000))
    e = await registered(api, c, principal_fen=yuan(1_000_000), small_micro=True)
    assert (e["guaranteed_fen"], e["weighted_liability_fen"]) == (yuan(800_000), yuan(600_000))
    url = f"{G}/exposures/{e['id']}"
    a = c.local.actor
    r = await api.call(
        a, "POST", f"{url}/repayments", json={"amount_fen": yuan(250_000), "paid_on": "2026-06-01"}
    )
    assert (r.json()["guaranteed_fen"], r.json()["weighted_liability_fen"]) == (yuan(600_000), yuan(450_000))
    d = (await api.call(a, "POST", f"{url}/default", json={"defaulted_on": "2026-09-01"})).json()
    assert d["compensation_fen"] == yuan(600_000)
    assert d["losses_fen"] == {
        "bank": yuan(150_000),
        "guarantor": yuan(300_000),
        "provincial": yuan(150_000),
        "national": yuan(150_000),
    }
    expected = [
        (
            30_000_000,
            {"bank": 6_000_000, "guarantor": 12_000_000, "provincial": 6_000_000, "national": 6_000_000},
        ),
        (
            10_000_001,
            {"bank": 2_000_000, "guarantor": 4_000_001, "provincial": 2_000_000, "national": 2_000_000},
        ),
        (
            34_999_999,
            {"bank": 7_000_000, "guarantor": 13_999_999, "provincial": 7_000_000, "national": 7_000_000},
        ),
    ]
    for amount, allocation in expected:
        got = await api.call(
            a, "POST", f"{url}/recoveries", json={"amount_fen": amount, "recovered_on": "2026-12-01"}
        )
        assert got.json()["allocation_fen"] == allocation
    over = await api.call(
        a, "POST", f"{url}/recoveries", json={"amount_fen": 1, "recovered_on": "2026-12-02"}
    )
    assert slug(over) == "recovery-exceeds-default"


async def test_re_guarantor_positions_count_their_own_unweighted_share(api: Api) -> None:
    c = await chain(api)  # its own provincial: net assets 1,000,000,000 yuan x 10
    fund_before = await position(api, c.fund)
    e = await registered(api, c, principal_fen=yuan(1_000_000), small_micro=True)  # local weighs 75%
    prov = await position(api, c.provincial)
    assert (prov["tier"], prov["active_exposures"], prov["liability_fen"]) == ("provincial", 1, yuan(200_000))
    assert prov["headroom_fen"] == prov["capacity_fen"] - yuan(200_000) == yuan(10_000_000_000 - 200_000)
    assert (await position(api, c.local))["liability_fen"] == yuan(600_000)
    fund = await position(api, c.fund)
    assert fund["liability_fen"] - fund_before["liability_fen"] == yuan(200_000)
    assert fund["active_exposures"] - fund_before["active_exposures"] == 1
    url = f"{G}/exposures/{e['id']}"
    await api.call(c.local.actor, "POST", f"{url}/default", json={"defaulted_on": "2026-03-01"})
    prov = await position(api, c.provincial)
    # Its 代偿 is its own loss share; 代偿率 over its own share released (all of it, by the default).
    assert (prov["liability_fen"], prov["compensated_fen"], prov["compensation_rate_bp"]) == (
        0,
        yuan(200_000),
        10_000,
    )
    local = await position(api, c.local)
    assert (local["compensated_fen"], local["compensation_rate_bp"]) == (yuan(800_000), 10_000)


async def test_a_recovery_never_takes_a_fen_back_even_where_the_rule_is_not_monotone(api: Api) -> None:
    # With these shares the allocation rule gives the guarantor 1 fen of 20 but 0 of 21.
    shares = {"bank": 3206, "guarantor": 213, "provincial": 3650, "national": 2931}
    c = await chain(api, shares=shares)
    e = await registered(api, c, principal_fen=1_000)
    url = f"{G}/exposures/{e['id']}"
    d = await api.call(c.local.actor, "POST", f"{url}/default", json={"defaulted_on": "2026-03-01"})
    losses = d.json()["losses_fen"]
    allocations = []
    for amount in (20, 1, 979):
        got = await api.call(
            c.local.actor,
            "POST",
            f"{url}/recoveries",
            json={"amount_fen": amount, "recovered_on": "2026-04-01"},
        )
        assert got.status_code == 200, got.text
        allocations.append(got.json()["allocation_fen"])
    assert allocations[0] == {"bank": 6, "guarantor": 1, "provincial": 7, "national": 6}
    assert all(v >= 0 for a in allocations for v in a.values())
    assert [sum(a.values()) for a in allocations] == [20, 1, 979]
    after = (await api.call(c.local.actor, "GET", url)).json()
    assert after["recovered_fen"] == losses


async def test_a_loan_ref_with_stray_spaces_is_the_same_loan(api: Api) -> None:
    c = await chain(api)
    first = await registered(api, c, loan_ref=" LZB-7 ")
    assert first["loan_ref"] == "LZB-7"
    again = await register(api, c, loan_ref="LZB-7\t")
    assert (again.status_code, slug(again)) == (409, "duplicate-loan")
    blank = await register(api, c, loan_ref="   ")
    assert (blank.status_code, slug(blank)) == (422, "validation-error")


async def test_a_registration_answers_the_exposure_as_it_is_read_back(api: Api) -> None:
    c = await chain(api)
    response = await register(api, c, principal_fen=1_000_000)
    assert (response.status_code, response.headers["content-type"]) == (201, "application/json")
    created = response.json()
    read = await api.call(c.local.actor, "GET", f"{G}/exposures/{created['id']}")
    assert read.status_code == 200 and read.json() == created
    # compact JSON, Chinese as UTF-8: the bytes FastAPI's response_model would have sent
    assert response.content == json.dumps(created, ensure_ascii=False, separators=(",", ":")).encode()
