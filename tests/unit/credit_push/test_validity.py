"""rules/validity.py: last valid days of consents and authorisations (Asia/Shanghai dates)."""

from __future__ import annotations

from datetime import date

import pytest

from kit.errors import RuleViolation
from services.credit_push.rules.validity import Status, check_expires_on, shown_status

TODAY = date(2026, 3, 1)


@pytest.mark.parametrize("expires_on", [None, TODAY, date(2027, 1, 1)])
def test_today_or_later_or_none_is_accepted(expires_on: date | None) -> None:
    check_expires_on(expires_on, TODAY)


def test_a_past_last_day_is_refused_on_its_field() -> None:
    with pytest.raises(RuleViolation) as caught:
        check_expires_on(date(2026, 2, 28), TODAY)
    assert caught.value.slug == "invalid-expires-on"
    assert caught.value.field == "expires_on"
    assert "2026-02-28" in caught.value.detail


def test_past_its_last_day_it_shows_expired_before_the_sweep() -> None:
    assert shown_status("active", date(2026, 2, 28), TODAY) == "expired"


@pytest.mark.parametrize(
    ("status", "expires_on", "shown"),
    [
        ("active", TODAY, "active"),  # the last day itself is still valid
        ("active", None, "active"),
        ("revoked", date(2026, 2, 28), "revoked"),  # revoked stays revoked
        ("expired", date(2026, 2, 28), "expired"),
    ],
)
def test_otherwise_the_stored_status_shows(status: Status, expires_on: date | None, shown: Status) -> None:
    assert shown_status(status, expires_on, TODAY) == shown
