"""Answer shapes of the 银税互动 figures, `GET /v1/credit/stats` (CONTRACT §1 "Statistics", §3).

Flows (pushes, deliveries, authorisations, consents, loans) are those of the period; ratings and
banks subscribed are as they stand now (a rating is updated in place, so no earlier level is kept).
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field

RATIO = "in bp, half up"


class DeliveryCounts(BaseModel):
    """Webhook delivery health: deliveries created in the period, by their status now."""

    pending: int
    delivered: int
    failed: int


OLDEST = "Seconds since the oldest pending delivery (of the period) was created, now; null: none is."


class StatusCounts(BaseModel):
    """Authorisations or consents recorded in the period, by their status now; `expired` counts
    an active one whose last valid day (`expires_on`, Asia/Shanghai) has passed, too."""

    active: int
    revoked: int
    expired: int


class LoanBreakdown(BaseModel):
    """The loan figures of one 市州, bank or month."""

    loans_count: int
    loans_total_fen: int
    pure_credit_total_fen: int
    pure_credit_ratio_bp: int = Field(
        description=f"纯信用贷款比例: pure_credit_total_fen / loans_total_fen {RATIO}."
    )
    pure_credit_count_ratio_bp: int = Field(description=f"Pure-credit loans / loans {RATIO}.")
    enterprises_with_loans: int


class RegionBreakdown(LoanBreakdown):
    """One 市州: its loans, and its enterprises rated and pushed with their 受益户数比例."""

    enterprises_rated: int = 0
    enterprises_pushed: int = 0
    small_micro_pushed: int = 0
    small_micro_with_loans: int = 0
    beneficiary_ratio_bp: int = Field(default=0, description=f"受益户数比例 of the 市州 {RATIO}.")


class MonthBreakdown(LoanBreakdown):
    """One month: its loans (granted that month), and the 受益户数比例 from the period's start to the
    month's end (cumulative, so the last month's equals the period's)."""

    small_micro_pushed_to_date: int = 0
    small_micro_with_loans_to_date: int = 0
    beneficiary_ratio_to_date_bp: int = Field(
        default=0, description=f"受益户数比例 to the month's end {RATIO}."
    )


class BankBreakdown(LoanBreakdown):
    """One bank: the loans it reported and the health of its webhook deliveries."""

    deliveries: DeliveryCounts
    oldest_pending_age_seconds: int | None = Field(default=None, description=OLDEST)


class LoanTypeFigures(BaseModel):
    loans_count: int
    loans_total_fen: int


class YearRatings(BaseModel):
    enterprises: int = Field(description="Enterprises with a rating of this evaluation year.")
    by_level: dict[str, int] = Field(description="Per level (A, B, M, C, D).")


class StatsOut(LoanBreakdown):
    """The 银税互动 figures of the period (all time without one), overall and per 市州, bank and month."""

    model_config = ConfigDict(populate_by_name=True)

    from_: date | None = Field(alias="from", serialization_alias="from")
    to: date | None
    region_code: str | None = Field(
        default=None,
        description="The 市州 asked for: it narrows ratings, pushes, authorisations, consents and "
        "loans (by the enterprise's 市州), not banks subscribed or deliveries.",
    )
    enterprises_rated: int = Field(description="Enterprises with any stored rating (now).")
    enterprises_pushed: int = Field(description="Enterprises sent a `published` in the period.")
    banks_subscribed: int = Field(description="Banks with an active subscription (now).")
    deliveries: DeliveryCounts = Field(description="Webhook deliveries created in the period, by status.")
    oldest_pending_age_seconds: int | None = Field(default=None, description=OLDEST)
    small_micro_pushed: int = Field(description="Small-micro enterprises (latest item's mark) pushed.")
    small_micro_with_loans: int = Field(description="Of those, the ones with a loan in the period.")
    beneficiary_ratio_bp: int = Field(
        description="受益户数比例: small_micro_with_loans / small_micro_pushed in bp, half up."
    )
    authorisations: StatusCounts = Field(description="Enterprises' authorisations of partner apps.")
    consents: StatusCounts = Field(description="Enterprises' consents to show a bank their rating.")
    rated_by_level: dict[str, int] = Field(description="Enterprises by the level of their latest rating.")
    rated_by_year: dict[str, YearRatings] = Field(description="Ratings per evaluation year, by level.")
    loans_by_credit_type: dict[str, LoanTypeFigures] = Field(
        description="Loans reported per credit_type (pure_credit, guaranteed, collateral)."
    )
    by_region: dict[str, RegionBreakdown] = Field(description="Per 市州 (6-digit `xxxx00` code).")
    by_bank: dict[str, BankBreakdown] = Field(
        description="Per bank org id: banks with a loan or a delivery in the period."
    )
    by_month: dict[str, MonthBreakdown] = Field(
        description="Per month, `YYYY-MM`: months with a loan (granted_on) or a push in the period."
    )
