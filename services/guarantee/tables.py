"""Tables of the guarantee service, all in its own PostgreSQL schema `guarantee`.

Money columns are BIGINT fen, shares INTEGER bp. The four parties of a split are kept
as four columns each (bank, guarantor, provincial, national) so sums run in SQL.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import UUID

from kit.idempotency import idempotency_table
from services.guarantee.rules.chain import PARTIES

SCHEMA = "guarantee"
metadata = sa.MetaData(schema=SCHEMA)

idempotency_keys = idempotency_table(metadata, SCHEMA)


def _now() -> sa.sql.elements.TextClause:
    return sa.text("now()")


institution = sa.Table(
    "institution",
    metadata,
    sa.Column("id", UUID(as_uuid=False), primary_key=True),
    sa.Column("org_id", UUID(as_uuid=False), nullable=False, unique=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("tier", sa.Text, nullable=False),
    sa.Column("parent_id", UUID(as_uuid=False), sa.ForeignKey(f"{SCHEMA}.institution.id"), nullable=True),
    sa.Column("net_assets_fen", sa.BigInteger, nullable=False),
    sa.Column("leverage_multiple", sa.Integer, nullable=False),
    # A local guarantor's active weighted liability, kept up to date under its row lock.
    sa.Column("liability_fen", sa.BigInteger, nullable=False, server_default="0"),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=_now()),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False, server_default=_now()),
)

agreement = sa.Table(
    "agreement",
    metadata,
    sa.Column("id", UUID(as_uuid=False), primary_key=True),
    sa.Column("bank_org_id", UUID(as_uuid=False), nullable=False),
    sa.Column("guarantor_id", UUID(as_uuid=False), sa.ForeignKey(f"{SCHEMA}.institution.id"), nullable=False),
    sa.Column(
        "provincial_id", UUID(as_uuid=False), sa.ForeignKey(f"{SCHEMA}.institution.id"), nullable=False
    ),
    *(sa.Column(f"share_{p}_bp", sa.Integer, nullable=False) for p in PARTIES),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=_now()),
)

exposure = sa.Table(
    "exposure",
    metadata,
    sa.Column("id", UUID(as_uuid=False), primary_key=True),
    sa.Column("seq", sa.BigInteger, sa.Identity(), nullable=False, unique=True),
    sa.Column("agreement_id", UUID(as_uuid=False), sa.ForeignKey(f"{SCHEMA}.agreement.id"), nullable=False),
    sa.Column("guarantor_id", UUID(as_uuid=False), nullable=False),
    sa.Column("provincial_id", UUID(as_uuid=False), nullable=False),
    sa.Column("bank_org_id", UUID(as_uuid=False), nullable=False),
    sa.Column("loan_ref", sa.Text, nullable=False),
    sa.Column("uscc", sa.String(18), nullable=False),
    sa.Column("status", sa.Text, nullable=False),
    sa.Column("small_micro", sa.Boolean, nullable=False),
    sa.Column("agri", sa.Boolean, nullable=False, server_default="false"),
    sa.Column("principal_fen", sa.BigInteger, nullable=False),
    sa.Column("outstanding_fen", sa.BigInteger, nullable=False),
    sa.Column("guaranteed_fen", sa.BigInteger, nullable=False),
    sa.Column("weighted_liability_fen", sa.BigInteger, nullable=False),
    *(sa.Column(f"share_{p}_bp", sa.Integer, nullable=False) for p in PARTIES),
    *(sa.Column(f"outstanding_{p}_fen", sa.BigInteger, nullable=False) for p in PARTIES),
    sa.Column("fee_rate_bp", sa.Integer, nullable=False),
    sa.Column("start_date", sa.Date, nullable=False),
    sa.Column("maturity_date", sa.Date, nullable=False),
    sa.Column("ended_on", sa.Date, nullable=True),
    sa.Column("defaulted_fen", sa.BigInteger, nullable=True),
    sa.Column("compensation_fen", sa.BigInteger, nullable=True),
    *(sa.Column(f"loss_{p}_fen", sa.BigInteger, nullable=True) for p in PARTIES),
    *(sa.Column(f"recovered_{p}_fen", sa.BigInteger, nullable=False, server_default="0") for p in PARTIES),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=_now()),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False, server_default=_now()),
)

# Every money movement on an exposure, split by party: registration (the opening split), repayment
# and default (what each party's outstanding share released), recovery (each party's allocation).
exposure_event = sa.Table(
    "exposure_event",
    metadata,
    sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
    sa.Column("exposure_id", UUID(as_uuid=False), sa.ForeignKey(f"{SCHEMA}.exposure.id"), nullable=False),
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("amount_fen", sa.BigInteger, nullable=False),
    sa.Column("on_date", sa.Date, nullable=False),
    *(sa.Column(f"part_{p}_fen", sa.BigInteger, nullable=False, server_default="0") for p in PARTIES),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=_now()),
)

# Policy funds (CONTRACT §6): risk-compensation pools and bridge (续贷转贷) funds, each owned by the
# fund_manager org that created it. Their running totals live on the fund row, changed under its lock.
pool = sa.Table(
    "pool",
    metadata,
    sa.Column("id", UUID(as_uuid=False), primary_key=True),
    sa.Column("seq", sa.BigInteger, sa.Identity(), nullable=False, unique=True),
    sa.Column("manager_org_id", UUID(as_uuid=False), nullable=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("region_code", sa.String(6), nullable=False),
    sa.Column("initial_balance_fen", sa.BigInteger, nullable=False),
    sa.Column("balance_fen", sa.BigInteger, nullable=False),
    sa.Column("paid_fen", sa.BigInteger, nullable=False, server_default="0"),
    sa.Column("recovered_fen", sa.BigInteger, nullable=False, server_default="0"),
    sa.Column("compensation_bp", sa.Integer, nullable=False),
    sa.Column("stop_overdue_bp", sa.Integer, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=_now()),
)

pool_bank = sa.Table(
    "pool_bank",
    metadata,
    sa.Column("pool_id", UUID(as_uuid=False), sa.ForeignKey(f"{SCHEMA}.pool.id"), primary_key=True),
    sa.Column("bank_org_id", UUID(as_uuid=False), primary_key=True),
)

# outstanding_fen is what is still owed: the principal, then the last overdue report, then after a
# default the defaulted outstanding less what was recovered.
pool_loan = sa.Table(
    "pool_loan",
    metadata,
    sa.Column("id", UUID(as_uuid=False), primary_key=True),
    sa.Column("seq", sa.BigInteger, sa.Identity(), nullable=False, unique=True),
    sa.Column("pool_id", UUID(as_uuid=False), sa.ForeignKey(f"{SCHEMA}.pool.id"), nullable=False),
    sa.Column("bank_org_id", UUID(as_uuid=False), nullable=False),
    sa.Column("loan_ref", sa.Text, nullable=False),
    sa.Column("uscc", sa.String(18), nullable=False),
    sa.Column("status", sa.Text, nullable=False),
    sa.Column("principal_fen", sa.BigInteger, nullable=False),
    sa.Column("outstanding_fen", sa.BigInteger, nullable=False),
    sa.Column("start_date", sa.Date, nullable=False),
    sa.Column("maturity_date", sa.Date, nullable=False),
    sa.Column("overdue_on", sa.Date, nullable=True),
    sa.Column("defaulted_on", sa.Date, nullable=True),
    sa.Column("defaulted_fen", sa.BigInteger, nullable=True),
    sa.Column("compensation_fen", sa.BigInteger, nullable=True),
    sa.Column("uncovered_fen", sa.BigInteger, nullable=True),
    sa.Column("recovered_total_fen", sa.BigInteger, nullable=False, server_default="0"),
    sa.Column("recovered_pool_fen", sa.BigInteger, nullable=False, server_default="0"),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=_now()),
    sa.UniqueConstraint("bank_org_id", "loan_ref", name="pool_loan_bank_ref"),
)

# One row per recovery of a pool loan, with its day: the pools' figures count them by period
# (migrations/versions/v0006_pool_recoveries.py).
pool_recovery = sa.Table(
    "pool_recovery",
    metadata,
    sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
    sa.Column("pool_id", UUID(as_uuid=False), sa.ForeignKey(f"{SCHEMA}.pool.id"), nullable=False),
    sa.Column("loan_id", UUID(as_uuid=False), sa.ForeignKey(f"{SCHEMA}.pool_loan.id"), nullable=False),
    sa.Column("amount_fen", sa.BigInteger, nullable=False),
    sa.Column("pool_fen", sa.BigInteger, nullable=False),
    sa.Column("recovered_on", sa.Date, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=_now()),
)

bridge_fund = sa.Table(
    "bridge_fund",
    metadata,
    sa.Column("id", UUID(as_uuid=False), primary_key=True),
    sa.Column("seq", sa.BigInteger, sa.Identity(), nullable=False, unique=True),
    sa.Column("manager_org_id", UUID(as_uuid=False), nullable=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("size_fen", sa.BigInteger, nullable=False),
    sa.Column("max_days", sa.Integer, nullable=False),
    sa.Column("daily_fee_bp", sa.Integer, nullable=False),
    sa.Column("outstanding_fen", sa.BigInteger, nullable=False, server_default="0"),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=_now()),
)

bridge_loan = sa.Table(
    "bridge_loan",
    metadata,
    sa.Column("id", UUID(as_uuid=False), primary_key=True),
    sa.Column("seq", sa.BigInteger, sa.Identity(), nullable=False, unique=True),
    sa.Column("fund_id", UUID(as_uuid=False), sa.ForeignKey(f"{SCHEMA}.bridge_fund.id"), nullable=False),
    sa.Column("uscc", sa.String(18), nullable=False),
    sa.Column("size", sa.Text, nullable=False),
    sa.Column("bank_org_id", UUID(as_uuid=False), nullable=False),
    sa.Column("maturing_loan_ref", sa.Text, nullable=False),
    sa.Column("renewal_commitment_ref", sa.Text, nullable=False),
    sa.Column("amount_fen", sa.BigInteger, nullable=False),
    sa.Column("fee_fen", sa.BigInteger, nullable=False),
    sa.Column("start_date", sa.Date, nullable=False),
    sa.Column("days", sa.Integer, nullable=False),
    sa.Column("due_on", sa.Date, nullable=False),
    sa.Column("repaid_on", sa.Date, nullable=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=_now()),
)
