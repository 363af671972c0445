"""Tables of the loan_match service, all in its own PostgreSQL schema `loan_match`.

SQLAlchemy Core tables (arrays and JSONB read more plainly here than in table models);
each comes from a migration in ``migrations/versions``.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID

from kit.idempotency import idempotency_table

SCHEMA = "loan_match"
metadata = sa.MetaData(schema=SCHEMA)

idempotency_keys = idempotency_table(metadata, SCHEMA)

ID = UUID(as_uuid=False)
TS = sa.DateTime(timezone=True)
TEXTS = ARRAY(sa.Text)
ColumnType = sa.types.TypeEngine[Any] | type[sa.types.TypeEngine[Any]]


def required(type_: ColumnType, *names: str) -> list[sa.Column[Any]]:
    """Columns of one type that are never NULL, in the order named (the migrations' order)."""
    return [sa.Column(name, type_, nullable=False) for name in names]


def optional(type_: ColumnType, *names: str) -> list[sa.Column[Any]]:
    """Columns of one type that may be NULL."""
    return [sa.Column(name, type_, nullable=True) for name in names]


product = sa.Table(
    "product",
    metadata,
    sa.Column("id", ID, primary_key=True),
    *required(ID, "bank_org_id"),
    *required(sa.Text, "name", "product_type"),
    *required(sa.BigInteger, "min_amount_fen", "max_amount_fen"),
    *required(sa.Integer, "min_term_months", "max_term_months", "annual_rate_bp"),
    *optional(sa.Text, "min_rating"),
    *optional(JSONB, "tax_multiple"),
    *required(TEXTS, "sizes", "region_codes", "industry_prefixes"),
    *required(sa.Integer, "min_years_in_business"),
    *required(sa.BigInteger, "min_revenue_fen"),
    *required(TEXTS, "required_flags", "accepted_collateral"),
    *required(sa.Boolean, "requires_guarantee"),
    *required(sa.Integer, "guarantee_fee_bp", "interest_subsidy_bp"),
    *required(sa.Boolean, "active"),
    *required(TS, "created_at", "updated_at"),
    *optional(TS, "retired_at"),
    *required(sa.BigInteger, "change_no"),
)

# One row: the count of every product change (insert, update, retire), taken under its row lock,
# so changes are numbered in commit order (migrations/versions/v0004_catalogue_version.py).
catalogue = sa.Table(
    "catalogue",
    metadata,
    sa.Column("id", sa.SmallInteger, primary_key=True),
    *required(sa.BigInteger, "version"),
)

enterprise_profile = sa.Table(
    "enterprise_profile",
    metadata,
    sa.Column("partner_app_id", ID, primary_key=True),
    sa.Column("uscc", sa.Text, primary_key=True),
    *required(sa.Text, "name", "industry_code", "region_code"),
    *required(sa.Integer, "employees"),
    *required(sa.BigInteger, "revenue_fen", "total_assets_fen"),
    *required(sa.Date, "established_on"),
    *required(TEXTS, "flags", "collateral"),
    *required(sa.Text, "size", "size_basis"),
    *required(TS, "created_at", "updated_at"),
)

match_query = sa.Table(
    "match_query",
    metadata,
    sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
    *required(ID, "partner_app_id"),
    *required(sa.Text, "uscc"),
    *required(sa.BigInteger, "amount_fen"),
    *required(sa.Integer, "term_months", "matched"),
    *required(TEXTS, "degraded"),
    *required(TS, "created_at"),
)

demand = sa.Table(
    "demand",
    metadata,
    sa.Column("id", ID, primary_key=True),
    *required(ID, "partner_app_id"),
    *required(sa.Text, "uscc", "enterprise_name", "industry_code", "region_code", "size"),
    *required(sa.BigInteger, "amount_fen"),
    *required(sa.Integer, "term_months"),
    *required(sa.Text, "purpose"),
    *required(sa.Date, "respond_by"),
    *required(TS, "created_at"),
)

demand_route = sa.Table(
    "demand_route",
    metadata,
    sa.Column("demand_id", ID, sa.ForeignKey(demand.c.id), primary_key=True),
    sa.Column("bank_org_id", ID, primary_key=True),
)

demand_response = sa.Table(
    "demand_response",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("demand_id", ID, sa.ForeignKey(demand.c.id), nullable=False),
    *required(ID, "bank_org_id"),
    *required(sa.Text, "decision"),
    *optional(sa.BigInteger, "offered_amount_fen"),
    *optional(sa.Integer, "annual_rate_bp"),
    *optional(sa.Text, "reason"),
    *required(TS, "created_at"),
)

# Subsidy programmes of policy funds (CONTRACT §6; migrations/versions/v0005_subsidy_programmes.py).
# `paid_fen` and the counts are running totals kept under the programme row's lock.
programme = sa.Table(
    "programme",
    metadata,
    sa.Column("id", ID, primary_key=True),
    *required(ID, "fund_manager_org_id"),
    *required(sa.Text, "name", "kind"),
    *required(sa.Integer, "share_bp"),
    *optional(sa.BigInteger, "cap_per_enterprise_year_fen", "cap_per_item_fen"),
    *required(sa.BigInteger, "budget_fen"),
    *required(sa.Integer, "year"),
    *required(TEXTS, "product_types", "collateral", "sizes", "region_codes"),
    *required(sa.BigInteger, "paid_fen"),
    *required(sa.Integer, "approved_count", "refused_count"),
    *required(TS, "created_at"),
)

subsidy_claim = sa.Table(
    "subsidy_claim",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("programme_id", ID, sa.ForeignKey(programme.c.id), nullable=False),
    *required(ID, "filed_by_org_id"),
    *required(sa.Text, "uscc", "loan_ref"),
    *required(ID, "bank_org_id"),
    *required(sa.Date, "period_from", "period_to"),
    *required(sa.BigInteger, "claimed_on_fen"),
    *required(sa.Text, "region_code"),
    *required(sa.BigInteger, "claimable_fen"),
    *required(sa.Text, "status"),
    *required(sa.BigInteger, "paid_fen"),
    *optional(sa.Text, "reason"),
    *required(TS, "created_at"),
    *optional(TS, "decided_at"),
)

# What a programme has paid an enterprise in a calendar year: the annual cap is checked on it.
subsidy_enterprise_year = sa.Table(
    "subsidy_enterprise_year",
    metadata,
    sa.Column("programme_id", ID, sa.ForeignKey(programme.c.id), primary_key=True),
    sa.Column("uscc", sa.Text, primary_key=True),
    sa.Column("year", sa.Integer, primary_key=True),
    *required(sa.BigInteger, "paid_fen"),
)

# The 国务院办公厅 holiday notices loaded by the operator, one row per year (CONTRACT §5 calendar;
# migrations/versions/v0006_calendar.py). Years without a row use the library or statutory rule.
holiday_calendar = sa.Table(
    "holiday_calendar",
    metadata,
    sa.Column("year", sa.Integer, primary_key=True),
    *required(ARRAY(sa.Date), "holidays", "workdays"),
    *required(TS, "loaded_at"),
)
