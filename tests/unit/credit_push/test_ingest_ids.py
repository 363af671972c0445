"""repository/ingest.py id_prefix: a batch's event and delivery ids are UUIDv7s that increase."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from services.credit_push.repository.ingest import id_prefix

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def _id(prefix: str, n: int) -> uuid.UUID:
    return uuid.UUID(prefix + f"{n:012x}")  # as the statements append the counter


def test_an_id_is_a_version_7_uuid_carrying_the_millisecond() -> None:
    made = _id(id_prefix(NOW), 1)
    assert (made.version, made.variant) == (7, uuid.RFC_4122)
    assert made.int >> 80 == int(NOW.timestamp() * 1000)


def test_a_batch_s_ids_increase_with_the_counter() -> None:
    prefix = id_prefix(NOW)
    ids = [_id(prefix, n) for n in range(1, 1000)]
    assert ids == sorted(ids)
    assert len(set(ids)) == len(ids)


def test_a_later_batch_s_ids_come_after() -> None:
    earlier = _id(id_prefix(NOW), (1 << 48) - 1)
    assert _id(id_prefix(NOW + timedelta(milliseconds=1)), 1) > earlier


def test_two_batches_in_one_millisecond_differ_in_their_random_bits() -> None:
    assert len({id_prefix(NOW) for _ in range(50)}) > 45
