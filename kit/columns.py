"""Column factories for a service's tables: the shapes every table repeats, spelled once.

Each returns a new ``sa.Column`` (a column belongs to one table), NOT NULL unless ``nullable``.
Times are ``timestamptz``; amounts of money are integer fen in a ``bigint`` (never float).
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import UUID

TIMESTAMP = sa.DateTime(timezone=True)


def id_key(name: str = "id") -> sa.Column[Any]:
    """A UUID primary key."""
    return sa.Column(name, UUID(as_uuid=True), primary_key=True)


def uuid(name: str, *, nullable: bool = False) -> sa.Column[Any]:
    return sa.Column(name, UUID(as_uuid=True), nullable=nullable)


def text(name: str, *, nullable: bool = False) -> sa.Column[Any]:
    return sa.Column(name, sa.Text, nullable=nullable)


def integer(name: str, *, nullable: bool = False) -> sa.Column[Any]:
    return sa.Column(name, sa.Integer, nullable=nullable)


def big(name: str, *, nullable: bool = False) -> sa.Column[Any]:
    """A ``bigint``: a counter or sequence number that may outgrow 2**31."""
    return sa.Column(name, sa.BigInteger, nullable=nullable)


def fen(name: str, *, nullable: bool = False) -> sa.Column[Any]:
    """An amount of money in integer fen."""
    return sa.Column(name, sa.BigInteger, nullable=nullable)


def flag(name: str, *, nullable: bool = False) -> sa.Column[Any]:
    return sa.Column(name, sa.Boolean, nullable=nullable)


def day(name: str, *, nullable: bool = False) -> sa.Column[Any]:
    return sa.Column(name, sa.Date, nullable=nullable)


def moment(name: str, *, nullable: bool = False) -> sa.Column[Any]:
    """A ``timestamptz``."""
    return sa.Column(name, TIMESTAMP, nullable=nullable)


def created_at() -> sa.Column[Any]:
    return moment("created_at")


def updated_at() -> sa.Column[Any]:
    return moment("updated_at")
