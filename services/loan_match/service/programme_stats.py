"""The subsidy figures (CONTRACT §6; issue 16 "Figures"): claims filed, approved, paid and refused
by reason within a period, per programme, 市州, bank and month, with each programme's budget, what
it had paid and has left at the snapshot day, and budgets per year. A fund manager sees its own
programmes; admin and the regulator every one."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from kit.csv import breakdown_rows
from kit.period import Period
from kit.shapes import business_today
from services.loan_match.repository import programme_stats as repo
from services.loan_match.schemas import stats as schemas
from services.loan_match.service.common import Caller

BREAKDOWNS = {
    "programme": "by_programme",
    "year": "by_year",
    "region": "by_region",
    "bank": "by_bank",
    "month": "by_month",
    "refusal": "refused_by_reason",
}
NOTHING = repo.ClaimFigures("", "", 0, 0, 0, 0, 0)


def _claims(row: repo.ClaimFigures) -> dict[str, int]:
    return {
        "claims_filed": row.claims_filed,
        "claimed_fen": row.claimed_fen,
        "approved_count": row.approved_count,
        "paid_fen": row.paid_fen,
        "refused_count": row.refused_count,
    }


def _years(books: list[repo.ProgrammeBook]) -> dict[str, schemas.YearFigures]:
    years: dict[str, schemas.YearFigures] = {}
    for book in books:
        seen = years.get(
            str(book.year),
            schemas.YearFigures(programmes=0, budget_fen=0, paid_to_date_fen=0, remaining_budget_fen=0),
        )
        years[str(book.year)] = schemas.YearFigures(
            programmes=seen.programmes + 1,
            budget_fen=seen.budget_fen + book.budget_fen,
            paid_to_date_fen=seen.paid_to_date_fen + book.paid_to_date_fen,
            remaining_budget_fen=seen.remaining_budget_fen + book.budget_fen - book.paid_to_date_fen,
        )
    return years


async def stats(
    session: AsyncSession, chosen: Period, region_code: str | None, caller: Caller
) -> schemas.ProgrammeStats:
    """A fund manager's own programmes; admin's and the regulator's every one."""
    manager = caller.org_id if caller.role == "fund_manager" else None
    as_of = chosen.as_of(business_today())
    _, as_of_end = Period(as_of, as_of).bounds()
    assert as_of_end is not None
    low, high = chosen.bounds()
    bound = repo.Params(low, high, as_of_end, region_code, manager)
    rows = await repo.claims(session, bound)
    books = await repo.books(session, bound)
    keyed: dict[str, dict[str, repo.ClaimFigures]] = {}
    for row in rows:
        keyed.setdefault(row.kind, {})[row.key] = row
    by_programme = {
        b.id: schemas.ProgrammeFigures(
            **_claims(keyed.get("programme", {}).get(b.id, NOTHING)),
            name=b.name,
            kind=b.kind,
            year=b.year,
            budget_fen=b.budget_fen,
            paid_to_date_fen=b.paid_to_date_fen,
            remaining_budget_fen=b.budget_fen - b.paid_to_date_fen,
            pending_count=b.pending_count,
        )
        for b in books
    }
    budget = sum(b.budget_fen for b in books)
    paid = sum(b.paid_to_date_fen for b in books)
    return schemas.ProgrammeStats(
        **_claims(keyed["all"][""]),
        from_=chosen.start,
        to=chosen.end,
        as_of=as_of,
        region_code=region_code,
        programmes=len(books),
        budget_fen=budget,
        paid_to_date_fen=paid,
        remaining_budget_fen=budget - paid,
        pending_count=sum(b.pending_count for b in books),
        refused_by_reason=await repo.refusals(session, bound),
        by_programme=by_programme,
        by_year=_years(books),
        **{
            name: {key: schemas.ClaimFigures(**_claims(row)) for key, row in keyed.get(kind, {}).items()}
            for kind, name in (("region", "by_region"), ("bank", "by_bank"), ("month", "by_month"))
        },
    )


def csv_rows(figures: schemas.ProgrammeStats) -> list[dict[str, Any]]:
    """The overall row, then one per programme, year, 市州, bank, month and refusal reason."""
    body = figures.model_dump(by_alias=True, mode="json")
    heading = {key: body.pop(key) for key in ("from", "to", "as_of", "region_code")}
    return breakdown_rows(body, BREAKDOWNS, heading)
