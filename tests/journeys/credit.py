"""The README's 银税互动 journey: ratings in, a consented bank told by webhook and feed, revocation."""

from __future__ import annotations

import datetime
import json
import uuid
from typing import Any

import pytest
from standardwebhooks.webhooks import Webhook

from tests.support.readme import ReadmeReceiver, readme_snippet
from tests.support.sync_api import Client, ok, until

USCC = "91620100MA72RH3L12"  # the README's enterprise (a valid check character)
NAME = "兰州示例机械制造有限公司"


def journey(
    tax: Client, bank: Client, app: Client, bank_org: str, receiver: ReadmeReceiver, mp: pytest.MonkeyPatch
) -> None:
    upload_ratings(tax)
    subscribe(bank, receiver, mp)
    consent, published = consent_publishes(app, bank, bank_org, receiver)
    cursor = read_the_feed(bank, published)
    revoke(app, bank, receiver, consent, published, cursor)


def upload_ratings(tax: Client) -> None:
    """The tax authority uploads ratings; the same upload again changes nothing."""
    upload = {
        "items": [
            {
                "uscc": USCC,
                "name": NAME,
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


def subscribe(bank: Client, receiver: ReadmeReceiver, monkeypatch: pytest.MonkeyPatch) -> None:
    """The bank subscribes (the secret is shown once) and verifies deliveries with the snippet."""
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


def consent_publishes(
    app: Client, bank: Client, bank_org: str, receiver: ReadmeReceiver
) -> tuple[dict[str, Any], dict[str, Any]]:
    """A partner app records a consent: the bank is sent the B enterprise with its tax figure."""
    expires_on = (datetime.date.today() + datetime.timedelta(days=365)).isoformat()
    authorisation = {"uscc": USCC, "evidence_ref": "ETAX-AUTH-2026-000123", "expires_on": expires_on}
    assert ok(app.call("POST", "/v1/credit/authorisations", authorisation), 201)["status"] == "active"
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
    published: dict[str, Any] = until(lambda: receiver.events, "the published webhook")[0]
    assert published["type"] == "credit.rating.published"
    assert published["data"] == {
        "uscc": USCC,
        "name": NAME,
        "rating": "B",
        "year": 2025,
        "version": published["data"]["version"],
        "avg_annual_tax_fen": 123456700,
    }
    assert set(published) == {"id", "type", "seq", "created_at", "data"}
    assert receiver.handle(*_forged(published)) == 400  # a forged delivery fails the snippet's check
    assert ok(bank.call("GET", f"/v1/credit/ratings/{USCC}"))["avg_annual_tax_fen"] == 123456700
    assert any(c["id"] == consent["id"] for c in ok(bank.call("GET", "/v1/credit/consents"))["items"])
    return consent, published


def _forged(event: dict[str, Any]) -> tuple[bytes, dict[str, str]]:
    """``event`` signed with a secret that is not the subscription's."""
    forged = Webhook("whsec_" + "QUJDREVGR0hJSktMTU5PUFFSU1RVVldY")
    msg_id, ts = "msg_forged", datetime.datetime.now(tz=datetime.UTC)
    body = json.dumps(event)
    headers = {"webhook-id": msg_id, "webhook-timestamp": str(int(ts.timestamp()))}
    headers["webhook-signature"] = forged.sign(msg_id, ts, body)
    return body.encode(), headers


def poll(bank: Client, cursor: str | None) -> tuple[list[dict[str, Any]], str]:
    """One round of the README's feed snippet: the events it applied and the cursor to store."""
    applied: list[dict[str, Any]] = []
    readme_poll = readme_snippet("/v1/credit/feed", apply=applied.append)["poll"]
    next_cursor = readme_poll(bank.http, cursor)
    assert next_cursor is not None
    return applied, next_cursor


def read_the_feed(bank: Client, published: dict[str, Any]) -> str:
    """The bank pages the feed, storing the cursor (never null)."""
    events, cursor = poll(bank, None)
    assert [e["id"] for e in events] == [published["id"]]
    assert poll(bank, cursor) == ([], cursor)  # caught up: the cursor stays where it was
    return cursor


def revoke(
    app: Client,
    bank: Client,
    receiver: ReadmeReceiver,
    consent: dict[str, Any],
    published: dict[str, Any],
    cursor: str,
) -> None:
    """Revocation: the bank gets `withdrawn` (webhook and feed) and loses access."""
    ok(app.call("DELETE", f"/v1/credit/consents/{consent['id']}"), 204)
    withdrawn = until(lambda: receiver.events[1:], "the withdrawn webhook")[0]
    assert withdrawn["type"] == "credit.rating.withdrawn"
    assert withdrawn["seq"] > published["seq"]
    assert withdrawn["data"] == {
        "uscc": USCC,
        "version": published["data"]["version"],  # the rating did not change
        "reason": "consent_revoked",
    }
    assert [e["id"] for e in poll(bank, cursor)[0]] == [withdrawn["id"]]
    assert bank.call("GET", f"/v1/credit/ratings/{USCC}").status_code == 404
    assert receiver.statuses == [204, 204]  # every real delivery verified


def report_the_loan(bank: Client, tax: Client) -> None:
    """The bank reports the loan it granted to the enterprise the platform pushed to it."""
    granted = {
        "uscc": USCC,
        "loan_ref": "LZ-2026-0001",
        "amount_fen": 80000000,
        "credit_type": "guaranteed",
        "granted_on": "2026-10-15",
    }
    ok(bank.call("POST", "/v1/credit/outcomes", granted), 201)
    stats = ok(tax.call("GET", "/v1/credit/stats"))
    assert (stats["loans_count"], stats["loans_total_fen"], stats["pure_credit_ratio_bp"]) == (1, 80000000, 0)
    assert (stats["enterprises_rated"], stats["banks_subscribed"], stats["enterprises_with_loans"]) == (
        1,
        1,
        1,
    )
    assert stats["deliveries"] == {"pending": 0, "delivered": 2, "failed": 0}
