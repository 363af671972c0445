"""Capacity for loan_match: which local guarantors of a bank can still take a guaranteed amount."""

from __future__ import annotations

import uuid

from services.guarantee import rules, schemas
from services.guarantee.repository import Repository
from services.guarantee.rows import CapacityRow


def _is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def _guarantor(row: CapacityRow, guaranteed_fen: int) -> schemas.CapacityGuarantor:
    room = rules.headroom(row.net_assets_fen, row.leverage_multiple, row.liability_fen)
    return schemas.CapacityGuarantor(
        guarantor_id=row.guarantor_id,
        name=row.name,
        agreement_id=row.agreement_id,
        headroom_fen=room,
        sufficient=room >= guaranteed_fen,
    )


async def bank_capacity(repo: Repository, bank_org_id: str, guaranteed_fen: int) -> schemas.Capacity:
    """The bank's local guarantors, most headroom first (ties by id)."""
    # An id that cannot be an org is simply a bank without agreements.
    rows = await repo.capacity_rows(bank_org_id) if _is_uuid(bank_org_id) else []
    guarantors = sorted(
        (_guarantor(row, guaranteed_fen) for row in rows), key=lambda g: (-g.headroom_fen, g.guarantor_id)
    )
    return schemas.Capacity(bank_org_id=bank_org_id, guaranteed_fen=guaranteed_fen, guarantors=guarantors)
