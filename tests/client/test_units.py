"""The client's pure pieces: paging, creating-POST detection, problems, cursors, webhook ordering."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from finmatch_client import (
    FileCursorStore,
    Finmatch,
    ProblemError,
    WebhookEvent,
    WebhookReceiver,
    WebhookVerificationError,
    creates,
)
from finmatch_client.pages import page_params, read_page
from standardwebhooks.webhooks import Webhook

SECRET = "whsec_" + "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LTEyMzQ="
OTHER = "whsec_" + "b3RoZXItb3RoZXItb3RoZXItb3RoZXItb3RoZXItMTI="


def test_pages_read_lists_and_the_feed() -> None:
    assert read_page({"items": [1], "next_cursor": "c"}).has_more
    assert not read_page({"items": [], "next_cursor": None}).has_more
    feed = read_page({"items": [], "next_cursor": "c", "has_more": False})
    assert (feed.next_cursor, feed.has_more) == ("c", False)
    with pytest.raises(ValueError, match="not a list"):
        read_page({"id": "x"})
    assert page_params({"uscc": "U", "status": None}, "c", 10) == {"uscc": "U", "cursor": "c", "limit": 10}
    assert page_params(None, None, None) == {}


@pytest.mark.parametrize(
    ("method", "path", "expected"),
    [
        ("POST", "/v1/guarantee/exposures", True),
        ("post", "/v1/guarantee/exposures/", True),
        ("POST", "/prefix/v1/guarantee/exposures/0b9e/repayments", True),
        ("POST", "/v1/credit/subscriptions", True),
        ("POST", "/v1/credit/subscriptions/s-1/rotate-secret", False),
        ("POST", "/v1/match/queries", False),
        ("GET", "/v1/guarantee/exposures", False),
        ("POST", "/v1/guarantee/exposures/a/b/repayments", False),
    ],
)
def test_creating_posts_are_those_that_take_a_key(method: str, path: str, expected: bool) -> None:
    assert creates(method, path) is expected


def test_a_problem_without_a_problem_body_still_has_a_status_and_request_id() -> None:
    response = httpx.Response(502, text="<html>bad gateway</html>", headers={"x-request-id": "r-7"})
    problem = ProblemError.from_response(response)
    assert (problem.status, problem.slug, problem.request_id) == (502, "about:blank", "r-7")
    assert "bad gateway" in problem.detail and problem.extra == {}


def test_file_cursor_store_resumes_and_survives_rewrites(tmp_path: Path) -> None:
    store = FileCursorStore(tmp_path / "state" / "feed.cursor")
    assert store.load() is None
    store.save("c-1")
    store.save("c-2")
    assert FileCursorStore(tmp_path / "state" / "feed.cursor").load() == "c-2"
    assert [p.name for p in (tmp_path / "state").iterdir()] == ["feed.cursor"]


def delivery(
    secret: str, seq: int, uscc: str = "91620100MA00000001", event_id: str | None = None
) -> tuple[dict[str, str], bytes]:
    event_id = event_id or f"ev-{seq}"
    now = datetime.now(UTC)
    event = {
        "id": event_id,
        "type": "credit.rating.published",
        "seq": seq,
        "created_at": "2026-01-01T00:00:00Z",
        "data": {"uscc": uscc, "rating": "A"},
    }
    body = json.dumps(event)
    signature = Webhook(secret).sign(event_id, now, body)
    headers = {
        "Webhook-Id": event_id,
        "Webhook-Timestamp": str(int(now.timestamp())),
        "Webhook-Signature": signature,
    }
    return headers, body.encode()


def test_any_configured_secret_verifies_and_others_are_refused() -> None:
    receiver = WebhookReceiver([OTHER, SECRET])
    assert receiver.verify(*delivery(SECRET, 1)).seq == 1
    with pytest.raises(WebhookVerificationError):
        WebhookReceiver([OTHER]).verify(*delivery(SECRET, 1))
    headers, body = delivery(SECRET, 1)
    with pytest.raises(WebhookVerificationError):
        receiver.verify(headers, body.replace(b'"A"', b'"B"'))
    with pytest.raises(WebhookVerificationError):
        receiver.verify({**headers, "Webhook-Timestamp": "1000000000"}, body)


def test_stale_and_duplicate_events_are_dropped_per_enterprise() -> None:
    receiver = WebhookReceiver([SECRET])
    handled: list[int] = []

    def handle(event: WebhookEvent) -> None:
        handled.append(event.seq)

    assert receiver.receive(*delivery(SECRET, 5), handle)
    assert not receiver.receive(*delivery(SECRET, 3), handle)  # older than the last applied
    assert not receiver.receive(*delivery(SECRET, 5), handle)  # the same event again
    assert receiver.receive(*delivery(SECRET, 4, uscc="91620100MA00000002"), handle)  # another enterprise
    assert receiver.receive(*delivery(SECRET, 9), handle)
    assert handled == [5, 4, 9]


def test_a_failing_handler_leaves_the_event_to_the_next_attempt() -> None:
    receiver = WebhookReceiver([SECRET])

    def fail(event: WebhookEvent) -> None:
        raise RuntimeError("database down")

    with pytest.raises(RuntimeError):
        receiver.receive(*delivery(SECRET, 2), fail)
    assert receiver.receive(*delivery(SECRET, 2), lambda event: None)


def test_iterating_the_feed_as_a_list_stops_when_caught_up() -> None:
    pages = iter(
        [
            {"items": [{"seq": 1}], "next_cursor": "a", "has_more": True},
            {"items": [{"seq": 2}], "next_cursor": "b", "has_more": False},
        ]
    )
    transport = httpx.MockTransport(lambda request: httpx.Response(200, json=next(pages)))
    with Finmatch("http://finmatch.test", "k", transport=transport) as fm:
        assert list(fm.iter_items("/v1/credit/feed")) == [{"seq": 1}, {"seq": 2}]
