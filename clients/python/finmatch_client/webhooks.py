"""Receiving credit_push's webhooks in any web framework: verify, drop stale, apply.

Deliveries are Standard Webhooks (CONTRACT §3): ``webhook-id``, ``webhook-timestamp`` and
``webhook-signature`` (``v1,<base64 HMAC-SHA256>``, two of them during a secret rotation) over
``{id}.{timestamp}.{body}``. Verification is the ``standardwebhooks`` library's, which also refuses
a timestamp more than five minutes off (replays). A delivery can arrive late, twice or out of
order (retries), so the receiver keeps, per enterprise (USCC), the last ``seq`` it applied and drops
any event at or below it, as the contract tells receivers to.

    receiver = WebhookReceiver(["whsec_..."])
    applied = receiver.receive(headers, raw_body, handle)   # False: stale or duplicate, answer 2xx
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from standardwebhooks.webhooks import Webhook, WebhookVerificationError

__all__ = [
    "MemorySeqStore",
    "SeqStore",
    "WebhookEvent",
    "WebhookReceiver",
    "WebhookVerificationError",
]


@dataclass(frozen=True)
class WebhookEvent:
    """One verified event: ``{id, type, seq, created_at, data}``; ``uscc`` is ``data["uscc"]``."""

    id: str
    type: str
    seq: int
    created_at: str
    data: dict[str, Any]

    @property
    def uscc(self) -> str:
        return str(self.data["uscc"])

    @classmethod
    def from_payload(cls, payload: Any) -> WebhookEvent:
        if not isinstance(payload, dict) or not isinstance(payload.get("data"), dict):
            raise WebhookVerificationError("The payload is not a finmatch event")
        return cls(
            id=str(payload["id"]),
            type=str(payload["type"]),
            seq=int(payload["seq"]),
            created_at=str(payload.get("created_at", "")),
            data=dict(payload["data"]),
        )


class SeqStore(Protocol):
    """The last ``seq`` applied per USCC; put it in your database to survive restarts."""

    def last_seq(self, uscc: str) -> int | None: ...

    def save_seq(self, uscc: str, seq: int) -> None: ...


@dataclass
class MemorySeqStore:
    seqs: dict[str, int] = field(default_factory=dict)

    def last_seq(self, uscc: str) -> int | None:
        return self.seqs.get(uscc)

    def save_seq(self, uscc: str, seq: int) -> None:
        self.seqs[uscc] = seq


class WebhookReceiver:
    """Verifies deliveries with any of ``secrets`` (``whsec_...``) and orders them per USCC.

    Give both secrets while rotating (the old one signs for 24 h after ``rotate-secret``).
    """

    def __init__(self, secrets: Iterable[str], store: SeqStore | None = None) -> None:
        self.webhooks = [Webhook(secret) for secret in secrets]
        if not self.webhooks:
            raise ValueError("a receiver needs at least one secret")
        self.store: SeqStore = store if store is not None else MemorySeqStore()
        self._lock = threading.Lock()

    def verify(self, headers: Mapping[str, str], body: bytes | str) -> WebhookEvent:
        """The event of a delivery whose signature checks out; else ``WebhookVerificationError``.

        ``body`` must be the raw request body, byte for byte: a re-serialised JSON breaks the HMAC.
        """
        plain = {str(k).lower(): str(v) for k, v in headers.items()}
        raw = body.decode("utf-8") if isinstance(body, bytes) else body
        failure = WebhookVerificationError("No secret matches the signature")
        for webhook in self.webhooks:
            try:
                payload = webhook.verify(raw, plain)
            except WebhookVerificationError as error:
                failure = error
                continue
            event = WebhookEvent.from_payload(payload)
            if plain.get("webhook-id") != event.id:
                raise WebhookVerificationError("webhook-id does not name the event")
            return event
        raise failure

    def is_new(self, event: WebhookEvent) -> bool:
        """Whether ``event`` is later than the last one applied for its enterprise."""
        last = self.store.last_seq(event.uscc)
        return last is None or event.seq > last

    def mark_applied(self, event: WebhookEvent) -> None:
        self.store.save_seq(event.uscc, event.seq)

    def receive(
        self, headers: Mapping[str, str], body: bytes | str, handle: Callable[[WebhookEvent], None]
    ) -> bool:
        """Verify, then ``handle`` the event unless it is stale; True when it was handled.

        The seq is recorded only after ``handle`` returns, so a handler that raises is retried by
        the platform's next attempt. Answer 2xx whether it was handled or dropped, 400 on
        ``WebhookVerificationError``. One receiver applies one event at a time.
        """
        event = self.verify(headers, body)
        with self._lock:
            if not self.is_new(event):
                return False
            handle(event)
            self.mark_applied(event)
        return True
