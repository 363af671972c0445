"""Standard Webhooks 1.0 for credit_push: payload, secrets, signatures, retry decisions. No I/O.

Signatures come from the reference ``standardwebhooks`` library, so a bank verifying with
any Standard Webhooks implementation agrees byte for byte. During a rotation both the new
and the old secret sign (space-separated ``v1,`` signatures) for 24 hours.
"""

from __future__ import annotations

import base64
import json
import secrets as pysecrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from standardwebhooks.webhooks import Webhook

SECRET_PREFIX = "whsec_"  # noqa: S105 - a prefix, not a secret
SECRET_BYTES = 32
ROTATION_OVERLAP = timedelta(hours=24)


def new_secret() -> str:
    return SECRET_PREFIX + base64.b64encode(pysecrets.token_bytes(SECRET_BYTES)).decode()


def rfc3339(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def event_json(
    event_id: str, event_type: str, seq: int, created_at: datetime, data: dict[str, Any]
) -> dict[str, Any]:
    """The event as the feed and the webhook body show it (CONTRACT §3)."""
    return {"id": event_id, "type": event_type, "seq": seq, "created_at": rfc3339(created_at), "data": data}


def body_of(event: dict[str, Any]) -> str:
    return json.dumps(event, ensure_ascii=False, separators=(",", ":"))


def signing_secrets(
    secret: str, previous: str | None, previous_until: datetime | None, now: datetime
) -> list[str]:
    """The secrets that sign now: the current one, plus the old one inside its overlap."""
    if previous and previous_until and now < previous_until:
        return [secret, previous]
    return [secret]


def signature_header(secrets: Sequence[str], msg_id: str, timestamp: datetime, body: str) -> str:
    return " ".join(Webhook(s).sign(msg_id, timestamp, body) for s in secrets)


def headers_for(secrets: Sequence[str], msg_id: str, timestamp: datetime, body: str) -> dict[str, str]:
    return {
        "content-type": "application/json",
        "user-agent": "finmatch-credit-push/1",
        "webhook-id": msg_id,
        "webhook-timestamp": str(int(timestamp.timestamp())),
        "webhook-signature": signature_header(secrets, msg_id, timestamp, body),
    }


@dataclass(frozen=True)
class AttemptResult:
    """How one HTTP attempt ended: a status code, or a transport error (code None)."""

    status_code: int | None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300

    @property
    def gone(self) -> bool:
        return self.status_code == 410


@dataclass(frozen=True)
class Decision:
    status: str  # delivered | pending | failed
    next_attempt_at: datetime | None
    round_failures: int
    pause_subscription: bool = False


def decide(result: AttemptResult, round_failures: int, schedule: Sequence[int], now: datetime) -> Decision:
    """After an attempt: delivered on 2xx; 410 fails it and pauses the subscription; else retry.

    ``schedule[n]`` is the wait after the (n+1)th failure of this round; when it runs out
    the delivery is `failed` (and stays replayable).
    """
    if result.ok:
        return Decision("delivered", None, round_failures)
    failures = round_failures + 1
    if result.gone:
        return Decision("failed", None, failures, pause_subscription=True)
    if round_failures < len(schedule):
        return Decision("pending", now + timedelta(seconds=schedule[round_failures]), failures)
    return Decision("failed", None, failures)
