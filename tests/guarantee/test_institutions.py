"""Institutions of the chain: registration rules, net-asset updates, who may see them."""

from __future__ import annotations

from kit.money import yuan
from tests.support.api import Api
from tests.support.guarantee import G, admin, chain, institution, national_fund, position, register, slug


async def test_registration_defaults_and_parent_rules(api: Api) -> None:
    fund = await national_fund(api)
    provincial = await institution(api, "provincial", None)  # the fund is the default parent
    got = await admin(api, "GET", f"{G}/institutions/{provincial.id}")
    assert got.json()["parent_id"] == fund.id
    assert got.json()["leverage_multiple"] == 10
    local = await institution(api, "local", provincial.id, leverage_multiple=15)
    assert (await admin(api, "GET", f"{G}/institutions/{local.id}")).json()["leverage_multiple"] == 15

    async def refused(tier: str, parent_id: str | None, **extra: object) -> str:
        org = await api.org("guarantor")
        body = {
            "org_id": org.org_id,
            "name": "x",
            "tier": tier,
            "net_assets_fen": 1,
            "parent_id": parent_id,
            **extra,
        }
        response = await admin(api, "POST", f"{G}/institutions", json=body)
        assert response.status_code in (409, 422), response.text
        return slug(response)

    assert await refused("local", None) == "invalid-parent-id"
    assert await refused("local", local.id) == "invalid-parent-id"  # a local under a local
    assert await refused("local", fund.id) == "invalid-parent-id"
    assert await refused("provincial", provincial.id) == "invalid-parent-id"
    assert await refused("national_fund", None) == "national-fund-exists"
    assert await refused("local", provincial.id, leverage_multiple=16) == "validation-error"
    assert await refused("local", provincial.id, net_assets_fen=-1) == "validation-error"


async def test_org_must_be_an_unregistered_guarantor(api: Api) -> None:
    fund = await national_fund(api)
    provincial = await institution(api, "provincial", fund.id)
    bank = await api.org("bank")
    body = {
        "org_id": bank.org_id,
        "name": "b",
        "tier": "local",
        "parent_id": provincial.id,
        "net_assets_fen": 1,
    }
    response = await admin(api, "POST", f"{G}/institutions", json=body)
    assert (response.status_code, slug(response)) == (422, "invalid-org-id")
    unknown = {**body, "org_id": "00000000-0000-4000-8000-000000000000"}
    assert slug(await admin(api, "POST", f"{G}/institutions", json=unknown)) == "invalid-org-id"
    again = {**body, "org_id": provincial.actor.org_id}
    response = await admin(api, "POST", f"{G}/institutions", json=again)
    assert (response.status_code, slug(response)) == (409, "institution-exists")


async def test_only_admin_registers_and_updates(api: Api) -> None:
    c = await chain(api)
    body = {
        "org_id": c.local.actor.org_id,
        "name": "x",
        "tier": "local",
        "parent_id": c.provincial.id,
        "net_assets_fen": 1,
    }
    for actor in (c.local.actor, c.provincial.actor, c.fund.actor, c.bank):
        assert (await api.call(actor, "POST", f"{G}/institutions", json=body)).status_code == 403
        patch = await api.call(actor, "PATCH", f"{G}/institutions/{c.local.id}", json={"net_assets_fen": 5})
        assert patch.status_code == 403


async def test_a_new_audited_figure_changes_capacity(api: Api) -> None:
    c = await chain(api, net_assets_fen=yuan(1_000_000))
    assert (await position(api, c.local))["capacity_fen"] == yuan(10_000_000)
    patched = await admin(
        api, "PATCH", f"{G}/institutions/{c.local.id}", json={"net_assets_fen": yuan(2_000_000)}
    )
    assert patched.status_code == 200, patched.text
    assert patched.json()["net_assets_fen"] == yuan(2_000_000)
    after = await position(api, c.local)
    assert (after["capacity_fen"], after["single_client_cap_fen"]) == (yuan(20_000_000), yuan(200_000))
    # An audited loss of all net assets: no new exposure fits any more.
    await admin(api, "PATCH", f"{G}/institutions/{c.local.id}", json={"net_assets_fen": 0})
    refused = await register(api, c, principal_fen=100)
    assert (refused.status_code, slug(refused), refused.json()["limit_fen"]) == (
        409,
        "leverage-limit-exceeded",
        0,
    )
    too_high = await admin(api, "PATCH", f"{G}/institutions/{c.local.id}", json={"leverage_multiple": 16})
    assert (too_high.status_code, slug(too_high)) == (422, "validation-error")
    missing = await admin(
        api, "PATCH", f"{G}/institutions/00000000-0000-4000-8000-000000000000", json={"net_assets_fen": 1}
    )
    assert missing.status_code == 404


async def test_visible_to_admin_itself_and_ancestors_only(api: Api) -> None:
    c = await chain(api)
    sibling = await institution(api, "local", c.provincial.id)
    other_provincial = await institution(api, "provincial", c.fund.id)
    for actor in (c.local.actor, c.provincial.actor, c.fund.actor):
        for path in (f"{G}/institutions/{c.local.id}", f"{G}/institutions/{c.local.id}/position"):
            assert (await api.call(actor, "GET", path)).status_code == 200, (actor.name, path)
    for actor in (sibling.actor, other_provincial.actor):
        assert (await api.call(actor, "GET", f"{G}/institutions/{c.local.id}")).status_code == 404
        assert (await api.call(actor, "GET", f"{G}/institutions/{c.local.id}/position")).status_code == 404
    # A local does not see its parent; a bank and an unregistered guarantor may never call.
    assert (await api.call(c.local.actor, "GET", f"{G}/institutions/{c.provincial.id}")).status_code == 404
    assert (await api.call(c.bank, "GET", f"{G}/institutions/{c.local.id}")).status_code == 403
    stranger = await api.org("guarantor")
    assert (await api.call(stranger, "GET", f"{G}/institutions/{c.local.id}")).status_code == 403
    listed = await api.call(c.local.actor, "GET", f"{G}/institutions")
    assert listed.status_code == 403
    under = await admin(api, "GET", f"{G}/institutions", params={"parent_id": c.provincial.id, "limit": 1})
    assert len(under.json()["items"]) == 1
    rest = await admin(
        api,
        "GET",
        f"{G}/institutions",
        params={"parent_id": c.provincial.id, "cursor": under.json()["next_cursor"]},
    )
    assert {i["id"] for i in under.json()["items"] + rest.json()["items"]} == {c.local.id, sibling.id}
