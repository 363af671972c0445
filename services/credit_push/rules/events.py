"""An event as a bank sees it, in its feed and in a webhook body (CONTRACT §3). No I/O."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any


def rfc3339(moment: datetime) -> str:
    """The moment in UTC, ``Z`` for the zone (as Standard Webhooks examples write it)."""
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def event_json(
    event_id: str, event_type: str, seq: int, created_at: datetime, data: dict[str, Any]
) -> dict[str, Any]:
    """The event as the feed and the webhook body show it (CONTRACT §3)."""
    return {"id": event_id, "type": event_type, "seq": seq, "created_at": rfc3339(created_at), "data": data}
