"""The pull feed's paging, loan outcomes and the 银税互动 statistics."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from kit.money import ratio_bp
from tests.support.api import Actor, Api, make_uscc
from tests.support.credit_push import Receiver, authorise, eventually, feed_all, item, upload


async def _page(api: Api, bank: Actor, cursor: str | None, limit: int) -> dict[str, Any]:
    params: dict[str, Any] = {"limit": limit}
    if cursor:
        params["cursor"] = cursor
    response = await api.call(bank, "GET", "/v1/credit/feed", params=params)
    assert response.status_code == 200, response.text
    page: dict[str, Any] = response.json()
    return page


async def test_paging_never_repeats_or_skips_while_events_arrive(api: Api) -> None:
    """A bank follows `next_cursor` only (CONTRACT §1): it is never null, so polling resumes exactly."""
    tax, bank = await api.org("tax_authority"), await api.org("bank")
    await upload(api, tax, [item(rating="A") for _ in range(5)])
    seen: list[dict[str, Any]] = []
    cursor: str | None = None
    for round_ in range(6):
        page = await _page(api, bank, cursor, 3)
        seen.extend(page["items"])
        cursor = page["next_cursor"]
        assert cursor
        if round_ % 2 == 0:
            await upload(api, tax, [item(rating="A")])
    while True:
        page = await _page(api, bank, cursor, 3)
        seen.extend(page["items"])
        cursor = page["next_cursor"]
        assert cursor
        if not page["has_more"]:
            break
    seqs = [e["seq"] for e in seen]
    assert seqs == list(range(1, len(seqs) + 1))
    assert seen == await feed_all(api, bank)
    # Caught up: an empty page keeps the position; the next event comes exactly once.
    empty = await _page(api, bank, cursor, 3)
    assert (empty["items"], empty["next_cursor"], empty["has_more"]) == ([], cursor, False)
    await upload(api, tax, [item(rating="A")])
    after = await _page(api, bank, cursor, 3)
    assert [e["seq"] for e in after["items"]] == [seqs[-1] + 1]
    assert after["has_more"] is False
    bad = await api.call(bank, "GET", "/v1/credit/feed", params={"cursor": "not-a-cursor"})
    assert bad.status_code == 422
    tax_feed = await api.call(tax, "GET", "/v1/credit/feed")
    assert tax_feed.status_code == 403


async def _stats(api: Api, who: Actor) -> dict[str, Any]:
    response = await api.call(who, "GET", "/v1/credit/stats")
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def test_outcomes_and_stats(api: Api) -> None:
    tax, bank = await api.org("tax_authority"), await api.org("bank")
    before = await _stats(api, tax)
    a_rated = item(rating="A")
    await upload(api, tax, [a_rated, item(rating="D")])
    await eventually(lambda: _pushed(api, bank, a_rated["uscc"]))

    loans = [(3_000_000_00, "pure_credit"), (1_000_000_00, "guaranteed"), (1_000_000_01, "collateral")]
    for amount, credit_type in loans:
        response = await api.call(
            bank,
            "POST",
            "/v1/credit/outcomes",
            json={
                "uscc": a_rated["uscc"],
                "loan_ref": f"LN-{credit_type}",
                "amount_fen": amount,
                "credit_type": credit_type,
                "granted_on": "2026-01-15",
            },
        )
        assert response.status_code == 201, response.text
        assert response.json()["amount_fen"] == amount

    after = await _stats(api, tax)
    assert after["enterprises_rated"] == before["enterprises_rated"] + 2
    assert after["enterprises_pushed"] >= before["enterprises_pushed"] + 1
    assert after["loans_count"] == before["loans_count"] + 3
    assert after["loans_total_fen"] == before["loans_total_fen"] + 5_000_000_01
    assert after["pure_credit_total_fen"] == before["pure_credit_total_fen"] + 3_000_000_00
    assert after["enterprises_with_loans"] == before["enterprises_with_loans"] + 1
    assert after["pure_credit_ratio_bp"] == ratio_bp(after["pure_credit_total_fen"], after["loans_total_fen"])
    assert set(after["deliveries"]) == {"pending", "delivered", "failed"}
    admin_view = await api.call(None, "GET", "/v1/credit/stats", headers=api.admin_headers)
    assert admin_view.status_code == 200
    assert (await api.call(bank, "GET", "/v1/credit/stats")).status_code == 403


async def _pushed(api: Api, bank: Actor, uscc: str) -> bool:
    return any(e["data"]["uscc"] == uscc for e in await feed_all(api, bank))


async def test_bad_outcomes_are_refused(api: Api) -> None:
    tax, bank = await api.org("tax_authority"), await api.org("bank")
    d_rated = item(rating="D")
    await upload(api, tax, [d_rated])
    from datetime import UTC, datetime

    from kit.shapes import business_date as business_today

    tomorrow = business_today(datetime.now(UTC)) + timedelta(days=1)
    cases = [
        ({"uscc": d_rated["uscc"], "granted_on": "2026-01-01"}, "enterprise-not-pushed"),
        ({"uscc": make_uscc(), "granted_on": str(tomorrow)}, "invalid-granted-on"),
        ({"uscc": make_uscc(), "granted_on": "2026-01-01", "amount_fen": 0}, "validation-error"),
        ({"uscc": make_uscc(), "granted_on": "2026-01-01", "credit_type": "equity"}, "validation-error"),
        ({"uscc": make_uscc(), "granted_on": "2026-01-01", "amount_fen": 1.5}, "validation-error"),
    ]
    for overrides, slug in cases:
        body = {"loan_ref": "LN-1", "amount_fen": 100, "credit_type": "pure_credit", **overrides}
        response = await api.call(bank, "POST", "/v1/credit/outcomes", json=body)
        assert response.status_code == 422, (overrides, response.text)
        assert response.json()["type"].endswith("/" + slug), response.text


async def test_a_loan_may_be_reported_for_an_enterprise_pushed_and_since_withdrawn(api: Api) -> None:
    """Pushed once is pushed: after its `withdrawn` the bank still reports the loan it granted
    (the bank's view is kept, not held); an enterprise never sent to it stays refused."""
    tax, bank = await api.org("tax_authority"), await api.org("bank")
    assert (await api.call(bank, "GET", "/v1/credit/feed")).status_code == 200  # the bank is known
    rated = item(rating="A")
    await upload(api, tax, [rated])
    await eventually(lambda: _pushed(api, bank, rated["uscc"]))
    await upload(api, tax, [{**rated, "year": rated["year"] + 1, "rating": "C"}])
    events = [e for e in await feed_all(api, bank) if e["data"]["uscc"] == rated["uscc"]]
    assert [e["type"].rsplit(".", 1)[1] for e in events] == ["published", "withdrawn"]
    body = {"loan_ref": "LN-" + rated["uscc"], "amount_fen": 100, "credit_type": "pure_credit"}
    reported = await api.call(
        bank, "POST", "/v1/credit/outcomes", json={**body, "uscc": rated["uscc"], "granted_on": "2026-01-01"}
    )
    assert reported.status_code == 201, reported.text
    never = {**body, "loan_ref": "LN-other", "uscc": make_uscc(), "granted_on": "2026-01-01"}
    refused = await api.call(bank, "POST", "/v1/credit/outcomes", json=never)
    assert refused.json()["type"].endswith("/enterprise-not-pushed"), refused.text


async def test_upload_and_consent_are_idempotent(api: Api) -> None:
    tax, partner, bank = await api.org("tax_authority"), await api.org("partner_app"), await api.org("bank")
    items = [item(rating="B")]
    key = {"Idempotency-Key": "upload-" + items[0]["uscc"]}
    first = await api.call(tax, "POST", "/v1/credit/ratings", json={"items": items}, headers=key)
    again = await api.call(tax, "POST", "/v1/credit/ratings", json={"items": items}, headers=key)
    assert first.json() == again.json() == {"accepted": 1, "unchanged": 0, "rejected": []}
    assert again.headers.get("idempotent-replayed") == "true"
    other_body = await api.call(tax, "POST", "/v1/credit/ratings", json={"items": [item()]}, headers=key)
    assert other_body.status_code == 422
    assert other_body.json()["type"].endswith("/idempotency-key-reused")

    body = {"uscc": items[0]["uscc"], "bank_org_id": bank.org_id, "evidence_ref": "e-1"}
    key = {"Idempotency-Key": "consent-" + items[0]["uscc"]}
    await authorise(api, partner, items[0]["uscc"])
    made = await api.call(partner, "POST", "/v1/credit/consents", json=body, headers=key)
    replayed = await api.call(partner, "POST", "/v1/credit/consents", json=body, headers=key)
    assert made.status_code == replayed.status_code == 201
    assert made.json()["id"] == replayed.json()["id"]
    listed = (await api.call(bank, "GET", "/v1/credit/consents", params={"uscc": items[0]["uscc"]})).json()
    assert len(listed["items"]) == 1
    events = [e for e in await feed_all(api, bank) if e["data"]["uscc"] == items[0]["uscc"]]
    assert len(events) == 1


async def test_deliveries_are_private_to_their_bank(api: Api) -> None:
    tax, bank, other = await api.org("tax_authority"), await api.org("bank"), await api.org("bank")
    receiver = Receiver()
    try:
        sub = await api.call(bank, "POST", "/v1/credit/subscriptions", json={"url": receiver.url})
        assert sub.status_code == 201
        await upload(api, tax, [item(rating="A")])
        mine = await eventually(lambda: _deliveries(api, bank))
        theirs = await _deliveries(api, other)
        assert not {d["id"] for d in theirs} & {d["id"] for d in mine}
        stranger = await api.call(other, "POST", f"/v1/credit/deliveries/{mine[0]['id']}/retry")
        assert stranger.status_code == 404
        only_sub = await _deliveries(api, bank, subscription_id=sub.json()["id"])
        assert {d["id"] for d in only_sub} == {d["id"] for d in mine}
    finally:
        receiver.stop()
    bad_status = await api.call(bank, "GET", "/v1/credit/deliveries", params={"status": "lost"})
    assert bad_status.status_code == 422
    unknown = await api.call(bank, "POST", "/v1/credit/deliveries/not-an-id/retry")
    assert unknown.status_code == 404


async def _deliveries(api: Api, bank: Actor, **params: Any) -> list[dict[str, Any]]:
    response = await api.call(bank, "GET", "/v1/credit/deliveries", params=params)
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items
