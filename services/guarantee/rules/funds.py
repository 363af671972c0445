"""Rules of the policy funds run beside the guarantee chain (CONTRACT §6). Pure, integers only.

Sources (see ``reference/domain-facts.md``):

- 贷款风险分担和损失补偿 (风险补偿资金池, e.g. 小微外贸企业互助贷款风险补偿担保基金): the pool pays a
  cooperating bank an agreed share (``compensation_bp``) of a defaulted loan's outstanding, never more
  than the pool holds; what is recovered afterwards flows back in the same proportion; a bank whose
  overdue ratio reaches the agreed line is stopped from adding loans (暂停合作).
- 续贷转贷 (过桥) funds: a short bridge to repay a maturing loan before the bank renews it, for
  micro, small and medium enterprises as 工信部联企业〔2011〕300号 classifies them; the fee is a daily
  rate on the amount for the days used.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal, Protocol

from kit.money import BP_WHOLE, apply_bp, div_half_up, ratio_bp

# 工信部联企业〔2011〕300号 sizes; a bridge fund serves all but `large`.
Size = Literal["micro", "small", "medium", "large"]
BRIDGE_SIZES: frozenset[str] = frozenset({"micro", "small", "medium"})
BridgeStatus = Literal["active", "overdue", "repaid"]


@dataclass(frozen=True)
class Payout:
    """A default's settlement: ``compensation_fen`` paid from the pool, ``uncovered_fen`` owed, unpaid."""

    compensation_fen: int
    uncovered_fen: int


def pool_payout(defaulted_fen: int, compensation_bp: int, balance_fen: int) -> Payout:
    """compensation_bp of the defaulted outstanding (half up), never beyond the pool's balance (损失补偿)."""
    due = apply_bp(defaulted_fen, compensation_bp)
    paid = min(due, max(balance_fen, 0))
    return Payout(paid, due - paid)


def pool_recovery_share(recovered_total_fen: int, paid_fen: int, defaulted_fen: int) -> int:
    """The pool's part of all that has been recovered on a loan so far, in the proportion it bore.

    It is CONTRACT §4's allocation rule for two parties, the pool first: floor, and the one fen
    left over to the larger remainder, a tie to the pool; that is the pool's part rounded half up.
    Monotone in the total and equal to ``paid_fen`` once all of ``defaulted_fen`` is recovered.
    """
    if defaulted_fen == 0:
        return 0
    return div_half_up(recovered_total_fen * paid_fen, defaulted_fen)


def pool_recovery(before_fen: int, amount_fen: int, paid_fen: int, defaulted_fen: int) -> int:
    """What one recovery gives back to the pool: share(total after) − share(total before) (追偿)."""
    after = pool_recovery_share(before_fen + amount_fen, paid_fen, defaulted_fen)
    return after - pool_recovery_share(before_fen, paid_fen, defaulted_fen)


def overdue_ratio_bp(overdue_fen: int, outstanding_fen: int) -> int:
    """Overdue outstanding ÷ outstanding in the pool, bp half up; 0 with nothing outstanding."""
    return ratio_bp(overdue_fen, outstanding_fen)


class Owed(Protocol):
    """What is owed on some loans, and the part of it overdue (or defaulted)."""

    @property
    def outstanding_fen(self) -> int: ...

    @property
    def overdue_fen(self) -> int: ...


@dataclass(frozen=True)
class Overdue:
    outstanding_fen: int
    overdue_fen: int
    overdue_ratio_bp: int


def overdue_over(books: Iterable[Owed]) -> Overdue:
    """Outstanding and overdue summed over ``books``, and their overdue ratio."""
    owed = list(books)
    outstanding = sum(b.outstanding_fen for b in owed)
    overdue = sum(b.overdue_fen for b in owed)
    return Overdue(outstanding, overdue, overdue_ratio_bp(overdue, outstanding))


def suspended(overdue_fen: int, outstanding_fen: int, stop_overdue_bp: int) -> bool:
    """A bank whose overdue ratio has reached the pool's stop line may add no loan (暂停合作)."""
    return outstanding_fen > 0 and overdue_ratio_bp(overdue_fen, outstanding_fen) >= stop_overdue_bp


def bridge_fee(amount_fen: int, daily_fee_bp: int, days: int) -> int:
    """amount × daily_fee_bp × days / 10000, rounded half up to the fen (过桥 daily rate)."""
    return div_half_up(amount_fen * daily_fee_bp * days, BP_WHOLE)


def bridge_due_on(start_date: dt.date, days: int) -> dt.date:
    return start_date + dt.timedelta(days=days)


def bridge_status(repaid: bool, due_on: dt.date, today: dt.date) -> BridgeStatus:
    """repaid once the renewal came; unpaid past due_on it is overdue; otherwise active."""
    if repaid:
        return "repaid"
    return "overdue" if today > due_on else "active"


def fits_fund(outstanding_fen: int, amount_fen: int, size_fen: int) -> bool:
    """A bridge loan may not take the fund's outstanding beyond its size."""
    return outstanding_fen + amount_fen <= size_fen
