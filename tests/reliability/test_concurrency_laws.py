"""Concurrency laws: parallel requests leave a state some serial order of them could produce.

- Registrations racing for a guarantor's limits (a hypothesis state machine of parallel
  batches): the accepted ones fit, each refused one would not fit even after all the others,
  and the position, the exposures and their splits agree to the fen after every step.
- One Idempotency-Key sent many times at once: one object, one answer (the others 409).
- An authorisation revoked while consents are granted from it; one consent revoked many times
  while it is granted again: each bank's feed alternates published/withdrawn, once per change,
  and ends as the consents stand.
- Uploads of one enterprise's rating at once: one version per change, one event per version.

``FINMATCH_FAULTS_SCALE`` (default 1) multiplies the batch sizes and the number of examples.
"""

from __future__ import annotations

import random
import uuid
from collections import Counter
from collections.abc import Callable
from functools import partial
from typing import Any, ClassVar

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)

from tests.reliability.laws import Chain, G, admin, at_once, chain, feed, slug
from tests.reliability.scale import SCALE
from tests.support.api import make_uscc
from tests.support.stack import Stack
from tests.support.sync_api import Client, new_org, ok, until

# `make test` (scale 1) runs these small; `make test-faults` (scale 10, `-m faults`) runs them big.
pytestmark = [pytest.mark.faults] if SCALE > 1 else []
LIMITS = {"leverage-limit-exceeded", "single-client-limit-exceeded"}
# What the state machine's requests met, over the run: the laws must have been put to the test.
MET: Counter[str] = Counter()


@pytest.fixture(scope="module")
def gateway(stack: Stack) -> str:
    return stack.url("gateway")


# Limits ------------------------------------------------------------------------------------------
class GuarantorLimits(RuleBasedStateMachine):
    """One local guarantor, net assets 10,000 yuan x leverage 1: its limits bind within a few loans."""

    gateway: ClassVar[str]

    def __init__(self) -> None:
        super().__init__()
        self.c: Chain = chain(self.gateway, net_assets_fen=1_000_000, leverage_multiple=1)
        self.client_uscc = make_uscc()

    @initialize()
    def a_first_loan(self) -> None:
        ok(self.c.guarantor.call("POST", f"{G}/exposures", self.c.exposure(125_000)), 201)

    def liability(self) -> int:
        return int(self.c.position()["liability_fen"])

    def client_total(self, uscc: str) -> int:
        return sum(e["weighted_liability_fen"] for e in self.c.active() if e["uscc"] == uscc)

    # Weight = guaranteed part = 80% of the principal: at most 100,000 fen, the single-client cap.
    @rule(
        principals=st.lists(st.integers(60_000, 125_000), min_size=6, max_size=12 * SCALE),
        one_client=st.booleans(),
    )
    def register_at_once(self, principals: list[int], one_client: bool) -> None:
        before = self.liability()
        bodies = [self.c.exposure(p, self.client_uscc if one_client else None) for p in principals]
        answers = at_once([partial(self.c.guarantor.call, "POST", f"{G}/exposures", b) for b in bodies])
        accepted = [a.json() for a in answers if a.status_code == 201]
        refused = [a for a in answers if a.status_code != 201]
        assert all(a.status_code == 409 and slug(a) in LIMITS for a in refused), [a.text for a in refused]
        MET.update(["registered"] * len(accepted) + [slug(a) for a in refused])
        after = self.liability()
        assert after == before + sum(e["weighted_liability_fen"] for e in accepted)
        for answer in refused:
            # Serial order "accepted first, refused last": each refused one fails on the final totals.
            problem = answer.json()
            current = (
                after if slug(answer) == "leverage-limit-exceeded" else self.client_total(self.client_uscc)
            )
            assert current + problem["requested_fen"] > problem["limit_fen"], problem
            assert problem["current_fen"] + problem["requested_fen"] > problem["limit_fen"], problem
            assert problem["current_fen"] <= current, problem

    # Draws do not depend on the server's answers (hypothesis replays them): an index and shares.
    @rule(
        pick=st.integers(0, 10**6),
        shares_bp=st.lists(st.integers(1, 10_000), min_size=2, max_size=4 * SCALE),
    )
    def repay_one_at_once(self, pick: int, shares_bp: list[int]) -> None:
        active = self.c.active()
        if not active:
            return
        exposure = active[pick % len(active)]
        outstanding = exposure["outstanding_fen"]
        amounts = [max(1, outstanding * share // 10_000) for share in shares_bp]
        path = f"{G}/exposures/{exposure['id']}/repayments"
        body = [{"amount_fen": a, "paid_on": "2026-03-01"} for a in amounts]
        answers = at_once([partial(self.c.guarantor.call, "POST", path, b) for b in body])
        paid = [a for a, r in zip(amounts, answers, strict=True) if r.status_code == 200]
        refused = [a for a, r in zip(amounts, answers, strict=True) if r.status_code != 200]
        assert {r.status_code for r in answers} <= {200, 409, 422}, [r.text for r in answers]
        MET.update(["repaid"] * len(paid) + ["repayment-refused"] * len(refused))
        now = ok(self.c.guarantor.call("GET", f"{G}/exposures/{exposure['id']}"))
        assert now["outstanding_fen"] == outstanding - sum(paid)
        # Refused: more than was left (422), or the loan already repaid in full (409, serially after).
        assert all(amount > now["outstanding_fen"] for amount in refused)
        too_late = [r for r in answers if r.status_code == 409]
        assert all(slug(r) == "exposure-not-active" for r in too_late) and (
            not too_late or now["status"] == "repaid"
        )
        assert (now["status"] == "repaid") == (now["outstanding_fen"] == 0)

    @invariant()
    def the_books_agree_to_the_fen(self) -> None:
        active = self.c.active()
        position = self.c.position()
        assert position["liability_fen"] == sum(e["weighted_liability_fen"] for e in active)
        assert position["liability_fen"] <= self.c.leverage_cap_fen
        assert position["headroom_fen"] == self.c.leverage_cap_fen - position["liability_fen"]
        by_client: dict[str, int] = {}
        for e in active:
            assert sum(e["shares_fen"].values()) == e["outstanding_fen"], e
            assert e["guaranteed_fen"] == e["outstanding_fen"] - e["shares_fen"]["bank"], e
            by_client[e["uscc"]] = by_client.get(e["uscc"], 0) + e["weighted_liability_fen"]
        assert all(total <= self.c.single_client_cap_fen for total in by_client.values()), by_client


def test_registrations_at_a_limit_serialise(gateway: str) -> None:
    GuarantorLimits.gateway = gateway
    run_state_machine_as_test(
        GuarantorLimits,
        settings=settings(
            max_examples=3 + 2 * (SCALE - 1),
            stateful_step_count=5,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        ),
    )
    print(f"\nlimits state machine (scale {SCALE}): {dict(MET)}")
    assert MET["registered"], MET  # the limits themselves are met for sure by the tests below


@pytest.mark.parametrize(
    ("one_client", "principal_fen", "fits"),
    [(False, 125_000, 10), (True, 30_000, 4)],
    ids=["leverage", "single-client"],
)
def test_exactly_what_fits_is_registered(
    gateway: str, one_client: bool, principal_fen: int, fits: int
) -> None:
    """Equal loans at once: a serial order takes exactly as many as fit (cap // weight), no more."""
    c = chain(gateway, net_assets_fen=1_000_000, leverage_multiple=1)
    uscc = make_uscc()
    bodies = [c.exposure(principal_fen, uscc if one_client else None) for _ in range(fits + 4 * SCALE)]
    answers = at_once([partial(c.guarantor.call, "POST", f"{G}/exposures", b) for b in bodies])
    assert sum(a.status_code == 201 for a in answers) == fits, [a.status_code for a in answers]
    expected = "single-client-limit-exceeded" if one_client else "leverage-limit-exceeded"
    assert {slug(a) for a in answers if a.status_code != 201} == {expected}
    assert c.position()["liability_fen"] == fits * principal_fen * 8 // 10


def test_parallel_repayments_of_one_exposure(gateway: str) -> None:
    """Repayments racing on one loan: those that fit are applied, each refused one would not fit."""
    c = chain(gateway, net_assets_fen=10**9, leverage_multiple=10)
    exposure = ok(c.guarantor.call("POST", f"{G}/exposures", c.exposure(1_000_000)), 201)
    path = f"{G}/exposures/{exposure['id']}/repayments"
    amounts = [300_000] * (4 * SCALE) + [1]
    answers = at_once(
        [partial(c.guarantor.call, "POST", path, {"amount_fen": a, "paid_on": "2026-03-01"}) for a in amounts]
    )
    paid = [a for a, r in zip(amounts, answers, strict=True) if r.status_code == 200]
    assert {r.status_code for r in answers} <= {200, 422}
    now = ok(c.guarantor.call("GET", f"{G}/exposures/{exposure['id']}"))
    assert now["outstanding_fen"] == 1_000_000 - sum(paid) >= 0
    assert all(
        a > now["outstanding_fen"] for a, r in zip(amounts, answers, strict=True) if r.status_code != 200
    )
    assert sum(now["shares_fen"].values()) == now["outstanding_fen"]


# Idempotency -------------------------------------------------------------------------------------
def _same_key_at_once(client: Client, path: str, body: dict[str, Any]) -> dict[str, Any]:
    """The one object made by many parallel sends of one key, after checking their answers."""
    headers = {"Idempotency-Key": str(uuid.uuid4())}
    answers = at_once([lambda: client.call("POST", path, body, headers=headers)] * (6 * SCALE))
    created = [a for a in answers if a.status_code == 201]
    assert created, [a.text for a in answers]
    assert all(
        a.status_code == 409 and slug(a) == "idempotency-key-in-use" for a in answers if a not in created
    )
    assert len({a.content for a in created}) == 1, [a.text for a in created]
    again = client.call("POST", path, body, headers=headers)
    assert (again.status_code, again.content) == (201, created[0].content)
    made: dict[str, Any] = created[0].json()
    return made


def test_one_key_sent_at_once_makes_one_exposure(gateway: str) -> None:
    c = chain(gateway, net_assets_fen=10**9, leverage_multiple=10)
    body = c.exposure(1_000_000)
    made = _same_key_at_once(c.guarantor, f"{G}/exposures", body)
    (only,) = [e for e in c.active() if e["uscc"] == body["uscc"]]
    assert only["id"] == made["id"]
    assert c.position()["liability_fen"] == made["weighted_liability_fen"]


def test_one_key_sent_at_once_makes_one_product_and_one_authorisation(gateway: str) -> None:
    boss = admin(gateway)
    _, bank = new_org(boss, "并发银行", "bank")
    name = f"幂等贷-{uuid.uuid4().hex[:6]}"
    product = {
        "name": name,
        "product_type": "pure_credit",
        "min_amount_fen": 1,
        "max_amount_fen": 10,
        "min_term_months": 1,
        "max_term_months": 2,
        "annual_rate_bp": 400,
    }
    made = _same_key_at_once(bank, "/v1/match/products", product)
    listed = ok(bank.call("GET", "/v1/match/products", params={"limit": 1000}))["items"]
    assert [p["id"] for p in listed if p["name"] == name] == [made["id"]]
    _, app = new_org(boss, "并发应用", "partner_app")
    uscc = make_uscc()
    made = _same_key_at_once(app, "/v1/credit/authorisations", {"uscc": uscc, "evidence_ref": "IDEM"})
    listed = ok(app.call("GET", "/v1/credit/authorisations", params={"uscc": uscc}))["items"]
    assert [a["id"] for a in listed] == [made["id"]]


# Consents and authorisations -----------------------------------------------------------------------
def _events_for(bank: Client, uscc: str) -> list[dict[str, Any]]:
    return [e for e in feed(bank) if e["data"]["uscc"] == uscc]


def _events_once(bank: Client, uscc: str, done: Callable[[list[dict[str, Any]]], bool], what: str) -> Any:
    """The bank's events about ``uscc`` once ``done`` holds of them (the outbox works in the background)."""

    def check() -> list[dict[str, Any]] | None:
        events = _events_for(bank, uscc)
        return events if done(events) else None

    return until(check, what)


def _alternates(events: list[dict[str, Any]], entitled: bool) -> bool:
    """published, withdrawn, published, ...: one event per change, ending as the bank stands."""
    kinds = [e["type"].rsplit(".", 1)[-1] for e in events]
    expected = [("published", "withdrawn")[i % 2] for i in range(len(kinds))]
    ends = (kinds[-1] == "published") if kinds else False
    return kinds == expected and ends == entitled


def _rated_b(gateway: str) -> tuple[Client, Client, str]:
    """A tax authority, a partner app authorised by a B-rated enterprise, and its USCC."""
    boss = admin(gateway)
    _, tax = new_org(boss, "税务局", "tax_authority")
    _, app = new_org(boss, "应用", "partner_app")
    uscc = make_uscc()
    item = {"uscc": uscc, "name": "并发样例", "rating": "B", "year": 2024}
    ok(tax.call("POST", "/v1/credit/ratings", {"items": [item]}))
    return tax, app, uscc


def test_an_authorisation_revoked_while_consents_are_granted(gateway: str) -> None:
    boss = admin(gateway)
    _, app, uscc = _rated_b(gateway)
    auth = ok(app.call("POST", "/v1/credit/authorisations", {"uscc": uscc, "evidence_ref": "RACE"}), 201)
    banks = [new_org(boss, f"银行{i}", "bank") for i in range(4 * SCALE)]
    grants = [
        partial(
            app.call, "POST", "/v1/credit/consents", {"uscc": uscc, "bank_org_id": b, "evidence_ref": "E"}
        )
        for b, _ in banks
    ]
    revoke = partial(app.call, "DELETE", f"/v1/credit/authorisations/{auth['id']}")
    *granted, revoked = at_once([*grants, revoke])
    assert revoked.status_code == 204, revoked.text
    assert all(g.status_code == 201 or slug(g) == "not-authorised-by-enterprise" for g in granted)
    consents = ok(app.call("GET", "/v1/credit/consents", params={"uscc": uscc, "limit": 1000}))["items"]
    assert sorted(c["id"] for c in consents) == sorted(
        g.json()["id"] for g in granted if g.status_code == 201
    )
    assert all(c["status"] == "revoked" for c in consents), consents
    made = [bank for (_, bank), g in zip(banks, granted, strict=True) if g.status_code == 201]
    refused = [bank for (_, bank), g in zip(banks, granted, strict=True) if g.status_code != 201]
    for bank in made:
        # Made before the revocation (after it, it is refused): sent, then withdrawn, once each.
        events = _events_once(bank, uscc, lambda ev: len(ev) >= 2, "withdrawn")
        assert _alternates(events, entitled=False) and len(events) == 2, events
    for bank in refused:
        assert _events_for(bank, uscc) == []
    for _, bank in banks:
        assert bank.call("GET", f"/v1/credit/ratings/{uscc}").status_code == 404


def test_one_consent_revoked_at_once_while_granted_again(gateway: str) -> None:
    boss = admin(gateway)
    _, app, uscc = _rated_b(gateway)
    ok(app.call("POST", "/v1/credit/authorisations", {"uscc": uscc, "evidence_ref": "RACE"}), 201)
    bank_id, bank = new_org(boss, "银行", "bank")
    body = {"uscc": uscc, "bank_org_id": bank_id, "evidence_ref": "E"}
    consent = ok(app.call("POST", "/v1/credit/consents", body), 201)
    until(lambda: _events_for(bank, uscc), "published")
    calls = [partial(app.call, "DELETE", f"/v1/credit/consents/{consent['id']}")] * (3 * SCALE)
    calls += [partial(app.call, "POST", "/v1/credit/consents", body)] * SCALE
    answers = at_once(calls)
    assert {a.status_code for a in answers[: 3 * SCALE]} == {204}
    assert {a.status_code for a in answers[3 * SCALE :]} == {201}
    listed = ok(app.call("GET", "/v1/credit/consents", params={"uscc": uscc, "limit": 1000}))["items"]
    entitled = any(c["status"] == "active" for c in listed)
    readable = bank.call("GET", f"/v1/credit/ratings/{uscc}").status_code == 200
    assert readable == entitled
    events = _events_once(bank, uscc, lambda ev: _alternates(ev, entitled), "settled feed")
    # At most one change per request: the first grant, then each revoke or re-grant that changed it.
    assert len(events) <= 1 + len(answers), events


# Ratings -----------------------------------------------------------------------------------------
def test_uploads_of_one_enterprise_at_once(gateway: str) -> None:
    tax, app, uscc = _rated_b(gateway)
    boss = admin(gateway)
    bank_id, bank = new_org(boss, "银行", "bank")
    ok(app.call("POST", "/v1/credit/authorisations", {"uscc": uscc, "evidence_ref": "UP"}), 201)
    ok(
        app.call("POST", "/v1/credit/consents", {"uscc": uscc, "bank_org_id": bank_id, "evidence_ref": "E"}),
        201,
    )
    until(lambda: _events_for(bank, uscc), "published v1")
    chooser = random.Random(15)
    items = [
        {
            "uscc": uscc,
            "name": "并发样例",
            "rating": chooser.choice("BM"),
            "year": 2024,
            "avg_annual_tax_fen": chooser.choice((1, 2, 3)) * 1_000_000,
        }
        for _ in range(6 * SCALE)
    ]
    answers = at_once([partial(tax.call, "POST", "/v1/credit/ratings", {"items": [i]}) for i in items])
    results = [ok(a) for a in answers]
    assert all(r["accepted"] + r["unchanged"] == 1 and not r["rejected"] for r in results), results
    rating = ok(tax.call("GET", f"/v1/credit/ratings/{uscc}"))
    assert rating["version"] == 1 + sum(r["accepted"] for r in results)
    assert (rating["rating"], rating["avg_annual_tax_fen"]) in {
        (i["rating"], i["avg_annual_tax_fen"]) for i in items
    }
    events = _events_once(
        bank, uscc, lambda ev: ev[-1]["data"]["version"] == rating["version"], "all versions"
    )
    assert [e["data"]["version"] for e in events] == list(range(1, rating["version"] + 1)), events
    assert all(e["type"].endswith(".published") for e in events)
    assert events[-1]["data"]["rating"] == rating["rating"]
