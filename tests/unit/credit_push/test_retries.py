"""rules/retries.py: what follows a webhook attempt."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from services.credit_push.rules.retries import AttemptResult, decide

NOW = datetime(2026, 1, 1, tzinfo=UTC)


def test_decisions() -> None:
    schedule = (5, 300)
    assert decide(AttemptResult(204), 0, schedule, NOW).status == "delivered"
    first = decide(AttemptResult(500), 0, schedule, NOW)
    assert (first.status, first.next_attempt_at, first.round_failures) == (
        "pending",
        NOW + timedelta(seconds=5),
        1,
    )
    second = decide(AttemptResult(None, "timeout"), 1, schedule, NOW)
    assert second.next_attempt_at == NOW + timedelta(seconds=300)
    assert decide(AttemptResult(302), 2, schedule, NOW).status == "failed"
    gone = decide(AttemptResult(410), 0, schedule, NOW)
    assert (gone.status, gone.pause_subscription) == ("failed", True)


@given(st.lists(st.integers(0, 100_000), max_size=10))
def test_a_failing_receiver_gets_one_attempt_plus_one_per_schedule_step(schedule: list[int]) -> None:
    attempts, failures = 0, 0
    while True:
        attempts += 1
        decision = decide(AttemptResult(503), failures, schedule, NOW)
        failures = decision.round_failures
        if decision.status != "pending":
            break
    assert decision.status == "failed"
    assert attempts == len(schedule) + 1
