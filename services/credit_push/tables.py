"""Tables of the credit_push service, all in its own PostgreSQL schema `credit_push`."""

from __future__ import annotations

import sqlalchemy as sa

from kit.idempotency import idempotency_table

SCHEMA = "credit_push"
metadata = sa.MetaData(schema=SCHEMA)

idempotency_keys = idempotency_table(metadata, SCHEMA)
