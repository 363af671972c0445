"""The client's weights and the judgement of a new exposure against the limits. Pure, no I/O.

- 融资担保责任余额计量办法 (银保监发〔2018〕1号, reference/domain-facts.md §4.2 and §9): a loan
  guarantee for a small-micro enterprise weighs 75% when the client's 单户在保余额 with that
  guarantor (its outstanding loan balance under guarantee, summed over its loans) is at most
  500万元, else 100%. The client's balance decides, not one loan's principal, so every active
  exposure of the client is re-weighed whenever one of them is registered, repaid or defaulted.
- 融资担保公司监督管理条例 (国务院令第683号, §4.1): leverage and single-client limits are judged on
  the weighted balance (the recomputed weights: the request is the rise of the guarantor's total).
- 财金〔2025〕11号 (§3.4): the national fund's policy scope is single client ≤ 1000万元, the client's
  principal over its active exposures with the guarantor, the new one included.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kit.money import apply_bp
from services.guarantee.rules.limits import (
    POLICY_SCOPE_MAX_FEN,
    SMALL_LOAN_MAX_FEN,
    SMALL_MICRO_WEIGHT_BP,
    LimitBreach,
    check_limits,
)


@dataclass(frozen=True)
class Held:
    """One active exposure of a client with a guarantor, as the weighting sees it."""

    outstanding_fen: int
    guaranteed_fen: int
    small_micro: bool
    principal_fen: int = 0
    weighted_fen: int = 0  # the weight stored now (what the guarantor's total holds for it)


def weight(held: Held, client_outstanding_fen: int) -> int:
    """计量办法: 75% (half up) for a small-micro client whose 单户在保余额 is ≤ 500万, else 100%."""
    if held.small_micro and client_outstanding_fen <= SMALL_LOAN_MAX_FEN:
        return apply_bp(held.guaranteed_fen, SMALL_MICRO_WEIGHT_BP)
    return held.guaranteed_fen


def client_weights(held: Sequence[Held]) -> list[int]:
    """The weight of each of a client's active exposures with one guarantor, in the order given."""
    balance = sum(h.outstanding_fen for h in held)
    return [weight(h, balance) for h in held]


@dataclass(frozen=True)
class Guarantor:
    """The locked guarantor's figures: its limits and its running weighted total."""

    net_assets_fen: int
    leverage_multiple: int
    liability_fen: int


@dataclass(frozen=True)
class Judgement:
    """What registering a loan would do: the client's new weights (held ones, then the new one)."""

    weights: list[int]
    requested_fen: int  # the rise of the guarantor's total, after re-weighing the client
    in_scope: bool
    breach: LimitBreach | None

    @property
    def passes(self) -> bool:
        return self.in_scope and self.breach is None


def judge_registration(guarantor: Guarantor, held: Sequence[Held], new: Held) -> Judgement:
    """Registration and the capacity read both ask this, so they can never disagree."""
    weights = client_weights([*held, new])
    current_client = sum(h.weighted_fen for h in held)
    requested = sum(weights) - current_client
    in_scope = sum(h.principal_fen for h in held) + new.principal_fen <= POLICY_SCOPE_MAX_FEN
    breach = check_limits(
        net_assets_fen=guarantor.net_assets_fen,
        leverage_multiple=guarantor.leverage_multiple,
        liability_fen=guarantor.liability_fen,
        client_liability_fen=current_client,
        requested_fen=requested,
    )
    return Judgement(weights, requested, in_scope, breach)
