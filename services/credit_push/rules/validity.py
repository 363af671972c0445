"""Last valid days of consents and authorisations (CONTRACT §3): Asia/Shanghai dates. Pure.

An enterprise's consent or authorisation names its last valid day (``expires_on``); one that
ended before it was recorded would grant nothing, so it is refused.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from kit.errors import RuleViolation

Status = Literal["active", "revoked", "expired"]


def check_expires_on(expires_on: date | None, today: date) -> None:
    if expires_on is not None and expires_on < today:
        raise RuleViolation(
            f"expires_on {expires_on} is already past (today is {today}, Asia/Shanghai).",
            slug="invalid-expires-on",
            field="expires_on",
            field_msg="must be today or later",
        )


def shown_status(status: Status, expires_on: date | None, today: date) -> Status:
    """Past its last day it is expired already, even before the sweep has ended it."""
    if status == "active" and expires_on is not None and expires_on < today:
        return "expired"
    return status
