"""rules/events.py: an event as the feed and a webhook body show it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from services.credit_push.rules.events import event_json, rfc3339


def test_rfc3339_is_utc_with_z() -> None:
    shanghai = timezone(timedelta(hours=8))
    assert rfc3339(datetime(2026, 3, 1, 8, 0, tzinfo=shanghai)) == "2026-03-01T00:00:00Z"
    assert rfc3339(datetime(2026, 3, 1, 0, 0, 0, 123000, tzinfo=UTC)) == "2026-03-01T00:00:00.123000Z"


def test_event_json_has_the_contract_fields() -> None:
    at = datetime(2026, 3, 1, tzinfo=UTC)
    event = event_json("e1", "credit.rating.published", 7, at, {"uscc": "91620100MA72RH3L12"})
    assert event == {
        "id": "e1",
        "type": "credit.rating.published",
        "seq": 7,
        "created_at": "2026-03-01T00:00:00Z",
        "data": {"uscc": "91620100MA72RH3L12"},
    }
