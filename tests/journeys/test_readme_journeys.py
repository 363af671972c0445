"""The README's user journeys, in order, against `finmatch up` run as real processes.

Every request goes through the gateway with the paths, bodies and fields the README shows, so a
README example that stops being true fails here; the README's Python snippets (webhook
verification, feed polling) are taken from README.md and run as they are. Dates the README pins in
the future (a consent's `expires_on`) are computed instead, so the test does not expire.
"""

import asyncio
import datetime
import json
import re
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest
from standardwebhooks.webhooks import Webhook

from tests.support.postgres import PgTestServer
from tests.support.stack import process_env

ADMIN_KEY = "journeys-admin-key-not-secret"
USCC = "91620100MA72RH3L12"  # the README's enterprise (a valid check character)
WAIT_S = 20.0
README = (Path(__file__).parents[2] / "README.md").read_text()


def readme_snippet(marker: str, **names: Any) -> dict[str, Any]:
    """Run the README's ```python block containing ``marker``; returns the names it defined."""
    [code] = [block for block in re.findall(r"```python\n(.*?)```", README, re.S) if marker in block]
    namespace = dict(names)
    exec(compile(code, "README.md", "exec"), namespace)  # noqa: S102 (our own README)
    return namespace


def test_readme_opens_with_the_two_commands_and_its_links_resolve() -> None:
    assert README.startswith("# finmatch\n\n```sh\nmake run ")
    assert README.splitlines()[4].startswith("make test ")
    # GitHub's heading anchors: lower case, punctuation dropped, spaces become hyphens.
    headings = re.findall(r"^#+ (.+)$", re.sub(r"```.*?```", "", README, flags=re.S), re.M)
    anchors = {re.sub(r"[^\w\- ]", "", h.lower()).replace(" ", "-") for h in headings}
    links = set(re.findall(r"\]\(#([^)]+)\)", README))
    assert links and links <= anchors, links - anchors


@pytest.fixture(scope="module")
def gateway(pg_server: PgTestServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    env, ports = process_env(
        asyncio.run(pg_server.create_database()),
        admin_key=ADMIN_KEY,
        webhook_allow_private="1",
        poll_interval_s="0.2",
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "deploy.cli", "up"],
        env=env,
        cwd=tmp_path_factory.mktemp("journeys"),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    output: list[str] = []
    reader = threading.Thread(target=lambda: output.extend(iter(process.stdout.readline, "")), daemon=True)  # type: ignore[union-attr]
    reader.start()
    deadline = time.monotonic() + 90
    while not any("finmatch is up" in line for line in output):
        if process.poll() is not None or time.monotonic() > deadline:
            process.terminate()
            process.wait(timeout=30)
            pytest.fail("finmatch up did not come up:\n" + "".join(output))
        time.sleep(0.2)
    yield f"http://127.0.0.1:{ports['gateway']}"
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


class Receiver:
    """A bank's webhook endpoint on loopback; `handle` is the README's snippet, verbatim in logic."""

    def __init__(self) -> None:
        self.handler: Callable[[bytes, dict[str, str]], int] | None = None
        self.events: list[dict[str, Any]] = []
        self.statuses: list[int] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("content-length", "0")))
                status = receiver.handle(raw, dict(self.headers.items()))
                receiver.statuses.append(status)
                self.send_response(status)
                self.send_header("content-length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/credit"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def use_secret(self, secret: str, monkeypatch: pytest.MonkeyPatch) -> None:
        """The README's verification snippet, given this subscription's secret as it says."""
        monkeypatch.setenv("CREDIT_WEBHOOK_SECRET", secret)
        self.handler = readme_snippet("verifier.verify", apply=self.events.append)["handle"]

    def handle(self, raw_body: bytes, headers: dict[str, str]) -> int:
        assert self.handler is not None
        return self.handler(raw_body, headers)


@pytest.fixture(scope="module")
def receiver() -> Iterator[Receiver]:
    running = Receiver()
    yield running
    running.server.shutdown()


def until(check: Callable[[], Any], what: str) -> Any:
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.1)
    pytest.fail(f"timed out waiting for {what}")


def ok(response: httpx.Response, status: int = 200) -> Any:
    assert response.status_code == status, response.text
    return response.json() if response.content else None


class Client:
    def __init__(self, gateway: str, key: str) -> None:
        self.http = httpx.Client(base_url=gateway, headers={"Authorization": f"Bearer {key}"}, timeout=30)

    def call(self, method: str, path: str, body: Any = None, **kwargs: Any) -> httpx.Response:
        return self.http.request(method, path, json=body, **kwargs)


def new_org(admin: Client, name: str, role: str) -> tuple[str, Client]:
    org = ok(admin.call("POST", "/v1/orgs", {"name": name, "role": role}), 201)
    key = ok(admin.call("POST", f"/v1/orgs/{org['id']}/keys"), 201)["key"]
    client = Client(str(admin.http.base_url), key)
    assert ok(client.call("GET", "/v1/me"))["role"] == role
    return org["id"], client


def test_readme_journeys(gateway: str, receiver: Receiver, monkeypatch: pytest.MonkeyPatch) -> None:
    admin = Client(gateway, ADMIN_KEY)
    orgs = {}
    for label, name, role in (
        ("tax", "甘肃省税务局", "tax_authority"),
        ("bank", "兰州银行", "bank"),
        ("app", "甘肃银税互动 app", "partner_app"),
        ("fund", "国家融资担保基金", "guarantor"),
        ("prov", "甘肃金控融资担保集团", "guarantor"),
        ("local", "兰州市融资担保", "guarantor"),
    ):
        orgs[label] = new_org(admin, name, role)
    tax, bank, app, local = orgs["tax"][1], orgs["bank"][1], orgs["app"][1], orgs["local"][1]
    bank_org = orgs["bank"][0]

    # --- 银税互动: the tax authority uploads ratings.
    upload = {
        "items": [
            {
                "uscc": USCC,
                "name": "兰州示例机械制造有限公司",
                "rating": "B",
                "year": 2025,
                "region_code": "620102",
                "avg_annual_tax_fen": 123456700,
            }
        ]
    }
    headers = {"Idempotency-Key": str(uuid.uuid4())}
    assert ok(tax.call("POST", "/v1/credit/ratings", upload, headers=headers)) == {
        "accepted": 1,
        "unchanged": 0,
        "rejected": [],
    }
    assert ok(tax.call("POST", "/v1/credit/ratings", upload))["unchanged"] == 1

    # --- The bank subscribes (the secret is shown once) and verifies deliveries with the snippet.
    sub = ok(
        bank.call(
            "POST",
            "/v1/credit/subscriptions",
            {"url": receiver.url, "min_rating": "B", "region_codes": ["620000"]},
        ),
        201,
    )
    assert sub["status"] == "active" and sub["secret"].startswith("whsec_")
    receiver.use_secret(sub["secret"], monkeypatch)

    # --- A partner app records a consent: the bank is sent the B enterprise with its tax figure.
    expires_on = (datetime.date.today() + datetime.timedelta(days=365)).isoformat()
    consent = ok(
        app.call(
            "POST",
            "/v1/credit/consents",
            {
                "uscc": USCC,
                "bank_org_id": bank_org,
                "evidence_ref": "ETAX-2026-000123",
                "expires_on": expires_on,
            },
        ),
        201,
    )
    published = until(lambda: receiver.events, "the published webhook")[0]
    assert published["type"] == "credit.rating.published"
    assert published["data"] == {
        "uscc": USCC,
        "name": "兰州示例机械制造有限公司",
        "rating": "B",
        "year": 2025,
        "version": published["data"]["version"],
        "avg_annual_tax_fen": 123456700,
    }
    assert set(published) == {"id", "type", "seq", "created_at", "data"}
    # A forged delivery fails the snippet's check.
    forged = Webhook("whsec_" + "QUJDREVGR0hJSktMTU5PUFFSU1RVVldY")
    msg_id, ts = "msg_forged", datetime.datetime.now(tz=datetime.UTC)
    body = json.dumps(published)
    forged_headers = {"webhook-id": msg_id, "webhook-timestamp": str(int(ts.timestamp()))}
    forged_headers["webhook-signature"] = forged.sign(msg_id, ts, body)
    assert receiver.handle(body.encode(), forged_headers) == 400
    assert ok(bank.call("GET", f"/v1/credit/ratings/{USCC}"))["avg_annual_tax_fen"] == 123456700
    assert any(c["id"] == consent["id"] for c in ok(bank.call("GET", "/v1/credit/consents"))["items"])

    # --- The bank pages the feed, storing the cursor (never null).
    def poll(cursor: str | None) -> tuple[list[dict[str, Any]], str]:
        applied: list[dict[str, Any]] = []
        readme_poll = readme_snippet("/v1/credit/feed", apply=applied.append)["poll"]
        next_cursor = readme_poll(bank.http, cursor)
        assert next_cursor is not None
        return applied, next_cursor

    events, cursor = poll(None)
    assert [e["id"] for e in events] == [published["id"]]
    assert poll(cursor) == ([], cursor)  # caught up: the cursor stays where it was

    # --- Revocation: the bank gets `withdrawn` (webhook and feed) and loses access.
    ok(app.call("DELETE", f"/v1/credit/consents/{consent['id']}"), 204)
    withdrawn = until(lambda: receiver.events[1:], "the withdrawn webhook")[0]
    assert withdrawn["type"] == "credit.rating.withdrawn"
    assert withdrawn["seq"] > published["seq"]
    assert withdrawn["data"] == {
        "uscc": USCC,
        "version": published["data"]["version"],  # the rating did not change
        "reason": "consent_revoked",
    }
    assert [e["id"] for e in poll(cursor)[0]] == [withdrawn["id"]]
    assert bank.call("GET", f"/v1/credit/ratings/{USCC}").status_code == 404
    assert receiver.statuses == [204, 204]  # every real delivery verified

    # --- Guarantee chain: national fund -> provincial -> local, and a 2:4:2:2 agreement.
    def institution(label: str, name: str, tier: str, parent: str | None, net_assets_fen: int) -> str:
        body: dict[str, Any] = {
            "org_id": orgs[label][0],
            "name": name,
            "tier": tier,
            "net_assets_fen": net_assets_fen,
        }
        if parent:
            body["parent_id"] = parent
        return str(ok(admin.call("POST", "/v1/guarantee/institutions", body), 201)["id"])

    fund_id = institution("fund", "国家融资担保基金", "national_fund", None, 6610000000000)
    prov_id = institution("prov", "甘肃金控融资担保集团", "provincial", fund_id, 1500000000000)
    local_id = institution("local", "兰州市融资担保", "local", prov_id, 1000000000)
    shares = {"bank": 2000, "guarantor": 4000, "provincial": 2000, "national": 2000}
    agreement = ok(
        admin.call(
            "POST",
            "/v1/guarantee/agreements",
            {"bank_org_id": bank_org, "guarantor_id": local_id, "shares_bp": shares},
        ),
        201,
    )

    # --- The worked example: a 1,000,000-yuan small-micro loan.
    exposure = ok(
        local.call(
            "POST",
            "/v1/guarantee/exposures",
            {
                "agreement_id": agreement["id"],
                "loan_ref": "LZB-2026-0001",
                "uscc": USCC,
                "principal_fen": 100000000,
                "small_micro": True,
                "fee_rate_bp": 80,
                "start_date": "2026-03-01",
                "maturity_date": "2027-03-01",
            },
            headers={"Idempotency-Key": str(uuid.uuid4())},
        ),
        201,
    )
    assert exposure["shares_fen"] == {
        "bank": 20000000,
        "guarantor": 40000000,
        "provincial": 20000000,
        "national": 20000000,
    }
    assert (exposure["guaranteed_fen"], exposure["weighted_liability_fen"]) == (80000000, 60000000)
    position = ok(local.call("GET", f"/v1/guarantee/institutions/{local_id}/position"))
    assert (position["capacity_fen"], position["single_client_cap_fen"]) == (10000000000, 100000000)
    url = f"/v1/guarantee/exposures/{exposure['id']}"

    repaid = ok(local.call("POST", f"{url}/repayments", {"amount_fen": 25000000, "paid_on": "2026-06-01"}))
    assert repaid["outstanding_fen"] == 75000000
    assert repaid["shares_fen"] == {
        "bank": 15000000,
        "guarantor": 30000000,
        "provincial": 15000000,
        "national": 15000000,
    }
    assert (repaid["guaranteed_fen"], repaid["weighted_liability_fen"]) == (60000000, 45000000)

    defaulted = ok(local.call("POST", f"{url}/default", {"defaulted_on": "2026-09-01"}))
    assert defaulted["compensation_fen"] == 60000000
    losses = {"bank": 15000000, "guarantor": 30000000, "provincial": 15000000, "national": 15000000}
    assert defaulted["losses_fen"] == losses
    shown = ok(local.call("GET", url))
    zero = {"bank": 0, "guarantor": 0, "provincial": 0, "national": 0}
    assert {k: shown[k] for k in ("status", "principal_fen", "outstanding_fen", "shares_fen")} == {
        "status": "compensated",
        "principal_fen": 100000000,
        "outstanding_fen": 0,
        "shares_fen": zero,
    }
    assert {
        k: shown[k] for k in ("guaranteed_fen", "weighted_liability_fen", "ended_on", "defaulted_fen")
    } == {
        "guaranteed_fen": 0,
        "weighted_liability_fen": 0,
        "ended_on": "2026-09-01",
        "defaulted_fen": 75000000,
    }
    assert (shown["compensation_fen"], shown["losses_fen"]) == (60000000, losses)
    assert (shown["recovered_fen"], shown["total_recovered_fen"]) == (zero, 0)

    for amount, allocation, total in (
        (30000000, (6000000, 12000000, 6000000, 6000000), 30000000),
        (10000001, (2000000, 4000001, 2000000, 2000000), 40000001),
        (34999999, (7000000, 13999999, 7000000, 7000000), 75000000),
    ):
        recovery = ok(
            local.call("POST", f"{url}/recoveries", {"amount_fen": amount, "recovered_on": "2026-10-01"})
        )
        assert recovery["allocation_fen"] == dict(zip(shares, allocation, strict=True))
        assert recovery["total_recovered_fen"] == total
    extra = local.call("POST", f"{url}/recoveries", {"amount_fen": 1, "recovered_on": "2026-10-02"})
    assert extra.status_code == 422 and extra.json()["type"].endswith("/recovery-exceeds-default")
    assert extra.json()["remaining_fen"] == 0
    assert ok(local.call("GET", url))["recovered_fen"] == losses
    # Positions: the local guarantor paid 600,000 and got the guaranteed part back; each
    # re-guarantor bore and recovered its own 150,000. The regulator's summary adds them up by tier.
    tiers = ok(admin.call("GET", "/v1/guarantee/reports/summary"))["tiers"]
    for label, inst, tier, figure in (
        ("local", local_id, "local", 60000000),
        ("prov", prov_id, "provincial", 15000000),
        ("fund", fund_id, "national_fund", 15000000),
    ):
        position = ok(orgs[label][1].call("GET", f"/v1/guarantee/institutions/{inst}/position"))
        assert (position["compensated_fen"], position["recovered_fen"]) == (figure, figure)
        assert (tiers[tier]["compensated_fen"], tiers[tier]["recovered_fen"]) == (figure, figure)
    # What each party sees: the lending bank and the provincial see the loan; the bank no position.
    assert ok(bank.call("GET", url))["id"] == exposure["id"]
    assert ok(orgs["prov"][1].call("GET", url))["id"] == exposure["id"]
    assert bank.call("GET", f"/v1/guarantee/institutions/{local_id}/position").status_code == 403
    assert local.call("GET", "/v1/guarantee/reports/summary").status_code == 403

    # --- Loan matching: the bank publishes products (one requiring a guarantee).
    guaranteed = {
        "name": "陇原科技贷",
        "product_type": "guaranteed",
        "min_amount_fen": 10000000,
        "max_amount_fen": 500000000,
        "min_term_months": 6,
        "max_term_months": 36,
        "annual_rate_bp": 385,
        "min_rating": "B",
        "tax_multiple": {"A": 10, "B": 5},
        "sizes": ["micro", "small"],
        "region_codes": ["620000"],
        "industry_prefixes": ["C", "I65"],
        "min_years_in_business": 2,
        "min_revenue_fen": 100000000,
        "required_flags": ["high_tech"],
        "accepted_collateral": ["ip", "receivables"],
        "requires_guarantee": True,
        "guarantee_fee_bp": 100,
        "interest_subsidy_bp": 0,
    }
    made = ok(
        bank.call("POST", "/v1/match/products", guaranteed, headers={"Idempotency-Key": "prod-2026-001"}), 201
    )
    assert made["bank_org_id"] == bank_org and {"created_at", "updated_at"} <= set(made)
    again = bank.call("POST", "/v1/match/products", guaranteed, headers={"Idempotency-Key": "prod-2026-001"})
    assert (ok(again, 201)["id"], again.headers["idempotent-replayed"]) == (made["id"], "true")
    pure = {
        k: v
        for k, v in guaranteed.items()
        if k not in ("required_flags", "requires_guarantee", "guarantee_fee_bp")
    }
    pure |= {"name": "陇原e贷", "product_type": "pure_credit"}
    pure_id = ok(bank.call("POST", "/v1/match/products", pure), 201)["id"]
    listed = app.call("GET", "/v1/match/products", params={"bank_org_id": bank_org})
    assert [p["id"] for p in ok(listed)["items"]] == [made["id"], pure_id]  # oldest first
    unchanged = app.call(
        "GET",
        "/v1/match/products",
        params={"bank_org_id": bank_org},
        headers={"If-None-Match": listed.headers["etag"]},
    )
    assert unchanged.status_code == 304

    # --- The partner app's journey: profile, query, why excluded, demand, answers.
    profile = ok(
        app.call(
            "PUT",
            f"/v1/match/enterprises/{USCC}",
            {
                "name": "兰州示例机械制造有限公司",
                "industry_code": "C3411",
                "region_code": "620102",
                "employees": 50,
                "revenue_fen": 800000000,
                "total_assets_fen": 1200000000,
                "established_on": "2018-03-01",
                "flags": ["specialized_sme"],
                "collateral": ["receivables"],
            },
        )
    )
    assert profile["size"] == "small"
    assert profile["size_basis"] == (
        "工信部联企业〔2011〕300号, row 工业 (industry C3411): 从业人员 50人 (small ≥ 20人, "
        "medium ≥ 300人, large ≥ 1000人); 营业收入 800万元 (small ≥ 300万元, medium ≥ 2000万元, "
        "large ≥ 40000万元). 小型 (small): every small lower bound is met, not every medium one."
    )
    result = ok(
        app.call(
            "POST",
            "/v1/match/queries",
            {"uscc": USCC, "amount_fen": 100000000, "term_months": 12, "include_excluded": True},
        )
    )
    assert (result["size"], result["rating"], result["degraded"]) == (
        "small",
        {"rating": "B", "year": 2025},
        [],
    )
    [match] = result["matches"]
    assert (match["product_id"], match["product_name"], match["product_type"]) == (
        pure_id,
        "陇原e贷",
        "pure_credit",
    )
    assert (match["estimated_interest_fen"], match["estimated_guarantee_fee_fen"]) == (3850000, 0)
    assert match["estimated_total_cost_fen"] == 3850000
    assert {
        "criterion": "amount",
        "detail": "amount 1,000,000.00 元 is within 100,000.00 元 to 5,000,000.00 元",
    } in match["reasons"]
    [excluded] = result["excluded"]
    assert (excluded["product_id"], excluded["product_type"]) == (made["id"], "guaranteed")
    assert excluded["failed"] == [
        {"criterion": "flags", "detail": "missing required qualification: high_tech"}
    ]

    demand = ok(
        app.call(
            "POST",
            "/v1/match/demands",
            {"uscc": USCC, "amount_fen": 100000000, "term_months": 12, "purpose": "购置生产设备"},
            headers={"Idempotency-Key": "d-001"},
        ),
        201,
    )
    assert (demand["status"], demand["routed_to"], demand["overdue"], demand["responses"]) == (
        "open",
        [bank_org],
        False,
        [],
    )
    assert demand["enterprise"]["size"] == "small"
    assert datetime.date.fromisoformat(demand["respond_by"]) > datetime.date.today()
    ok(
        bank.call(
            "POST",
            f"/v1/match/demands/{demand['id']}/responses",
            {"decision": "accepted", "offered_amount_fen": 80000000, "annual_rate_bp": 395},
        ),
        201,
    )
    again = bank.call(
        "POST", f"/v1/match/demands/{demand['id']}/responses", {"decision": "need_info", "reason": "?"}
    )
    assert again.status_code == 409 and again.json()["type"].endswith("/demand-already-decided")
    as_bank = ok(bank.call("GET", f"/v1/match/demands/{demand['id']}"))
    assert (as_bank["routed_to"], as_bank["status"], len(as_bank["responses"])) == ([bank_org], "accepted", 1)
    read = ok(app.call("GET", f"/v1/match/demands/{demand['id']}"))
    assert read["status"] == "accepted"
    [answer] = read["responses"]
    assert (answer["decision"], answer["offered_amount_fen"], answer["annual_rate_bp"]) == (
        "accepted",
        80000000,
        395,
    )
    assert [d["id"] for d in ok(app.call("GET", "/v1/match/demands"))["items"]] == [demand["id"]]
    assert ok(admin.call("GET", "/v1/match/stats")) == {
        "products": 2,
        "enterprises": 1,
        "queries": 1,
        "demands": 1,
        "responded": 1,
        "accepted": 1,
        "overdue": 0,
    }

    # --- The bank reports the loan it granted to the enterprise the platform pushed to it.
    granted = {"uscc": USCC, "amount_fen": 80000000, "credit_type": "guaranteed", "granted_on": "2026-10-15"}
    ok(bank.call("POST", "/v1/credit/outcomes", granted), 201)
    stats = ok(tax.call("GET", "/v1/credit/stats"))
    assert (stats["loans_count"], stats["loans_total_fen"], stats["pure_credit_ratio_bp"]) == (1, 80000000, 0)
    assert (stats["enterprises_rated"], stats["banks_subscribed"], stats["enterprises_with_loans"]) == (
        1,
        1,
        1,
    )
    assert stats["deliveries"] == {"pending": 0, "delivered": 2, "failed": 0}
