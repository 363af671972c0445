"""Tables of the loan_match service, all in its own PostgreSQL schema `loan_match`.

SQLAlchemy Core tables (arrays and JSONB read more plainly here than in table models);
each comes from a migration in ``migrations/versions``.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID

from kit.idempotency import idempotency_table

SCHEMA = "loan_match"
metadata = sa.MetaData(schema=SCHEMA)

idempotency_keys = idempotency_table(metadata, SCHEMA)

TS = sa.DateTime(timezone=True)
TEXTS = ARRAY(sa.Text)

product = sa.Table(
    "product",
    metadata,
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
    sa.Column("sizes", TEXTS, nullable=False),
    sa.Column("region_codes", TEXTS, nullable=False),
    sa.Column("industry_prefixes", TEXTS, nullable=False),
    sa.Column("min_years_in_business", sa.Integer, nullable=False),
    sa.Column("min_revenue_fen", sa.BigInteger, nullable=False),
    sa.Column("required_flags", TEXTS, nullable=False),
    sa.Column("accepted_collateral", TEXTS, nullable=False),
    sa.Column("requires_guarantee", sa.Boolean, nullable=False),
    sa.Column("guarantee_fee_bp", sa.Integer, nullable=False),
    sa.Column("interest_subsidy_bp", sa.Integer, nullable=False),
    sa.Column("active", sa.Boolean, nullable=False),
    sa.Column("created_at", TS, nullable=False),
    sa.Column("updated_at", TS, nullable=False),
    sa.Column("retired_at", TS),
    sa.Column("change_no", sa.BigInteger, nullable=False),
)

# One row: the count of every product change (insert, update, retire), taken under its row lock,
# so changes are numbered in commit order (migrations/versions/v0004_catalogue_version.py).
catalogue = sa.Table(
    "catalogue",
    metadata,
    sa.Column("id", sa.SmallInteger, primary_key=True),
    sa.Column("version", sa.BigInteger, nullable=False),
)

enterprise_profile = sa.Table(
    "enterprise_profile",
    metadata,
    sa.Column("partner_app_id", UUID(as_uuid=False), primary_key=True),
    sa.Column("uscc", sa.Text, primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("industry_code", sa.Text, nullable=False),
    sa.Column("region_code", sa.Text, nullable=False),
    sa.Column("employees", sa.Integer, nullable=False),
    sa.Column("revenue_fen", sa.BigInteger, nullable=False),
    sa.Column("total_assets_fen", sa.BigInteger, nullable=False),
    sa.Column("established_on", sa.Date, nullable=False),
    sa.Column("flags", TEXTS, nullable=False),
    sa.Column("collateral", TEXTS, nullable=False),
    sa.Column("size", sa.Text, nullable=False),
    sa.Column("size_basis", sa.Text, nullable=False),
    sa.Column("created_at", TS, nullable=False),
    sa.Column("updated_at", TS, nullable=False),
)

match_query = sa.Table(
    "match_query",
    metadata,
    sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
    sa.Column("partner_app_id", UUID(as_uuid=False), nullable=False),
    sa.Column("uscc", sa.Text, nullable=False),
    sa.Column("amount_fen", sa.BigInteger, nullable=False),
    sa.Column("term_months", sa.Integer, nullable=False),
    sa.Column("matched", sa.Integer, nullable=False),
    sa.Column("degraded", TEXTS, nullable=False),
    sa.Column("created_at", TS, nullable=False),
)

demand = sa.Table(
    "demand",
    metadata,
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
)

demand_route = sa.Table(
    "demand_route",
    metadata,
    sa.Column("demand_id", UUID(as_uuid=False), sa.ForeignKey(demand.c.id), primary_key=True),
    sa.Column("bank_org_id", UUID(as_uuid=False), primary_key=True),
)

demand_response = sa.Table(
    "demand_response",
    metadata,
    sa.Column("id", UUID(as_uuid=False), primary_key=True),
    sa.Column("demand_id", UUID(as_uuid=False), sa.ForeignKey(demand.c.id), nullable=False),
    sa.Column("bank_org_id", UUID(as_uuid=False), nullable=False),
    sa.Column("decision", sa.Text, nullable=False),
    sa.Column("offered_amount_fen", sa.BigInteger),
    sa.Column("annual_rate_bp", sa.Integer),
    sa.Column("reason", sa.Text),
    sa.Column("created_at", TS, nullable=False),
)

# Subsidy programmes of policy funds (CONTRACT §6; migrations/versions/v0005_subsidy_programmes.py).
# `paid_fen` and the counts are running totals kept under the programme row's lock.
programme = sa.Table(
    "programme",
    metadata,
    sa.Column("id", UUID(as_uuid=False), primary_key=True),
    sa.Column("fund_manager_org_id", UUID(as_uuid=False), nullable=False),
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
)

subsidy_claim = sa.Table(
    "subsidy_claim",
    metadata,
    sa.Column("id", UUID(as_uuid=False), primary_key=True),
    sa.Column("programme_id", UUID(as_uuid=False), sa.ForeignKey(programme.c.id), nullable=False),
    sa.Column("filed_by_org_id", UUID(as_uuid=False), nullable=False),
    sa.Column("uscc", sa.Text, nullable=False),
    sa.Column("loan_ref", sa.Text, nullable=False),
    sa.Column("bank_org_id", UUID(as_uuid=False), nullable=False),
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
)

# What a programme has paid an enterprise in a calendar year: the annual cap is checked on it.
subsidy_enterprise_year = sa.Table(
    "subsidy_enterprise_year",
    metadata,
    sa.Column("programme_id", UUID(as_uuid=False), sa.ForeignKey(programme.c.id), primary_key=True),
    sa.Column("uscc", sa.Text, primary_key=True),
    sa.Column("year", sa.Integer, primary_key=True),
    sa.Column("paid_fen", sa.BigInteger, nullable=False),
)

# The 国务院办公厅 holiday notices loaded by the operator, one row per year (CONTRACT §5 calendar;
# migrations/versions/v0006_calendar.py). Years without a row use the library or statutory rule.
holiday_calendar = sa.Table(
    "holiday_calendar",
    metadata,
    sa.Column("year", sa.Integer, primary_key=True),
    sa.Column("holidays", ARRAY(sa.Date), nullable=False),
    sa.Column("workdays", ARRAY(sa.Date), nullable=False),
    sa.Column("loaded_at", TS, nullable=False),
)
