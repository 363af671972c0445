"""Per-key token bucket (FINMATCH_RATE_LIMIT_PER_S) and failed-key attempts per client address,
in memory per gateway process."""

from __future__ import annotations

import math
import time
from collections import OrderedDict, deque
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


class FailedAttempts:
    """Failed authentications per client address in a sliding window (CONTRACT §1, "Failed API keys").

    More than ``limit`` failures within ``window_s`` from one address and its next failure is a
    429; a request with a valid key is never refused by this (the caller checks the key first).
    In memory per gateway process; at most ``max_clients`` addresses are tracked (oldest out).
    """

    def __init__(self, limit: int = 100, window_s: float = 60.0, max_clients: int = 100_000) -> None:
        self.limit = limit
        self.window_s = window_s
        self.max_clients = max_clients
        self._failures: OrderedDict[str, deque[float]] = OrderedDict()

    def fail(self, client: str, now: float | None = None) -> float:
        """Record a failure; 0 while within the limit, else the seconds until it is again."""
        at = now if now is not None else time.monotonic()
        times = self._failures.pop(client, None) or deque(maxlen=self.limit + 1)
        times.append(at)
        self._failures[client] = times
        while len(self._failures) > self.max_clients:
            self._failures.popitem(last=False)
        recent = [t for t in times if at - t < self.window_s]
        if len(recent) <= self.limit:
            return 0.0
        return max(0.0, recent[0] + self.window_s - at)
