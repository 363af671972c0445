"""A demand's status and overdue flag from its routes and the banks' answers (CONTRACT §5)."""

from __future__ import annotations

from datetime import date

from services.loan_match.rules.demand_state import Answer, has_decided, is_overdue, status

DUE = date(2025, 10, 16)


def test_status_follows_routes_and_answers() -> None:
    assert status([], []) == "unmatched"
    assert status(["b1", "b2"], [Answer("b1", "declined")]) == "open"
    assert status(["b1", "b2"], [Answer("b1", "declined"), Answer("b2", "need_info")]) == "responded"
    assert status(["b1", "b2"], [Answer("b2", "accepted")]) == "accepted"


def test_overdue_only_after_the_day_with_a_bank_that_has_not_decided() -> None:
    late = date(2025, 10, 17)
    assert not is_overdue(["b1"], [], DUE, DUE)
    assert is_overdue(["b1"], [], DUE, late)
    assert not is_overdue([], [], DUE, late)
    assert not is_overdue(["b1"], [Answer("b1", "declined")], DUE, late)
    assert not is_overdue(["b1"], [Answer("b1", "accepted")], DUE, late)


def test_need_info_does_not_stop_the_clock() -> None:
    late = date(2025, 10, 17)
    assert is_overdue(["b1"], [Answer("b1", "need_info")], DUE, late)
    assert not is_overdue(["b1"], [Answer("b1", "need_info")], DUE, DUE)
    assert not is_overdue(["b1"], [Answer("b1", "need_info"), Answer("b1", "declined")], DUE, late)
    # Another bank's decision does not settle this one's.
    assert is_overdue(["b1", "b2"], [Answer("b2", "accepted"), Answer("b1", "need_info")], DUE, late)


def test_asking_for_information_is_not_a_decision() -> None:
    assert not has_decided("b1", [Answer("b1", "need_info"), Answer("b2", "accepted")])
    assert has_decided("b1", [Answer("b1", "declined")])
