"""The guarantee chain's rules, as pure functions on integers (fen and bp). No I/O.

Sources (see ``reference/domain-facts.md`` §3–4):

- 国办发〔2019〕6号: three layers 国家融资担保基金 → 省级再担保 → 辖内融担机构; the national
  fund and the bank each bear at least 20%, the provincial re-guarantor no less than the
  national fund (the fund's share may rise to 40% in special programmes, 2024 科创 plan).
- 融资担保公司监督管理条例 (国务院令第683号): 融资担保责任余额 ≤ 10 × net assets (up to 15 ×);
  outstanding liability for one client ≤ 10% of net assets (art. 16).
- 融资担保责任余额计量办法 (银保监发〔2018〕1号): a small-micro client whose 单户在保余额 is ≤ 500万
  weighs 75%, other loan guarantees 100% (``rules.weights``).
- 财金〔2025〕11号: policy business is single client ≤ 1000万 (``rules.weights``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from kit.money import BP_WHOLE, allocate, yuan

# Every split lists the parties in this order: it is also the tie order of the allocation rule.
PARTIES = ("bank", "guarantor", "provincial", "national")
Split = dict[str, int]

# The three tiers of the chain, top down, and the life of an exposure.
Tier = Literal["national_fund", "provincial", "local"]
Status = Literal["active", "repaid", "compensated"]

DEFAULT_LEVERAGE_MULTIPLE = 10  # Decree 683: 10 × net assets
MAX_LEVERAGE_MULTIPLE = 15  # raised ceiling for guarantors meeting the small-micro test

BANK_MIN_BP = 2_000  # 国办发〔2019〕6号: the bank bears at least 20%
NATIONAL_MIN_BP = 2_000  # ... and so does the national fund
NATIONAL_MAX_BP = 4_000  # 2024 科创 plan: the fund's share rises to at most 40%

POLICY_SCOPE_MAX_FEN = yuan(10_000_000)  # 财金〔2025〕11号: single client ≤ 1000万
SMALL_LOAN_MAX_FEN = yuan(5_000_000)  # 计量办法: 75% up to this 单户在保余额; the ≤ 500万 policy share
SMALL_MICRO_WEIGHT_BP = 7_500
SINGLE_CLIENT_CAP_BP = 1_000  # Decree 683 art. 16: one client ≤ 10% of net assets


@dataclass(frozen=True)
class Violation:
    """A broken rule: ``slug`` is the problem type, ``detail`` says what to change."""

    slug: str
    detail: str


def ordered(shares: Mapping[str, int]) -> Split:
    return {party: shares[party] for party in PARTIES}


def check_shares(shares: Mapping[str, int]) -> Violation | None:
    """The first broken invariant of 国办发〔2019〕6号 for an agreement's shares, else None."""
    bank, guarantor = shares["bank"], shares["guarantor"]
    provincial, national = shares["provincial"], shares["national"]
    if min(bank, guarantor, provincial, national) < 0:
        return Violation("negative-share", "Every share must be 0 bp or more.")
    if bank < BANK_MIN_BP:
        return Violation(
            "bank-share-too-low",
            f"The bank must bear at least {BANK_MIN_BP} bp (国办发〔2019〕6号); got {bank}.",
        )
    if not NATIONAL_MIN_BP <= national <= NATIONAL_MAX_BP:
        return Violation(
            "national-share-out-of-range",
            f"The national fund bears {NATIONAL_MIN_BP} to {NATIONAL_MAX_BP} bp "
            f"(国办发〔2019〕6号); got {national}.",
        )
    if provincial < national:
        return Violation(
            "provincial-share-below-national",
            f"The provincial re-guarantor must bear no less than the national fund "
            f"(国办发〔2019〕6号); got provincial {provincial} < national {national}.",
        )
    total = bank + guarantor + provincial + national
    if total != BP_WHOLE:
        return Violation(
            "shares-do-not-sum-to-10000",
            f"The shares must sum to exactly {BP_WHOLE} bp; they sum to {total}.",
        )
    return None


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


def capacity(net_assets_fen: int, leverage_multiple: int) -> int:
    return max(0, net_assets_fen) * leverage_multiple


def headroom(net_assets_fen: int, leverage_multiple: int, liability_fen: int) -> int:
    return max(0, capacity(net_assets_fen, leverage_multiple) - liability_fen)


def single_client_cap(net_assets_fen: int) -> int:
    """10% of net assets, rounded down: a total x passes exactly when 10·x ≤ net assets."""
    return max(0, net_assets_fen) * SINGLE_CLIENT_CAP_BP // BP_WHOLE


@dataclass(frozen=True)
class LimitBreach:
    slug: str
    detail: str
    limit_fen: int
    current_fen: int
    requested_fen: int


def check_limits(
    *,
    net_assets_fen: int,
    leverage_multiple: int,
    liability_fen: int,
    client_liability_fen: int,
    requested_fen: int,
) -> LimitBreach | None:
    """Leverage first, then single client (CONTRACT §4 order); None when both hold."""
    limit = capacity(net_assets_fen, leverage_multiple)
    if liability_fen + requested_fen > limit:
        return LimitBreach(
            "leverage-limit-exceeded",
            "The guarantor's weighted liability would exceed net assets × leverage multiple "
            "(融资担保公司监督管理条例).",
            limit,
            liability_fen,
            requested_fen,
        )
    cap = single_client_cap(net_assets_fen)
    if client_liability_fen + requested_fen > cap:
        return LimitBreach(
            "single-client-limit-exceeded",
            "The guarantor's weighted liability to this client would exceed 10% of net assets "
            "(融资担保公司监督管理条例 art. 16).",
            cap,
            client_liability_fen,
            requested_fen,
        )
    return None


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
