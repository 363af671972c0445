"""credit_push: schema base (idempotency keys).

Revision ID: credit_push_0001
"""

from alembic import op

from kit.idempotency import create_table_op

revision = "credit_push_0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_table_op(op, "credit_push")


def downgrade() -> None:
    op.drop_table("idempotency_keys", schema="credit_push")
