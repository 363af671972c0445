"""Tables of the credit_push service, all in its own PostgreSQL schema `credit_push`.

Core tables (no ORM): every path here is set-based SQL in the ``repository`` package.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ARRAY, JSONB

from kit import columns as col
from kit.idempotency import idempotency_table

SCHEMA = "credit_push"
metadata = sa.MetaData(schema=SCHEMA)

idempotency_keys = idempotency_table(metadata, SCHEMA)

# One row per enterprise and evaluation year; the current rating is the latest year.
ratings = sa.Table(
    "ratings",
    metadata,
    sa.Column("uscc", sa.Text, primary_key=True),
    sa.Column("year", sa.Integer, primary_key=True),
    col.text("name"),
    col.text("rating"),
    col.text("region_code", nullable=True),
    col.fen("avg_annual_tax_fen", nullable=True),
    # The tax authority's own small-and-micro mark (CONTRACT §3 stats, 受益户数比例); null: not said.
    col.flag("small_micro", nullable=True),
    col.integer("version"),
    col.created_at(),
    col.updated_at(),
)

# Banks this service has learned from the gateway; next_seq is the per-bank event counter.
banks = sa.Table(
    "banks",
    metadata,
    col.id_key("org_id"),
    col.text("name"),
    col.big("next_seq"),
    col.created_at(),
)

# The outbox: every event addressed to a bank, in its feed order.
events = sa.Table(
    "events",
    metadata,
    col.id_key(),
    col.uuid("bank_org_id"),
    col.big("seq"),
    col.text("type"),
    col.text("uscc"),
    col.integer("version"),
    sa.Column("data", JSONB, nullable=False),
    col.created_at(),
    # A `published` event's effective region, read by the subscriptions' region filter (v0011).
    col.text("region", nullable=True),
)


def grant_columns() -> list[sa.Column[Any]]:
    """What authorisations and consents share (repository/grants.py): the enterprise's own act,
    in force from ``created_at`` until revoked or past ``expires_on`` (then ``ended_at``)."""
    return [col.text("evidence_ref"), col.day("expires_on", nullable=True), *ending_columns()]


def ending_columns() -> list[sa.Column[Any]]:
    """A row in force from ``created_at`` until it ends: its ``status`` then, and ``ended_at``."""
    return [col.text("status"), col.created_at(), col.moment("ended_at", nullable=True)]


# What each bank was last told about an enterprise: ``held`` while its last event was a
# `published`; kept after the `withdrawn` (held false), so a row says it was ever pushed (v0012).
# Keyed by the enterprise first: every read names it (migration v0009).
bank_views = sa.Table(
    "bank_views",
    metadata,
    col.uuid("bank_org_id"),
    col.text("uscc"),
    col.integer("version"),
    col.flag("full"),
    col.flag("held"),
    sa.PrimaryKeyConstraint("uscc", "bank_org_id", name="bank_views_pkey"),
)

consents = sa.Table(
    "consents",
    metadata,
    col.id_key(),
    col.text("uscc"),
    col.uuid("bank_org_id"),
    col.uuid("partner_org_id"),
    *grant_columns(),
)

subscriptions = sa.Table(
    "subscriptions",
    metadata,
    col.id_key(),
    col.uuid("bank_org_id"),
    col.text("url"),
    col.text("status"),
    col.text("paused_reason", nullable=True),
    col.text("min_rating", nullable=True),
    sa.Column("region_codes", ARRAY(sa.Text), nullable=True),
    col.text("secret"),
    col.text("previous_secret", nullable=True),
    col.moment("previous_secret_until", nullable=True),
    # Unused since v0005 (the send lease is per delivery now: deliveries.lease_until).
    col.moment("sending_until", nullable=True),
    # The receiver's last answers were failures: it gets one delivery in flight until one succeeds.
    sa.Column("failing", sa.Boolean, nullable=False, server_default=sa.false()),
    col.created_at(),
    col.updated_at(),
    # The last seq of the bank's feed routed to this subscription (repository/routing.py, v0011).
    col.big("routed_seq"),
)

# Subscriptions that were sent a `published` for an enterprise and not yet its `withdrawn`.
subscription_views = sa.Table(
    "subscription_views",
    metadata,
    col.id_key("subscription_id"),
    sa.Column("uscc", sa.Text, primary_key=True),
)

deliveries = sa.Table(
    "deliveries",
    metadata,
    col.id_key(),
    col.uuid("event_id"),
    col.uuid("subscription_id"),
    col.uuid("bank_org_id"),
    col.text("status"),
    col.integer("attempts"),
    # Failed attempts since the delivery was (re)queued: the position in the retry schedule.
    col.integer("round_failures"),
    col.integer("last_status_code", nullable=True),
    col.text("last_error", nullable=True),
    col.moment("next_attempt_at", nullable=True),
    col.created_at(),
    col.updated_at(),
    col.moment("delivered_at", nullable=True),
    # The event's seq, copied so a claim orders a subscription's due deliveries from one index.
    col.big("seq"),
    # The send lease: set by the claim, cleared when the outcome is recorded (see workers.py).
    col.moment("lease_until", nullable=True),
)

outcomes = sa.Table(
    "outcomes",
    metadata,
    col.id_key(),
    col.uuid("bank_org_id"),
    col.text("uscc"),
    # The bank's own reference; unique per bank (index outcomes_bank_loan_ref), so a repeat is a 409.
    col.text("loan_ref", nullable=True),
    col.fen("amount_fen"),
    col.text("credit_type"),
    col.day("granted_on"),
    col.created_at(),
)

# An enterprise's authorisation for a partner app to act for it (record consents, match queries).
authorisations = sa.Table(
    "authorisations",
    metadata,
    col.id_key(),
    col.text("uscc"),
    col.uuid("partner_org_id"),
    *grant_columns(),
)

# One row each time non-public data of an enterprise left this service (CONTRACT §3, access log).
access_log = sa.Table(
    "access_log",
    metadata,
    col.id_key(),
    col.moment("at"),
    col.text("uscc"),
    col.uuid("reader_org_id"),
    col.text("reader_role"),
    col.text("what"),
    col.text("via"),
)

# The 红黑榜 (重大税收违法失信主体, 国家税务总局令第54号): an entry is in force from published_on until
# ends_on (three years later) or until 信用修复 ends it (status `ended`, ended_at).
blacklist = sa.Table(
    "blacklist",
    metadata,
    col.id_key(),
    col.text("uscc"),
    col.text("name"),
    col.day("decision_served_on"),
    col.day("published_on"),
    col.day("ends_on"),
    col.text("reason"),
    col.flag("late"),
    *ending_columns(),
)

# A rating file of more than 10,000 rows (CONTRACT §3 "Rating files"), stored as sent and
# processed by the upload worker in batches; ``done`` rows are stored, so a restart resumes
# there. ``content`` is dropped once the job has finished or failed.
uploads = sa.Table(
    "uploads",
    metadata,
    col.id_key(),
    col.uuid("org_id"),
    col.text("kind"),
    sa.Column("content", sa.LargeBinary, nullable=True),
    col.text("status"),
    col.integer("rows"),
    col.integer("done"),
    col.integer("accepted"),
    col.integer("unchanged"),
    sa.Column("rejected", JSONB, nullable=False),
    col.text("error", nullable=True),
    col.integer("attempts"),
    col.moment("lease_until", nullable=True),
    col.created_at(),
    col.updated_at(),
    col.moment("finished_at", nullable=True),
)
