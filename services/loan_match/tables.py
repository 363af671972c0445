"""Tables of the loan_match service, all in its own PostgreSQL schema `loan_match`.

SQLAlchemy Core tables (arrays and JSONB read more plainly here than in table models);
each comes from a migration in ``migrations/versions``.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID

from kit import columns as col
from kit.idempotency import idempotency_table

SCHEMA = "loan_match"
metadata = sa.MetaData(schema=SCHEMA)

idempotency_keys = idempotency_table(metadata, SCHEMA)

ID = UUID(as_uuid=False)


# Ids are handled as their string form in loan_match (as_text), like guarantee's.
def key(name: str = "id") -> sa.Column[Any]:
    return col.id_key(name, as_text=True)


def ref(name: str, table: str | None = None) -> sa.Column[Any]:
    """A UUID column; with ``table``, a foreign key to that table's id."""
    return col.uuid(name, as_text=True, references=f"{SCHEMA}.{table}.id" if table else None)


def texts(name: str) -> sa.Column[Any]:
    """A list of codes or names, never NULL (an empty list means any)."""
    return sa.Column(name, ARRAY(sa.Text), nullable=False)


product = sa.Table(
    "product",
    metadata,
    key(),
    ref("bank_org_id"),
    col.text("name"),
    col.text("product_type"),
    col.fen("min_amount_fen"),
    col.fen("max_amount_fen"),
    col.integer("min_term_months"),
    col.integer("max_term_months"),
    col.integer("annual_rate_bp"),
    col.text("min_rating", nullable=True),
    sa.Column("tax_multiple", JSONB, nullable=True),
    texts("sizes"),
    texts("region_codes"),
    texts("industry_prefixes"),
    col.integer("min_years_in_business"),
    col.fen("min_revenue_fen"),
    texts("required_flags"),
    texts("accepted_collateral"),
    col.flag("requires_guarantee"),
    col.integer("guarantee_fee_bp"),
    col.integer("interest_subsidy_bp"),
    col.flag("active"),
    col.created_at(),
    col.updated_at(),
    col.moment("retired_at", nullable=True),
    col.big("change_no"),
)

# One row: the count of every product change (insert, update, retire), taken under its row lock,
# so changes are numbered in commit order (migrations/versions/v0004_catalogue_version.py).
catalogue = sa.Table(
    "catalogue",
    metadata,
    sa.Column("id", sa.SmallInteger, primary_key=True),
    col.big("version"),
)

enterprise_profile = sa.Table(
    "enterprise_profile",
    metadata,
    key("partner_app_id"),
    sa.Column("uscc", sa.Text, primary_key=True),
    col.text("name"),
    col.text("industry_code"),
    col.text("region_code"),
    col.integer("employees"),
    col.fen("revenue_fen"),
    col.fen("total_assets_fen"),
    col.day("established_on"),
    texts("flags"),
    texts("collateral"),
    col.text("size"),
    col.text("size_basis"),
    col.created_at(),
    col.updated_at(),
)

match_query = sa.Table(
    "match_query",
    metadata,
    sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
    ref("partner_app_id"),
    col.text("uscc"),
    col.fen("amount_fen"),
    col.integer("term_months"),
    col.integer("matched"),
    texts("degraded"),
    col.created_at(),
)

demand = sa.Table(
    "demand",
    metadata,
    key(),
    ref("partner_app_id"),
    col.text("uscc"),
    col.text("enterprise_name"),
    col.text("industry_code"),
    col.text("region_code"),
    col.text("size"),
    col.fen("amount_fen"),
    col.integer("term_months"),
    col.text("purpose"),
    col.day("respond_by"),
    col.created_at(),
)

demand_route = sa.Table(
    "demand_route",
    metadata,
    sa.Column("demand_id", ID, sa.ForeignKey(demand.c.id), primary_key=True),
    key("bank_org_id"),
)

demand_response = sa.Table(
    "demand_response",
    metadata,
    key(),
    ref("demand_id", "demand"),
    ref("bank_org_id"),
    col.text("decision"),
    col.fen("offered_amount_fen", nullable=True),
    col.integer("annual_rate_bp", nullable=True),
    col.text("reason", nullable=True),
    col.created_at(),
)

# Subsidy programmes of policy funds (CONTRACT §6; migrations/versions/v0005_subsidy_programmes.py).
# `paid_fen` and the counts are running totals kept under the programme row's lock.
programme = sa.Table(
    "programme",
    metadata,
    key(),
    ref("fund_manager_org_id"),
    col.text("name"),
    col.text("kind"),
    col.integer("share_bp"),
    col.fen("cap_per_enterprise_year_fen", nullable=True),
    col.fen("cap_per_item_fen", nullable=True),
    col.fen("budget_fen"),
    col.integer("year"),
    texts("product_types"),
    texts("collateral"),
    texts("sizes"),
    texts("region_codes"),
    col.fen("paid_fen"),
    col.integer("approved_count"),
    col.integer("refused_count"),
    col.created_at(),
)

subsidy_claim = sa.Table(
    "subsidy_claim",
    metadata,
    key(),
    ref("programme_id", "programme"),
    ref("filed_by_org_id"),
    col.text("uscc"),
    col.text("loan_ref"),
    ref("bank_org_id"),
    col.day("period_from"),
    col.day("period_to"),
    col.fen("claimed_on_fen"),
    col.text("region_code"),
    col.fen("claimable_fen"),
    col.text("status"),
    col.fen("paid_fen"),
    col.text("reason", nullable=True),
    col.created_at(),
    col.moment("decided_at", nullable=True),
)

# What a programme has paid an enterprise in a calendar year: the annual cap is checked on it.
subsidy_enterprise_year = sa.Table(
    "subsidy_enterprise_year",
    metadata,
    sa.Column("programme_id", ID, sa.ForeignKey(programme.c.id), primary_key=True),
    sa.Column("uscc", sa.Text, primary_key=True),
    sa.Column("year", sa.Integer, primary_key=True),
    col.fen("paid_fen"),
)

# The 国务院办公厅 holiday notices loaded by the operator, one row per year (CONTRACT §5 calendar;
# migrations/versions/v0006_calendar.py). Years without a row use the library or statutory rule.
holiday_calendar = sa.Table(
    "holiday_calendar",
    metadata,
    sa.Column("year", sa.Integer, primary_key=True),
    sa.Column("holidays", ARRAY(sa.Date), nullable=False),
    sa.Column("workdays", ARRAY(sa.Date), nullable=False),
    col.moment("loaded_at"),
)
