"""Tables of the guarantee service, all in its own PostgreSQL schema `guarantee`.

Money columns are BIGINT fen, shares INTEGER bp. The four parties of a split are kept
as four columns each (bank, guarantor, provincial, national) so sums run in SQL.
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import UUID

from kit import columns
from kit.idempotency import idempotency_table
from services.guarantee.rules.chain import PARTIES

SCHEMA = "guarantee"
metadata = sa.MetaData(schema=SCHEMA)

idempotency_keys = idempotency_table(metadata, SCHEMA)


# Ids are handled as their string form in guarantee (as_text), unlike credit_push's UUIDs.
def key() -> sa.Column[str]:
    return columns.id_key(as_text=True)


def seq() -> sa.Column[int]:
    """The order rows were written in: what a list's cursor resumes after."""
    return sa.Column("seq", sa.BigInteger, sa.Identity(), nullable=False, unique=True)


def ref(name: str, table: str | None = None, *, nullable: bool = False) -> sa.Column[str]:
    """A UUID column; with ``table``, a foreign key to that table's id."""
    references = f"{SCHEMA}.{table}.id" if table else None
    return columns.uuid(name, nullable=nullable, as_text=True, references=references)


def fens(name: str, *, nullable: bool = False, zero: bool = False) -> list[sa.Column[int]]:
    """A split kept as four money columns, one per party: ``name`` is like ``loss_{}_fen``."""
    return [fen(name.format(p), nullable=nullable, zero=zero) for p in PARTIES]


def shares() -> list[sa.Column[int]]:
    return [whole(f"share_{p}_bp") for p in PARTIES]


def stamp(name: str = "created_at") -> sa.Column[dt.datetime]:
    return columns.moment(name, now=True)


def uscc() -> sa.Column[str]:
    return sa.Column("uscc", sa.String(18), nullable=False)


fen = columns.fen
text = columns.text
day = columns.day
whole = columns.integer  # a whole number that is not money: a bp rate, a multiple, a count of days


institution = sa.Table(
    "institution",
    metadata,
    key(),
    sa.Column("org_id", UUID(as_uuid=False), nullable=False, unique=True),
    text("name"),
    text("tier"),
    ref("parent_id", "institution", nullable=True),
    fen("net_assets_fen"),
    whole("leverage_multiple"),
    # A local guarantor's active weighted liability, kept up to date under its row lock.
    fen("liability_fen", zero=True),
    stamp(),
    stamp("updated_at"),
)

agreement = sa.Table(
    "agreement",
    metadata,
    key(),
    ref("bank_org_id"),
    ref("guarantor_id", "institution"),
    ref("provincial_id", "institution"),
    *shares(),
    stamp(),
)

exposure = sa.Table(
    "exposure",
    metadata,
    key(),
    seq(),
    ref("agreement_id", "agreement"),
    ref("guarantor_id"),
    ref("provincial_id"),
    ref("bank_org_id"),
    text("loan_ref"),
    uscc(),
    text("status"),
    sa.Column("small_micro", sa.Boolean, nullable=False),
    sa.Column("agri", sa.Boolean, nullable=False, server_default="false"),
    fen("principal_fen"),
    fen("outstanding_fen"),
    fen("guaranteed_fen"),
    fen("weighted_liability_fen"),
    *shares(),
    *fens("outstanding_{}_fen"),
    whole("fee_rate_bp"),
    day("start_date"),
    day("maturity_date"),
    day("ended_on", nullable=True),
    fen("defaulted_fen", nullable=True),
    fen("compensation_fen", nullable=True),
    *fens("loss_{}_fen", nullable=True),
    *fens("recovered_{}_fen", zero=True),
    stamp(),
    stamp("updated_at"),
)

# Every money movement on an exposure, split by party: registration (the opening split), repayment
# and default (what each party's outstanding share released), recovery (each party's allocation).
exposure_event = sa.Table(
    "exposure_event",
    metadata,
    sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
    ref("exposure_id", "exposure"),
    text("kind"),
    fen("amount_fen"),
    day("on_date"),
    *fens("part_{}_fen", zero=True),
    stamp(),
)

# Policy funds (CONTRACT §6): risk-compensation pools and bridge (续贷转贷) funds, each owned by the
# fund_manager org that created it. Their running totals live on the fund row, changed under its lock.
pool = sa.Table(
    "pool",
    metadata,
    key(),
    seq(),
    ref("manager_org_id"),
    text("name"),
    sa.Column("region_code", sa.String(6), nullable=False),
    fen("initial_balance_fen"),
    fen("balance_fen"),
    fen("paid_fen", zero=True),
    fen("recovered_fen", zero=True),
    whole("compensation_bp"),
    whole("stop_overdue_bp"),
    stamp(),
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
    key(),
    seq(),
    ref("pool_id", "pool"),
    ref("bank_org_id"),
    text("loan_ref"),
    uscc(),
    text("status"),
    fen("principal_fen"),
    fen("outstanding_fen"),
    day("start_date"),
    day("maturity_date"),
    day("overdue_on", nullable=True),
    day("defaulted_on", nullable=True),
    fen("defaulted_fen", nullable=True),
    fen("compensation_fen", nullable=True),
    fen("uncovered_fen", nullable=True),
    fen("recovered_total_fen", zero=True),
    fen("recovered_pool_fen", zero=True),
    stamp(),
    sa.UniqueConstraint("bank_org_id", "loan_ref", name="pool_loan_bank_ref"),
)

# One row per recovery of a pool loan, with its day: the pools' figures count them by period
# (migrations/versions/v0006_pool_recoveries.py).
pool_recovery = sa.Table(
    "pool_recovery",
    metadata,
    sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
    ref("pool_id", "pool"),
    ref("loan_id", "pool_loan"),
    fen("amount_fen"),
    fen("pool_fen"),
    day("recovered_on"),
    stamp(),
)

bridge_fund = sa.Table(
    "bridge_fund",
    metadata,
    key(),
    seq(),
    ref("manager_org_id"),
    text("name"),
    fen("size_fen"),
    whole("max_days"),
    whole("daily_fee_bp"),
    fen("outstanding_fen", zero=True),
    stamp(),
)

bridge_loan = sa.Table(
    "bridge_loan",
    metadata,
    key(),
    seq(),
    ref("fund_id", "bridge_fund"),
    uscc(),
    text("size"),
    ref("bank_org_id"),
    text("maturing_loan_ref"),
    text("renewal_commitment_ref"),
    fen("amount_fen"),
    fen("fee_fen"),
    day("start_date"),
    whole("days"),
    day("due_on"),
    day("repaid_on", nullable=True),
    stamp(),
)
