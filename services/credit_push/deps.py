"""credit_push's idempotency guard; the session and the guard itself come from kit.deps."""

from __future__ import annotations

from kit.deps import idempotent as kit_idempotent
from services.credit_push.tables import idempotency_keys

# Put on every creating POST: Idempotency-Key replays the first answer (CONTRACT §1).
idempotent = kit_idempotent(idempotency_keys)
