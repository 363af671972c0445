"""gateway: the roles `regulator` and `fund_manager` (CONTRACT §2).

Only so that the guarantee policy funds can be tested on this branch; if another branch brings
the same roles, keep that one and drop this file.

Revision ID: gateway_0003
"""

from alembic import op

revision = "gateway_0003"
down_revision = "gateway_0002"
branch_labels = None
depends_on = None

BEFORE = "'admin','tax_authority','bank','guarantor','partner_app'"
AFTER = f"{BEFORE},'regulator','fund_manager'"


def _roles(roles: str) -> None:
    op.drop_constraint("orgs_role_known", "orgs", schema="gateway")
    op.create_check_constraint("orgs_role_known", "orgs", f"role IN ({roles})", schema="gateway")


def upgrade() -> None:
    _roles(AFTER)


def downgrade() -> None:
    _roles(BEFORE)
