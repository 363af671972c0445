"""credit_push's own settings (CONTRACT §0, §3): webhooks and how often its workers look for work."""

from __future__ import annotations

from pydantic import Field, field_validator

from kit.settings import Settings


class CreditPushSettings(Settings):
    webhook_timeout_s: float = 15.0
    webhook_retry_schedule: str = "5,300,1800,7200,18000,36000,36000"
    webhook_allow_private: bool = False
    # Deliveries of one subscription in flight at once (1 while its receiver is failing).
    webhook_max_in_flight: int = Field(default=32, ge=1)
    # How often background workers look for new work (seconds).
    poll_interval_s: float = 1.0

    @field_validator("webhook_retry_schedule")
    @classmethod
    def _schedule_is_seconds(cls, value: str) -> str:
        parts = [p.strip() for p in value.split(",") if p.strip()]
        if not all(p.isdigit() for p in parts):
            raise ValueError("FINMATCH_WEBHOOK_RETRY_SCHEDULE must be comma-separated whole seconds")
        return value

    @property
    def retry_schedule_s(self) -> tuple[int, ...]:
        return tuple(int(p) for p in self.webhook_retry_schedule.split(",") if p.strip())
