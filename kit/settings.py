"""Process settings, read from ``FINMATCH_*`` environment variables (CONTRACT §0).

:class:`Settings` holds what every process reads: where the database and the other processes
are, this process's signing key and the keys it trusts, timeouts of calls between processes,
logging. A process with settings of its own subclasses it (``gateway.settings.GatewaySettings``),
so kit names no domain knob.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

SERVICE_NAMES = ("credit_push", "guarantee", "loan_match")
PROCESS_NAMES = ("gateway", *SERVICE_NAMES)


class Settings(BaseSettings):
    # Empty values count as unset: the compose file passes "" for every variable it does not set.
    model_config = SettingsConfigDict(env_prefix="FINMATCH_", extra="ignore", env_ignore_empty=True)

    database_url: str | None = None
    # FINMATCH_SIGNING_KEY: this process's own Ed25519 private key (base64 of the 32-byte seed);
    # FINMATCH_TRUSTED_KEYS: "issuer:base64pub" entries, several per issuer during a rotation
    # (kit.credentials). No defaults, so no deployment shares a known key; /readyz says when unset.
    signing_key: str = ""
    trusted_keys: str = ""
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
    # json (one object a line, for collectors) or text (one readable line, for a terminal).
    log_format: Literal["json", "text"] = "json"
    db_pool_size: int = Field(default=10, ge=1)
    # A statement running longer is cancelled by PostgreSQL, so no request holds a connection forever.
    db_statement_timeout_ms: int = Field(default=10_000, ge=0)
    # /metrics is served on each process's port plus this offset (CONTRACT §0); 0 turns it off.
    metrics_offset: int = Field(default=100, ge=0)

    def port_of(self, name: str) -> int:
        port: int = getattr(self, f"{name}_port")
        return port

    def url_of(self, name: str) -> str:
        explicit: str | None = getattr(self, f"{name}_url")
        if explicit:
            return explicit.rstrip("/")
        return f"http://{self.host}:{self.port_of(name)}"

    def require_database_url(self) -> str:
        if not self.database_url:
            raise RuntimeError("FINMATCH_DATABASE_URL is not set (postgresql+asyncpg://...)")
        return self.database_url
