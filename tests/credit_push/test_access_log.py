"""The access log lists every time non-public data of an enterprise left credit_push, and only that."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from tests.support.api import Actor, Api
from tests.support.credit_push import access_log, authorise, eventually, give_consent, item, upload
from tests.support.receiver import Receiver

FIELDS = {"id", "at", "uscc", "reader_org_id", "reader_role", "what", "via"}


async def _feed_page(api: Api, bank: Actor) -> list[dict[str, Any]]:
    answer = await api.call(bank, "GET", "/v1/credit/feed", params={"limit": 1000})
    assert answer.status_code == 200, answer.text
    events: list[dict[str, Any]] = answer.json()["items"]
    return events


def _has(n: int, entries: list[dict[str, Any]]) -> list[dict[str, Any]] | None:
    return entries if len(entries) >= n else None


async def test_the_log_lists_exactly_the_reads_made(api: Api) -> None:
    tax, partner, other_app = (
        await api.org("tax_authority"),
        await api.org("partner_app"),
        await api.org("partner_app"),
    )
    bank = await api.org("bank")
    b_rated, public_a = item(rating="B", avg_annual_tax_fen=9_00), item(rating="A", avg_annual_tax_fen=3_00)
    await upload(api, tax, [b_rated, public_a])
    uscc = b_rated["uscc"]
    await give_consent(api, partner, uscc, bank)
    started = datetime.now(UTC)

    # What leaves: the B enterprise's rating read (tax figure) and its `published` in a feed page.
    assert (await api.call(bank, "GET", f"/v1/credit/ratings/{uscc}")).status_code == 200
    events = await _feed_page(api, bank)
    assert any(e["data"]["uscc"] == uscc for e in events)
    # Public: the A list enterprise read without a consent, and the tax authority's own read.
    assert (await api.call(bank, "GET", f"/v1/credit/ratings/{public_a['uscc']}")).status_code == 200
    assert (await api.call(tax, "GET", f"/v1/credit/ratings/{uscc}")).status_code == 200

    entries = await eventually(lambda: _wait(api, tax, uscc, 2))
    # Newest first: the feed page came after the rating read.
    assert [(e["via"], e["what"]) for e in entries] == [("feed", "tax_figure"), ("rating_read", "tax_figure")]
    for entry in entries:
        assert set(entry) == FIELDS
        assert (entry["uscc"], entry["reader_org_id"], entry["reader_role"]) == (uscc, bank.org_id, "bank")
        assert started - timedelta(seconds=5) <= datetime.fromisoformat(entry["at"]) <= datetime.now(UTC)
    assert entries[0]["at"] >= entries[1]["at"]
    assert await access_log(api, tax, uscc=public_a["uscc"]) == []

    # The app the enterprise authorised sees the same entries; reading the log logged nothing.
    assert await access_log(api, partner, uscc=uscc) == entries
    assert [e for e in await access_log(api, partner) if e["uscc"] == uscc] == entries
    admin = await api.call(
        None, "GET", "/v1/credit/access-log", params={"uscc": uscc}, headers=api.admin_headers
    )
    assert admin.json()["items"] == entries
    # Another app holds no authorisation from the enterprise: nothing of it.
    assert await access_log(api, other_app, uscc=uscc) == []
    assert all(e["uscc"] != uscc for e in await access_log(api, other_app))
    assert await access_log(api, tax, uscc=uscc) == entries


async def _wait(api: Api, reader: Actor, uscc: str, n: int) -> list[dict[str, Any]] | None:
    return _has(n, await access_log(api, reader, uscc=uscc))


async def test_an_authorised_app_loses_sight_of_the_log_with_its_authorisation(api: Api) -> None:
    tax, partner, bank = await api.org("tax_authority"), await api.org("partner_app"), await api.org("bank")
    m_rated = item(rating="M")
    await upload(api, tax, [m_rated])
    uscc = m_rated["uscc"]
    await give_consent(api, partner, uscc, bank)
    assert (await api.call(bank, "GET", f"/v1/credit/ratings/{uscc}")).status_code == 200
    entries = await eventually(lambda: _wait(api, partner, uscc, 1))
    assert [(e["via"], e["what"]) for e in entries] == [("rating_read", "rating")]  # no tax figure stored
    listed = await api.call(partner, "GET", "/v1/credit/authorisations", params={"uscc": uscc})
    for authorisation in listed.json()["items"]:
        await api.call(partner, "DELETE", f"/v1/credit/authorisations/{authorisation['id']}")
    assert await access_log(api, partner, uscc=uscc) == []
    assert len(await access_log(api, tax, uscc=uscc)) == 1
    await authorise(api, partner, uscc)
    assert len(await access_log(api, partner, uscc=uscc)) == 1


async def test_log_filters_roles_and_paging(api: Api) -> None:
    tax, partner, bank = await api.org("tax_authority"), await api.org("partner_app"), await api.org("bank")
    b_rated = item(rating="B", avg_annual_tax_fen=5_00)
    await upload(api, tax, [b_rated])
    uscc = b_rated["uscc"]
    await give_consent(api, partner, uscc, bank)
    for _ in range(3):
        assert (await api.call(bank, "GET", f"/v1/credit/ratings/{uscc}")).status_code == 200
    entries = await eventually(lambda: _wait(api, tax, uscc, 3))
    assert len(entries) == 3
    first = await api.call(tax, "GET", "/v1/credit/access-log", params={"uscc": uscc, "limit": 2})
    page = first.json()
    assert page["items"] == entries[:2]
    rest = await api.call(
        tax, "GET", "/v1/credit/access-log", params={"uscc": uscc, "cursor": page["next_cursor"]}
    )
    assert rest.json() == {"items": entries[2:], "next_cursor": None}
    later = (datetime.now(UTC) + timedelta(hours=1)).isoformat()
    assert await access_log(api, tax, uscc=uscc, since=later) == []
    assert await access_log(api, tax, uscc=uscc, since=entries[1]["at"]) == entries[:2]
    naive = await api.call(tax, "GET", "/v1/credit/access-log", params={"since": "2026-01-01T00:00:00"})
    assert naive.status_code == 422
    for role in ("bank", "guarantor"):
        other = await api.org(role)
        assert (await api.call(other, "GET", "/v1/credit/access-log")).status_code == 403


async def test_a_webhook_delivery_carrying_the_tax_figure_is_in_the_log(api: Api) -> None:
    tax, partner, bank = await api.org("tax_authority"), await api.org("partner_app"), await api.org("bank")
    receiver = Receiver()
    try:
        made = await api.call(bank, "POST", "/v1/credit/subscriptions", json={"url": receiver.url})
        assert made.status_code == 201, made.text
        b_rated = item(rating="B", avg_annual_tax_fen=5_00)
        await upload(api, tax, [b_rated])
        await give_consent(api, partner, b_rated["uscc"], bank)
        await eventually(lambda: _delivered(receiver))
        entries = await eventually(lambda: _wait(api, tax, b_rated["uscc"], 1))
        assert [(e["via"], e["what"], e["reader_org_id"]) for e in entries] == [
            ("webhook", "tax_figure", bank.org_id)
        ]
    finally:
        receiver.stop()


async def _delivered(receiver: Receiver) -> list[bytes] | None:
    return receiver.bodies() or None
