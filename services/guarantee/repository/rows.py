"""What the repository hands back and takes: typed rows, never mappings keyed by column name.

A split (one amount per party) is stored as four columns; here it is one ``Split``, so the
service and the answers never spell a column name.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from services.guarantee.rules.allocation import Figures
from services.guarantee.rules.chain import Split, Status, Tier
from services.guarantee.rules.weights import Guarantor, Held


# The row is exactly what the API answers, so it is also the answer body (schemas.Institution).
@dataclass(frozen=True)
class Institution:
    """An institution of the guarantee chain."""

    id: str
    org_id: str
    name: str
    tier: Tier
    parent_id: str | None
    net_assets_fen: int
    leverage_multiple: int
    created_at: dt.datetime
    updated_at: dt.datetime


@dataclass(frozen=True)
class Member:
    """Who an institution is in the chain: fixed when it is registered (PATCH changes figures only)."""

    id: str
    tier: Tier
    parent_id: str | None


@dataclass(frozen=True)
class AgreementRow:
    id: str
    bank_org_id: str
    guarantor_id: str
    provincial_id: str
    shares_bp: Split
    created_at: dt.datetime


@dataclass(frozen=True)
class ExposureRow:
    id: str
    seq: int
    agreement_id: str
    guarantor_id: str
    provincial_id: str
    bank_org_id: str
    loan_ref: str
    uscc: str
    status: Status
    small_micro: bool
    agri: bool
    principal_fen: int
    outstanding_fen: int
    guaranteed_fen: int
    weighted_liability_fen: int
    shares_bp: Split
    shares_fen: Split  # the outstanding amount split by the shares
    fee_rate_bp: int
    start_date: dt.date
    maturity_date: dt.date
    ended_on: dt.date | None
    defaulted_fen: int | None
    compensation_fen: int | None
    losses_fen: Split | None  # set by the default, None before it
    recovered_fen: Split
    created_at: dt.datetime


@dataclass(frozen=True)
class NewExposure:
    """An exposure to register: the loan, the agreement it falls under and its opening figures."""

    agreement: AgreementRow
    loan_ref: str
    uscc: str
    small_micro: bool
    agri: bool
    principal_fen: int
    fee_rate_bp: int
    start_date: dt.date
    maturity_date: dt.date
    figures: Figures
    weighted_liability_fen: int
    liability_delta_fen: int  # how much the guarantor's running total rises (the client re-weighed)


@dataclass(frozen=True)
class Book:
    """A local guarantor's row, locked, and one client's active exposures with it (by id)."""

    guarantor: Guarantor
    held: dict[str, Held]


@dataclass(frozen=True)
class PositionFigures:
    """Totals behind one institution's position, at its own share (see ``Repository.position_figures``)."""

    liability: int
    active: int
    compensated: int
    recovered: int


@dataclass(frozen=True)
class Releases:
    """代偿率's two sums at an institution's own share: compensations paid, guarantees released."""

    compensated: int
    released: int


@dataclass(frozen=True)
class RegionFigures:
    """The summary's sums over one 市州, or one bank (as of a day, flows over a period)."""

    region_code: str  # the 市州 code, or the bank's org id for a per-bank row
    active: int
    principal: int
    guaranteed: int
    guaranteed_x_fee: int
    small_micro_agri: int
    upto_5m_clients: int
    outstanding: Split
    compensated: Split
    recovered: Split


@dataclass(frozen=True)
class CapacityRow:
    """A local guarantor with an agreement with the bank: its limits and running weighted total."""

    guarantor_id: str
    name: str
    agreement_id: str
    shares_bp: Split
    net_assets_fen: int
    leverage_multiple: int
    liability_fen: int


# The policy funds (CONTRACT §6): pools, their loans, bridge funds and bridge loans.


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
