"""gateway: roles regulator and fund_manager (CONTRACT §2); when each API key was last used.

Revision ID: gateway_0003
"""

import sqlalchemy as sa
from alembic import op

revision = "gateway_0003"
down_revision = "gateway_0002"
branch_labels = None
depends_on = None

OLD_ROLES = ("admin", "tax_authority", "bank", "guarantor", "partner_app")
NEW_ROLES = (*OLD_ROLES, "regulator", "fund_manager")


def _role_check(roles: tuple[str, ...]) -> None:
    op.drop_constraint("orgs_role_known", "orgs", schema="gateway", type_="check")
    listed = ", ".join(f"'{role}'" for role in roles)
    op.create_check_constraint("orgs_role_known", "orgs", f"role IN ({listed})", schema="gateway")


def upgrade() -> None:
    _role_check(NEW_ROLES)
    op.add_column(
        "api_keys", sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=True), schema="gateway"
    )


def downgrade() -> None:
    op.drop_column("api_keys", "last_used_at", schema="gateway")
    _role_check(OLD_ROLES)
