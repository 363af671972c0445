"""kit.columns: each factory gives a new column of the type and nullability it names."""

from __future__ import annotations

import sqlalchemy as sa

from kit import columns as col


def test_columns_are_not_null_unless_asked() -> None:
    assert col.text("name").nullable is False
    assert col.text("name", nullable=True).nullable is True


def test_id_key_is_a_uuid_primary_key() -> None:
    key = col.id_key()
    assert key.name == "id"
    assert key.primary_key
    assert key.type.__class__.__name__ == "UUID"


def test_money_is_integer_fen_and_times_are_aware() -> None:
    assert isinstance(col.fen("amount_fen").type, sa.BigInteger)
    created = col.created_at()
    assert created.name == "created_at"
    assert isinstance(created.type, sa.DateTime)
    assert created.type.timezone


def test_each_call_is_a_new_column() -> None:
    assert col.created_at() is not col.created_at()
