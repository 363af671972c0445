"""Process settings, read from ``FINMATCH_*`` environment variables (CONTRACT §0).

:class:`Settings` holds what every process reads: where the database and the other processes
are, the internal secret, timeouts of calls between processes, logging. A process with settings
of its own subclasses it (``gateway.settings.GatewaySettings``), so kit names no domain knob.
"""

from __future__ import annotations

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

SERVICE_NAMES = ("credit_push", "guarantee", "loan_match")
PROCESS_NAMES = ("gateway", *SERVICE_NAMES)


class _CreditPushCompat(BaseSettings):
    """Compat, this round only: credit_push's own settings, read as ``kit.settings.Settings``.

    They move to ``services/credit_push/settings.py`` (``class CreditPushSettings(Settings)``,
    this body verbatim); then ``Settings`` drops this base. Nothing outside credit_push reads them.
    """

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


class Settings(_CreditPushCompat, BaseSettings):
    model_config = SettingsConfigDict(env_prefix="FINMATCH_", extra="ignore")

    database_url: str | None = None
    # Signs the principal header services trust; no default, so no deployment shares a known one.
    internal_secret: str = ""
    host: str = "127.0.0.1"
    gateway_port: int = 8000
    credit_push_port: int = 8001
    guarantee_port: int = 8002
    loan_match_port: int = 8003
    # Where the processes reach each other; default to host + port.
    gateway_url: str | None = None
    credit_push_url: str | None = None
    guarantee_url: str | None = None
    loan_match_url: str | None = None
    # Service → service calls: short, so a caller degrades instead of hanging.
    internal_timeout_s: float = 3.0

    log_level: str = "INFO"
    db_pool_size: int = Field(default=10, ge=1)

    def port_of(self, name: str) -> int:
        port: int = getattr(self, f"{name}_port")
        return port

    def url_of(self, name: str) -> str:
        explicit: str | None = getattr(self, f"{name}_url")
        if explicit:
            return explicit.rstrip("/")
        return f"http://{self.host}:{self.port_of(name)}"

    def require_internal_secret(self) -> str:
        if len(self.internal_secret) < 16:
            raise RuntimeError("FINMATCH_INTERNAL_SECRET must be set to at least 16 characters")
        return self.internal_secret

    def require_database_url(self) -> str:
        if not self.database_url:
            raise RuntimeError("FINMATCH_DATABASE_URL is not set (postgresql+asyncpg://...)")
        return self.database_url
