"""Subsidy programmes of policy funds: what a claim may get and what matching may promise
(CONTRACT §6). Pure integer arithmetic, no I/O.

The demo's programmes follow 甘工信发〔2019〕114号 (甘肃省知识产权质押融资): the IP-pledge
interest subsidy pays 50% of the loan's interest actually paid, at most 200,000 yuan per
enterprise per year; the patent valuation fee subsidy pays 50% of the fee, at most 30,000 yuan
per item. A payment is the share of what was paid, rounded half up to the fen, cut to whatever
cap binds first: the item cap, what is left of the enterprise's cap for the year, and what is
left of the programme's budget.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from kit.money import apply_bp
from services.loan_match.rules.codes import region_covers


@dataclass(frozen=True)
class Terms:
    """A programme's share and caps; ``None`` means the programme sets no such cap."""

    share_bp: int
    cap_per_item_fen: int | None
    cap_per_enterprise_year_fen: int | None


@dataclass(frozen=True)
class Used:
    """What has already gone: to this enterprise this year, and out of the whole budget."""

    enterprise_year_fen: int
    budget_left_fen: int


def payable(paid_fen: int, terms: Terms, used: Used) -> int:
    """The subsidy on ``paid_fen``: min(paid × share rounded half up, item cap, what is left of
    the enterprise's annual cap, what is left of the budget); never negative (甘工信发〔2019〕114号)."""
    caps = [apply_bp(paid_fen, terms.share_bp), used.budget_left_fen]
    if terms.cap_per_item_fen is not None:
        caps.append(terms.cap_per_item_fen)
    if terms.cap_per_enterprise_year_fen is not None:
        caps.append(terms.cap_per_enterprise_year_fen - used.enterprise_year_fen)
    return max(0, min(caps))


# A claim is valued at filing with the same rule as at approval: only the figures it sees differ.
claimable = payable


@dataclass(frozen=True)
class Eligible:
    """Who a programme is for; an empty list means any (CONTRACT §6)."""

    product_types: Sequence[str] = ()
    collateral: Sequence[str] = ()
    sizes: Sequence[str] = ()
    region_codes: Sequence[str] = ()


def enterprise_eligible(eligible: Eligible, size: str, region_code: str, collateral: Iterable[str]) -> bool:
    """The enterprise holds one of the programme's collateral types, has one of its sizes and
    sits in a region it covers; ``product_types`` concerns matching estimates only."""
    held = set(collateral)
    return (
        (not eligible.collateral or any(c in held for c in eligible.collateral))
        and (not eligible.sizes or size in eligible.sizes)
        and (not eligible.region_codes or any(region_covers(r, region_code) for r in eligible.region_codes))
    )


def product_eligible(eligible: Eligible, product_type: str) -> bool:
    return not eligible.product_types or product_type in eligible.product_types


@dataclass(frozen=True)
class Offer:
    """An interest programme as matching estimates it: its terms, who it is for, and what it has
    already paid this enterprise this year and has left in its budget."""

    terms: Terms
    eligible: Eligible
    used: Used


def estimate(interest_fen: int, product_type: str, offers: Sequence[Offer]) -> int:
    """What the interest programmes the enterprise qualifies for would pay on ``interest_fen``;
    each pays on the interest, and together they never pay more than the interest itself."""
    total = sum(
        payable(interest_fen, offer.terms, offer.used)
        for offer in offers
        if product_eligible(offer.eligible, product_type)
    )
    return min(total, interest_fen)
