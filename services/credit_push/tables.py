"""Tables of the credit_push service, all in its own PostgreSQL schema `credit_push`.

Core tables (no ORM): every path here is set-based SQL in the ``repository`` package.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID

from kit.idempotency import idempotency_table

SCHEMA = "credit_push"
metadata = sa.MetaData(schema=SCHEMA)

idempotency_keys = idempotency_table(metadata, SCHEMA)

TS = sa.DateTime(timezone=True)

# One row per enterprise and evaluation year; the current rating is the latest year.
ratings = sa.Table(
    "ratings",
    metadata,
    sa.Column("uscc", sa.Text, primary_key=True),
    sa.Column("year", sa.Integer, primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("rating", sa.Text, nullable=False),
    sa.Column("region_code", sa.Text, nullable=True),
    sa.Column("avg_annual_tax_fen", sa.BigInteger, nullable=True),
    # The tax authority's own small-and-micro mark (CONTRACT §3 stats, 受益户数比例); null: not said.
    sa.Column("small_micro", sa.Boolean, nullable=True),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("created_at", TS, nullable=False),
    sa.Column("updated_at", TS, nullable=False),
)

# Banks this service has learned from the gateway; next_seq is the per-bank event counter.
banks = sa.Table(
    "banks",
    metadata,
    sa.Column("org_id", UUID(as_uuid=True), primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("next_seq", sa.BigInteger, nullable=False),
    sa.Column("created_at", TS, nullable=False),
)

# The outbox: every event addressed to a bank, in its feed order.
events = sa.Table(
    "events",
    metadata,
    sa.Column("id", UUID(as_uuid=True), primary_key=True),
    sa.Column("bank_org_id", UUID(as_uuid=True), nullable=False),
    sa.Column("seq", sa.BigInteger, nullable=False),
    sa.Column("type", sa.Text, nullable=False),
    sa.Column("uscc", sa.Text, nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("data", JSONB, nullable=False),
    sa.Column("created_at", TS, nullable=False),
)

# What each bank was last told about an enterprise (row present = it holds a `published`).
bank_views = sa.Table(
    "bank_views",
    metadata,
    sa.Column("bank_org_id", UUID(as_uuid=True), primary_key=True),
    sa.Column("uscc", sa.Text, primary_key=True),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("full", sa.Boolean, nullable=False),
)

consents = sa.Table(
    "consents",
    metadata,
    sa.Column("id", UUID(as_uuid=True), primary_key=True),
    sa.Column("uscc", sa.Text, nullable=False),
    sa.Column("bank_org_id", UUID(as_uuid=True), nullable=False),
    sa.Column("partner_org_id", UUID(as_uuid=True), nullable=False),
    sa.Column("evidence_ref", sa.Text, nullable=False),
    sa.Column("expires_on", sa.Date, nullable=True),
    sa.Column("status", sa.Text, nullable=False),
    sa.Column("created_at", TS, nullable=False),
    sa.Column("ended_at", TS, nullable=True),
)

subscriptions = sa.Table(
    "subscriptions",
    metadata,
    sa.Column("id", UUID(as_uuid=True), primary_key=True),
    sa.Column("bank_org_id", UUID(as_uuid=True), nullable=False),
    sa.Column("url", sa.Text, nullable=False),
    sa.Column("status", sa.Text, nullable=False),
    sa.Column("paused_reason", sa.Text, nullable=True),
    sa.Column("min_rating", sa.Text, nullable=True),
    sa.Column("region_codes", ARRAY(sa.Text), nullable=True),
    sa.Column("secret", sa.Text, nullable=False),
    sa.Column("previous_secret", sa.Text, nullable=True),
    sa.Column("previous_secret_until", TS, nullable=True),
    # Unused since v0005 (the send lease is per delivery now: deliveries.lease_until).
    sa.Column("sending_until", TS, nullable=True),
    # The receiver's last answers were failures: it gets one delivery in flight until one succeeds.
    sa.Column("failing", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("created_at", TS, nullable=False),
    sa.Column("updated_at", TS, nullable=False),
)

# Subscriptions that were sent a `published` for an enterprise and not yet its `withdrawn`.
subscription_views = sa.Table(
    "subscription_views",
    metadata,
    sa.Column("subscription_id", UUID(as_uuid=True), primary_key=True),
    sa.Column("uscc", sa.Text, primary_key=True),
)

deliveries = sa.Table(
    "deliveries",
    metadata,
    sa.Column("id", UUID(as_uuid=True), primary_key=True),
    sa.Column("event_id", UUID(as_uuid=True), nullable=False),
    sa.Column("subscription_id", UUID(as_uuid=True), nullable=False),
    sa.Column("bank_org_id", UUID(as_uuid=True), nullable=False),
    sa.Column("status", sa.Text, nullable=False),
    sa.Column("attempts", sa.Integer, nullable=False),
    # Failed attempts since the delivery was (re)queued: the position in the retry schedule.
    sa.Column("round_failures", sa.Integer, nullable=False),
    sa.Column("last_status_code", sa.Integer, nullable=True),
    sa.Column("last_error", sa.Text, nullable=True),
    sa.Column("next_attempt_at", TS, nullable=True),
    sa.Column("created_at", TS, nullable=False),
    sa.Column("updated_at", TS, nullable=False),
    sa.Column("delivered_at", TS, nullable=True),
    # The event's seq, copied so a claim orders a subscription's due deliveries from one index.
    sa.Column("seq", sa.BigInteger, nullable=False),
    # The send lease: set by the claim, cleared when the outcome is recorded (see workers.py).
    sa.Column("lease_until", TS, nullable=True),
)

outcomes = sa.Table(
    "outcomes",
    metadata,
    sa.Column("id", UUID(as_uuid=True), primary_key=True),
    sa.Column("bank_org_id", UUID(as_uuid=True), nullable=False),
    sa.Column("uscc", sa.Text, nullable=False),
    # The bank's own reference; unique per bank (index outcomes_bank_loan_ref), so a repeat is a 409.
    sa.Column("loan_ref", sa.Text, nullable=True),
    sa.Column("amount_fen", sa.BigInteger, nullable=False),
    sa.Column("credit_type", sa.Text, nullable=False),
    sa.Column("granted_on", sa.Date, nullable=False),
    sa.Column("created_at", TS, nullable=False),
)

# An enterprise's authorisation for a partner app to act for it (record consents, match queries).
authorisations = sa.Table(
    "authorisations",
    metadata,
    sa.Column("id", UUID(as_uuid=True), primary_key=True),
    sa.Column("uscc", sa.Text, nullable=False),
    sa.Column("partner_org_id", UUID(as_uuid=True), nullable=False),
    sa.Column("evidence_ref", sa.Text, nullable=False),
    sa.Column("expires_on", sa.Date, nullable=True),
    sa.Column("status", sa.Text, nullable=False),
    sa.Column("created_at", TS, nullable=False),
    sa.Column("ended_at", TS, nullable=True),
)

# One row each time non-public data of an enterprise left this service (CONTRACT §3, access log).
access_log = sa.Table(
    "access_log",
    metadata,
    sa.Column("id", UUID(as_uuid=True), primary_key=True),
    sa.Column("at", TS, nullable=False),
    sa.Column("uscc", sa.Text, nullable=False),
    sa.Column("reader_org_id", UUID(as_uuid=True), nullable=False),
    sa.Column("reader_role", sa.Text, nullable=False),
    sa.Column("what", sa.Text, nullable=False),
    sa.Column("via", sa.Text, nullable=False),
)

# The 红黑榜 (重大税收违法失信主体, 国家税务总局令第54号): an entry is in force from published_on until
# ends_on (three years later) or until 信用修复 ends it (status `ended`, ended_at).
blacklist = sa.Table(
    "blacklist",
    metadata,
    sa.Column("id", UUID(as_uuid=True), primary_key=True),
    sa.Column("uscc", sa.Text, nullable=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("decision_served_on", sa.Date, nullable=False),
    sa.Column("published_on", sa.Date, nullable=False),
    sa.Column("ends_on", sa.Date, nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("late", sa.Boolean, nullable=False),
    sa.Column("status", sa.Text, nullable=False),
    sa.Column("created_at", TS, nullable=False),
    sa.Column("ended_at", TS, nullable=True),
)

# A rating file of more than 10,000 rows (CONTRACT §3 "Rating files"), stored as sent and
# processed by the upload worker in batches; ``done`` rows are stored, so a restart resumes
# there. ``content`` is dropped once the job has finished or failed.
uploads = sa.Table(
    "uploads",
    metadata,
    sa.Column("id", UUID(as_uuid=True), primary_key=True),
    sa.Column("org_id", UUID(as_uuid=True), nullable=False),
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("content", sa.LargeBinary, nullable=True),
    sa.Column("status", sa.Text, nullable=False),
    sa.Column("rows", sa.Integer, nullable=False),
    sa.Column("done", sa.Integer, nullable=False),
    sa.Column("accepted", sa.Integer, nullable=False),
    sa.Column("unchanged", sa.Integer, nullable=False),
    sa.Column("rejected", JSONB, nullable=False),
    sa.Column("error", sa.Text, nullable=True),
    sa.Column("attempts", sa.Integer, nullable=False),
    sa.Column("lease_until", TS, nullable=True),
    sa.Column("created_at", TS, nullable=False),
    sa.Column("updated_at", TS, nullable=False),
    sa.Column("finished_at", TS, nullable=True),
)
