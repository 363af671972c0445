"""credit_push: the 红黑榜 (blacklist) and the ratings' small-micro mark.

Revision ID: credit_push_0006
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import UUID

revision = "credit_push_0007"
down_revision = "credit_push_0006"
branch_labels = None
depends_on = None

S = "credit_push"
TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "blacklist",
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
        schema=S,
    )
    # Every current-rating read joins the entries in force by uscc.
    op.create_index(
        "blacklist_active_uscc",
        "blacklist",
        ["uscc"],
        schema=S,
        postgresql_where=sa.text("status = 'active'"),
    )
    op.add_column("ratings", sa.Column("small_micro", sa.Boolean, nullable=True), schema=S)


def downgrade() -> None:
    op.drop_column("ratings", "small_micro", schema=S)
    op.drop_table("blacklist", schema=S)
