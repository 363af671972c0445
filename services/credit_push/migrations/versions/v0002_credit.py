"""credit_push: ratings, banks, the event outbox, consents, subscriptions, deliveries, outcomes.

Revision ID: credit_push_0002
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID

revision = "credit_push_0002"
down_revision = "credit_push_0001"
branch_labels = None
depends_on = None

S = "credit_push"
TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "ratings",
        sa.Column("uscc", sa.Text, primary_key=True),
        sa.Column("year", sa.Integer, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("rating", sa.Text, nullable=False),
        sa.Column("region_code", sa.Text, nullable=True),
        sa.Column("avg_annual_tax_fen", sa.BigInteger, nullable=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.CheckConstraint("rating IN ('A','B','M','C','D')", name="ck_ratings_rating"),
        sa.CheckConstraint("year >= 2014", name="ck_ratings_year"),
        sa.CheckConstraint("avg_annual_tax_fen >= 0", name="ck_ratings_tax"),
        sa.CheckConstraint("version >= 1", name="ck_ratings_version"),
        schema=S,
    )
    op.create_table(
        "banks",
        sa.Column("org_id", UUID(as_uuid=True), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("next_seq", sa.BigInteger, nullable=False),
        sa.Column("created_at", TS, nullable=False),
        schema=S,
    )
    op.create_table(
        "events",
        sa.Column("id", UUID(as_uuid=True), primary_key=True),
        sa.Column("bank_org_id", UUID(as_uuid=True), nullable=False),
        sa.Column("seq", sa.BigInteger, nullable=False),
        sa.Column("type", sa.Text, nullable=False),
        sa.Column("uscc", sa.Text, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("data", JSONB, nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.UniqueConstraint("bank_org_id", "seq", name="uq_events_bank_seq"),
        schema=S,
    )
    op.create_index("ix_events_uscc_type", "events", ["uscc", "type"], schema=S)
    op.create_table(
        "bank_views",
        sa.Column("bank_org_id", UUID(as_uuid=True), primary_key=True),
        sa.Column("uscc", sa.Text, primary_key=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("full", sa.Boolean, nullable=False),
        schema=S,
    )
    op.create_index("ix_bank_views_uscc", "bank_views", ["uscc"], schema=S)
    op.create_table(
        "consents",
        sa.Column("id", UUID(as_uuid=True), primary_key=True),
        sa.Column("uscc", sa.Text, nullable=False),
        sa.Column("bank_org_id", UUID(as_uuid=True), nullable=False),
        sa.Column("partner_org_id", UUID(as_uuid=True), nullable=False),
        sa.Column("evidence_ref", sa.Text, nullable=False),
        sa.Column("expires_on", sa.Date, nullable=True),
        sa.Column("status", sa.Text, nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("ended_at", TS, nullable=True),
        sa.CheckConstraint("status IN ('active','revoked','expired')", name="ck_consents_status"),
        schema=S,
    )
    op.create_index("ix_consents_uscc_bank", "consents", ["uscc", "bank_org_id"], schema=S)
    op.create_index("ix_consents_bank", "consents", ["bank_org_id", "created_at"], schema=S)
    op.create_index("ix_consents_partner", "consents", ["partner_org_id", "created_at"], schema=S)
    op.create_index(
        "ix_consents_active_expiry",
        "consents",
        ["expires_on"],
        schema=S,
        postgresql_where=sa.text("status = 'active' AND expires_on IS NOT NULL"),
    )
    op.create_table(
        "subscriptions",
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
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.CheckConstraint("status IN ('active','paused','deleted')", name="ck_subscriptions_status"),
        schema=S,
    )
    op.create_index("ix_subscriptions_bank", "subscriptions", ["bank_org_id", "created_at"], schema=S)
    op.create_table(
        "subscription_views",
        sa.Column("subscription_id", UUID(as_uuid=True), primary_key=True),
        sa.Column("uscc", sa.Text, primary_key=True),
        schema=S,
    )
    op.create_table(
        "deliveries",
        sa.Column("id", UUID(as_uuid=True), primary_key=True),
        sa.Column("event_id", UUID(as_uuid=True), nullable=False),
        sa.Column("subscription_id", UUID(as_uuid=True), nullable=False),
        sa.Column("bank_org_id", UUID(as_uuid=True), nullable=False),
        sa.Column("status", sa.Text, nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("round_failures", sa.Integer, nullable=False),
        sa.Column("last_status_code", sa.Integer, nullable=True),
        sa.Column("last_error", sa.Text, nullable=True),
        sa.Column("next_attempt_at", TS, nullable=True),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("delivered_at", TS, nullable=True),
        sa.CheckConstraint("status IN ('pending','delivered','failed')", name="ck_deliveries_status"),
        sa.UniqueConstraint("event_id", "subscription_id", name="uq_deliveries_event_subscription"),
        schema=S,
    )
    op.create_index(
        "ix_deliveries_due",
        "deliveries",
        ["next_attempt_at"],
        schema=S,
        postgresql_where=sa.text("status = 'pending'"),
    )
    op.create_index("ix_deliveries_bank", "deliveries", ["bank_org_id", "created_at", "id"], schema=S)
    op.create_index(
        "ix_deliveries_subscription", "deliveries", ["subscription_id", "status", "created_at"], schema=S
    )
    op.create_table(
        "outcomes",
        sa.Column("id", UUID(as_uuid=True), primary_key=True),
        sa.Column("bank_org_id", UUID(as_uuid=True), nullable=False),
        sa.Column("uscc", sa.Text, nullable=False),
        sa.Column("amount_fen", sa.BigInteger, nullable=False),
        sa.Column("credit_type", sa.Text, nullable=False),
        sa.Column("granted_on", sa.Date, nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.CheckConstraint("amount_fen > 0", name="ck_outcomes_amount"),
        sa.CheckConstraint(
            "credit_type IN ('pure_credit','guaranteed','collateral')", name="ck_outcomes_type"
        ),
        schema=S,
    )


def downgrade() -> None:
    for table in (
        "outcomes",
        "deliveries",
        "subscription_views",
        "subscriptions",
        "consents",
        "bank_views",
        "events",
        "banks",
        "ratings",
    ):
        op.drop_table(table, schema=S)
