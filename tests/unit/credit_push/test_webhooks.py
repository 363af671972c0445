"""clients/webhooks.py: Standard Webhooks signatures and secret rotation."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from standardwebhooks.webhooks import Webhook

from services.credit_push.clients.webhooks import headers_for, new_secret, signing_secrets


def test_signature_verifies_with_the_reference_library() -> None:
    secret = new_secret()
    assert secret.startswith("whsec_")
    now = datetime.now(UTC)
    body = '{"id":"e1","data":{"name":"兰州"}}'
    headers = headers_for([secret], "msg_1", now, body)
    assert Webhook(secret).verify(body.encode(), headers) == {"id": "e1", "data": {"name": "兰州"}}
    assert headers["webhook-timestamp"] == str(int(now.timestamp()))


def test_rotation_signs_with_both_secrets_for_24_hours() -> None:
    old, new = new_secret(), new_secret()
    now = datetime.now(UTC)
    secrets = signing_secrets(new, old, now + timedelta(hours=24), now)
    assert secrets == [new, old]
    headers = headers_for(secrets, "msg_2", now, "{}")
    assert len(headers["webhook-signature"].split(" ")) == 2
    for secret in (old, new):
        Webhook(secret).verify("{}", headers)
    assert signing_secrets(new, old, now, now) == [new]
    assert signing_secrets(new, None, None, now) == [new]


def test_a_foreign_secret_does_not_verify() -> None:
    headers = headers_for([new_secret()], "msg_3", datetime.now(UTC), "{}")
    with pytest.raises(Exception, match="No matching signature"):
        Webhook(new_secret()).verify("{}", headers)
