"""The per-key rate limit (FINMATCH_RATE_LIMIT_PER_S) and the failed-key limit per client address
(FINMATCH_FAILED_AUTH_LIMIT, CONTRACT §1), shared by every gateway replica, decided in memory.

Requests are counted in fixed windows aligned on the epoch and judged by the sliding-window
estimate: the previous window's count weighted by the share of it still inside the last
``window_s`` seconds, plus the current window's. A replica decides from what it last read of
the global counts plus what it counted itself since, without a database round trip;
gateway.limitsync adds its counts to PostgreSQL and reads the totals back every sync interval.
So the replicas together admit about the limit, plus what the others admitted within one sync
interval that this one had not read yet (docs/operations.md, "Replicas and the gateway's limits").

Replicas share a counter when they share a :class:`Policy`: its scope names the limit, so a
gateway configured with another limit (a test's, or during a rollout of a new value) counts
apart instead of judging by a total it did not set.
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

# (bucket, window index): one counter row.
Slot = tuple[str, int]


@dataclass(frozen=True)
class Policy:
    """``limit`` requests per ``window_s`` seconds, counted under ``scope``."""

    scope: str
    limit: float
    window_s: float

    @classmethod
    def per_second(cls, rate: float, burst_s: float = 1.0) -> Policy:
        """``rate`` per second, bursts of up to ``burst_s`` seconds' worth (at least one request).

        Below one per ``burst_s`` the window grows to hold one request: 0.01/s is one per 100 s.
        """
        window_s = max(burst_s, 1.0 / rate)
        return cls(f"rate:{rate:g}:{window_s:g}", max(1.0, rate * window_s), window_s)

    @classmethod
    def failures(cls, limit: int, window_s: float = 60.0) -> Policy:
        """More than ``limit`` failures within ``window_s`` and the next one is refused."""
        return cls(f"auth:{limit}:{window_s:g}", float(limit), window_s)


def retry_after_header(wait_s: float) -> str:
    return str(max(1, math.ceil(wait_s)))


class SharedCounter:
    """One policy's counters as this replica knows them: global totals read, plus its own counts.

    ``known`` totals come from the database (and include this replica's counts already sent);
    ``pending`` counts are not sent yet, ``sending`` ones are on their way. At most
    ``max_buckets`` buckets are tracked (least recently used out).
    """

    def __init__(
        self, policy: Policy, clock: Callable[[], float] = time.time, max_buckets: int = 100_000
    ) -> None:
        self.policy = policy
        self.clock = clock
        self.max_buckets = max_buckets
        self._known: dict[Slot, int] = {}
        self._pending: dict[Slot, int] = {}
        self._sending: dict[Slot, int] = {}
        self._buckets: OrderedDict[str, int] = OrderedDict()  # bucket -> last window it was counted in

    def hit(self, bucket: str, now: float | None = None) -> float:
        """A request for ``bucket``: 0 when the limit allows it (then it is counted), else the
        seconds to wait before one would pass (and it is not counted)."""
        at = self.clock() if now is None else now
        wait = self._wait(bucket, at)
        if wait == 0.0:
            self._count(bucket, at)
        return wait

    def record(self, bucket: str, now: float | None = None) -> float:
        """A failure for ``bucket``, always counted: 0 while within the limit, else the seconds
        until one more would be."""
        at = self.clock() if now is None else now
        wait = self._wait(bucket, at)
        self._count(bucket, at)
        return wait

    def _total(self, slot: Slot) -> int:
        return self._known.get(slot, 0) + self._pending.get(slot, 0) + self._sending.get(slot, 0)

    def _wait(self, bucket: str, at: float) -> float:
        window_s, limit = self.policy.window_s, self.policy.limit
        index = int(at // window_s)
        elapsed = at / window_s - index  # share of the current window gone, 0..1
        current = self._total((bucket, index))
        previous = self._total((bucket, index - 1))
        if previous * (1.0 - elapsed) + current + 1.0 <= limit:
            return 0.0
        room = limit - 1.0
        if current <= room:
            # The previous window's weight has to fade until one more fits.
            fade_to = 1.0 - (room - current) / previous
            return max(0.0, (fade_to - elapsed) * window_s)
        # Only in a later window, once this one's weight has faded enough.
        fade_to = 1.0 - max(0.0, room) / current
        return ((1.0 - elapsed) + fade_to) * window_s

    def _count(self, bucket: str, at: float) -> None:
        index = int(at // self.policy.window_s)
        slot = (bucket, index)
        self._pending[slot] = self._pending.get(slot, 0) + 1
        self._buckets[bucket] = index
        self._buckets.move_to_end(bucket)
        while len(self._buckets) > self.max_buckets:
            evicted, _ = self._buckets.popitem(last=False)
            self._forget(evicted)

    def _forget(self, bucket: str) -> None:
        for table in (self._known, self._pending, self._sending):
            for slot in [slot for slot in table if slot[0] == bucket]:
                del table[slot]

    def take(self, now: float | None = None) -> list[tuple[str, int, int]]:
        """What to send: ``(bucket, window, count since the last send)`` for the current and the
        previous window of every bucket counted in either (0: just read the total back).

        Moves the pending counts to "sending" until :meth:`settle` or :meth:`unsent`.
        """
        at = self.clock() if now is None else now
        index = int(at // self.policy.window_s)
        self._prune(index)
        for slot, count in self._pending.items():
            self._sending[slot] = self._sending.get(slot, 0) + count
        self._pending = {}
        rows = {slot: count for slot, count in self._sending.items()}
        for bucket in self._buckets:
            for window in (index - 1, index):
                rows.setdefault((bucket, window), 0)
        return [(bucket, window, count) for (bucket, window), count in rows.items()]

    def settle(self, totals: list[tuple[str, int, int]]) -> None:
        """The totals the database answered (they include what was sent)."""
        self._sending = {}
        for bucket, window, total in totals:
            slot = (bucket, window)
            if bucket in self._buckets:
                self._known[slot] = max(self._known.get(slot, 0), total)

    def unsent(self) -> None:
        """The send failed: its counts go out with the next one."""
        for slot, count in self._sending.items():
            self._pending[slot] = self._pending.get(slot, 0) + count
        self._sending = {}

    def _prune(self, index: int) -> None:
        """Forget windows older than the previous one, and buckets not counted in either."""
        for table in (self._known, self._pending):
            for slot in [slot for slot in table if slot[1] < index - 1]:
                del table[slot]
        for bucket in [bucket for bucket, last in self._buckets.items() if last < index - 1]:
            del self._buckets[bucket]
            self._forget(bucket)

    def __len__(self) -> int:
        return len(self._buckets)
