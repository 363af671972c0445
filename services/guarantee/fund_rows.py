"""Typed rows of the policy funds (CONTRACT §6): pools, their loans, bridge funds and bridge loans."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class PoolRow:
    id: str
    seq: int
    manager_org_id: str
    name: str
    region_code: str
    initial_balance_fen: int
    balance_fen: int
    paid_fen: int
    recovered_fen: int
    compensation_bp: int
    stop_overdue_bp: int
    bank_org_ids: tuple[str, ...]
    created_at: dt.datetime


@dataclass(frozen=True)
class PoolLoanRow:
    id: str
    pool_id: str
    bank_org_id: str
    loan_ref: str
    uscc: str
    status: str
    principal_fen: int
    outstanding_fen: int
    start_date: dt.date
    maturity_date: dt.date
    overdue_on: dt.date | None
    defaulted_on: dt.date | None
    defaulted_fen: int | None
    compensation_fen: int | None
    uncovered_fen: int | None
    recovered_total_fen: int
    recovered_pool_fen: int


@dataclass(frozen=True)
class BankBook:
    """One bank's loans in a pool: what is owed, what of it is overdue (or defaulted), what was paid."""

    bank_org_id: str
    outstanding_fen: int
    overdue_fen: int
    paid_fen: int
    recovered_fen: int


@dataclass(frozen=True)
class BridgeFundRow:
    id: str
    seq: int
    manager_org_id: str
    name: str
    size_fen: int
    max_days: int
    daily_fee_bp: int
    outstanding_fen: int
    created_at: dt.datetime


@dataclass(frozen=True)
class BridgeLoanRow:
    id: str
    seq: int
    fund_id: str
    uscc: str
    size: str
    bank_org_id: str
    maturing_loan_ref: str
    renewal_commitment_ref: str
    amount_fen: int
    fee_fen: int
    start_date: dt.date
    days: int
    due_on: dt.date
    repaid_on: dt.date | None


@dataclass(frozen=True)
class BridgeFigures:
    """Counts and sums over a bridge fund's loans, as of one business day."""

    active_loans: int
    overdue_loans: int
    overdue_fen: int
    repaid_fen: int
    fees_fen: int
