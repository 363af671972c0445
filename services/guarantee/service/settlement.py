"""What happens to a registered exposure: repayment, default (代偿) and recovery (追偿).

Only the local guarantor that registered it acts on it, under the lock on its own row that
registration takes too (so a client's weights and the guarantor's running total stay exact).
"""

from __future__ import annotations

import datetime as dt

from kit.errors import Conflict, NotFound, RuleViolation
from kit.principal import Principal
from services.guarantee.repository import Repository, Scope
from services.guarantee.repository.rows import Book, ExposureRow
from services.guarantee.rules import allocation
from services.guarantee.rules.chain import PARTIES, Status
from services.guarantee.rules.weights import Held, client_weights
from services.guarantee.schemas.common import Recovery
from services.guarantee.schemas.exposures import Default, DefaultResult, Exposure, RecoveryResult, Repayment
from services.guarantee.service import answers
from services.guarantee.service.access import require_local


async def _own_exposure(repo: Repository, principal: Principal, exposure_id: str) -> tuple[ExposureRow, Book]:
    """The calling local guarantor's exposure, read after its row is locked (every change to its
    exposures queues there), with the client's active exposures; 404 when it is not theirs."""
    me = await require_local(repo, principal)
    scope = Scope("guarantor", me.id)
    seen = await repo.exposure(exposure_id, scope)
    if seen is None:
        raise NotFound("exposure")
    book = await repo.lock_book(me.id, seen.uscc)
    row = await repo.exposure(exposure_id, scope)
    assert book is not None and row is not None  # exposures are never deleted
    return row, book


async def _reweigh(repo: Repository, book: Book, row: ExposureRow, after: Held | None) -> int:
    """计量办法: the client's weights once ``row`` holds ``after`` (None: it has ended); the other
    exposures are re-weighed and the guarantor's running total moved in the same transaction.
    Answers the new weight of ``row``."""
    held = {key: h for key, h in book.held.items() if key != row.id}
    if after is not None:
        held[row.id] = after
    weights = dict(zip(held, client_weights(list(held.values())), strict=True))
    before = sum(h.weighted_fen for h in book.held.values())
    others = {key: w for key, w in weights.items() if key != row.id and w != held[key].weighted_fen}
    await repo.reweigh(others)
    await repo.add_liability(row.guarantor_id, sum(weights.values()) - before)
    return weights.get(row.id, 0)


def _require_status(row: ExposureRow, status: Status) -> None:
    if row.status != status:
        raise Conflict(
            f"The exposure is {row.status}; this operation needs it {status}.",
            slug=f"exposure-not-{status}",
            status_now=row.status,
        )


def _not_before(day: dt.date, earliest: dt.date, field: str, what: str) -> None:
    if day < earliest:
        detail = f"{field} must not be before {what} ({earliest.isoformat()})."
        raise RuleViolation(detail, slug="date-out-of-range", field=field)


async def repay(repo: Repository, principal: Principal, exposure_id: str, body: Repayment) -> Exposure:
    """A repayment lowers the outstanding amount and its figures; at zero the exposure is repaid.
    What it releases is recorded by party, for 代偿率 (代偿额 ÷ 解除担保额)."""
    row, book = await _own_exposure(repo, principal, exposure_id)
    _require_status(row, "active")
    _not_before(body.paid_on, row.start_date, "paid_on", "the loan's start_date")
    if body.amount_fen > row.outstanding_fen:
        raise RuleViolation(
            f"amount_fen {body.amount_fen} is more than the outstanding {row.outstanding_fen} fen.",
            slug="repayment-exceeds-outstanding",
            outstanding_fen=row.outstanding_fen,
        )
    outstanding = row.outstanding_fen - body.amount_fen
    figures = allocation.figures(outstanding, row.shares_bp)
    after = (
        Held(outstanding, figures.guaranteed_fen, row.small_micro, row.principal_fen) if outstanding else None
    )
    weighted = await _reweigh(repo, book, row, after)
    released = allocation.released(row.shares_fen, figures.shares_fen)
    await repo.add_event(row.id, "repayment", body.amount_fen, body.paid_on, released)
    repaid_on = body.paid_on if outstanding == 0 else None
    return answers.exposure(
        await repo.set_outstanding(row.id, outstanding, figures, weighted, repaid_on=repaid_on)
    )


async def default(repo: Repository, principal: Principal, exposure_id: str, body: Default) -> DefaultResult:
    """代偿: the outstanding amount becomes losses split by the shares; the guarantor pays the bank.
    The exposure stops counting against the limits and the client's others are re-weighed."""
    row, book = await _own_exposure(repo, principal, exposure_id)
    _require_status(row, "active")
    _not_before(body.defaulted_on, row.start_date, "defaulted_on", "the loan's start_date")
    outcome = allocation.default_outcome(row.outstanding_fen, row.shares_bp)
    await _reweigh(repo, book, row, None)
    await repo.add_event(row.id, "default", row.outstanding_fen, body.defaulted_on, outcome.losses_fen)
    updated = await repo.set_defaulted(row.id, row.outstanding_fen, outcome, on=body.defaulted_on)
    return answers.default_result(updated, outcome)


async def recover(repo: Repository, principal: Principal, exposure_id: str, body: Recovery) -> RecoveryResult:
    """追偿: each party's part of the recovery, and the total recovered so far."""
    row, _ = await _own_exposure(repo, principal, exposure_id)
    _require_status(row, "compensated")
    # A compensated exposure has all three, set together by its default.
    assert row.ended_on is not None and row.defaulted_fen is not None and row.losses_fen is not None
    _not_before(body.recovered_on, row.ended_on, "recovered_on", "the default")
    before = row.recovered_fen
    total_before = sum(before.values())
    _require_within_default(row.defaulted_fen, total_before, body.amount_fen)
    parts = allocation.recovery_allocation(
        recovered_before=before,
        amount_fen=body.amount_fen,
        losses_fen=row.losses_fen,
        shares_bp=row.shares_bp,
    )
    await repo.add_event(row.id, "recovery", body.amount_fen, body.recovered_on, parts)
    await repo.set_recovered(row.id, {p: before[p] + parts[p] for p in PARTIES})
    return answers.recovery_result(parts, total_before + body.amount_fen)


def _require_within_default(defaulted_fen: int, recovered_fen: int, amount_fen: int) -> None:
    remaining = defaulted_fen - recovered_fen
    if amount_fen > remaining:
        raise RuleViolation(
            f"Recoveries may total at most the defaulted {defaulted_fen} fen; "
            f"{remaining} fen remain to recover.",
            slug="recovery-exceeds-default",
            defaulted_fen=defaulted_fen,
            total_recovered_fen=recovered_fen,
            remaining_fen=remaining,
        )
