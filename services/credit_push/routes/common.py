"""What the routes of credit_push share: who may call, and reading ids, orgs and times.

A malformed id in a path is a 404 of that kind of object (CONTRACT §1), not a 422.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from fastapi import Depends, Request

from kit.deps import idempotent
from kit.errors import NotFound, RuleViolation
from kit.principal import Principal, require_roles, require_service
from services.credit_push.tables import idempotency_keys

TaxAuthority = Annotated[Principal, Depends(require_roles("tax_authority"))]
# Who may read a rating; routes/fastpath.py admits the same roles.
READERS = ("tax_authority", "admin", "bank")
Reader = Annotated[Principal, Depends(require_roles(*READERS))]
Partner = Annotated[Principal, Depends(require_roles("partner_app"))]
PartnerOrBank = Annotated[Principal, Depends(require_roles("partner_app", "bank"))]
Bank = Annotated[Principal, Depends(require_roles("bank"))]
# Only loan_match reads ratings and standings internally (CONTRACT §2: a service calls what it needs).
LoanMatch = Annotated[Principal, Depends(require_service("loan_match"))]

# Put on every creating POST: Idempotency-Key replays the first answer (CONTRACT §1).
IDEMPOTENT = idempotent(idempotency_keys)


def uuid_of(raw: str, what: str) -> uuid.UUID:
    """The id in a path; one that is not a UUID names no ``what``."""
    try:
        return uuid.UUID(raw)
    except ValueError as exc:
        raise NotFound(what) from exc


def org_of(principal: Principal) -> str:
    assert principal.org_id is not None
    return principal.org_id


def bank_of(principal: Principal) -> str | None:
    """The caller's bank org id when it is a bank (a bank sees its own only), else None."""
    return org_of(principal) if principal.role == "bank" else None


def allow_private(request: Request) -> bool:
    """Development and tests may send webhooks over http to any address (see clients/ssrf.py)."""
    return bool(request.app.state.settings.webhook_allow_private)


def aware(since: datetime) -> datetime:
    if since.tzinfo is None:
        raise RuleViolation(
            "since: needs a time zone (RFC 3339)",
            slug="validation-error",
            field="since",
            field_msg="needs a time zone",
        )
    return since
