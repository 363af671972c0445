"""credit_standing through the gateway: a blacklisted enterprise (重大税收违法失信主体,
国家税务总局令第54号) matches no product, authorised or not, and its demand goes to nobody."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar

import httpx
import pytest

from kit.principal import Principal
from kit.shapes import business_today
from tests.support.api import Actor, Api
from tests.support.loan_match import WAN, publish, put_profile
from tests.support.principals import vouched
from tests.support.stack import Stack

QUERIES = "/v1/match/queries"


async def blacklist(api: Api, uscc: str, name: str) -> None:
    """List the enterprise, or skip when this build of credit_push has no blacklist yet."""
    tax = await api.org("tax_authority")
    today = business_today()
    body = {
        "uscc": uscc,
        "name": name,
        "decision_served_on": (today - timedelta(days=5)).isoformat(),
        "published_on": today.isoformat(),
        "reason": "虚开增值税专用发票",
    }
    response = await api.call(tax, "POST", "/v1/credit/blacklist", json=body)
    assert response.status_code == 201, response.text


async def query(api: Api, app: Actor, uscc: str) -> dict[str, Any]:
    body = {"uscc": uscc, "amount_fen": 100 * WAN, "term_months": 12, "include_excluded": True}
    response = await api.call(app, "POST", QUERIES, json=body)
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    return result


def standing_failures(result: dict[str, Any]) -> list[str]:
    return [
        f["detail"]
        for item in result["excluded"]
        for f in item["failed"]
        if f["criterion"] == "credit_standing"
    ]


@pytest.mark.parametrize("authorised", [True, False])
async def test_a_blacklisted_enterprise_matches_no_product(api: Api, authorised: bool) -> None:
    bank, app = await api.org("bank"), await api.org("partner_app")
    plain = await publish(api, bank)  # sets no rating criterion: only credit_standing can fail it
    profile = await put_profile(api, app, authorised=authorised)
    before = await query(api, app, profile["uscc"])
    assert plain["id"] in [m["product_id"] for m in before["matches"]]
    assert standing_failures(before) == []

    await blacklist(api, profile["uscc"], profile["name"])
    after = await query(api, app, profile["uscc"])
    assert after["total_matches"] == 0 and after["matches"] == []
    assert "credit_push" not in after["degraded"]
    details = standing_failures(after)
    assert len(details) == len(after["excluded"]) > 0  # every product fails it
    assert all("重大税收违法失信主体" in detail for detail in details)
    [mine] = [item for item in after["excluded"] if item["product_id"] == plain["id"]]
    assert [f["criterion"] for f in mine["failed"]] == ["credit_standing"]


async def test_a_blacklisted_enterprise_demand_goes_to_nobody(api: Api) -> None:
    bank, app = await api.org("bank"), await api.org("partner_app")
    await publish(api, bank)
    profile = await put_profile(api, app)
    await blacklist(api, profile["uscc"], profile["name"])
    body = {"uscc": profile["uscc"], "amount_fen": 100 * WAN, "term_months": 12, "purpose": "流动资金"}
    response = await api.call(app, "POST", "/v1/match/demands", json=body)
    assert response.status_code == 201, response.text
    demand = response.json()
    assert demand["routed_to"] == [] and demand["status"] == "unmatched"


# ---- against a stand-in credit_push ------------------------------------------------------
# A loan_match instance points at a loopback server that answers credit_push's reads as each test
# sets them for its USCC, to pin down how each answer is read. A read a test does not set answers
# 404 `not-found`: for the match-facts read, a credit_push without it (loan_match then asks the
# rating and standing reads); for the rating read, no current rating.

NOT_FOUND = (404, json.dumps({"type": "https://x/problems/not-found"}).encode())


class _StandIn(BaseHTTPRequestHandler):
    """Per USCC, the answer to each read (``match-facts``, ``ratings``, ``standing``) and the
    reads asked, in order."""

    answers: ClassVar[dict[str, dict[str, tuple[int, bytes]]]] = {}
    asked: ClassVar[dict[str, list[str]]] = {}

    def do_GET(self) -> None:
        read, uscc = self.path.split("?")[0].rsplit("/", 2)[-2:]
        self.asked.setdefault(uscc, []).append(read)
        status, body = self.answers.get(uscc, {}).get(read, NOT_FOUND)
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_: Any) -> None:
        pass


@pytest.fixture(scope="module")
def stand_in(stack: Stack) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _StandIn)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url, stop = stack.spawn("loan_match", credit_push_url=f"http://127.0.0.1:{server.server_port}")
    yield url
    stop()
    server.shutdown()


async def direct_query(base: str, app: Actor, uscc: str) -> dict[str, Any]:
    me = Principal(role="partner_app", name=app.name, org_id=app.org_id)
    body = {"uscc": uscc, "amount_fen": 100 * WAN, "term_months": 12, "include_excluded": True, "limit": 1000}
    async with httpx.AsyncClient(timeout=30.0) as client:
        response = await client.post(f"{base}/v1/match/queries", json=body, auth=vouched(me))
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    return result


@pytest.mark.parametrize(
    ("status", "blacklisted", "degraded", "fails"),
    [
        (200, True, [], True),
        (200, False, [], False),
        (404, None, [], False),  # an older credit_push: skipped, nothing invented
        (500, None, ["credit_push"], False),  # no answer: degraded, still no failure
    ],
)
async def test_each_standing_answer(
    api: Api, stand_in: str, status: int, blacklisted: bool | None, degraded: list[str], fails: bool
) -> None:
    """A credit_push without the match-facts read: the standing read decides, as before it."""
    bank, app = await api.org("bank"), await api.org("partner_app")
    plain = await publish(api, bank)
    profile = await put_profile(api, app, authorised=False)
    uscc = profile["uscc"]
    answer = (status, json.dumps({"uscc": uscc, "blacklisted": blacklisted}).encode())
    _StandIn.answers[uscc] = {"standing": answer}
    result = await direct_query(stand_in, app, uscc)
    assert sorted(_StandIn.asked[uscc]) == ["match-facts", "ratings", "standing"]
    assert result["degraded"] == degraded
    matched = plain["id"] in [m["product_id"] for m in result["matches"]]
    assert matched is not fails
    assert (len(standing_failures(result)) == len(result["excluded"]) > 0) is fails
    if not fails:
        assert standing_failures(result) == []


SHOWN = {"rating": "A", "year": 2024, "avg_annual_tax_fen": 120 * WAN}


def facts(uscc: str, blacklisted: bool, rating: dict[str, Any] | None, refusal: str | None) -> bytes:
    shown = (
        {"uscc": uscc, "name": "企业", "version": 1, "updated_at": "2025-04-01T00:00:00Z", **rating}
        if rating
        else None
    )
    return json.dumps(
        {"uscc": uscc, "blacklisted": blacklisted, "rating": shown, "refusal": refusal}
    ).encode()


@pytest.mark.parametrize(
    ("status", "blacklisted", "rating", "refusal", "degraded", "shown"),
    [
        (200, True, None, "not-authorised-by-enterprise", [], None),
        (200, False, None, "not-authorised-by-enterprise", [], None),
        (200, False, None, "not-found", [], None),
        (200, True, SHOWN, None, [], {"rating": "A", "year": 2024}),
        (200, False, SHOWN, None, [], {"rating": "A", "year": 2024}),
        (200, False, None, "another-slug", ["credit_push"], None),  # unreadable: shows nothing
        (200, False, None, None, ["credit_push"], None),
        (500, None, None, None, ["credit_push"], None),  # no answer: degraded, no failure
    ],
)
async def test_each_match_facts_answer(
    api: Api,
    stand_in: str,
    status: int,
    blacklisted: bool | None,
    rating: dict[str, Any] | None,
    refusal: str | None,
    degraded: list[str],
    shown: dict[str, Any] | None,
) -> None:
    """One call answers both: the standing is known whatever the rating says, unless no answer."""
    bank, app = await api.org("bank"), await api.org("partner_app")
    plain = await publish(api, bank)
    profile = await put_profile(api, app, authorised=False)
    uscc = profile["uscc"]
    _StandIn.answers[uscc] = {"match-facts": (status, facts(uscc, bool(blacklisted), rating, refusal))}
    result = await direct_query(stand_in, app, uscc)
    assert _StandIn.asked[uscc] == ["match-facts"]
    assert result["degraded"] == degraded
    assert result["rating"] == shown
    fails = bool(blacklisted) and status == 200
    assert (plain["id"] in [m["product_id"] for m in result["matches"]]) is not fails
    assert (len(standing_failures(result)) == len(result["excluded"]) > 0) is fails


async def test_garbled_match_facts_degrade(api: Api, stand_in: str) -> None:
    app = await api.org("partner_app")
    profile = await put_profile(api, app, authorised=False)
    uscc = profile["uscc"]
    _StandIn.answers[uscc] = {"match-facts": (200, b"{not json")}
    result = await direct_query(stand_in, app, uscc)
    assert result["degraded"] == ["credit_push"] and result["rating"] is None
    assert standing_failures(result) == []
