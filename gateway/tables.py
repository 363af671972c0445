"""The gateway's tables (schema ``gateway``): orgs and their API keys, the platform's identity,
and the limit counters its replicas share."""

from __future__ import annotations

import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from kit.idempotency import idempotency_table

SCHEMA = "gateway"
metadata = sa.MetaData(schema=SCHEMA)
idempotency_keys = idempotency_table(metadata, SCHEMA)


class Org(SQLModel, table=True):
    __tablename__ = "orgs"
    __table_args__ = {"schema": SCHEMA}

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    name: str
    role: str
    created_at: datetime = Field(sa_type=sa.DateTime(timezone=True))


class ApiKey(SQLModel, table=True):
    __tablename__ = "api_keys"
    __table_args__ = {"schema": SCHEMA}

    id: uuid.UUID = Field(primary_key=True)
    org_id: uuid.UUID = Field(foreign_key=f"{SCHEMA}.orgs.id", index=True)
    # sha256 of the secret part; the key itself is shown once and never stored.
    secret_hash: str
    created_at: datetime = Field(sa_type=sa.DateTime(timezone=True))
    revoked_at: datetime | None = Field(default=None, sa_type=sa.DateTime(timezone=True))
    # Written lazily (gateway.keycache): at most about once a minute per key, off the request path.
    last_used_at: datetime | None = Field(default=None, sa_type=sa.DateTime(timezone=True))


# Requests per (limit scope, bucket, window), summed by every gateway replica (gateway.limitsync).
limit_counters = sa.Table(
    "limit_counters",
    metadata,
    sa.Column("scope", sa.Text(), primary_key=True),
    sa.Column("bucket", sa.Text(), primary_key=True),
    sa.Column("window_index", sa.BigInteger(), primary_key=True),
    sa.Column("hits", sa.BigInteger(), nullable=False),
    sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False, index=True),
    prefixes=["UNLOGGED"],
)
