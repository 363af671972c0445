"""finmatch-client: typed Python access to the finmatch platform's public API.

``finmatch_client.generated`` is produced from openapi/gateway.json by openapi-python-client
(``make client``; never edit it). Beside it, by hand: authenticated clients with automatic
idempotency keys and safe retries, list and feed iteration, typed problems and a webhook receiver.
"""

from .aclient import AsyncFinmatch
from .client import Finmatch, unwrap
from .cursors import CallbackCursorStore, CursorStore, FileCursorStore, MemoryCursorStore
from .generated.models.event_out import EventOut
from .problems import ProblemError
from .transport import FinmatchTransport, creates
from .webhooks import (
    MemorySeqStore,
    SeqStore,
    WebhookEvent,
    WebhookReceiver,
    WebhookVerificationError,
)

__all__ = [
    "AsyncFinmatch",
    "CallbackCursorStore",
    "CursorStore",
    "EventOut",
    "FileCursorStore",
    "Finmatch",
    "FinmatchTransport",
    "MemoryCursorStore",
    "MemorySeqStore",
    "ProblemError",
    "SeqStore",
    "WebhookEvent",
    "WebhookReceiver",
    "WebhookVerificationError",
    "creates",
    "unwrap",
]
