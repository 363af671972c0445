"""credit_push: a bank's view of an enterprise is kept after its `withdrawn`; one index fewer on events.

``ix_events_uscc_type`` (uscc, type) served one read: whether an enterprise was ever pushed to a
bank, before the bank may report a loan for it (CONTRACT §3, 422 `enterprise-not-pushed`). Each
event took an entry in it at a random leaf (the enterprise is not a growing key): ~30 ms of
each 10,000-item upload's 15,000 events (bench/README.md "ingest, routed by the dispatcher").
Now ``bank_views`` answers that read: a row is written with the first `published` a bank is
sent and kept after its `withdrawn` (``held`` false), so the row says the enterprise was pushed.
Every other reader of bank_views reads the held rows only.

Revision ID: credit_push_0012
"""

import sqlalchemy as sa
from alembic import op

revision = "credit_push_0012"
down_revision = "credit_push_0011"
branch_labels = None
depends_on = None

S = "credit_push"


def upgrade() -> None:
    op.add_column(
        "bank_views", sa.Column("held", sa.Boolean, nullable=False, server_default=sa.true()), schema=S
    )
    # The pairs pushed and since withdrawn, from the events (the index still serves this).
    op.execute(
        """
        INSERT INTO credit_push.bank_views (bank_org_id, uscc, version, "full", held)
        SELECT DISTINCT ON (e.uscc, e.bank_org_id) e.bank_org_id, e.uscc, e.version, false, false
        FROM credit_push.events e
        WHERE e.type = 'credit.rating.published' AND NOT EXISTS (
            SELECT 1 FROM credit_push.bank_views v WHERE v.uscc = e.uscc AND v.bank_org_id = e.bank_org_id)
        ORDER BY e.uscc, e.bank_org_id, e.seq DESC
        """
    )
    op.drop_index("ix_events_uscc_type", table_name="events", schema=S)


def downgrade() -> None:
    op.create_index("ix_events_uscc_type", "events", ["uscc", "type"], schema=S)
    op.execute("DELETE FROM credit_push.bank_views WHERE NOT held")
    op.drop_column("bank_views", "held", schema=S)
