"""Estimated cost of a loan and the order of matches (CONTRACT §5). Pure integer arithmetic.

interest = amount x rate x (1 - subsidy) x term / 12 and, only for a product that
requires a guarantee, guarantee fee = amount x fee x term / 12; each is computed exactly
as one fraction and rounded half up to the fen once, so no intermediate rounding drifts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kit.money import BP_WHOLE, div_half_up

MONTHS_PER_YEAR = 12


@dataclass(frozen=True)
class Cost:
    interest_fen: int
    guarantee_fee_fen: int

    @property
    def total_fen(self) -> int:
        return self.interest_fen + self.guarantee_fee_fen


@dataclass(frozen=True)
class Pricing:
    """What a product's cost depends on: its rate net of the subsidy (in bp x bp) and its
    guarantee fee (0 unless it requires a guarantee). Worked out once per product."""

    net_rate_bp2: int
    fee_bp: int


def pricing(
    *, annual_rate_bp: int, interest_subsidy_bp: int, requires_guarantee: bool, guarantee_fee_bp: int
) -> Pricing:
    return Pricing(
        annual_rate_bp * (BP_WHOLE - interest_subsidy_bp), guarantee_fee_bp if requires_guarantee else 0
    )


def interest_fen(amount_fen: int, annual_rate_bp: int, subsidy_bp: int, term_months: int) -> int:
    return _interest(amount_fen * term_months, annual_rate_bp * (BP_WHOLE - subsidy_bp))


def guarantee_fee_fen(amount_fen: int, fee_bp: int, term_months: int) -> int:
    return _fee(amount_fen * term_months, fee_bp)


def _interest(amount_months: int, net_rate_bp2: int) -> int:
    return div_half_up(amount_months * net_rate_bp2, BP_WHOLE * BP_WHOLE * MONTHS_PER_YEAR)


def _fee(amount_months: int, fee_bp: int) -> int:
    return div_half_up(amount_months * fee_bp, BP_WHOLE * MONTHS_PER_YEAR)


def estimate(amount_fen: int, term_months: int, price: Pricing) -> Cost:
    """Interest and guarantee fee of a loan of ``amount_fen`` over ``term_months`` at ``price``."""
    amount_months = amount_fen * term_months
    return Cost(_interest(amount_months, price.net_rate_bp2), _fee(amount_months, price.fee_bp))


def estimates(amount_fen: int, term_months: int, prices: Sequence[Pricing]) -> list[Cost]:
    """:func:`estimate` of each price, in a tight loop: a query prices every distinct price of
    the catalogue (hundreds), so the per-call overhead is what this saves."""
    twice = 2 * amount_fen * term_months
    if twice < 0:
        raise ValueError("a negative amount or term has no cost")
    # kit.money.div_half_up(n, d) = (2n + d) // 2d, written out for _interest's and _fee's d.
    interest_d, fee_d = BP_WHOLE * BP_WHOLE * MONTHS_PER_YEAR, BP_WHOLE * MONTHS_PER_YEAR
    return [
        Cost(
            (twice * p.net_rate_bp2 + interest_d) // (2 * interest_d),
            (twice * p.fee_bp + fee_d) // (2 * fee_d),
        )
        for p in prices
    ]


def rank_key(total_cost_fen: int, annual_rate_bp: int, product_id: str) -> tuple[int, int, str]:
    """Matches are ordered by total cost, then rate, then product id (CONTRACT §5)."""
    return (total_cost_fen, annual_rate_bp, product_id)
