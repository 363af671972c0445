"""credit_push: batched webhook dispatch — what a claim needs is on the delivery itself.

``seq`` (the event's, copied) lets a claim take a subscription's due deliveries in order from
one partial index instead of joining every pending delivery to ``events``; ``lease_until`` is
the per-delivery send lease (many deliveries of a subscription in flight at once); a
subscription's ``failing`` throttles a receiver that fails to one delivery in flight.
The subscription-wide ``sending_until`` lease of v0003 is no longer used.

Revision ID: credit_push_0005
"""

import sqlalchemy as sa
from alembic import op

revision = "credit_push_0006"
down_revision = "credit_push_0005"
branch_labels = None
depends_on = None

S = "credit_push"


def upgrade() -> None:
    op.add_column("deliveries", sa.Column("seq", sa.BigInteger), schema=S)
    op.add_column("deliveries", sa.Column("lease_until", sa.DateTime(timezone=True)), schema=S)
    op.execute(
        "UPDATE credit_push.deliveries d SET seq = e.seq FROM credit_push.events e WHERE e.id = d.event_id"
    )
    op.alter_column("deliveries", "seq", nullable=False, schema=S)
    op.add_column(
        "subscriptions",
        sa.Column("failing", sa.Boolean, nullable=False, server_default=sa.false()),
        schema=S,
    )
    op.drop_index("ix_deliveries_subscription_due", table_name="deliveries", schema=S)
    op.drop_index("ix_deliveries_due", table_name="deliveries", schema=S)
    # A claim: a subscription's pending deliveries, due first, in seq order.
    op.create_index(
        "ix_deliveries_pending",
        "deliveries",
        ["subscription_id", "next_attempt_at", "seq"],
        schema=S,
        postgresql_where=sa.text("status = 'pending'"),
    )
    # How many of a subscription's deliveries are in flight (leased): a handful of rows.
    op.create_index(
        "ix_deliveries_leased",
        "deliveries",
        ["subscription_id", "lease_until"],
        schema=S,
        postgresql_where=sa.text("status = 'pending' AND lease_until IS NOT NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_deliveries_leased", table_name="deliveries", schema=S)
    op.drop_index("ix_deliveries_pending", table_name="deliveries", schema=S)
    op.create_index(
        "ix_deliveries_due",
        "deliveries",
        ["next_attempt_at"],
        schema=S,
        postgresql_where=sa.text("status = 'pending'"),
    )
    op.create_index(
        "ix_deliveries_subscription_due",
        "deliveries",
        ["subscription_id", "next_attempt_at"],
        schema=S,
        postgresql_where=sa.text("status = 'pending'"),
    )
    op.drop_column("subscriptions", "failing", schema=S)
    op.drop_column("deliveries", "lease_until", schema=S)
    op.drop_column("deliveries", "seq", schema=S)
