"""Integer money: fen (分) and basis points. No floats anywhere (CONTRACT §1).

:func:`allocate` is CONTRACT §4's allocation rule, used for every split of an amount
by shares: each party gets floor(amount x share / 10000); the fen left over go one
each to the largest remainders, ties in the order the shares are given.
"""

from __future__ import annotations

from collections.abc import Mapping

BP_WHOLE = 10_000
FEN_PER_YUAN = 100


def div_half_up(numerator: int, denominator: int) -> int:
    """numerator / denominator rounded half up, for non-negative integers."""
    if denominator <= 0 or numerator < 0:
        raise ValueError("div_half_up takes a non-negative numerator and a positive denominator")
    return (2 * numerator + denominator) // (2 * denominator)


def apply_bp(amount_fen: int, rate_bp: int) -> int:
    """amount x rate_bp / 10000, rounded half up to the fen."""
    return div_half_up(amount_fen * rate_bp, BP_WHOLE)


def ratio_bp(part: int, whole: int) -> int:
    """part / whole in basis points, rounded half up; 0 when whole is 0."""
    if whole == 0:
        return 0
    return div_half_up(part * BP_WHOLE, whole)


def allocate(amount_fen: int, shares_bp: Mapping[str, int]) -> dict[str, int]:
    """Split ``amount_fen`` by ``shares_bp`` (which sum to 10000); parts sum to the amount exactly.

    Ties among equal remainders go to the party listed first in ``shares_bp``.
    """
    if amount_fen < 0:
        raise ValueError("amount must not be negative")
    if any(share < 0 for share in shares_bp.values()) or sum(shares_bp.values()) != BP_WHOLE:
        raise ValueError("shares must be non-negative and sum to exactly 10000 bp")
    parts = {name: amount_fen * share // BP_WHOLE for name, share in shares_bp.items()}
    remainders = {name: amount_fen * share % BP_WHOLE for name, share in shares_bp.items()}
    left = amount_fen - sum(parts.values())
    order = list(shares_bp)
    by_remainder = sorted(order, key=lambda name: (-remainders[name], order.index(name)))
    for name in by_remainder[:left]:
        parts[name] += 1
    return parts


def yuan(amount_yuan: int) -> int:
    """Whole yuan to fen, for readable limits in code (``yuan(5_000_000)``)."""
    return amount_yuan * FEN_PER_YUAN
