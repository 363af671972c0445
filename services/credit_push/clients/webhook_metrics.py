"""credit_push's own metrics: its webhook attempts (docs/operations.md, "Metrics"), on the
process's registry through kit.metrics.own (kit knows no webhooks)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from prometheus_client import CollectorRegistry, Counter, Histogram

from kit import metrics

# An attempt takes up to the webhook timeout (15 s by default); lag may be hours of retries.
ATTEMPT_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15, 30)
LAG_BUCKETS = (0.5, 1, 2, 5, 10, 30, 60, 300, 1800, 3600, 7200, 21600, 86400)


@dataclass(frozen=True)
class WebhookMetrics:
    attempts: Counter
    seconds: Histogram
    lag: Histogram


def declare(registry: CollectorRegistry) -> WebhookMetrics:
    return WebhookMetrics(
        Counter(
            "finmatch_webhook_attempts", "HTTP attempts to deliver webhooks", ["outcome"], registry=registry
        ),
        Histogram(
            "finmatch_webhook_attempt_duration_seconds",
            "Time one webhook attempt took",
            ["outcome"],
            buckets=ATTEMPT_BUCKETS,
            registry=registry,
        ),
        Histogram(
            "finmatch_webhook_delivery_lag_seconds",
            "Time from an event's creation to its successful delivery",
            buckets=LAG_BUCKETS,
            registry=registry,
        ),
    )


def attempt(outcome: str, seconds: float, event_created_at: str | datetime | None = None) -> None:
    """One webhook attempt: ``delivered``, ``retry`` (``pending`` is read as retry) or ``failed``.

    With ``event_created_at`` (RFC 3339 or a datetime), a delivered attempt also records the
    delivery lag, the time from the event's creation to now.
    """
    if (m := metrics.own(declare)) is None:
        return
    outcome = "retry" if outcome == "pending" else outcome
    m.attempts.labels(outcome).inc()
    m.seconds.labels(outcome).observe(max(seconds, 0.0))
    if outcome == "delivered" and event_created_at is not None:
        created = (
            datetime.fromisoformat(event_created_at.replace("Z", "+00:00"))
            if isinstance(event_created_at, str)
            else event_created_at
        )
        m.lag.observe(max((datetime.now(UTC) - created).total_seconds(), 0.0))
