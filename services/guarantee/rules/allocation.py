"""Splitting money along the chain to the fen (CONTRACT §4 allocation rule). Pure.

An outstanding amount, a default's losses and each recovery (追偿) are split by the agreement's
shares with the largest-remainder rule, ties in the order bank, guarantor, provincial, national."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from kit.money import BP_WHOLE, allocate
from services.guarantee.rules.chain import PARTIES, Split, ordered


def split(amount_fen: int, shares_bp: Mapping[str, int]) -> Split:
    """CONTRACT §4 allocation rule, parties in the tie order bank, guarantor, provincial, national."""
    return allocate(amount_fen, ordered(shares_bp))


@dataclass(frozen=True)
class Figures:
    """What an exposure's outstanding amount means for each party; its weight is the client's
    (``rules.weights``: 融资担保责任余额计量办法 weighs by the client's balance, not by one loan)."""

    shares_fen: Split
    guaranteed_fen: int


def figures(outstanding_fen: int, shares_bp: Mapping[str, int]) -> Figures:
    """CONTRACT §4: the outstanding split by the shares; guaranteed = outstanding − the bank's part."""
    parts = split(outstanding_fen, shares_bp)
    return Figures(parts, outstanding_fen - parts["bank"])


def released(before: Mapping[str, int], after: Mapping[str, int]) -> Split:
    """Per party, how much of its outstanding share a movement released (代偿率's 解除担保额)."""
    return {p: before[p] - after[p] for p in PARTIES}


@dataclass(frozen=True)
class DefaultOutcome:
    losses_fen: Split
    compensation_fen: int  # 代偿: paid by the guarantor to the bank


def default_outcome(outstanding_fen: int, shares_bp: Mapping[str, int]) -> DefaultOutcome:
    """A default turns the outstanding amount into losses split by the shares."""
    losses = split(outstanding_fen, shares_bp)
    return DefaultOutcome(losses, outstanding_fen - losses["bank"])


def recovery_allocation(
    *,
    recovered_before: Mapping[str, int],
    amount_fen: int,
    losses_fen: Mapping[str, int],
    shares_bp: Mapping[str, int],
) -> Split:
    """What each party gets from a recovery (追偿) of ``amount_fen``.

    CONTRACT §4: recovery n gives each party alloc(total after) − alloc(total before).
    The largest-remainder rule is not monotone (the "Alabama paradox": with shares
    3206/213/3650/2931 bp, 20 fen give the guarantor 1 fen but 21 fen give it 0), so
    taken literally a party could be handed −1 fen, or end above its loss (alloc(x) of a
    party may exceed alloc(defaulted)). We therefore take alloc(total after) as each
    party's target cumulative figure, clamp it between what the party already got
    (``recovered_before``, which is what it was really given, not alloc(total before))
    and its loss, and settle the difference this makes one fen at a time: fen still to
    hand out go to parties below their loss in the allocation rule's order for the total
    (largest remainder, then bank, guarantor, provincial, national); fen handed out too
    many are taken back, in the reverse of that order, from parties above what they
    already got. Hence: the parts sum to ``amount_fen``, none is negative, no cumulative
    figure exceeds the loss; whenever every target already lies within its bounds each
    cumulative figure is exactly alloc(total after), as the literal rule makes it; the
    recovery that reaches the defaulted amount leaves every party with exactly its loss
    (then the target is the losses split).
    """
    before = ordered(recovered_before)
    losses = ordered(losses_fen)
    total_after = sum(before.values()) + amount_fen
    if amount_fen < 0 or total_after > sum(losses.values()):
        raise ValueError("a recovery must be non-negative and stay within the defaulted amount")
    target = split(total_after, shares_bp)
    cumulative = {p: min(max(target[p], before[p]), losses[p]) for p in PARTIES}
    gap = total_after - sum(cumulative.values())
    _settle(cumulative, gap, _fen_order(total_after, shares_bp), before, losses)
    return {p: cumulative[p] - before[p] for p in PARTIES}


def _fen_order(total_fen: int, shares_bp: Mapping[str, int]) -> list[str]:
    """The parties in the order the allocation rule would favour them for the next fen of ``total_fen``."""
    remainders = {p: total_fen * shares_bp[p] % BP_WHOLE for p in PARTIES}
    return sorted(PARTIES, key=lambda p: (-remainders[p], PARTIES.index(p)))


def _settle(cumulative: Split, gap: int, order: list[str], before: Split, losses: Split) -> None:
    """Hand out (``gap`` > 0) or take back (< 0) one fen at a time, within each party's bounds."""
    while gap != 0:
        step = 1 if gap > 0 else -1
        movable = [
            p
            for p in (order if step > 0 else reversed(order))
            if (step > 0 and cumulative[p] < losses[p]) or (step < 0 and cumulative[p] > before[p])
        ]
        cumulative[movable[0]] += step
        gap -= step
