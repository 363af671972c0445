"""What happens after a webhook attempt (CONTRACT §3): delivered, retried later, or failed. Pure.

A 2xx delivers; 410 Gone fails the delivery and pauses the subscription; anything else
(another status, a timeout, a transport error) waits the next step of the retry schedule.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class AttemptResult:
    """How one HTTP attempt ended: a status code, or a transport error (code None)."""

    status_code: int | None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300

    @property
    def gone(self) -> bool:
        return self.status_code == 410


@dataclass(frozen=True)
class Decision:
    status: str  # delivered | pending | failed
    next_attempt_at: datetime | None
    round_failures: int
    pause_subscription: bool = False


def decide(result: AttemptResult, round_failures: int, schedule: Sequence[int], now: datetime) -> Decision:
    """After an attempt: delivered on 2xx; 410 fails it and pauses the subscription; else retry.

    ``schedule[n]`` is the wait after the (n+1)th failure of this round; when it runs out
    the delivery is `failed` (and stays replayable).
    """
    if result.ok:
        return Decision("delivered", None, round_failures)
    failures = round_failures + 1
    if result.gone:
        return Decision("failed", None, failures, pause_subscription=True)
    if round_failures < len(schedule):
        return Decision("pending", now + timedelta(seconds=schedule[round_failures]), failures)
    return Decision("failed", None, failures)


def still_failing(was_failing: bool, results: Sequence[AttemptResult]) -> bool:
    """Whether a receiver counts as failing after these answers (the throttle of CONTRACT §3's
    "one bad receiver never delays the others"): any success ends it, answers that are all
    failures start it; no answers change nothing."""
    if any(r.ok for r in results):
        return False
    return was_failing or bool(results)
