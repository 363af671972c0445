"""Capacity for loan_match: which local guarantors of a bank could take a loan now.

Two forms. ``guaranteed_fen`` (the first one, kept): each guarantor's leverage headroom against
that weighted amount. ``amount_fen`` + ``uscc`` + ``small_micro`` (the loan itself): each guarantor
is asked exactly what registering the loan with it would be asked (``rules.weights.
judge_registration``: the guaranteed part under that agreement's shares, the client's recomputed
weights, the national fund's scope, leverage, then the single-client cap), so ``sufficient`` is
true exactly when that registration would pass now.
"""

from __future__ import annotations

from dataclasses import dataclass

from kit.errors import RuleViolation
from services.guarantee.repository import Repository
from services.guarantee.repository.rows import CapacityRow
from services.guarantee.rules import allocation, limits
from services.guarantee.rules.weights import Guarantor, Held, judge_registration
from services.guarantee.schemas import capacity as schemas
from services.guarantee.service.paging import is_uuid


@dataclass(frozen=True)
class Loan:
    """The loan loan_match is matching: its principal, the client, whether it is small-micro."""

    amount_fen: int
    uscc: str
    small_micro: bool


def _by_headroom(guarantors: list[schemas.CapacityGuarantor]) -> list[schemas.CapacityGuarantor]:
    return sorted(guarantors, key=lambda g: (-g.headroom_fen, g.guarantor_id))


def _guarantor(
    row: CapacityRow, guaranteed_fen: int, headroom_fen: int, sufficient: bool
) -> schemas.CapacityGuarantor:
    return schemas.CapacityGuarantor(
        guarantor_id=row.guarantor_id,
        name=row.name,
        agreement_id=row.agreement_id,
        guaranteed_fen=guaranteed_fen,
        headroom_fen=headroom_fen,
        sufficient=sufficient,
    )


async def _rows(repo: Repository, bank_org_id: str) -> list[CapacityRow]:
    # An id that cannot be an org is simply a bank without agreements.
    return await repo.capacity_rows(bank_org_id) if is_uuid(bank_org_id) else []


async def bank_capacity(repo: Repository, bank_org_id: str, guaranteed_fen: int) -> schemas.Capacity:
    """The bank's local guarantors by leverage headroom (most first, ties by id)."""
    guarantors = []
    for row in await _rows(repo, bank_org_id):
        room = limits.headroom(row.net_assets_fen, row.leverage_multiple, row.liability_fen)
        guarantors.append(_guarantor(row, guaranteed_fen, room, room >= guaranteed_fen))
    return schemas.Capacity(
        bank_org_id=bank_org_id, guaranteed_fen=guaranteed_fen, guarantors=_by_headroom(guarantors)
    )


def _judged(row: CapacityRow, held: list[Held], loan: Loan) -> schemas.CapacityGuarantor:
    """The registration's own judgement; headroom is what the limits leave for this client."""
    guaranteed = allocation.figures(loan.amount_fen, row.shares_bp).guaranteed_fen
    guarantor = Guarantor(row.net_assets_fen, row.leverage_multiple, row.liability_fen)
    judgement = judge_registration(
        guarantor, held, Held(loan.amount_fen, guaranteed, loan.small_micro, loan.amount_fen)
    )
    leverage_room = limits.headroom(row.net_assets_fen, row.leverage_multiple, row.liability_fen)
    client_room = limits.single_client_cap(row.net_assets_fen) - sum(h.weighted_fen for h in held)
    return _guarantor(row, guaranteed, max(0, min(leverage_room, client_room)), judgement.passes)


async def loan_capacity(repo: Repository, bank_org_id: str, loan: Loan) -> schemas.Capacity:
    """Each of the bank's local guarantors, judged as a registration of ``loan`` would be now."""
    rows = await _rows(repo, bank_org_id)
    held = await repo.client_exposures(loan.uscc, [row.guarantor_id for row in rows])
    guarantors = _by_headroom([_judged(row, held.get(row.guarantor_id, []), loan) for row in rows])
    # The top-level figure: the largest guaranteed part any of the bank's agreements leaves.
    guaranteed = max((g.guaranteed_fen for g in guarantors), default=0)
    return schemas.Capacity(bank_org_id=bank_org_id, guaranteed_fen=guaranteed, guarantors=guarantors)


async def capacity(
    repo: Repository,
    bank_org_id: str,
    *,
    guaranteed_fen: int | None,
    amount_fen: int | None,
    uscc: str | None,
    small_micro: bool | None,
) -> schemas.Capacity:
    """One of the two forms, by what was given; anything else is 422 ``invalid-capacity-query``."""
    if amount_fen is not None and uscc is not None and small_micro is not None and guaranteed_fen is None:
        return await loan_capacity(repo, bank_org_id, Loan(amount_fen, uscc, small_micro))
    if guaranteed_fen is not None and amount_fen is None and uscc is None and small_micro is None:
        return await bank_capacity(repo, bank_org_id, guaranteed_fen)
    raise RuleViolation(
        "Give either guaranteed_fen, or amount_fen with uscc and small_micro.", slug="invalid-capacity-query"
    )
