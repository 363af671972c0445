"""An agreement's risk shares (国办发〔2019〕6号). Pure.

The national fund and the bank each bear at least 20%, the provincial re-guarantor no less than
the national fund (the fund's share may rise to 40% in special programmes, 2024 科创 plan); the
shares sum to 10,000 bp."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from kit.money import BP_WHOLE

BANK_MIN_BP = 2_000  # 国办发〔2019〕6号: the bank bears at least 20%
NATIONAL_MIN_BP = 2_000  # ... and so does the national fund
NATIONAL_MAX_BP = 4_000  # 2024 科创 plan: the fund's share rises to at most 40%


@dataclass(frozen=True)
class Violation:
    """A broken rule: ``slug`` is the problem type, ``detail`` says what to change."""

    slug: str
    detail: str


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
