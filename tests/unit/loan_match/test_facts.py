"""rules/facts.py: the facts eligibility works on, and the criteria every check names."""

from __future__ import annotations

from services.loan_match.rules.facts import ALL_SIZES, CRITERIA, RATING_ORDER, Check, Outcome
from services.loan_match.rules.reasons import REASONS


def test_an_outcome_is_eligible_only_without_a_failed_criterion() -> None:
    met = Check("amount", "amount 10 is within 1 to 20")
    missed = Check("term", "term 40 months is outside 6 to 36 months")
    assert Outcome(passed=(met,), failed=()).eligible
    assert not Outcome(passed=(met,), failed=(missed,)).eligible


def test_checks_are_equal_by_their_criterion_and_detail_alone() -> None:
    # A query describes each distinct check once, whatever code or values it was worded from.
    worded = Check("size", "size micro is one of micro", code="size.in", values=(("size", "micro"),))
    assert worded == Check("size", "size micro is one of micro")
    assert worded != Check("size", "size small is one of micro")


def test_every_criterion_has_its_sentences_and_every_sentence_a_criterion() -> None:
    named = {code.split(".", 1)[0] for code in REASONS}
    assert named == set(CRITERIA)
    assert len(CRITERIA) == 13


def test_products_serve_micro_small_and_medium_and_ratings_go_best_first() -> None:
    assert ALL_SIZES == ("micro", "small", "medium")
    assert RATING_ORDER == ("A", "B", "M")
