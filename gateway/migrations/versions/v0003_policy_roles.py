"""gateway: the roles `fund_manager` and `regulator` (CONTRACT §2, §6).

A policy fund's office (财政、工信、人社 or 市场监管) runs subsidy programmes; a supervisor reads.

Revision ID: gateway_0003
"""

from alembic import op

revision = "gateway_0003"
down_revision = "gateway_0002"
branch_labels = None
depends_on = None

OLD = "'admin','tax_authority','bank','guarantor','partner_app'"
NEW = OLD + ",'fund_manager','regulator'"


def _roles(allowed: str) -> None:
    op.drop_constraint("orgs_role_known", "orgs", schema="gateway")
    op.create_check_constraint("orgs_role_known", "orgs", f"role IN ({allowed})", schema="gateway")


def upgrade() -> None:
    _roles(NEW)


def downgrade() -> None:
    _roles(OLD)
