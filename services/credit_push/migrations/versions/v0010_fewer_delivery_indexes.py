"""credit_push: two indexes fewer on every delivery written and every outcome recorded.

Each pushed A rating writes a delivery per subscribed bank (15,000 per 10,000-item upload in
the bench), and each delivery is updated when its outcome is recorded, a new row version that
takes an entry in every index. Two of the five indexes served no read worth their cost:

- ``uq_deliveries_event_subscription`` only restated what both writers guarantee by
  construction: they insert deliveries for events created in the same statement or
  transaction, one per routed subscription (repository/ingest.py, service/outbox.py);
  nothing reads deliveries by event.
- ``ix_deliveries_subscription`` (subscription, status, created_at) served a subscription's
  listing, its failed deliveries (recover) and its pending ones (delete). A listing names the
  bank, and ``ix_deliveries_bank`` serves it (a bank has a handful of subscriptions); pending
  deliveries are in ``ix_deliveries_pending``; failed ones now have a partial index of their
  own, which a new delivery (pending) never enters.

Revision ID: credit_push_0010
"""

import sqlalchemy as sa
from alembic import op

revision = "credit_push_0010"
down_revision = "credit_push_0009"
branch_labels = None
depends_on = None

S = "credit_push"


def upgrade() -> None:
    op.create_index(
        "ix_deliveries_failed",
        "deliveries",
        ["subscription_id", "created_at"],
        schema=S,
        postgresql_where=sa.text("status = 'failed'"),
    )
    op.drop_index("ix_deliveries_subscription", table_name="deliveries", schema=S)
    op.drop_constraint("uq_deliveries_event_subscription", "deliveries", schema=S, type_="unique")


def downgrade() -> None:
    op.create_unique_constraint(
        "uq_deliveries_event_subscription", "deliveries", ["event_id", "subscription_id"], schema=S
    )
    op.create_index(
        "ix_deliveries_subscription", "deliveries", ["subscription_id", "status", "created_at"], schema=S
    )
    op.drop_index("ix_deliveries_failed", table_name="deliveries", schema=S)
