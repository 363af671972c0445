"""The subsidy figures (CONTRACT §6; issue 16 "Figures"): claims filed, approved, paid and refused
by reason within a period, per programme, 市州, bank and month, with each programme's budget, what
it had paid and has left at the snapshot day, and budgets per year. A fund manager sees its own
programmes; admin and the regulator every one."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from kit.period import Period
from services.loan_match.repository import programme_stats as repo
from services.loan_match.schemas import stats as schemas
from services.loan_match.service.common import Caller, same_named
from services.loan_match.service.figures import figure_heading, figure_rows, snapshot_day

BREAKDOWNS = {
    "programme": "by_programme",
    "year": "by_year",
    "region": "by_region",
    "bank": "by_bank",
    "month": "by_month",
    "refusal": "refused_by_reason",
}
NOTHING = repo.ClaimFigures("", "", 0, 0, 0, 0, 0)
CLAIMS = tuple(schemas.ClaimFigures.model_fields)
BOOK = ("name", "kind", "year", "budget_fen", "paid_to_date_fen", "pending_count")
Keyed = dict[str, dict[str, repo.ClaimFigures]]


def _claims(row: repo.ClaimFigures) -> schemas.ClaimFigures:
    return schemas.ClaimFigures(**same_named(row, CLAIMS))


def _programme(book: repo.ProgrammeBook, claims: repo.ClaimFigures) -> schemas.ProgrammeFigures:
    remaining = book.budget_fen - book.paid_to_date_fen
    return schemas.ProgrammeFigures(
        **same_named(claims, CLAIMS), **same_named(book, BOOK), remaining_budget_fen=remaining
    )


def _budgets(books: list[repo.ProgrammeBook]) -> schemas.YearFigures:
    """How many programmes ``books`` are, what they were given, have paid and have left."""
    budget, paid = sum(b.budget_fen for b in books), sum(b.paid_to_date_fen for b in books)
    return schemas.YearFigures(
        programmes=len(books), budget_fen=budget, paid_to_date_fen=paid, remaining_budget_fen=budget - paid
    )


def _years(books: list[repo.ProgrammeBook]) -> dict[str, schemas.YearFigures]:
    by_year: dict[str, list[repo.ProgrammeBook]] = {}
    for book in books:
        by_year.setdefault(str(book.year), []).append(book)
    return {year: _budgets(of_year) for year, of_year in by_year.items()}


def _keyed(rows: list[repo.ClaimFigures]) -> Keyed:
    keyed: Keyed = {}
    for row in rows:
        keyed.setdefault(row.kind, {})[row.key] = row
    return keyed


async def stats(
    session: AsyncSession, chosen: Period, region_code: str | None, caller: Caller
) -> schemas.ProgrammeStats:
    """A fund manager's own programmes; admin's and the regulator's every one."""
    manager = caller.org_id if caller.role == "fund_manager" else None
    as_of, as_of_end = snapshot_day(chosen)
    bound = repo.Params(*chosen.bounds(), as_of_end, region_code, manager)
    keyed = _keyed(await repo.claims(session, bound))
    books = await repo.books(session, bound)
    return schemas.ProgrammeStats(
        **same_named(keyed["all"][""], CLAIMS),
        **figure_heading(chosen, as_of, region_code),
        **_budgets(books).model_dump(),
        pending_count=sum(b.pending_count for b in books),
        refused_by_reason=await repo.refusals(session, bound),
        by_programme={b.id: _programme(b, keyed.get("programme", {}).get(b.id, NOTHING)) for b in books},
        by_year=_years(books),
        **{
            name: {key: _claims(row) for key, row in keyed.get(kind, {}).items()}
            for kind, name in (("region", "by_region"), ("bank", "by_bank"), ("month", "by_month"))
        },
    )


def csv_rows(figures: schemas.ProgrammeStats) -> list[dict[str, Any]]:
    """The overall row, then one per programme, year, 市州, bank, month and refusal reason."""
    return figure_rows(figures, BREAKDOWNS)
