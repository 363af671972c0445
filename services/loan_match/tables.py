"""Tables of the loan_match service, all in its own PostgreSQL schema `loan_match`."""

from __future__ import annotations

import sqlalchemy as sa

from kit.idempotency import idempotency_table

SCHEMA = "loan_match"
metadata = sa.MetaData(schema=SCHEMA)

idempotency_keys = idempotency_table(metadata, SCHEMA)
