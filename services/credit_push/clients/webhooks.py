"""Standard Webhooks 1.0 for credit_push: body, secrets and signatures. No I/O.

The event the body carries is rules/events.py.

Signatures come from the reference ``standardwebhooks`` library, so a bank verifying with
any Standard Webhooks implementation agrees byte for byte. During a rotation both the new
and the old secret sign (space-separated ``v1,`` signatures) for 24 hours.
What follows an attempt (a retry, a failure, a pause) is rules/retries.py.
"""

from __future__ import annotations

import base64
import functools
import json
import secrets as pysecrets
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from standardwebhooks.webhooks import Webhook

SECRET_PREFIX = "whsec_"  # noqa: S105 - a prefix, not a secret
SECRET_BYTES = 32
ROTATION_OVERLAP = timedelta(hours=24)


def new_secret() -> str:
    return SECRET_PREFIX + base64.b64encode(pysecrets.token_bytes(SECRET_BYTES)).decode()


def body_of(event: dict[str, Any]) -> str:
    return json.dumps(event, ensure_ascii=False, separators=(",", ":"))


def signing_secrets(
    secret: str, previous: str | None, previous_until: datetime | None, now: datetime
) -> list[str]:
    """The secrets that sign now: the current one, plus the old one inside its overlap."""
    if previous and previous_until and now < previous_until:
        return [secret, previous]
    return [secret]


@functools.lru_cache(maxsize=1024)
def _signer(secret: str) -> Webhook:
    """One signer per secret, kept: making one decodes the secret (a quarter of a signature's cost)."""
    return Webhook(secret)


def signature_header(secrets: Sequence[str], msg_id: str, timestamp: datetime, body: str) -> str:
    if len(secrets) == 1:
        return _signer(secrets[0]).sign(msg_id, timestamp, body)
    return " ".join(_signer(s).sign(msg_id, timestamp, body) for s in secrets)


def headers_for(secrets: Sequence[str], msg_id: str, timestamp: datetime, body: str) -> dict[str, str]:
    return {
        "content-type": "application/json",
        "user-agent": "finmatch-credit-push/1",
        "webhook-id": msg_id,
        "webhook-timestamp": str(int(timestamp.timestamp())),
        "webhook-signature": signature_header(secrets, msg_id, timestamp, body),
    }
