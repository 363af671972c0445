"""Every reason code has its English template in the catalogue exactly as the rules write it,
and a Chinese one speaking of the same values (rules/reasons.py, CONTRACT §1 "Language")."""

from __future__ import annotations

import string

from kit import i18n
from services.loan_match.rules.reasons import REASONS, reason


def _names(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_each_code_is_catalogued_in_both_languages_with_the_same_values() -> None:
    for code, english in REASONS.items():
        assert i18n.text(f"reason:{code}", "en") == english, code
        chinese = i18n.text(f"reason:{code}", "zh")
        assert chinese is not None, code
        assert _names(chinese) == _names(english), code


def test_a_check_carries_its_code_and_values() -> None:
    check = reason("term", "term.outside", term=12, min=24, max=36)
    assert check.detail == "term 12 months is outside 24 to 36 months"
    assert (check.code, dict(check.values)) == ("term.outside", {"term": "12", "min": "24", "max": "36"})
