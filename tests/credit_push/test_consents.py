"""Consent, revocation and expiry decide who sees B and M enterprises and the tax figure."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from kit.shapes import business_date as business_today
from tests.support.api import Actor, Api, make_uscc
from tests.support.credit_push import Direct, a_day_passes, eventually, feed_all, give_consent, item, upload
from tests.support.stack import Stack


def _today() -> Any:
    from datetime import UTC, datetime

    return business_today(datetime.now(UTC))


async def _events(api: Api, bank: Actor, uscc: str) -> list[dict[str, Any]]:
    return [e for e in await feed_all(api, bank) if e["data"]["uscc"] == uscc]


async def test_consent_then_revocation(api: Api) -> None:
    tax, partner = await api.org("tax_authority"), await api.org("partner_app")
    bank, other_bank = await api.org("bank"), await api.org("bank")
    b_rated = item(rating="B", avg_annual_tax_fen=88_000_00)
    await upload(api, tax, [b_rated])
    uscc = b_rated["uscc"]
    assert (await api.call(bank, "GET", f"/v1/credit/ratings/{uscc}")).status_code == 404
    assert await _events(api, bank, uscc) == []

    consent = await give_consent(api, partner, uscc.lower(), bank)
    assert (consent["uscc"], consent["status"], consent["expires_on"]) == (uscc, "active", None)
    # The B enterprise is published to the consented bank at once, tax figure included.
    events = await _events(api, bank, uscc)
    assert [e["type"] for e in events] == ["credit.rating.published"]
    assert events[0]["data"] == {
        "uscc": uscc,
        "name": b_rated["name"],
        "rating": "B",
        "year": 2024,
        "version": 1,
        "avg_annual_tax_fen": 88_000_00,
    }
    seen = (await api.call(bank, "GET", f"/v1/credit/ratings/{uscc}")).json()
    assert seen["avg_annual_tax_fen"] == 88_000_00
    assert (await api.call(other_bank, "GET", f"/v1/credit/ratings/{uscc}")).status_code == 404

    listed = (await api.call(bank, "GET", "/v1/credit/consents")).json()["items"]
    assert [c["id"] for c in listed] == [consent["id"]]
    assert (await api.call(other_bank, "GET", "/v1/credit/consents")).json()["items"] == []
    other_partner = await api.org("partner_app")
    stranger = await api.call(other_partner, "DELETE", f"/v1/credit/consents/{consent['id']}")
    assert stranger.status_code == 404

    revoked = await api.call(partner, "DELETE", f"/v1/credit/consents/{consent['id']}")
    assert revoked.status_code == 204
    events = await _events(api, bank, uscc)
    assert events[-1]["type"] == "credit.rating.withdrawn"
    assert events[-1]["data"] == {"uscc": uscc, "version": 1, "reason": "consent_revoked"}
    assert events[-1]["seq"] > events[0]["seq"]
    assert (await api.call(bank, "GET", f"/v1/credit/ratings/{uscc}")).status_code == 404
    mine = (await api.call(partner, "GET", "/v1/credit/consents", params={"uscc": uscc})).json()["items"]
    assert mine[0]["status"] == "revoked"
    # Revoking again changes nothing.
    assert (await api.call(partner, "DELETE", f"/v1/credit/consents/{consent['id']}")).status_code == 204
    assert len(await _events(api, bank, uscc)) == 2


async def test_a_list_is_public_and_consent_adds_the_tax_figure(api: Api) -> None:
    tax, partner, bank = await api.org("tax_authority"), await api.org("partner_app"), await api.org("bank")
    a_rated = item(rating="A", avg_annual_tax_fen=10_000_00)
    await upload(api, tax, [a_rated])
    uscc = a_rated["uscc"]
    public = await api.call(bank, "GET", f"/v1/credit/ratings/{uscc}")
    assert public.status_code == 200
    assert "avg_annual_tax_fen" not in public.json()
    await eventually(lambda: _events(api, bank, uscc))
    await give_consent(api, partner, uscc, bank)
    full = (await api.call(bank, "GET", f"/v1/credit/ratings/{uscc}")).json()
    assert full["avg_annual_tax_fen"] == 10_000_00
    events = await _events(api, bank, uscc)
    assert [("avg_annual_tax_fen" in e["data"]) for e in events] == [False, True]


async def test_a_consented_bank_reads_c_but_c_is_never_pushed(api: Api) -> None:
    tax, partner, bank = await api.org("tax_authority"), await api.org("partner_app"), await api.org("bank")
    c_rated = item(rating="C", avg_annual_tax_fen=1)
    await upload(api, tax, [c_rated])
    await give_consent(api, partner, c_rated["uscc"], bank)
    seen = await api.call(bank, "GET", f"/v1/credit/ratings/{c_rated['uscc']}")
    assert (seen.status_code, seen.json()["rating"]) == (200, "C")
    assert await _events(api, bank, c_rated["uscc"]) == []


async def test_consent_before_rating_publishes_when_rated(api: Api) -> None:
    tax, partner, bank = await api.org("tax_authority"), await api.org("partner_app"), await api.org("bank")
    uscc = make_uscc()
    await give_consent(api, partner, uscc, bank)
    assert (await api.call(bank, "GET", f"/v1/credit/ratings/{uscc}")).status_code == 404
    await upload(api, tax, [item(uscc=uscc, rating="M")])
    events = await _events(api, bank, uscc)
    assert [(e["type"], e["data"]["rating"]) for e in events] == [("credit.rating.published", "M")]
    await upload(api, tax, [item(uscc=uscc, rating="D")])
    events = await _events(api, bank, uscc)
    assert events[-1]["data"]["reason"] == "rating_changed"


async def test_bad_consents_are_refused(api: Api) -> None:
    partner, bank, guarantor = await api.org("partner_app"), await api.org("bank"), await api.org("guarantor")
    uscc = make_uscc()
    not_a_bank = await api.call(
        partner,
        "POST",
        "/v1/credit/consents",
        json={"uscc": uscc, "bank_org_id": guarantor.org_id, "evidence_ref": "x"},
    )
    assert not_a_bank.status_code == 422
    assert not_a_bank.json()["type"].endswith("/invalid-bank-org-id")
    past = await api.call(
        partner,
        "POST",
        "/v1/credit/consents",
        json={
            "uscc": uscc,
            "bank_org_id": bank.org_id,
            "evidence_ref": "x",
            "expires_on": str(_today() - timedelta(days=1)),
        },
    )
    assert past.status_code == 422
    assert past.json()["type"].endswith("/invalid-expires-on")
    bad_uscc = await api.call(
        partner,
        "POST",
        "/v1/credit/consents",
        json={"uscc": "123", "bank_org_id": bank.org_id, "evidence_ref": "x"},
    )
    assert bad_uscc.json()["type"].endswith("/invalid-uscc")
    as_bank = await api.call(
        bank,
        "POST",
        "/v1/credit/consents",
        json={"uscc": uscc, "bank_org_id": bank.org_id, "evidence_ref": "x"},
    )
    assert as_bank.status_code == 403
    assert (await api.call(partner, "GET", "/v1/credit/consents", params={"uscc": uscc})).json()[
        "items"
    ] == []


async def test_expiry_withdraws_like_a_revocation(api: Api, stack: Stack) -> None:
    tax, partner, bank = await api.org("tax_authority"), await api.org("partner_app"), await api.org("bank")
    m_rated = item(rating="M")
    await upload(api, tax, [m_rated])
    uscc = m_rated["uscc"]
    today = _today()
    consent = await give_consent(api, partner, uscc, bank, expires_on=str(today))
    assert consent["expires_on"] == str(today)
    assert (await api.call(bank, "GET", f"/v1/credit/ratings/{uscc}")).status_code == 200

    # Tomorrow comes: the consent's last day is past and the service's own sweep ends it.
    await a_day_passes(stack.database_url, "consents", consent["id"])

    async def withdrawn() -> list[dict[str, Any]] | None:
        events = await _events(api, bank, uscc)
        return events if len(events) == 2 else None

    events = await eventually(withdrawn)
    assert [e["type"] for e in events] == ["credit.rating.published", "credit.rating.withdrawn"]
    assert events[-1]["data"]["reason"] == "consent_expired"
    assert (await api.call(bank, "GET", f"/v1/credit/ratings/{uscc}")).status_code == 404
    listed = (await api.call(partner, "GET", "/v1/credit/consents", params={"uscc": uscc})).json()["items"]
    assert listed[0]["status"] == "expired"
    assert listed[0]["ended_at"] is not None


async def test_no_operation_can_expire_consents_ahead_of_time(stack: Stack) -> None:
    """Expiry follows the calendar only: no internal call ends every consent "as of" a future day."""
    direct = Direct(stack.url("credit_push"))
    try:
        tomorrow = str(_today() + timedelta(days=1))
        answer = await direct.call(
            "service", None, "POST", "/internal/credit/consent-expiry", json={"as_of": tomorrow}
        )
    finally:
        await direct.aclose()
    assert answer.status_code in (404, 405)
