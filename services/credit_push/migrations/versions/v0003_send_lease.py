"""credit_push: a per-subscription send lease, so the dispatcher holds no transaction while sending.

Revision ID: credit_push_0003
"""

import sqlalchemy as sa
from alembic import op

revision = "credit_push_0003"
down_revision = "credit_push_0002"
branch_labels = None
depends_on = None

S = "credit_push"


def upgrade() -> None:
    # Set while a dispatcher sends one of the subscription's deliveries; a dead dispatcher's
    # lease runs out and another one takes over.
    op.add_column("subscriptions", sa.Column("sending_until", sa.DateTime(timezone=True)), schema=S)
    op.create_index(
        "ix_deliveries_subscription_due",
        "deliveries",
        ["subscription_id", "next_attempt_at"],
        schema=S,
        postgresql_where=sa.text("status = 'pending'"),
    )


def downgrade() -> None:
    op.drop_index("ix_deliveries_subscription_due", table_name="deliveries", schema=S)
    op.drop_column("subscriptions", "sending_until", schema=S)
