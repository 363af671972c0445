"""gateway: orgs, API keys, idempotency keys.

Revision ID: gateway_0001
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from kit.idempotency import create_table_op

revision = "gateway_0001"
down_revision = None
branch_labels = None
depends_on = None

ROLES = "'admin','tax_authority','bank','guarantor','partner_app'"


def upgrade() -> None:
    op.create_table(
        "orgs",
        sa.Column("id", postgresql.UUID(as_uuid=True), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("role", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        sa.CheckConstraint(f"role IN ({ROLES})", name="orgs_role_known"),
        schema="gateway",
    )
    op.create_index("orgs_role_created", "orgs", ["role", "created_at", "id"], schema="gateway")
    op.create_index("orgs_created", "orgs", ["created_at", "id"], schema="gateway")
    op.create_table(
        "api_keys",
        sa.Column("id", postgresql.UUID(as_uuid=True), primary_key=True),
        sa.Column("org_id", postgresql.UUID(as_uuid=True), sa.ForeignKey("gateway.orgs.id"), nullable=False),
        sa.Column("secret_hash", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        sa.Column("revoked_at", sa.DateTime(timezone=True)),
        schema="gateway",
    )
    op.create_index("api_keys_org", "api_keys", ["org_id"], schema="gateway")
    create_table_op(op, "gateway")


def downgrade() -> None:
    op.drop_table("idempotency_keys", schema="gateway")
    op.drop_table("api_keys", schema="gateway")
    op.drop_table("orgs", schema="gateway")
