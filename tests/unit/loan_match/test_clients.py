"""Reading credit_push's refusals of the internal rating read (CONTRACT §3): pure parsing."""

from __future__ import annotations

import pytest

from services.loan_match.clients import refusal, refused
from services.loan_match.rules.eligibility import Answer

BASE = "https://finmatch.example/problems/"


@pytest.mark.parametrize(
    ("body", "answer"),
    [
        ({"type": BASE + "not-authorised-by-enterprise", "status": 404}, Answer.NOT_AUTHORISED),
        ({"type": BASE + "not-found", "status": 404}, Answer.NONE),
        ({"type": "not-found"}, Answer.NONE),
        # Anything we cannot read shows nothing and degrades, never "authorised".
        ({"type": BASE + "something-else"}, Answer.UNAVAILABLE),
        ({"type": 404}, Answer.UNAVAILABLE),
        ({}, Answer.UNAVAILABLE),
        (None, Answer.UNAVAILABLE),
        ([BASE + "not-found"], Answer.UNAVAILABLE),
        ("not-found", Answer.UNAVAILABLE),
    ],
)
def test_refusal(body: object, answer: Answer) -> None:
    assert refusal(body) is answer


@pytest.mark.parametrize(
    ("slug", "answer"),
    [
        ("not-authorised-by-enterprise", Answer.NOT_AUTHORISED),
        ("not-found", Answer.NONE),
        ("something-else", Answer.UNAVAILABLE),
        ("", Answer.UNAVAILABLE),
        (None, Answer.UNAVAILABLE),
    ],
)
def test_refused_in_match_facts(slug: str | None, answer: Answer) -> None:
    """The match-facts read names its refusal by the same slugs."""
    assert refused(slug) is answer
