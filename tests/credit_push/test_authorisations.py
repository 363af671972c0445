"""Enterprise authorisations: a partner app acts for an enterprise only while it holds one."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

from tests.support.api import Actor, Api, make_uscc
from tests.support.credit_push import (
    a_day_passes,
    authorise,
    eventually,
    feed_all,
    item,
    today,
    upload,
)
from tests.support.stack import Stack


async def _orgs(api: Api, *roles: str) -> list[Actor]:
    return [await api.org(role) for role in roles]


async def _events(api: Api, bank: Actor, uscc: str) -> list[dict[str, Any]]:
    return [e for e in await feed_all(api, bank) if e["data"]["uscc"] == uscc]


async def _record_consent(api: Api, partner: Actor, uscc: str, bank: Actor) -> Any:
    body = {"uscc": uscc, "bank_org_id": bank.org_id, "evidence_ref": "ETAX-2026-0001"}
    return await api.call(partner, "POST", "/v1/credit/consents", json=body)


async def _consents(api: Api, partner: Actor, uscc: str) -> list[dict[str, Any]]:
    answer = await api.call(partner, "GET", "/v1/credit/consents", params={"uscc": uscc})
    items: list[dict[str, Any]] = answer.json()["items"]
    return items


async def test_an_app_without_the_enterprises_authorisation_cannot_record_consents(api: Api) -> None:
    tax, partner, other_app = (
        await api.org("tax_authority"),
        await api.org("partner_app"),
        await api.org("partner_app"),
    )
    bank = await api.org("bank")
    b_rated = item(rating="B", avg_annual_tax_fen=1_000_00)
    await upload(api, tax, [b_rated])
    uscc = b_rated["uscc"]
    refused = await _record_consent(api, partner, uscc, bank)
    assert refused.status_code == 422
    assert refused.json()["type"].endswith("/not-authorised-by-enterprise")
    # Another app's authorisation does not count, nor a revoked one.
    await authorise(api, other_app, uscc)
    assert (await _record_consent(api, partner, uscc, bank)).status_code == 422
    mine = await authorise(api, partner, uscc)
    assert (await api.call(partner, "DELETE", f"/v1/credit/authorisations/{mine['id']}")).status_code == 204
    assert (await _record_consent(api, partner, uscc, bank)).status_code == 422
    assert await _consents(api, partner, uscc) == []
    assert await _events(api, bank, uscc) == []


async def test_authorise_then_consent_then_revoking_the_authorisation_withdraws(api: Api) -> None:
    tax, partner, stranger = (
        await api.org("tax_authority"),
        await api.org("partner_app"),
        await api.org("partner_app"),
    )
    bank, second_bank = await api.org("bank"), await api.org("bank")
    b_rated = item(rating="B", avg_annual_tax_fen=42_000_00)
    await upload(api, tax, [b_rated])
    uscc = b_rated["uscc"]
    authorisation = await authorise(api, partner, uscc.lower())
    assert {k: authorisation[k] for k in ("uscc", "status", "expires_on")} == {
        "uscc": uscc,
        "status": "active",
        "expires_on": None,
    }
    assert {"id", "created_at"} <= set(authorisation)
    for each in (bank, second_bank):
        made = await _record_consent(api, partner, uscc, each)
        assert made.status_code == 201, made.text
    seen = (await api.call(bank, "GET", f"/v1/credit/ratings/{uscc}")).json()
    assert (seen["rating"], seen["avg_annual_tax_fen"]) == ("B", 42_000_00)

    path = f"/v1/credit/authorisations/{authorisation['id']}"
    assert (await api.call(stranger, "DELETE", path)).status_code == 404
    assert (await api.call(partner, "DELETE", path)).status_code == 204
    for each in (bank, second_bank):
        events = await _events(api, each, uscc)
        assert [e["type"] for e in events] == ["credit.rating.published", "credit.rating.withdrawn"]
        assert events[-1]["data"] == {"uscc": uscc, "version": 1, "reason": "consent_revoked"}
        assert (await api.call(each, "GET", f"/v1/credit/ratings/{uscc}")).status_code == 404
    assert {c["status"] for c in await _consents(api, partner, uscc)} == {"revoked"}
    shown = await api.call(partner, "GET", path)
    assert (shown.status_code, shown.json()["status"]) == (200, "revoked")
    assert shown.headers["etag"].startswith('"')
    assert (await api.call(partner, "DELETE", path)).status_code == 204  # already revoked: no change
    assert len(await _events(api, bank, uscc)) == 2


async def test_expiry_of_the_authorisation_ends_its_consents(api: Api, stack: Stack) -> None:
    tax, partner, bank = await api.org("tax_authority"), await api.org("partner_app"), await api.org("bank")
    m_rated = item(rating="M", avg_annual_tax_fen=7_00)
    await upload(api, tax, [m_rated])
    uscc = m_rated["uscc"]
    authorisation = await authorise(api, partner, uscc, expires_on=str(today()))
    made = await _record_consent(api, partner, uscc, bank)
    assert made.status_code == 201, made.text
    assert (await api.call(bank, "GET", f"/v1/credit/ratings/{uscc}")).status_code == 200

    # The night passes: the authorisation's last day is behind us, and the expiry sweep ends it.
    await a_day_passes(stack.database_url, "authorisations", authorisation["id"])

    async def withdrawn() -> list[dict[str, Any]] | None:
        events = await _events(api, bank, uscc)
        return events if len(events) == 2 else None

    events = await eventually(withdrawn)
    assert events[-1]["type"] == "credit.rating.withdrawn"
    assert events[-1]["data"]["reason"] == "consent_expired"
    assert (await api.call(bank, "GET", f"/v1/credit/ratings/{uscc}")).status_code == 404
    assert [c["status"] for c in await _consents(api, partner, uscc)] == ["expired"]
    listed = await api.call(partner, "GET", "/v1/credit/authorisations", params={"uscc": uscc})
    assert [a["status"] for a in listed.json()["items"]] == ["expired"]
    assert (await _record_consent(api, partner, uscc, bank)).status_code == 422


async def test_bad_authorisations_are_refused_and_lists_are_ones_own(api: Api) -> None:
    partner, other_app, bank = (
        await api.org("partner_app"),
        await api.org("partner_app"),
        await api.org("bank"),
    )
    uscc = make_uscc()
    yesterday = str(today() - timedelta(days=1))
    cases = [
        ({"uscc": uscc, "evidence_ref": "E", "expires_on": yesterday}, "invalid-expires-on"),
        ({"uscc": "123", "evidence_ref": "E"}, "invalid-uscc"),
        ({"uscc": uscc, "evidence_ref": " "}, "validation-error"),
        ({"uscc": uscc}, "validation-error"),
    ]
    for body, slug in cases:
        answer = await api.call(partner, "POST", "/v1/credit/authorisations", json=body)
        assert answer.status_code == 422, (body, answer.text)
        assert answer.json()["type"].endswith("/" + slug)
    as_bank = await api.call(
        bank, "POST", "/v1/credit/authorisations", json={"uscc": uscc, "evidence_ref": "E"}
    )
    assert as_bank.status_code == 403
    first, second = await authorise(api, partner, uscc), await authorise(api, partner, make_uscc())
    await authorise(api, other_app, uscc)
    page = (await api.call(partner, "GET", "/v1/credit/authorisations", params={"limit": 1})).json()
    assert [a["id"] for a in page["items"]] == [first["id"]]
    rest = await api.call(partner, "GET", "/v1/credit/authorisations", params={"cursor": page["next_cursor"]})
    assert [a["id"] for a in rest.json()["items"]] == [second["id"]]
    filtered = await api.call(partner, "GET", "/v1/credit/authorisations", params={"uscc": uscc})
    assert [a["id"] for a in filtered.json()["items"]] == [first["id"]]
    assert (await api.call(other_app, "GET", f"/v1/credit/authorisations/{first['id']}")).status_code == 404
    assert (await api.call(partner, "GET", "/v1/credit/authorisations/not-a-uuid")).status_code == 404


async def _race(api: Api, partner: Actor, bank: Actor, uscc: str) -> tuple[int, int]:
    authorisation = await authorise(api, partner, uscc)
    consent, revoke = await asyncio.gather(
        _record_consent(api, partner, uscc, bank),
        api.call(partner, "DELETE", f"/v1/credit/authorisations/{authorisation['id']}"),
    )
    return consent.status_code, revoke.status_code


async def test_a_consent_racing_the_revocation_ends_as_some_serial_order_would(api: Api) -> None:
    """Consent first then revocation (consent revoked, bank withdrawn), or revocation first (422)."""
    tax, partner, bank = await api.org("tax_authority"), await api.org("partner_app"), await api.org("bank")
    rated = [item(rating="B", avg_annual_tax_fen=1_00) for _ in range(8)]
    await upload(api, tax, rated)
    for one in rated:
        uscc = one["uscc"]
        consent_status, revoke_status = await _race(api, partner, bank, uscc)
        assert revoke_status == 204
        assert consent_status in (201, 422)
        consents = await _consents(api, partner, uscc)
        assert [c["status"] for c in consents] == (["revoked"] if consent_status == 201 else [])
        kinds = [e["type"].rsplit(".", 1)[1] for e in await _events(api, bank, uscc)]
        assert kinds == (["published", "withdrawn"] if consent_status == 201 else [])
        assert (await api.call(bank, "GET", f"/v1/credit/ratings/{uscc}")).status_code == 404
