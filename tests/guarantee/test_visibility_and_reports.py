"""Who sees which exposures (CONTRACT §4 visibility), the summary report, and capacity for loan_match."""

from __future__ import annotations

import httpx

from kit.money import yuan
from tests.support.api import Api
from tests.support.guarantee import (
    Chain,
    G,
    admin,
    agreement,
    chain,
    institution,
    position,
    registered,
    slug,
)
from tests.support.principals import as_org, as_service
from tests.support.stack import Stack


async def test_each_role_and_tier_sees_what_it_should(api: Api) -> None:
    c = await chain(api)
    e = await registered(api, c)
    sibling = await institution(api, "local", c.provincial.id)
    other_provincial = await institution(api, "provincial", c.fund.id)
    other_bank = await api.org("bank")
    url = f"{G}/exposures/{e['id']}"
    for actor in (c.local.actor, c.provincial.actor, c.fund.actor, c.bank):
        got = await api.call(actor, "GET", url)
        assert (got.status_code, got.json()["id"]) == (200, e["id"]), actor.name
    assert (await admin(api, "GET", url)).status_code == 200
    for actor in (sibling.actor, other_provincial.actor, other_bank):
        assert (await api.call(actor, "GET", url)).status_code == 404
        listed = await api.call(actor, "GET", f"{G}/exposures", params={"uscc": e["uscc"]})
        assert listed.json()["items"] == []
    for actor in (await api.org("tax_authority"), await api.org("partner_app"), await api.org("guarantor")):
        assert (await api.call(actor, "GET", url)).status_code == 403
        assert (await api.call(actor, "GET", f"{G}/exposures")).status_code == 403
    missing = await api.call(c.local.actor, "GET", f"{G}/exposures/00000000-0000-4000-8000-000000000000")
    assert missing.status_code == 404


async def test_lists_filter_and_page(api: Api) -> None:
    c = await chain(api)
    made = [await registered(api, c, principal_fen=10_000 + n) for n in range(5)]
    paid = await api.call(
        c.local.actor,
        "POST",
        f"{G}/exposures/{made[0]['id']}/repayments",
        json={"amount_fen": 10_000, "paid_on": "2026-02-01"},
    )
    assert paid.status_code == 200
    seen: list[str] = []
    cursor = None
    while True:
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        page = (await api.call(c.bank, "GET", f"{G}/exposures", params=params)).json()
        seen += [item["id"] for item in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == [m["id"] for m in made]  # oldest first, no repeats, no gaps
    active = await api.call(
        c.provincial.actor, "GET", f"{G}/exposures", params={"status": "active", "limit": 1000}
    )
    ids = {item["id"] for item in active.json()["items"]}
    assert {m["id"] for m in made[1:]} <= ids
    assert made[0]["id"] not in ids
    one = await api.call(c.local.actor, "GET", f"{G}/exposures", params={"uscc": made[3]["uscc"].lower()})
    assert [item["id"] for item in one.json()["items"]] == [made[3]["id"]]
    bad = await api.call(c.local.actor, "GET", f"{G}/exposures", params={"uscc": "123"})
    assert slug(bad) == "invalid-uscc"
    assert (
        slug(await api.call(c.local.actor, "GET", f"{G}/exposures", params={"cursor": "nope"}))
        == "invalid-cursor"
    )
    assert (
        slug(await api.call(c.local.actor, "GET", f"{G}/exposures", params={"status": "lost"}))
        == "validation-error"
    )


async def test_summary_for_a_provincial_subtree(api: Api) -> None:
    c = await chain(api, net_assets_fen=yuan(100_000_000))
    second = await institution(api, "local", c.provincial.id, net_assets_fen=yuan(100_000_000))
    second_agreement = await agreement(
        api, c.bank, second, {"bank": 3000, "guarantor": 3000, "provincial": 2000, "national": 2000}
    )
    fund_before = (await api.call(c.fund.actor, "GET", f"{G}/reports/summary")).json()
    await registered(api, c, principal_fen=yuan(1_000_000), small_micro=True, fee_rate_bp=80)
    second_chain = Chain(c.fund, c.provincial, second, c.bank, second_agreement)
    await registered(api, second_chain, principal_fen=yuan(6_000_000), small_micro=False, fee_rate_bp=150)
    report = await api.call(c.provincial.actor, "GET", f"{G}/reports/summary")
    assert report.status_code == 200, report.text
    r = report.json()
    assert r["scope"] == c.provincial.id
    assert (r["active_exposures"], r["active_principal_fen"]) == (2, yuan(7_000_000))
    # Guaranteed balances: 800,000 (2:4:2:2 of 1m) and 4,200,000 (3:3:2:2 of 6m) yuan.
    assert r["guaranteed_balance_fen"] == yuan(5_000_000)
    assert r["avg_fee_rate_bp"] == 139  # (0.8m x 80 + 4.2m x 150) / 5m = 138.8
    # Only the first is small-micro, and only its client holds ≤ 500万 with its guarantor: 0.8 / 5.
    assert (r["small_micro_agri_share_bp"], r["upto_5m_client_share_bp"]) == (1600, 1600)
    assert list(r["by_region"]) == ["620100"]  # make_uscc registers in 兰州
    assert r["by_region"]["620100"] == {k: v for k, v in r.items() if k in r["by_region"]["620100"]}
    tiers = r["tiers"]
    assert tiers["local"]["outstanding_share_fen"] == yuan(400_000 + 1_800_000)
    assert tiers["provincial"]["outstanding_share_fen"] == yuan(200_000 + 1_200_000)
    assert tiers["national_fund"]["outstanding_share_fen"] == yuan(200_000 + 1_200_000)
    assert tiers["local"]["active_exposures"] == 2
    fund_after = (await api.call(c.fund.actor, "GET", f"{G}/reports/summary")).json()
    assert fund_after["scope"] == "all"
    assert fund_after["active_principal_fen"] - fund_before["active_principal_fen"] == yuan(7_000_000)
    assert (await admin(api, "GET", f"{G}/reports/summary")).status_code == 200
    for actor in (c.local.actor, await api.org("guarantor")):
        assert (await api.call(actor, "GET", f"{G}/reports/summary")).status_code == 403
    assert (await api.call(c.bank, "GET", f"{G}/reports/summary")).status_code == 403


async def test_capacity_for_loan_match(api: Api, stack: Stack) -> None:
    c = await chain(api, net_assets_fen=1_000_000)  # capacity 10,000,000
    roomy = await institution(api, "local", c.provincial.id, net_assets_fen=2_000_000)
    roomy_agreement = await agreement(api, c.bank, roomy)
    await registered(api, c, principal_fen=125_000, small_micro=False)  # 100,000 weighted
    url = stack.url("guarantee") + "/internal/guarantee/capacity"
    async with httpx.AsyncClient() as client:
        got = await client.get(
            url,
            params={"bank_org_id": c.bank.org_id, "guaranteed_fen": 15_000_000},
            auth=as_service(),
        )
        assert got.status_code == 200, got.text
        assert got.json() == {
            "bank_org_id": c.bank.org_id,
            "guaranteed_fen": 15_000_000,
            "guarantors": [
                {
                    "guarantor_id": roomy.id,
                    "name": roomy.actor.name,
                    "agreement_id": roomy_agreement,
                    "guaranteed_fen": 15_000_000,
                    "headroom_fen": 20_000_000,
                    "sufficient": True,
                },
                {
                    "guarantor_id": c.local.id,
                    "name": c.local.actor.name,
                    "agreement_id": c.agreement_id,
                    "guaranteed_fen": 15_000_000,
                    "headroom_fen": 9_900_000,
                    "sufficient": False,
                },
            ],
        }
        for bank_id in ("00000000-0000-4000-8000-000000000000", "not-a-uuid"):
            empty = await client.get(
                url, params={"bank_org_id": bank_id, "guaranteed_fen": 1}, auth=as_service()
            )
            assert empty.json()["guarantors"] == []
        forbidden = await client.get(
            url,
            params={"bank_org_id": c.bank.org_id, "guaranteed_fen": 1},
            auth=as_org("bank", c.bank.org_id),
        )
        assert forbidden.status_code == 403
        assert (
            await client.get(url, params={"bank_org_id": c.bank.org_id, "guaranteed_fen": 1})
        ).status_code == 401
    through_gateway = await api.call(
        c.bank,
        "GET",
        "/internal/guarantee/capacity",
        params={"bank_org_id": c.bank.org_id, "guaranteed_fen": 1},
    )
    assert through_gateway.status_code == 404


async def test_summary_tiers_add_up_to_the_positions_of_the_subtree(api: Api) -> None:
    # compensated_fen and recovered_fen mean the same in the summary as in a position:
    # a local tier's figure is what its locals paid the banks (代偿) and collected (追偿).
    c = await chain(api, net_assets_fen=yuan(100_000_000))
    second = await institution(api, "local", c.provincial.id, net_assets_fen=yuan(100_000_000))
    second_chain = Chain(
        c.fund,
        c.provincial,
        second,
        c.bank,
        await agreement(
            api, c.bank, second, {"bank": 3000, "guarantor": 3000, "provincial": 2000, "national": 2000}
        ),
    )
    for ch, principal in ((c, yuan(1_000_000)), (second_chain, 3_333_333)):
        e = await registered(api, ch, principal_fen=principal)
        url = f"{G}/exposures/{e['id']}"
        defaulted = await api.call(
            ch.local.actor, "POST", f"{url}/default", json={"defaulted_on": "2026-05-01"}
        )
        assert defaulted.status_code == 200, defaulted.text
        got = await api.call(
            ch.local.actor,
            "POST",
            f"{url}/recoveries",
            json={"amount_fen": 1_000_001, "recovered_on": "2026-06-01"},
        )
        assert got.status_code == 200, got.text
    await registered(api, c)  # an active one, which has no 代偿 yet
    tiers = (await api.call(c.provincial.actor, "GET", f"{G}/reports/summary")).json()["tiers"]
    locals_ = [await position(api, inst) for inst in (c.local, second)]
    prov = await position(api, c.provincial)
    # 2:4:2:2 of 1,000,000 yuan: 800,000 paid; 3:3:2:2 of 3,333,333 fen: 2,333,333 paid.
    assert [p["compensated_fen"] for p in locals_] == [yuan(800_000), 2_333_333]
    assert tiers["local"]["compensated_fen"] == yuan(800_000) + 2_333_333
    assert tiers["local"]["recovered_fen"] == sum(p["recovered_fen"] for p in locals_)
    assert tiers["local"]["recovered_fen"] == 800_001 + 700_000
    assert (tiers["provincial"]["compensated_fen"], tiers["provincial"]["recovered_fen"]) == (
        prov["compensated_fen"],
        prov["recovered_fen"],
    )
    assert tiers["provincial"]["compensated_fen"] == yuan(200_000) + 666_667
    assert tiers["national_fund"]["compensated_fen"] == yuan(200_000) + 666_666
