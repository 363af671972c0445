"""The 银税互动 statistics (CONTRACT §3 stats row; §1 "Statistics": period, 市州 and breakdowns).

受益户数比例 (beneficiary ratio) follows the 银税互动 reporting the tax authority and the banking
regulator ask for (税总发〔2019〕113号): small-micro enterprises in the push set with a reported
loan in the period over small-micro enterprises in the push set. 纯信用贷款比例 is the pure-credit
share of the loans reported (by amount, and by count). Over time (``by_month``) the 受益户数比例 is
taken from the period's start to each month's end, so its last month is the period's figure.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from kit.csv import breakdown_rows
from kit.money import ratio_bp
from kit.period import Period
from kit.shapes import business_today
from services.credit_push import repository as repo
from services.credit_push.repository import stats_health
from services.credit_push.repository.stats import LoanFigures, Reach, ToDate
from services.credit_push.schemas.stats import (
    BankBreakdown,
    DeliveryCounts,
    LoanBreakdown,
    LoanTypeFigures,
    MonthBreakdown,
    RegionBreakdown,
    StatsOut,
    StatusCounts,
    YearRatings,
)

BREAKDOWNS = {
    "region": "by_region",
    "bank": "by_bank",
    "month": "by_month",
    "level": "rated_by_level",
    "year": "rated_by_year",
    "credit_type": "loans_by_credit_type",
}
NO_LOANS = LoanFigures("", "", 0, 0, 0, 0, 0)
NO_DELIVERIES = DeliveryCounts(pending=0, delivered=0, failed=0)


def breakdown(figures: LoanFigures) -> LoanBreakdown:
    return LoanBreakdown(
        loans_count=figures.loans_count,
        loans_total_fen=figures.loans_total_fen,
        pure_credit_total_fen=figures.pure_credit_total_fen,
        pure_credit_ratio_bp=ratio_bp(figures.pure_credit_total_fen, figures.loans_total_fen),
        pure_credit_count_ratio_bp=ratio_bp(figures.pure_credit_count, figures.loans_count),
        enterprises_with_loans=figures.enterprises_with_loans,
    )


def _region(loans: LoanFigures, reach: Reach | None) -> RegionBreakdown:
    loan_part = breakdown(loans).model_dump()
    if reach is None:
        return RegionBreakdown(**loan_part)
    return RegionBreakdown(
        **loan_part,
        enterprises_rated=reach.enterprises_rated,
        enterprises_pushed=reach.enterprises_pushed,
        small_micro_pushed=reach.small_micro_pushed,
        small_micro_with_loans=reach.small_micro_with_loans,
        beneficiary_ratio_bp=ratio_bp(reach.small_micro_with_loans, reach.small_micro_pushed),
    )


def _month(loans: LoanFigures, to_date: ToDate | None) -> MonthBreakdown:
    pushed, with_loans = (to_date.small_micro_pushed, to_date.small_micro_with_loans) if to_date else (0, 0)
    return MonthBreakdown(
        **breakdown(loans).model_dump(),
        small_micro_pushed_to_date=pushed,
        small_micro_with_loans_to_date=with_loans,
        beneficiary_ratio_to_date_bp=ratio_bp(with_loans, pushed),
    )


def _deliveries(health: stats_health.Health | None) -> dict[str, Any]:
    """The delivery health fields: ``deliveries`` by status and the oldest pending one's age."""
    if health is None:
        return {"deliveries": NO_DELIVERIES, "oldest_pending_age_seconds": None}
    counts = DeliveryCounts(pending=health.pending, delivered=health.delivered, failed=health.failed)
    return {"deliveries": counts, "oldest_pending_age_seconds": health.oldest_pending_age_seconds}


def _statuses(counts: list[stats_health.Count], kind: str) -> StatusCounts:
    found = {c.key: c.count for c in counts if c.kind == kind}
    return StatusCounts(
        active=found.get("active", 0), revoked=found.get("revoked", 0), expired=found.get("expired", 0)
    )


def _years(counts: list[stats_health.Count]) -> dict[str, YearRatings]:
    years: dict[str, dict[str, int]] = {}
    for c in counts:
        if c.kind == "year":
            years.setdefault(c.key, {})[c.level] = c.count
    return {y: YearRatings(enterprises=sum(levels.values()), by_level=levels) for y, levels in years.items()}


async def stats(session: AsyncSession, period: Period, region_code: str | None = None) -> StatsOut:
    """Coverage, authorisations, delivery health and loans of the period (of one 市州 when given),
    with their breakdowns per 市州, bank, month, rating level and year, and credit type."""
    params = repo.stats.params(period.start, period.end, *period.bounds(), region_code)
    loans = await repo.stats.loans(session, params)
    reach = {(r.kind, r.key): r for r in await repo.stats.reach(session, params)}
    to_date = {t.month: t for t in await repo.stats.to_date(session, params)}
    health = {h.bank: h for h in await stats_health.health(session, params)}
    counts = await stats_health.counts(session, {**params, "today": business_today()})
    kinds = ("all", "region", "bank", "month", "type")
    of = {kind: {r.key: r for r in loans if r.kind == kind} for kind in kinds}
    overall, everyone = of["all"][""], reach[("all", "")]
    regions = sorted(set(of["region"]) | {key for kind, key in reach if kind == "region"})
    banks = sorted(set(of["bank"]) | (set(health) - {""}))
    return StatsOut(
        **breakdown(overall).model_dump(),
        from_=period.start,
        to=period.end,
        region_code=region_code,
        enterprises_rated=everyone.enterprises_rated,
        enterprises_pushed=everyone.enterprises_pushed,
        banks_subscribed=await stats_health.banks_subscribed(session),
        **_deliveries(health.get("")),
        small_micro_pushed=everyone.small_micro_pushed,
        small_micro_with_loans=everyone.small_micro_with_loans,
        beneficiary_ratio_bp=ratio_bp(everyone.small_micro_with_loans, everyone.small_micro_pushed),
        authorisations=_statuses(counts, "authorisations"),
        consents=_statuses(counts, "consents"),
        rated_by_level={c.key: c.count for c in counts if c.kind == "level"},
        rated_by_year=_years(counts),
        loans_by_credit_type={
            key: LoanTypeFigures(loans_count=r.loans_count, loans_total_fen=r.loans_total_fen)
            for key, r in of["type"].items()
        },
        by_region={k: _region(of["region"].get(k, NO_LOANS), reach.get(("region", k))) for k in regions},
        by_bank={
            bank: BankBreakdown(
                **breakdown(of["bank"].get(bank, NO_LOANS)).model_dump(),
                **_deliveries(health.get(bank)),
            )
            for bank in banks
        },
        by_month={
            m: _month(of["month"].get(m, NO_LOANS), to_date.get(m))
            for m in sorted(set(of["month"]) | set(to_date))
        },
    )


def csv_rows(figures: StatsOut) -> list[dict[str, Any]]:
    """The overall row (breakdown ``all``), then one row per entry of each breakdown, same columns."""
    body = figures.model_dump(by_alias=True, mode="json")
    heading = {key: body.pop(key) for key in ("from", "to", "region_code")}
    return breakdown_rows(body, BREAKDOWNS, heading)
