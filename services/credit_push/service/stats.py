"""The 银税互动 statistics (CONTRACT §3 stats row; §1 "Statistics": period and breakdowns).

受益户数比例 (beneficiary ratio) follows the 银税互动 reporting the tax authority and the banking
regulator ask for (税总发〔2019〕113号): small-micro enterprises in the push set with a reported
loan in the period over small-micro enterprises in the push set.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from kit.csv import flatten
from kit.money import ratio_bp
from services.credit_push import repository as repo
from services.credit_push.repository.stats import LoanFigures
from services.credit_push.rules.period import Period
from services.credit_push.schemas import DeliveryCounts, LoanBreakdown, StatsOut

_BREAKDOWNS = {"region": "by_region", "bank": "by_bank", "month": "by_month"}


def breakdown(figures: LoanFigures) -> LoanBreakdown:
    return LoanBreakdown(
        loans_count=figures.loans_count,
        loans_total_fen=figures.loans_total_fen,
        pure_credit_total_fen=figures.pure_credit_total_fen,
        pure_credit_ratio_bp=ratio_bp(figures.pure_credit_total_fen, figures.loans_total_fen),
        pure_credit_count_ratio_bp=ratio_bp(figures.pure_credit_count, figures.loans_count),
        enterprises_with_loans=figures.enterprises_with_loans,
    )


async def stats(session: AsyncSession, period: Period) -> StatsOut:
    """Coverage, delivery health and loans of the period, with per-市州, bank and month loans."""
    params = repo.stats.params(period.start, period.end, *period.bounds())
    cover = await repo.stats.coverage(session, params)
    rows = await repo.stats.loans(session, params)
    parts: dict[str, dict[str, LoanBreakdown]] = {name: {} for name in _BREAKDOWNS.values()}
    overall = next(r for r in rows if r.kind == "all")
    for row in rows:
        if row.kind in _BREAKDOWNS:
            parts[_BREAKDOWNS[row.kind]][row.key] = breakdown(row)
    return StatsOut(
        **breakdown(overall).model_dump(),
        from_=period.start,
        to=period.end,
        enterprises_rated=cover.enterprises_rated,
        enterprises_pushed=cover.enterprises_pushed,
        banks_subscribed=cover.banks_subscribed,
        deliveries=DeliveryCounts(pending=cover.pending, delivered=cover.delivered, failed=cover.failed),
        small_micro_pushed=cover.small_micro_pushed,
        small_micro_with_loans=cover.small_micro_with_loans,
        beneficiary_ratio_bp=ratio_bp(cover.small_micro_with_loans, cover.small_micro_pushed),
        **parts,
    )


def csv_rows(figures: StatsOut) -> list[dict[str, Any]]:
    """The overall row (breakdown `all`), then one row per 市州, bank and month, same columns."""
    heading = {"breakdown": "all", "key": "", "from": figures.from_, "to": figures.to}
    overall = figures.model_dump(exclude={"by_region", "by_bank", "by_month", "from_", "to"})
    rows = [{**heading, **flatten(overall)}]
    for kind, name in _BREAKDOWNS.items():
        for key, part in getattr(figures, name).items():
            rows.append({**heading, "breakdown": kind, "key": key, **part.model_dump()})
    return rows
