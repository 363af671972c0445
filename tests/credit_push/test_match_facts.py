"""loan_match's match-facts read: the internal rating read and the standing read in one answer.

Every case is read both ways, the two old reads and the new one, and must say the same: the same
rating (or the same 404 slug), the same standing, and the same access-log entry for each read
that showed the app non-public data (CONTRACT §3).
"""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

from tests.support.api import Actor, Api, make_uscc
from tests.support.credit_push import (
    Direct,
    access_log,
    authorise,
    blacklist,
    eventually,
    item,
    statements_of_request,
    today,
    upload,
)
from tests.support.principals import as_service
from tests.support.stack import Stack

FACTS = "/internal/credit/match-facts/{}"


async def _revoke(api: Api, partner: Actor, uscc: str) -> None:
    made = await authorise(api, partner, uscc)
    gone = await api.call(partner, "DELETE", f"/v1/credit/authorisations/{made['id']}")
    assert gone.status_code == 204, gone.text


async def _old_reads(direct: Direct, uscc: str, app: str) -> dict[str, Any]:
    """What the two old reads say, in the new read's shape."""
    params = {"for_org_id": app}
    rated = await direct.call("service", None, "GET", f"/internal/credit/ratings/{uscc}", params=params)
    standing = await direct.call("service", None, "GET", f"/internal/credit/standing/{uscc}")
    assert standing.status_code == 200, standing.text
    assert rated.status_code in (200, 404), rated.text
    refused = rated.status_code == 404
    return {
        "uscc": uscc,
        "blacklisted": standing.json()["blacklisted"],
        "rating": None if refused else rated.json(),
        "refusal": rated.json()["type"].rsplit("/", 1)[-1] if refused else None,
    }


async def _new_read(direct: Direct, uscc: str, app: str) -> dict[str, Any]:
    got = await direct.call("service", None, "GET", FACTS.format(uscc), params={"for_org_id": app})
    assert got.status_code == 200, got.text
    body: dict[str, Any] = got.json()
    return body


async def test_match_facts_say_what_the_two_reads_say(api: Api, stack: Stack) -> None:
    tax, partner, stranger = (
        await api.org("tax_authority"),
        await api.org("partner_app"),
        await api.org("partner_app"),
    )
    taxed, public_a, listed, listed_unrated, revoked, lapsed = (
        item(rating="C", avg_annual_tax_fen=5_000_00),
        item(rating="A"),
        item(rating="A", avg_annual_tax_fen=7_00),
        make_uscc(),
        item(rating="B"),
        item(rating="B", year=today().year - 4),  # past 31 March of year + 3: no current rating
    )
    await upload(api, tax, [taxed, public_a, listed, revoked, lapsed])
    unrated = make_uscc()
    for uscc in (taxed["uscc"], public_a["uscc"], listed["uscc"], lapsed["uscc"], unrated):
        await authorise(api, partner, uscc)
    await _revoke(api, partner, revoked["uscc"])
    for uscc in (listed["uscc"], listed_unrated):
        await blacklist(api, tax, uscc)
    cases = [
        (taxed["uscc"], partner.org_id, "C", None),
        (public_a["uscc"], partner.org_id, "A", None),
        (listed["uscc"], partner.org_id, "D", None),  # counts as D while listed
        (taxed["uscc"], stranger.org_id, None, "not-authorised-by-enterprise"),
        (listed["uscc"], stranger.org_id, None, "not-authorised-by-enterprise"),
        (listed_unrated, partner.org_id, None, "not-authorised-by-enterprise"),
        (revoked["uscc"], partner.org_id, None, "not-authorised-by-enterprise"),
        (lapsed["uscc"], partner.org_id, None, "not-found"),
        (unrated, partner.org_id, None, "not-found"),
    ]
    direct = Direct(stack.url("credit_push"))
    try:
        for uscc, app, level, refusal in cases:
            old, new = await _old_reads(direct, uscc, app), await _new_read(direct, uscc, app)
            assert new == old, (uscc, app)
            assert (new["rating"] or {}).get("rating") == level and new["refusal"] == refusal
            assert new["blacklisted"] is (uscc in (listed["uscc"], listed_unrated))
    finally:
        await direct.aclose()
    # Each read that showed non-public data is logged once, the new one as the old one: the tax
    # figure of the C and of the listed A (shown as D), nothing for the public A or a refusal.
    shown = {taxed["uscc"]: "tax_figure", listed["uscc"]: "tax_figure"}
    usccs = [c[0] for c in cases]

    async def logged() -> list[tuple[str, str, str, str]] | None:
        found = [
            (e["uscc"], e["reader_org_id"], e["what"], e["via"])
            for e in await access_log(api, tax)
            if e["uscc"] in usccs
        ]
        return found if len(found) >= 2 * len(shown) else None

    await eventually(logged)
    await asyncio.sleep(1.5)  # a second flush would write any entry too many
    entries = await logged()
    assert sorted(entries or []) == sorted(
        (uscc, partner.org_id, what, "match_query") for uscc, what in shown.items() for _ in (1, 2)
    )


async def test_match_facts_is_one_statement_for_loan_match_only(api: Api, stack: Stack) -> None:
    tax, partner = await api.org("tax_authority"), await api.org("partner_app")
    rated = item(rating="B", avg_annual_tax_fen=1_00)
    await upload(api, tax, [rated])
    await authorise(api, partner, rated["uscc"])
    path, params = FACTS.format(rated["uscc"]), {"for_org_id": partner.org_id}
    direct = Direct(stack.url("credit_push"))
    try:
        request_id = f"facts-{uuid.uuid4()}"
        with statements_of_request(stack, request_id) as statements:
            got = await direct.call(
                "service", None, "GET", path, params=params, headers={"X-Request-ID": request_id}
            )
        assert got.status_code == 200, got.text
        assert len(statements) == 1, statements
        as_bank = await direct.call("bank", None, "GET", path, params=params)
        assert as_bank.status_code == 403
        as_guarantee = await direct.client.get(path, params=params, auth=as_service("guarantee"))
        assert as_guarantee.status_code == 403
        assert (await direct.call("service", None, "GET", path)).status_code == 422
        bad = await direct.call("service", None, "GET", FACTS.format("91620100XXXXXXXXX1"), params=params)
        assert bad.status_code == 422
        assert bad.json()["type"].endswith("/invalid-uscc")
        lower = await _new_read(direct, rated["uscc"].lower(), partner.org_id)
        assert lower["uscc"] == rated["uscc"] and lower["rating"]["rating"] == "B"
    finally:
        await direct.aclose()
    # The internal operation is not routed by the gateway.
    assert (await api.call(tax, "GET", path, params=params)).status_code == 404
