"""loan_match: index idempotency keys by age, for the hourly purge of expired ones.

Revision ID: loan_match_0003
"""

from alembic import op

revision = "loan_match_0003"
down_revision = "loan_match_0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("idempotency_keys_created", "idempotency_keys", ["created_at"], schema="loan_match")


def downgrade() -> None:
    op.drop_index("idempotency_keys_created", table_name="idempotency_keys", schema="loan_match")
