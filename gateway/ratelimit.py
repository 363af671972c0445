"""Per-key token bucket (FINMATCH_RATE_LIMIT_PER_S), in memory per gateway process."""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field


@dataclass
class _Bucket:
    tokens: float
    updated: float


@dataclass
class TokenBuckets:
    """``rate`` tokens per second, bursts up to one second's worth (at least one request)."""

    rate: float
    _buckets: dict[str, _Bucket] = field(default_factory=dict, repr=False)

    @property
    def burst(self) -> float:
        return max(1.0, self.rate)

    def take(self, key: str, now: float | None = None) -> float:
        """0 when the request may pass, else the seconds to wait before one may."""
        at = now if now is not None else time.monotonic()
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = self._buckets[key] = _Bucket(self.burst, at)
        bucket.tokens = min(self.burst, bucket.tokens + (at - bucket.updated) * self.rate)
        bucket.updated = at
        if bucket.tokens >= 1.0:
            bucket.tokens -= 1.0
            return 0.0
        return (1.0 - bucket.tokens) / self.rate

    @staticmethod
    def retry_after_header(wait_s: float) -> str:
        return str(max(1, math.ceil(wait_s)))
