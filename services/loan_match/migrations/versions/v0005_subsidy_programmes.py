"""loan_match: subsidy programmes of policy funds, their claims and per-enterprise annual totals.

CONTRACT §6; the demo's programmes follow 甘工信发〔2019〕114号. A programme row carries its
running paid total, locked by every approval, so approvals never jointly pass the budget; the
per-enterprise-year row carries what the annual cap is checked against.

Revision ID: loan_match_0005
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import ARRAY, UUID

revision = "loan_match_0005"
down_revision = "loan_match_0004"
branch_labels = None
depends_on = None

S = "loan_match"
ID = UUID(as_uuid=False)
TS = sa.DateTime(timezone=True)
TEXTS = ARRAY(sa.Text)


def _programme() -> None:
    op.create_table(
        "programme",
        sa.Column("id", ID, primary_key=True),
        sa.Column("fund_manager_org_id", ID, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("share_bp", sa.Integer, nullable=False),
        sa.Column("cap_per_enterprise_year_fen", sa.BigInteger),
        sa.Column("cap_per_item_fen", sa.BigInteger),
        sa.Column("budget_fen", sa.BigInteger, nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("product_types", TEXTS, nullable=False),
        sa.Column("collateral", TEXTS, nullable=False),
        sa.Column("sizes", TEXTS, nullable=False),
        sa.Column("region_codes", TEXTS, nullable=False),
        sa.Column("paid_fen", sa.BigInteger, nullable=False),
        sa.Column("approved_count", sa.Integer, nullable=False),
        sa.Column("refused_count", sa.Integer, nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.CheckConstraint("kind IN ('interest', 'fee')", name="programme_kind_known"),
        sa.CheckConstraint("paid_fen <= budget_fen", name="programme_within_budget"),
        schema=S,
    )
    op.create_index("programme_kind_year", "programme", ["kind", "year"], schema=S)


def _claims() -> None:
    op.create_table(
        "subsidy_claim",
        sa.Column("id", ID, primary_key=True),
        sa.Column("programme_id", ID, sa.ForeignKey(f"{S}.programme.id"), nullable=False),
        sa.Column("filed_by_org_id", ID, nullable=False),
        sa.Column("uscc", sa.Text, nullable=False),
        sa.Column("loan_ref", sa.Text, nullable=False),
        sa.Column("bank_org_id", ID, nullable=False),
        sa.Column("period_from", sa.Date, nullable=False),
        sa.Column("period_to", sa.Date, nullable=False),
        sa.Column("claimed_on_fen", sa.BigInteger, nullable=False),
        sa.Column("region_code", sa.Text, nullable=False),
        sa.Column("claimable_fen", sa.BigInteger, nullable=False),
        sa.Column("status", sa.Text, nullable=False),
        sa.Column("paid_fen", sa.BigInteger, nullable=False),
        sa.Column("reason", sa.Text),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("decided_at", TS),
        sa.CheckConstraint("status IN ('filed', 'approved', 'refused')", name="claim_status_known"),
        schema=S,
    )
    op.create_index(
        "subsidy_claim_programme", "subsidy_claim", ["programme_id", "created_at", "id"], schema=S
    )
    op.create_table(
        "subsidy_enterprise_year",
        sa.Column("programme_id", ID, sa.ForeignKey(f"{S}.programme.id"), primary_key=True),
        sa.Column("uscc", sa.Text, primary_key=True),
        sa.Column("year", sa.Integer, primary_key=True),
        sa.Column("paid_fen", sa.BigInteger, nullable=False),
        schema=S,
    )
    op.create_index("subsidy_enterprise_year_uscc", "subsidy_enterprise_year", ["uscc", "year"], schema=S)


def upgrade() -> None:
    _programme()
    _claims()


def downgrade() -> None:
    op.drop_table("subsidy_enterprise_year", schema=S)
    op.drop_table("subsidy_claim", schema=S)
    op.drop_table("programme", schema=S)
