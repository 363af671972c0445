"""Bank × local guarantor agreements and the 国办发〔2019〕6号 share invariants."""

from __future__ import annotations

import pytest

from tests.support.api import Api
from tests.support.guarantee import SHARES_2422, G, admin, chain, institution, slug


@pytest.mark.parametrize(
    ("shares", "rule"),
    [
        ({"bank": 1999, "guarantor": 4001, "provincial": 2000, "national": 2000}, "bank-share-too-low"),
        (
            {"bank": 2000, "guarantor": 4001, "provincial": 2000, "national": 1999},
            "national-share-out-of-range",
        ),
        ({"bank": 2000, "guarantor": 0, "provincial": 3999, "national": 4001}, "national-share-out-of-range"),
        (
            {"bank": 2000, "guarantor": 4100, "provincial": 1900, "national": 2000},
            "provincial-share-below-national",
        ),
        (
            {"bank": 2000, "guarantor": 4000, "provincial": 2000, "national": 2001},
            "provincial-share-below-national",
        ),
        (
            {"bank": 2000, "guarantor": 4001, "provincial": 2000, "national": 2000},
            "shares-do-not-sum-to-10000",
        ),
        ({"bank": 6001, "guarantor": -1, "provincial": 2000, "national": 2000}, "negative-share"),
    ],
)
async def test_broken_invariant_is_a_422_naming_the_rule(api: Api, shares: dict[str, int], rule: str) -> None:
    c = await chain(api)
    bank = await api.org("bank")
    body = {"bank_org_id": bank.org_id, "guarantor_id": c.local.id, "shares_bp": shares}
    response = await admin(api, "POST", f"{G}/agreements", json=body)
    assert (response.status_code, slug(response), response.json()["rule"]) == (422, rule, rule)
    # Nothing was stored: the valid agreement can still be made.
    ok = await admin(api, "POST", f"{G}/agreements", json={**body, "shares_bp": SHARES_2422})
    assert ok.status_code == 201, ok.text


async def test_references_are_checked(api: Api) -> None:
    c = await chain(api)
    body = {"bank_org_id": c.bank.org_id, "guarantor_id": c.local.id, "shares_bp": SHARES_2422}
    duplicate = await admin(api, "POST", f"{G}/agreements", json=body)
    assert (duplicate.status_code, slug(duplicate)) == (409, "agreement-exists")
    not_a_bank = await admin(
        api, "POST", f"{G}/agreements", json={**body, "bank_org_id": c.local.actor.org_id}
    )
    assert (not_a_bank.status_code, slug(not_a_bank)) == (422, "invalid-bank-org-id")
    provincial = await admin(api, "POST", f"{G}/agreements", json={**body, "guarantor_id": c.provincial.id})
    assert (provincial.status_code, slug(provincial)) == (422, "invalid-guarantor-id")
    missing_share = await admin(api, "POST", f"{G}/agreements", json={**body, "shares_bp": {"bank": 10000}})
    assert slug(missing_share) == "validation-error"
    for actor in (c.bank, c.local.actor, c.fund.actor):
        assert (await api.call(actor, "POST", f"{G}/agreements", json=body)).status_code == 403


async def test_special_programme_split_and_who_sees_it(api: Api) -> None:
    # 2024 科创 plan: the national fund may take up to 40%.
    c = await chain(api, shares={"bank": 2000, "guarantor": 0, "provincial": 4000, "national": 4000})
    got = await api.call(c.bank, "GET", f"{G}/agreements/{c.agreement_id}")
    assert got.status_code == 200
    assert got.json()["shares_bp"] == {"bank": 2000, "guarantor": 0, "provincial": 4000, "national": 4000}
    assert got.json()["provincial_id"] == c.provincial.id
    for actor in (c.local.actor, c.provincial.actor, c.fund.actor):
        assert (await api.call(actor, "GET", f"{G}/agreements/{c.agreement_id}")).status_code == 200
    other_bank = await api.org("bank")
    other_local = await institution(api, "local", c.provincial.id)
    for actor in (other_bank, other_local.actor):
        assert (await api.call(actor, "GET", f"{G}/agreements/{c.agreement_id}")).status_code == 404
