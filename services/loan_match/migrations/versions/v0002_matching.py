"""loan_match: products, enterprise profiles, queries, demands and bank responses.

Revision ID: loan_match_0002
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID

revision = "loan_match_0002"
down_revision = "loan_match_0001"
branch_labels = None
depends_on = None

S = "loan_match"
TS = sa.DateTime(timezone=True)


def _texts(name: str) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, ARRAY(sa.Text), nullable=False, server_default="{}")


def upgrade() -> None:
    op.create_table(
        "product",
        sa.Column("id", UUID(as_uuid=False), primary_key=True),
        sa.Column("bank_org_id", UUID(as_uuid=False), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("product_type", sa.Text, nullable=False),
        sa.Column("min_amount_fen", sa.BigInteger, nullable=False),
        sa.Column("max_amount_fen", sa.BigInteger, nullable=False),
        sa.Column("min_term_months", sa.Integer, nullable=False),
        sa.Column("max_term_months", sa.Integer, nullable=False),
        sa.Column("annual_rate_bp", sa.Integer, nullable=False),
        sa.Column("min_rating", sa.Text),
        sa.Column("tax_multiple", JSONB),
        _texts("sizes"),
        _texts("region_codes"),
        _texts("industry_prefixes"),
        sa.Column("min_years_in_business", sa.Integer, nullable=False),
        sa.Column("min_revenue_fen", sa.BigInteger, nullable=False),
        _texts("required_flags"),
        _texts("accepted_collateral"),
        sa.Column("requires_guarantee", sa.Boolean, nullable=False),
        sa.Column("guarantee_fee_bp", sa.Integer, nullable=False),
        sa.Column("interest_subsidy_bp", sa.Integer, nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("retired_at", TS),
        sa.CheckConstraint(
            "min_amount_fen >= 0 AND min_amount_fen <= max_amount_fen", name="ck_product_amount"
        ),
        sa.CheckConstraint(
            "min_term_months >= 1 AND min_term_months <= max_term_months", name="ck_product_term"
        ),
        sa.CheckConstraint("annual_rate_bp >= 0", name="ck_product_rate"),
        sa.CheckConstraint(
            "min_rating IS NULL OR min_rating IN ('A', 'B', 'M')", name="ck_product_min_rating"
        ),
        schema=S,
    )
    # Matching loads every active product in one query; listing pages them oldest first.
    op.create_index(
        "ix_product_active_created",
        "product",
        ["created_at", "id"],
        schema=S,
        postgresql_where=sa.text("active"),
    )
    op.create_table(
        "enterprise_profile",
        sa.Column("partner_app_id", UUID(as_uuid=False), primary_key=True),
        sa.Column("uscc", sa.Text, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("industry_code", sa.Text, nullable=False),
        sa.Column("region_code", sa.Text, nullable=False),
        sa.Column("employees", sa.Integer, nullable=False),
        sa.Column("revenue_fen", sa.BigInteger, nullable=False),
        sa.Column("total_assets_fen", sa.BigInteger, nullable=False),
        sa.Column("established_on", sa.Date, nullable=False),
        _texts("flags"),
        _texts("collateral"),
        sa.Column("size", sa.Text, nullable=False),
        sa.Column("size_basis", sa.Text, nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        schema=S,
    )
    op.create_table(
        "match_query",
        sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
        sa.Column("partner_app_id", UUID(as_uuid=False), nullable=False),
        sa.Column("uscc", sa.Text, nullable=False),
        sa.Column("amount_fen", sa.BigInteger, nullable=False),
        sa.Column("term_months", sa.Integer, nullable=False),
        sa.Column("matched", sa.Integer, nullable=False),
        _texts("degraded"),
        sa.Column("created_at", TS, nullable=False),
        schema=S,
    )
    op.create_table(
        "demand",
        sa.Column("id", UUID(as_uuid=False), primary_key=True),
        sa.Column("partner_app_id", UUID(as_uuid=False), nullable=False),
        sa.Column("uscc", sa.Text, nullable=False),
        sa.Column("enterprise_name", sa.Text, nullable=False),
        sa.Column("industry_code", sa.Text, nullable=False),
        sa.Column("region_code", sa.Text, nullable=False),
        sa.Column("size", sa.Text, nullable=False),
        sa.Column("amount_fen", sa.BigInteger, nullable=False),
        sa.Column("term_months", sa.Integer, nullable=False),
        sa.Column("purpose", sa.Text, nullable=False),
        sa.Column("respond_by", sa.Date, nullable=False),
        sa.Column("created_at", TS, nullable=False),
        schema=S,
    )
    op.create_index("ix_demand_app_created", "demand", ["partner_app_id", "created_at", "id"], schema=S)
    op.create_table(
        "demand_route",
        sa.Column("demand_id", UUID(as_uuid=False), sa.ForeignKey(f"{S}.demand.id"), primary_key=True),
        sa.Column("bank_org_id", UUID(as_uuid=False), primary_key=True),
        schema=S,
    )
    op.create_index("ix_demand_route_bank", "demand_route", ["bank_org_id", "demand_id"], schema=S)
    op.create_table(
        "demand_response",
        sa.Column("id", UUID(as_uuid=False), primary_key=True),
        sa.Column("demand_id", UUID(as_uuid=False), sa.ForeignKey(f"{S}.demand.id"), nullable=False),
        sa.Column("bank_org_id", UUID(as_uuid=False), nullable=False),
        sa.Column("decision", sa.Text, nullable=False),
        sa.Column("offered_amount_fen", sa.BigInteger),
        sa.Column("annual_rate_bp", sa.Integer),
        sa.Column("reason", sa.Text),
        sa.Column("created_at", TS, nullable=False),
        sa.CheckConstraint("decision IN ('accepted', 'declined', 'need_info')", name="ck_response_decision"),
        sa.CheckConstraint("decision <> 'declined' OR reason IS NOT NULL", name="ck_response_reason"),
        schema=S,
    )
    op.create_index("ix_demand_response_demand", "demand_response", ["demand_id", "created_at"], schema=S)


def downgrade() -> None:
    for table in (
        "demand_response",
        "demand_route",
        "demand",
        "match_query",
        "enterprise_profile",
        "product",
    ):
        op.drop_table(table, schema=S)
