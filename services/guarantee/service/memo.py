"""Per-process memos of facts that never change once stored, to save a query per request.

An institution's identity (id, org, tier, parent) and an agreement (its bank, guarantor and
shares) are fixed when created: PATCH changes only an institution's figures, which are always
read fresh under the guarantor's lock. Only hits are kept, so a new institution or agreement is
seen at once, by every process; ``forget`` drops an entry should one ever change.
"""

from __future__ import annotations

from typing import Generic, TypeVar

Key = TypeVar("Key")
Value = TypeVar("Value")

MOST = 100_000  # entries kept; past it the memo starts over (a bound, not an eviction policy)


class Memo(Generic[Key, Value]):
    def __init__(self) -> None:
        self._values: dict[Key, Value] = {}

    def get(self, key: Key) -> Value | None:
        return self._values.get(key)

    def put(self, key: Key, value: Value) -> Value:
        if len(self._values) >= MOST:
            self._values.clear()
        self._values[key] = value
        return value

    def forget(self, key: Key) -> None:
        self._values.pop(key, None)
