"""The matching figures for admin and the regulator (CONTRACT §1 "Statistics", §5 /v1/match/stats):
the demand funnel of a period, how fast banks answer within the 10 working days, per 市州, bank
and month, with products and enterprises as of the snapshot day."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from kit.money import ratio_bp
from kit.period import Period
from services.loan_match.repository import stats as repo
from services.loan_match.rules.calendar import RESPONSE_WORKING_DAYS
from services.loan_match.schemas import stats as schemas
from services.loan_match.service.common import same_named
from services.loan_match.service.figures import figure_heading, figure_rows, snapshot_day

BREAKDOWNS = {"region": "by_region", "bank": "by_bank", "month": "by_month"}


ANSWERS = tuple(schemas.Answers.model_fields)
# The demand funnel: its figures are the same in the overall, 市州 and month entries.
FUNNEL = ("demands", "routed", "responded", "accepted", "overdue")


def params(chosen: Period, region_code: str | None) -> repo.Params:
    return repo.Params(*chosen.bounds(), *snapshot_day(chosen), region_code)


def answers(r: repo.RouteFigures) -> schemas.Answers:
    """The routes' figures as they are, with the share answered in time of those due."""
    return schemas.Answers(**same_named(r, ANSWERS), answered_in_time_bp=ratio_bp(r.answered_in_time, r.due))


NO_ROUTES = repo.RouteFigures("", "", 0, 0, 0, 0, 0, 0, 0, 0, None, None)


def _demand(d: repo.DemandFigures, routes: repo.RouteFigures, queries: int | None) -> schemas.DemandFigures:
    return schemas.DemandFigures(**same_named(d, FUNNEL), queries=queries, answers=answers(routes))


def _keyed(rows: list[Any], kind: str) -> dict[str, Any]:
    return {row.key: row for row in rows if row.kind == kind}


async def stats(session: AsyncSession, chosen: Period, region_code: str | None) -> schemas.Stats:
    """Flows (queries, demands, answers) of the period; products, enterprises and overdue as of
    its end (today at the latest)."""
    bound = params(chosen, region_code)
    demands = await repo.demands(session, bound)
    routes = await repo.answers(session, bound)
    products = await repo.products(session, bound)
    queries = await repo.queries(session, bound)
    overall = _keyed(demands, "all")[""]
    routes_of = {kind: _keyed(routes, kind) for kind in ("all", "bank", "region", "month")}
    products_of = _keyed(products, "bank")
    queries_of = _keyed(queries, "month")
    banks = sorted(set(routes_of["bank"]) | set(products_of))
    return schemas.Stats(
        **figure_heading(chosen, bound.as_of, region_code),
        products=_keyed(products, "all")[""].count,
        products_by_type={key: row.count for key, row in _keyed(products, "type").items()},
        enterprises=await repo.enterprises(session, bound),
        queries=_keyed(queries, "all")[""].count,
        **same_named(overall, FUNNEL),
        respond_within_working_days=RESPONSE_WORKING_DAYS,
        answers=answers(routes_of["all"][""]),
        by_region={
            key: _demand(d, routes_of["region"].get(key, NO_ROUTES), None)
            for key, d in _keyed(demands, "region").items()
        },
        by_bank={
            bank: schemas.BankFigures(
                products=products_of[bank].count if bank in products_of else 0,
                **answers(routes_of["bank"].get(bank, NO_ROUTES)).model_dump(),
            )
            for bank in banks
        },
        by_month=_months(demands, routes_of["month"], queries_of),
    )


def _months(
    demands: list[repo.DemandFigures],
    routes: dict[str, repo.RouteFigures],
    queries: dict[str, repo.Count],
) -> dict[str, schemas.DemandFigures]:
    """Every month with a demand or a query, in order."""
    by_month = _keyed(demands, "month")
    empty = repo.DemandFigures("month", "", 0, 0, 0, 0, 0)
    months = sorted(set(by_month) | set(queries))
    return {
        m: _demand(by_month.get(m, empty), routes.get(m, NO_ROUTES), queries[m].count if m in queries else 0)
        for m in months
    }


def csv_rows(figures: schemas.Stats) -> list[dict[str, Any]]:
    """The overall row (breakdown ``all``), then one per 市州, bank and month, same columns."""
    return figure_rows(figures, BREAKDOWNS)
