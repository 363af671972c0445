"""Listing agreements (CONTRACT §4: admin; the bank and the local guarantor of each; its ancestors),
and If-Match on PATCH /institutions/{id} (CONTRACT §1 "Concurrency")."""

from __future__ import annotations

from typing import Any

from tests.support.api import Actor, Api
from tests.support.guarantee import G, admin, agreement, chain, institution


async def _all(api: Api, actor: Actor | None, limit: int = 1000) -> list[str]:
    """Every agreement id the caller may list, page by page."""
    ids: list[str] = []
    cursor: str | None = None
    while True:
        params: dict[str, Any] = {"limit": limit, **({"cursor": cursor} if cursor else {})}
        if actor is None:
            page = await admin(api, "GET", f"{G}/agreements", params=params)
        else:
            page = await api.call(actor, "GET", f"{G}/agreements", params=params)
        assert page.status_code == 200, page.text
        ids += [a["id"] for a in page.json()["items"]]
        cursor = page.json()["next_cursor"]
        if not cursor:
            return ids


async def test_each_party_lists_the_agreements_it_belongs_to(api: Api) -> None:
    first = await chain(api)
    second_local = await institution(api, "local", first.provincial.id)
    other_bank = await api.org("bank")
    second = await agreement(api, other_bank, second_local)
    elsewhere = await chain(api)  # another provincial's chain

    assert await _all(api, first.bank) == [first.agreement_id]
    assert await _all(api, other_bank) == [second]
    assert await _all(api, first.local.actor) == [first.agreement_id]
    assert await _all(api, second_local.actor) == [second]
    assert await _all(api, first.provincial.actor, limit=1) == [first.agreement_id, second]
    for everyone in (None, first.fund.actor):
        listed = await _all(api, everyone)
        assert {first.agreement_id, second, elsewhere.agreement_id} <= set(listed)
    assert elsewhere.agreement_id not in await _all(api, first.provincial.actor)

    partner = await api.org("partner_app")
    assert (await api.call(partner, "GET", f"{G}/agreements")).status_code == 403
    bad = await api.call(first.bank, "GET", f"{G}/agreements", params={"cursor": "bm90LWEtY3Vyc29y"})
    assert bad.status_code == 422
    assert bad.json()["type"].endswith("/invalid-cursor")

    one = await api.call(first.bank, "GET", f"{G}/agreements/{first.agreement_id}")
    assert one.status_code == 200 and one.headers["etag"].startswith('"')


async def _patch(api: Api, path: str, body: dict[str, Any], headers: dict[str, str]) -> Any:
    return await api.client.request("PATCH", path, json=body, headers={**api.admin_headers, **headers})


async def test_a_patch_with_a_stale_etag_is_412_and_changes_nothing(api: Api) -> None:
    c = await chain(api)
    path = f"{G}/institutions/{c.local.id}"
    read = await admin(api, "GET", path)
    etag = read.headers["etag"]
    assert (await admin(api, "GET", path)).headers["etag"] == etag  # the same object, the same tag

    changed = await _patch(api, path, {"net_assets_fen": 2_000_000_000}, {"If-Match": etag})
    assert changed.status_code == 200, changed.text
    stale = await _patch(api, path, {"net_assets_fen": 3_000_000_000}, {"If-Match": etag})
    assert stale.status_code == 412
    assert stale.json()["type"].endswith("/precondition-failed")
    now = await admin(api, "GET", path)
    assert now.json()["net_assets_fen"] == 2_000_000_000
    assert now.headers["etag"] != etag
    assert stale.json()["etag"] == now.headers["etag"]

    star = await _patch(api, path, {"leverage_multiple": 12}, {"If-Match": "*"})
    assert star.status_code == 200
    without = await _patch(api, path, {"leverage_multiple": 11}, {})
    assert without.status_code == 200
    zh = await _patch(api, path, {"leverage_multiple": 13}, {"If-Match": etag, "Accept-Language": "zh"})
    assert zh.status_code == 412 and "修改" in zh.json()["detail"]
