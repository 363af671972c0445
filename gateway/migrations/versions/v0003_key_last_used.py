"""gateway: when each API key was last used (CONTRACT §2, GET /v1/orgs/{org_id}/keys).

Revision ID: gateway_0003
"""

import sqlalchemy as sa
from alembic import op

revision = "gateway_0003"
down_revision = "gateway_0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "api_keys", sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=True), schema="gateway"
    )


def downgrade() -> None:
    op.drop_column("api_keys", "last_used_at", schema="gateway")
