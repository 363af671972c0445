"""guarantee: one row per recovery of a pool-covered loan, with its day (CONTRACT §6), so the
pools' figures can count recoveries within a period and take a balance as of a day.

A new table only. Recoveries recorded before it are kept on their loans as totals; they have no
day and count in no period.

Revision ID: guarantee_0006
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import UUID

revision = "guarantee_0006"
down_revision = "guarantee_0005"
branch_labels = None
depends_on = None

S = "guarantee"


def upgrade() -> None:
    op.create_table(
        "pool_recovery",
        sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
        sa.Column("pool_id", UUID(as_uuid=False), sa.ForeignKey(f"{S}.pool.id"), nullable=False),
        sa.Column("loan_id", UUID(as_uuid=False), sa.ForeignKey(f"{S}.pool_loan.id"), nullable=False),
        sa.Column("amount_fen", sa.BigInteger, nullable=False),
        sa.Column("pool_fen", sa.BigInteger, nullable=False),
        sa.Column("recovered_on", sa.Date, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.text("now()")),
        schema=S,
    )
    op.create_index("pool_recovery_pool", "pool_recovery", ["pool_id", "recovered_on"], schema=S)


def downgrade() -> None:
    op.drop_table("pool_recovery", schema=S)
