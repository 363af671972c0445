"""The gateway's own settings: the bootstrap admin key and the public edge's limits."""

from __future__ import annotations

from pydantic import Field

from kit.settings import Settings


class GatewaySettings(Settings):
    admin_key: str | None = None
    # 0 or less would divide by zero in the token bucket: every request after the first a 500.
    rate_limit_per_s: float = Field(default=50.0, gt=0)
    # A key may burst up to this many seconds' worth of its rate (the counting window).
    rate_limit_burst_s: float = Field(default=1.0, ge=1.0, le=3600.0)
    # Failed authentications from one client address per 60 s before a 429 (CONTRACT §1: 100).
    failed_auth_limit: int = Field(default=100, ge=1)
    # How often each replica adds its counts to the shared limit counters and reads the totals:
    # the replicas together may overshoot a limit by what the others admit in about this long.
    limit_sync_ms: int = Field(default=50, ge=10, le=5000)
    max_body_bytes: int = Field(default=10 * 1024 * 1024, ge=1)
    # Gateway → service: connect fast, allow a 10,000-item upload to finish.
    upstream_connect_timeout_s: float = 2.0
    upstream_timeout_s: float = 30.0
