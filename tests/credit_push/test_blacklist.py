"""The 红黑榜 (国家税务总局令第54号), the public A list and loan_match's standing read (CONTRACT §3)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import create_async_engine

from tests.support.api import Actor, Api, make_uscc
from tests.support.credit_push import Direct, eventually, feed_all, give_consent, item, today, upload
from tests.support.stack import Stack

PUBLISHED, WITHDRAWN = "credit.rating.published", "credit.rating.withdrawn"


async def _events(api: Api, bank: Actor, uscc: str) -> list[dict[str, Any]]:
    return [e for e in await feed_all(api, bank) if e["data"]["uscc"] == uscc]


def _entry(uscc: str, **extra: Any) -> dict[str, Any]:
    served = today() - timedelta(days=3)
    return {
        "uscc": uscc,
        "name": "兰州某某商贸有限公司",
        "decision_served_on": str(served),
        "published_on": str(today()),
        "reason": "虚开增值税专用发票",
        **extra,
    }


async def _blacklist(api: Api, tax: Actor, uscc: str, **extra: Any) -> dict[str, Any]:
    response = await api.call(tax, "POST", "/v1/credit/blacklist", json=_entry(uscc, **extra))
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


async def _types_when(api: Api, bank: Actor, uscc: str, count: int) -> list[dict[str, Any]]:
    async def enough() -> list[dict[str, Any]] | None:
        events = await _events(api, bank, uscc)
        return events if len(events) >= count else None

    return await eventually(enough)


async def test_listing_withdraws_with_reason_blacklisted_and_repair_republishes(api: Api) -> None:
    tax, partner = await api.org("tax_authority"), await api.org("partner_app")
    public_bank, consented_bank = await api.org("bank"), await api.org("bank")
    rated = item(rating="A", avg_annual_tax_fen=12_000_00)
    uscc = rated["uscc"]
    await upload(api, tax, [rated])
    await give_consent(api, partner, uscc, consented_bank)
    await _types_when(api, public_bank, uscc, 1)
    await _types_when(api, consented_bank, uscc, 1)

    entry = await _blacklist(api, tax, uscc.lower())
    assert entry["uscc"] == uscc
    assert (entry["status"], entry["late"]) == ("active", False)
    assert entry["ends_on"] == str(today().replace(year=today().year + 3))
    # Both banks are told at once, in the same transaction as the entry.
    for bank in (public_bank, consented_bank):
        events = await _events(api, bank, uscc)
        assert [e["type"] for e in events].count(WITHDRAWN) == 1
        assert events[-1]["type"] == WITHDRAWN
        assert events[-1]["data"] == {"uscc": uscc, "version": 1, "reason": "blacklisted"}
    # The rating counts as D: the A list no longer entitles; the consent still shows it, as D.
    assert (await api.call(public_bank, "GET", f"/v1/credit/ratings/{uscc}")).status_code == 404
    seen = (await api.call(consented_bank, "GET", f"/v1/credit/ratings/{uscc}")).json()
    assert (seen["rating"], seen["blacklisted"], seen["avg_annual_tax_fen"]) == ("D", True, 12_000_00)
    as_tax = (await api.call(tax, "GET", f"/v1/credit/ratings/{uscc}")).json()
    assert (as_tax["rating"], as_tax["blacklisted"]) == ("D", True)
    assert entry["id"] in [e["id"] for e in await _all(api, public_bank, "/v1/credit/blacklist")]
    assert uscc not in [e["uscc"] for e in await _all(api, partner, "/v1/credit/a-list", year=2024)]

    # 信用修复: the entry ends, every bank entitled again gets the rating again.
    assert (await api.call(tax, "DELETE", f"/v1/credit/blacklist/{entry['id']}")).status_code == 204
    for bank in (public_bank, consented_bank):
        events = await _events(api, bank, uscc)
        assert [e["type"] for e in events[-3:]] == [PUBLISHED, WITHDRAWN, PUBLISHED]
        assert events[-1]["data"]["rating"] == "A"
    assert "avg_annual_tax_fen" in (await _events(api, consented_bank, uscc))[-1]["data"]
    again = (await api.call(public_bank, "GET", f"/v1/credit/ratings/{uscc}")).json()
    assert (again["rating"], again["blacklisted"]) == ("A", False)
    assert entry["id"] not in [e["id"] for e in await _all(api, tax, "/v1/credit/blacklist")]
    assert uscc in [e["uscc"] for e in await _all(api, partner, "/v1/credit/a-list", year=2024)]
    # Ending it again changes nothing.
    assert (await api.call(tax, "DELETE", f"/v1/credit/blacklist/{entry['id']}")).status_code == 204
    assert len(await _events(api, public_bank, uscc)) == 3


async def _all(api: Api, actor: Actor, path: str, **params: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor: str | None = None
    while True:
        query = {"limit": 1000, **params, **({"cursor": cursor} if cursor else {})}
        response = await api.call(actor, "GET", path, params=query)
        assert response.status_code == 200, response.text
        page = response.json()
        items.extend(page["items"])
        cursor = page["next_cursor"]
        if not cursor:
            return items


async def test_late_publication_is_flagged_and_bad_entries_are_refused(api: Api) -> None:
    tax, bank, partner = await api.org("tax_authority"), await api.org("bank"), await api.org("partner_app")
    uscc = make_uscc()
    late = await _blacklist(
        api, tax, uscc, decision_served_on="2025-01-31", published_on="2025-02-16", name="  某公司 "
    )
    assert (late["late"], late["name"], late["ends_on"]) == (True, "某公司", "2028-02-16")
    on_time = await _blacklist(
        api, tax, make_uscc(), decision_served_on="2025-12-20", published_on="2026-01-15"
    )
    assert on_time["late"] is False
    # An entry whose three years are over is recorded as ended at once.
    old = await _blacklist(api, tax, make_uscc(), decision_served_on="2022-01-05", published_on="2022-01-10")
    assert old["status"] == "ended"
    bad = [
        _entry(make_uscc(), decision_served_on="2025-03-02", published_on="2025-03-01"),
        _entry(make_uscc(), published_on=str(today() + timedelta(days=1))),
        _entry("91620100XXXXXXXXX1"),
        _entry(make_uscc(), name=""),
        {**_entry(make_uscc()), "colour": "red"},
    ]
    for body in bad:
        refused = await api.call(tax, "POST", "/v1/credit/blacklist", json=body)
        assert refused.status_code == 422, (body, refused.text)
    assert (await api.call(bank, "POST", "/v1/credit/blacklist", json=_entry(make_uscc()))).status_code == 403
    assert (await api.call(partner, "GET", "/v1/credit/blacklist")).status_code == 403
    assert (await api.call(bank, "DELETE", f"/v1/credit/blacklist/{late['id']}")).status_code == 403
    unknown = "00000000-0000-0000-0000-000000000000"
    assert (await api.call(tax, "DELETE", f"/v1/credit/blacklist/{unknown}")).status_code == 404
    assert (await api.call(tax, "DELETE", "/v1/credit/blacklist/nope")).status_code == 404
    ids = [e["id"] for e in await _all(api, tax, "/v1/credit/blacklist")]
    assert late["id"] in ids and on_time["id"] in ids and old["id"] not in ids


async def _three_years_pass(database_url: str, entry_id: str) -> None:
    """Move an entry's dates back three years, as if they had passed (setup only)."""
    statement = sa.text(
        "UPDATE credit_push.blacklist SET published_on = published_on - interval '3 years',"
        " decision_served_on = decision_served_on - interval '3 years',"
        " ends_on = published_on WHERE id = :id"
    )
    engine = create_async_engine(database_url)
    try:
        async with engine.begin() as conn:
            await conn.execute(statement, {"id": entry_id})
    finally:
        await engine.dispose()


async def test_an_entry_ends_by_itself_after_three_years(api: Api, stack: Stack) -> None:
    tax, bank = await api.org("tax_authority"), await api.org("bank")
    rated = item(rating="A")
    await upload(api, tax, [rated])
    uscc = rated["uscc"]
    await _types_when(api, bank, uscc, 1)
    entry = await _blacklist(api, tax, uscc)
    assert [e["type"] for e in await _events(api, bank, uscc)] == [PUBLISHED, WITHDRAWN]
    await _three_years_pass(stack.database_url, entry["id"])
    events = await _types_when(api, bank, uscc, 3)
    assert [e["type"] for e in events] == [PUBLISHED, WITHDRAWN, PUBLISHED]
    assert entry["id"] not in [e["id"] for e in await _all(api, tax, "/v1/credit/blacklist")]


async def test_the_a_list_of_a_year(api: Api) -> None:
    tax, guarantor = await api.org("tax_authority"), await api.org("guarantor")
    latest = today().year - 1
    a_latest, b_latest, a_before = (
        item(rating="A", year=latest),
        item(rating="B", year=latest),
        item(year=2024),
    )
    await upload(api, tax, [a_latest, b_latest, a_before, {**a_before, "year": 2023, "rating": "C"}])
    default = {e["uscc"]: e for e in await _all(api, guarantor, "/v1/credit/a-list")}
    assert default[a_latest["uscc"]] == {"uscc": a_latest["uscc"], "name": a_latest["name"], "year": latest}
    assert b_latest["uscc"] not in default and a_before["uscc"] not in default
    of_2024 = [e["uscc"] for e in await _all(api, tax, "/v1/credit/a-list", year=2024)]
    assert a_before["uscc"] in of_2024 and a_latest["uscc"] not in of_2024
    assert of_2024 == sorted(of_2024)
    assert a_before["uscc"] not in [e["uscc"] for e in await _all(api, tax, "/v1/credit/a-list", year=2023)]
    first = (await api.call(guarantor, "GET", "/v1/credit/a-list", params={"year": 2024, "limit": 1})).json()
    assert len(first["items"]) == 1 and first["next_cursor"]
    second = await api.call(
        guarantor,
        "GET",
        "/v1/credit/a-list",
        params={"year": 2024, "limit": 1, "cursor": first["next_cursor"]},
    )
    assert second.json()["items"][0]["uscc"] > first["items"][0]["uscc"]
    for year in (today().year, 2013):
        refused = await api.call(guarantor, "GET", "/v1/credit/a-list", params={"year": year})
        assert refused.status_code == 422
        assert refused.json()["type"].endswith("/validation-error")
    bad_cursor = await api.call(guarantor, "GET", "/v1/credit/a-list", params={"cursor": "bm9wZQ"})
    assert bad_cursor.status_code == 422
    assert (await api.call(None, "GET", "/v1/credit/a-list")).status_code == 401


async def test_standing_for_loan_match(api: Api, stack: Stack) -> None:
    tax = await api.org("tax_authority")
    listed, clean = make_uscc(), make_uscc()
    await _blacklist(api, tax, listed)
    direct = Direct(stack.url("credit_push"))
    try:
        got = await direct.call("service", None, "GET", f"/internal/credit/standing/{listed.lower()}")
        assert got.status_code == 200, got.text
        assert got.json() == {"uscc": listed, "blacklisted": True}
        got = await direct.call("service", None, "GET", f"/internal/credit/standing/{clean}")
        assert got.json() == {"uscc": clean, "blacklisted": False}
        as_bank = await direct.call("bank", None, "GET", f"/internal/credit/standing/{clean}")
        assert as_bank.status_code == 403
        bad = await direct.call("service", None, "GET", "/internal/credit/standing/91620100XXXXXXXXX1")
        assert bad.status_code == 422
    finally:
        await direct.aclose()
    assert (await api.call(tax, "GET", f"/internal/credit/standing/{clean}")).status_code == 404


async def test_an_upload_for_this_year_is_rejected_and_an_old_a_entitles_no_bank(
    api: Api, stack: Stack
) -> None:
    tax, bank, partner = await api.org("tax_authority"), await api.org("bank"), await api.org("partner_app")
    fresh, this_year, stale = (
        item(year=today().year - 1),
        item(year=today().year),
        item(year=today().year - 3),
    )
    result = await upload(api, tax, [fresh, this_year, stale])
    assert result["accepted"] == 2
    assert [(r["index"], r["uscc"]) for r in result["rejected"]] == [(1, this_year["uscc"])]
    assert "not evaluated yet" in result["rejected"][0]["detail"]
    # A rating of year Y is current through 31 March of Y+3 at the latest.
    stale_is_current = today() <= date(today().year, 3, 31)
    read = await api.call(bank, "GET", f"/v1/credit/ratings/{stale['uscc']}")
    assert read.status_code == (200 if stale_is_current else 404)
    assert (await api.call(tax, "GET", f"/v1/credit/ratings/{stale['uscc']}")).status_code == 200
    # An A that is no longer current is outside the push set: the bank is sent the fresh one only.
    await _types_when(api, bank, fresh["uscc"], 1)
    assert bool(await _events(api, bank, stale["uscc"])) == stale_is_current
    await give_consent(api, partner, stale["uscc"], bank)
    direct = Direct(stack.url("credit_push"))
    try:
        internal = await direct.call(
            "service",
            None,
            "GET",
            f"/internal/credit/ratings/{stale['uscc']}",
            params={"for_org_id": partner.org_id},
        )
    finally:
        await direct.aclose()
    assert internal.status_code == (200 if stale_is_current else 404)
