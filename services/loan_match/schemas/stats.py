"""Answer shapes of the matching figures (CONTRACT §1 "Statistics", §5 /v1/match/stats)."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field

MINUTES = "Minutes from the demand to the bank's first decision (accepted or declined)"


class Answers(BaseModel):
    """How fast routed banks answer (a route is one demand routed to one bank)."""

    routes: int = Field(description="Demands routed to a bank, counted once per bank.")
    answered: int = Field(description="Routes with a decision (accepted or declined).")
    accepted: int
    declined: int
    need_info: int = Field(description="Routes where the bank asked for information and has not decided.")
    overdue: int = Field(description="Routes past respond_by with no decision, as of the snapshot day.")
    answered_in_time: int = Field(description="Routes decided on or before respond_by.")
    answered_in_time_bp: int = Field(
        description="answered_in_time ÷ routes that are answered or overdue (10 working days, CONTRACT §5)."
    )
    median_answer_minutes: int | None = Field(description=f"{MINUTES}: the median (nearest rank).")
    p90_answer_minutes: int | None = Field(description=f"{MINUTES}: the 90th percentile (nearest rank).")


class BankFigures(Answers):
    products: int = Field(description="Products of the bank on offer at the snapshot day.")


class DemandFigures(BaseModel):
    """The demand funnel of one 市州 or month, and how fast its routes were answered."""

    demands: int
    routed: int = Field(description="Demands routed to at least one bank.")
    responded: int = Field(description="Demands with any answer, need_info included.")
    accepted: int = Field(description="Demands some bank accepted.")
    overdue: int = Field(description="Demands with an overdue route.")
    queries: int | None = Field(default=None, description="Match queries (by month only).")
    answers: Answers


class Stats(BaseModel):
    """The matching funnel of the period, with answer times, per 市州, bank and month."""

    model_config = ConfigDict(populate_by_name=True)

    from_: date | None = Field(default=None, alias="from", serialization_alias="from")
    to: date | None = None
    as_of: date = Field(description="The snapshot day of products, enterprises and overdue: `to` or today.")
    region_code: str | None = None
    products: int = Field(description="Products on offer at the snapshot day.")
    products_by_type: dict[str, int]
    enterprises: int = Field(description="Enterprises with a profile at the snapshot day.")
    queries: int
    demands: int
    routed: int
    responded: int
    accepted: int = Field(description="Demands some bank accepted.")
    overdue: int = Field(description="Demands past respond_by with a routed bank that has not decided.")
    respond_within_working_days: int = Field(description="The answer deadline (CONTRACT §5).")
    answers: Answers
    by_region: dict[str, DemandFigures]
    by_bank: dict[str, BankFigures]
    by_month: dict[str, DemandFigures]


class ClaimFigures(BaseModel):
    """Claims filed and decided in the period (of one programme, 市州, bank or month)."""

    claims_filed: int
    claimed_fen: int = Field(description="Interest or fee paid that the filed claims are for.")
    approved_count: int
    paid_fen: int = Field(description="Subsidy paid by the approvals of the period.")
    refused_count: int


class ProgrammeFigures(ClaimFigures):
    name: str
    kind: str
    year: int
    budget_fen: int
    paid_to_date_fen: int = Field(description="Paid by the end of the snapshot day, all periods.")
    remaining_budget_fen: int
    pending_count: int = Field(description="Claims filed and not decided at the snapshot day.")


class YearFigures(BaseModel):
    """The programmes of one budget year, at the snapshot day."""

    programmes: int
    budget_fen: int
    paid_to_date_fen: int
    remaining_budget_fen: int


class ProgrammeStats(ClaimFigures):
    """Subsidy programmes (CONTRACT §6): claims of the period, budgets at the snapshot day."""

    model_config = ConfigDict(populate_by_name=True)

    from_: date | None = Field(default=None, alias="from", serialization_alias="from")
    to: date | None = None
    as_of: date
    region_code: str | None = Field(default=None, description="Narrows the claims (not the budgets).")
    programmes: int
    budget_fen: int
    paid_to_date_fen: int
    remaining_budget_fen: int
    pending_count: int
    refused_by_reason: dict[str, int] = Field(description="Refusals of the period by reason.")
    by_programme: dict[str, ProgrammeFigures]
    by_year: dict[str, YearFigures] = Field(description="Budgets per programme year.")
    by_region: dict[str, ClaimFigures]
    by_bank: dict[str, ClaimFigures]
    by_month: dict[str, ClaimFigures]
