"""Tables of the guarantee service, all in its own PostgreSQL schema `guarantee`."""

from __future__ import annotations

import sqlalchemy as sa

from kit.idempotency import idempotency_table

SCHEMA = "guarantee"
metadata = sa.MetaData(schema=SCHEMA)

idempotency_keys = idempotency_table(metadata, SCHEMA)
