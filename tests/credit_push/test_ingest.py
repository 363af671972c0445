"""Ratings upload by the tax authority, and the internal read loan_match relies on."""

from __future__ import annotations

import uuid
from typing import Any

from tests.support.api import Api, make_uscc
from tests.support.credit_push import (
    Direct,
    access_log,
    authorise,
    eventually,
    feed_all,
    item,
    statements_of_request,
    upload,
)
from tests.support.stack import Stack


def _bad_check(uscc: str) -> str:
    return uscc[:-1] + ("0" if uscc[-1] != "0" else "1")


async def test_invalid_items_are_rejected_and_the_rest_stored(api: Api) -> None:
    tax = await api.org("tax_authority")
    ok = item(rating="B", avg_annual_tax_fen=1_234_500, region_code="620102")
    items = [
        item(uscc=_bad_check(make_uscc())),
        ok,
        item(rating="E"),
        item(year=2013),
        {**item(), "year": 2999},
    ]
    result = await upload(api, tax, items)
    assert result["accepted"] == 1
    assert result["unchanged"] == 0
    assert [r["index"] for r in result["rejected"]] == [0, 2, 3, 4]
    assert "check character" in result["rejected"][0]["detail"]
    assert "unknown level" in result["rejected"][1]["detail"]
    assert result["rejected"][1]["uscc"] == items[2]["uscc"]

    got = await api.call(tax, "GET", f"/v1/credit/ratings/{ok['uscc'].lower()}")
    assert got.status_code == 200
    body = got.json()
    assert {k: body[k] for k in ("uscc", "rating", "year", "version", "avg_annual_tax_fen")} == {
        "uscc": ok["uscc"],
        "rating": "B",
        "year": 2024,
        "version": 1,
        "avg_annual_tax_fen": 1_234_500,
    }


async def test_reupload_unchanged_and_dynamic_adjustment(api: Api) -> None:
    tax = await api.org("tax_authority")
    bank = await api.org("bank")
    first = item(rating="A", avg_annual_tax_fen=100)
    await upload(api, tax, [first])
    await eventually(lambda: _events_for(api, bank, first["uscc"], 1))

    again = await upload(api, tax, [first])
    assert (again["accepted"], again["unchanged"]) == (0, 1)

    adjusted = {**first, "avg_annual_tax_fen": 200}
    assert (await upload(api, tax, [adjusted]))["accepted"] == 1
    older_year = {**first, "year": 2022, "rating": "C"}
    assert (await upload(api, tax, [older_year]))["accepted"] == 1
    rating = (await api.call(tax, "GET", f"/v1/credit/ratings/{first['uscc']}")).json()
    assert (rating["year"], rating["rating"], rating["version"]) == (2024, "A", 2)

    # The unchanged re-upload and the older year emitted nothing; the adjustment one event.
    events = await _events_for(api, bank, first["uscc"], 0)
    assert [(e["type"], e["data"]["version"]) for e in events] == [
        ("credit.rating.published", 1),
        ("credit.rating.published", 2),
    ]
    # An A-only bank sees the public fields: no tax figure in its events.
    assert all("avg_annual_tax_fen" not in e["data"] for e in events)

    newer = {**first, "year": 2025, "rating": "C"}
    await upload(api, tax, [newer])
    events = await _events_for(api, bank, first["uscc"], 0)
    assert events[-1]["type"] == "credit.rating.withdrawn"
    assert events[-1]["data"] == {"uscc": first["uscc"], "version": 4, "reason": "rating_changed"}


async def test_two_years_of_one_enterprise_in_one_batch(api: Api) -> None:
    """A stored year that changed and a new year of the same enterprise, together: both stored,
    versions in year order (this was a 500: the stored row was counted once per item)."""
    tax = await api.org("tax_authority")
    first = item(rating="B", year=2023)
    assert (await upload(api, tax, [first]))["accepted"] == 1
    result = await upload(api, tax, [{**first, "rating": "C"}, {**first, "year": 2024}])
    assert (result["accepted"], result["unchanged"], result["rejected"]) == (2, 0, [])
    rating = (await api.call(tax, "GET", f"/v1/credit/ratings/{first['uscc']}")).json()
    assert (rating["year"], rating["rating"], rating["version"]) == (2024, "B", 3)


async def _events_for(api: Api, bank: Any, uscc: str, at_least: int) -> list[dict[str, Any]]:
    events = [e for e in await feed_all(api, bank) if e["data"]["uscc"] == uscc]
    return events if len(events) >= at_least else []


async def test_upload_size_and_role_limits(api: Api) -> None:
    tax = await api.org("tax_authority")
    bank = await api.org("bank")
    empty = await api.call(tax, "POST", "/v1/credit/ratings", json={"items": []})
    assert empty.status_code == 422
    too_many = await api.call(tax, "POST", "/v1/credit/ratings", json={"items": [item()] * 10_001})
    assert too_many.status_code == 422
    forbidden = await api.call(bank, "POST", "/v1/credit/ratings", json={"items": [item()]})
    assert forbidden.status_code == 403
    assert forbidden.headers["content-type"].startswith("application/problem+json")


async def test_ten_thousand_items_take_a_handful_of_statements(api: Api, stack: Stack) -> None:
    tax = await api.org("tax_authority")
    bank = await api.org("bank")
    await eventually(lambda: _feed_ok(api, bank))
    # Mostly levels that are never pushed, some B and M, and 20 A: every bank gets the A ones.
    levels = ["C"] * 6 + ["D", "M", "B", "B"]
    items = [item(rating=levels[i % 10] if i % 500 else "A", avg_annual_tax_fen=i) for i in range(10_000)]
    request_id = f"bulk-{uuid.uuid4().hex}"
    with statements_of_request(stack, request_id) as statements:
        response = await api.call(
            tax, "POST", "/v1/credit/ratings", json={"items": items}, headers={"X-Request-ID": request_id}
        )
    assert response.status_code == 200, response.text
    assert response.json() == {"accepted": 10_000, "unchanged": 0, "rejected": []}
    assert 0 < len(statements) <= 25, statements
    a_list = {i["uscc"] for i in items if i["rating"] == "A"}
    pushed = {e["data"]["uscc"] for e in await feed_all(api, bank)}
    assert a_list <= pushed

    with statements_of_request(stack, request_id + "-again") as statements:
        again = await api.call(
            tax,
            "POST",
            "/v1/credit/ratings",
            json={"items": items},
            headers={"X-Request-ID": request_id + "-again"},
        )
    assert again.json() == {"accepted": 0, "unchanged": 10_000, "rejected": []}
    assert len(statements) <= 10


async def _logged(api: Api, tax: Any, uscc: str) -> list[dict[str, Any]]:
    return await access_log(api, tax, uscc=uscc)


async def _feed_ok(api: Api, bank: Any) -> bool:
    return (await api.call(bank, "GET", "/v1/credit/feed")).status_code == 200


async def test_internal_current_rating_for_loan_match(api: Api, stack: Stack) -> None:
    """loan_match reads a rating for a partner app's query only while the app holds the authorisation."""
    tax, partner, stranger = (
        await api.org("tax_authority"),
        await api.org("partner_app"),
        await api.org("partner_app"),
    )
    c_rated = item(rating="C", avg_annual_tax_fen=5_000_00)
    unrated = make_uscc()
    await upload(api, tax, [c_rated, {**c_rated, "year": 2021, "rating": "A"}])
    for uscc in (c_rated["uscc"], unrated):
        await authorise(api, partner, uscc)
    direct = Direct(stack.url("credit_push"))

    async def read(uscc: str, org: str | None) -> Any:
        params = {"for_org_id": org} if org else {}
        return await direct.call("service", None, "GET", f"/internal/credit/ratings/{uscc}", params=params)

    try:
        got = await read(c_rated["uscc"], partner.org_id)
        assert got.status_code == 200
        body = got.json()
        assert set(body) == {
            "uscc",
            "name",
            "rating",
            "year",
            "version",
            "updated_at",
            "avg_annual_tax_fen",
            "blacklisted",
        }
        assert (body["rating"], body["year"], body["avg_annual_tax_fen"]) == ("C", 2024, 500_000)
        missing = await read(unrated, partner.org_id)
        assert missing.status_code == 404
        assert missing.json()["type"].endswith("/not-found")
        not_authorised = await read(c_rated["uscc"], stranger.org_id)
        assert not_authorised.status_code == 404
        assert not_authorised.json()["type"].endswith("/not-authorised-by-enterprise")
        assert (await read(c_rated["uscc"], None)).status_code == 422
        as_bank = await direct.call("bank", None, "GET", f"/internal/credit/ratings/{c_rated['uscc']}")
        assert as_bank.status_code == 403
        bad = await read("91620100XXXXXXXXX1", partner.org_id)
        assert bad.status_code == 422
        assert bad.json()["type"].endswith("/invalid-uscc")
    finally:
        await direct.aclose()
    # The one read that gave data away is logged, with the app the query was for as the reader.
    logged = await eventually(lambda: _logged(api, tax, c_rated["uscc"]))
    assert [(e["reader_org_id"], e["reader_role"], e["what"], e["via"]) for e in logged] == [
        (partner.org_id, "partner_app", "tax_figure", "match_query")
    ]
    # The internal operation is not routed by the gateway.
    assert (await api.call(tax, "GET", f"/internal/credit/ratings/{c_rated['uscc']}")).status_code == 404


async def test_a_batch_of_new_changed_identical_and_invalid_items(api: Api) -> None:
    """The set-based upload gives the answer and the events the entitlement rules give."""
    from tests.support.credit_push import Receiver

    tax, partner = await api.org("tax_authority"), await api.org("partner_app")
    consented_bank, other_bank = await api.org("bank"), await api.org("bank")
    for bank in (consented_bank, other_bank):
        assert await _feed_ok(api, bank)  # the feed makes the bank known: it is addressed the A list
    receiver = Receiver()
    try:
        made = await api.call(
            consented_bank, "POST", "/v1/credit/subscriptions", json={"url": receiver.url, "min_rating": "A"}
        )
        assert made.status_code == 201
        keep, down = item(rating="A"), item(rating="A")
        consented = item(rating="B", avg_annual_tax_fen=100)
        await upload(api, tax, [keep, down, consented, item(rating="C")])
        await authorise(api, partner, consented["uscc"])
        given = await api.call(
            partner,
            "POST",
            "/v1/credit/consents",
            json={"uscc": consented["uscc"], "bank_org_id": consented_bank.org_id, "evidence_ref": "e"},
        )
        assert given.status_code == 201
        await eventually(lambda: _received_at_least(receiver, 2))
        before = {b.org_id: len(await feed_all(api, b)) for b in (consented_bank, other_bank)}

        new_a = item(rating="A")
        batch = [
            keep,  # identical
            {**down, "rating": "B"},  # changed: leaves the A list
            {**consented, "avg_annual_tax_fen": 200},  # changed: a dynamic adjustment
            new_a,
            item(rating="C"),  # new, never pushed
            item(rating="X"),  # invalid
            {**new_a, "name": "again"},  # a second item for the same uscc and year
            {**keep, "year": 2022, "rating": "D"},  # an older year: stored, the current stays
        ]
        result = await upload(api, tax, batch)
        assert (result["accepted"], result["unchanged"]) == (5, 1)
        assert [(r["index"], r["uscc"]) for r in result["rejected"]] == [
            (5, batch[5]["uscc"]),
            (6, new_a["uscc"]),
        ]

        def shape(events: list[dict[str, Any]]) -> list[tuple[str, str, dict[str, Any]]]:
            return [(e["type"].rsplit(".", 1)[1], e["data"]["uscc"], e["data"]) for e in events]

        ours = {keep["uscc"], down["uscc"], consented["uscc"], new_a["uscc"]}
        withdrawn = (
            "withdrawn",
            down["uscc"],
            {"uscc": down["uscc"], "version": 2, "reason": "rating_changed"},
        )
        public_a = ("published", new_a["uscc"], _public(new_a, 1))
        full = ("published", consented["uscc"], {**_public({**consented}, 2), "avg_annual_tax_fen": 200})
        expected = {
            consented_bank.org_id: sorted([withdrawn, public_a, full]),
            other_bank.org_id: sorted([withdrawn, public_a]),
        }
        for bank in (consented_bank, other_bank):
            events = (await feed_all(api, bank))[before[bank.org_id] :]
            assert sorted(shape(events)) == expected[bank.org_id]
            seqs = [e["seq"] for e in events]
            assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)
            assert {e["data"]["uscc"] for e in events} <= ours
        # The subscription (A only) holds keep and down: it hears of down's withdrawal and of new_a.
        await eventually(lambda: _received_at_least(receiver, 4))
        import json

        sent = [json.loads(b) for b in receiver.bodies()]
        assert sorted((e["type"].rsplit(".", 1)[1], e["data"]["uscc"]) for e in sent) == sorted(
            [("published", keep["uscc"]), ("published", down["uscc"]), withdrawn[:2], public_a[:2]]
        )
    finally:
        receiver.stop()


def _public(rated: dict[str, Any], version: int) -> dict[str, Any]:
    return {k: rated[k] for k in ("uscc", "name", "rating", "year")} | {"version": version}


async def _received_at_least(receiver: Any, n: int) -> bool:
    return len(receiver.received) >= n
