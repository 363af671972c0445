"""gateway: the rate-limit and failed-key counters every gateway replica shares (gateway.limitsync).

UNLOGGED: the counters live for a minute or two and are written every sync interval; they need
no WAL, and after a crash or failover they start again from zero (one window's extra allowance).

Revision ID: gateway_0004
"""

import sqlalchemy as sa
from alembic import op

revision = "gateway_0004"
down_revision = "gateway_0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "limit_counters",
        sa.Column("scope", sa.Text(), nullable=False),
        sa.Column("bucket", sa.Text(), nullable=False),
        sa.Column("window_index", sa.BigInteger(), nullable=False),
        sa.Column("hits", sa.BigInteger(), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("scope", "bucket", "window_index"),
        schema="gateway",
        prefixes=["UNLOGGED"],
    )
    op.create_index("limit_counters_expiry", "limit_counters", ["expires_at"], schema="gateway")


def downgrade() -> None:
    op.drop_table("limit_counters", schema="gateway")
