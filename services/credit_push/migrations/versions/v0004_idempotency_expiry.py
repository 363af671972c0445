"""credit_push: index idempotency keys by age, for the hourly purge of expired ones.

Revision ID: credit_push_0004
"""

from alembic import op

revision = "credit_push_0004"
down_revision = "credit_push_0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("idempotency_keys_created", "idempotency_keys", ["created_at"], schema="credit_push")


def downgrade() -> None:
    op.drop_index("idempotency_keys_created", table_name="idempotency_keys", schema="credit_push")
