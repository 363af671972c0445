"""guarantee: index idempotency keys by age, for the hourly purge of expired ones.

Revision ID: guarantee_0003
"""

from alembic import op

revision = "guarantee_0003"
down_revision = "guarantee_0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("idempotency_keys_created", "idempotency_keys", ["created_at"], schema="guarantee")


def downgrade() -> None:
    op.drop_index("idempotency_keys_created", table_name="idempotency_keys", schema="guarantee")
