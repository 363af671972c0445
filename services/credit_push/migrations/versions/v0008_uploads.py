"""credit_push: rating files processed in the background (CONTRACT §3 "Rating files").

Revision ID: credit_push_0008
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB, UUID

revision = "credit_push_0008"
down_revision = "credit_push_0007"
branch_labels = None
depends_on = None

S = "credit_push"
TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "uploads",
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
        schema=S,
    )
    # The upload worker looks only at running jobs.
    op.create_index(
        "uploads_running", "uploads", ["created_at"], schema=S, postgresql_where=sa.text("status = 'running'")
    )


def downgrade() -> None:
    op.drop_table("uploads", schema=S)
