"""rules/vocabulary.py: the closed sets of words the API validates are the ones the rules act on."""

from __future__ import annotations

from typing import get_args

from services.loan_match.rules import size
from services.loan_match.rules.vocabulary import ClaimStatus, Decision, SizeName


def test_a_product_serves_every_size_the_classifier_gives_but_large() -> None:
    assert set(get_args(SizeName)) == set(get_args(size.Size)) - {"large"}


def test_a_bank_decides_with_accept_or_decline_and_may_ask_for_more() -> None:
    assert set(get_args(Decision)) == {"accepted", "declined", "need_info"}


def test_a_claim_is_filed_then_approved_or_refused() -> None:
    assert get_args(ClaimStatus) == ("filed", "approved", "refused")
