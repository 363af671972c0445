"""gateway: index idempotency keys by age, for the hourly purge of expired ones.

Revision ID: gateway_0002
"""

from alembic import op

revision = "gateway_0002"
down_revision = "gateway_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("idempotency_keys_created", "idempotency_keys", ["created_at"], schema="gateway")


def downgrade() -> None:
    op.drop_index("idempotency_keys_created", table_name="idempotency_keys", schema="gateway")
