"""loan_match: schema base (idempotency keys).

Revision ID: loan_match_0001
"""

from alembic import op

from kit.idempotency import create_table_op

revision = "loan_match_0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_table_op(op, "loan_match")


def downgrade() -> None:
    op.drop_table("idempotency_keys", schema="loan_match")
