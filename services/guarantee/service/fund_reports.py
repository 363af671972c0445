"""The policy funds' figures (CONTRACT §6; issue 16 "Figures"): risk pools (balances, compensation
paid, recoveries) and bridge funds (loans out, returned, overdue), for a period and a 市州. A fund
manager sees its own funds; admin and the regulator every one."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from kit.csv import breakdown_rows
from kit.money import ratio_bp
from kit.period import Period
from kit.principal import Principal
from kit.shapes import business_today
from services.guarantee.repository import Repository
from services.guarantee.repository.fund_figures import BRIDGE_FLOWS, POOL_FLOWS, Figures, FundParams
from services.guarantee.schemas import reports as rs

HEADING = ("from", "to", "as_of", "region_code")


def params(principal: Principal, chosen: Period, region_code: str | None) -> FundParams:
    manager = principal.org_id if principal.role == "fund_manager" else None
    return FundParams(chosen.start, chosen.end, chosen.as_of(business_today()), region_code, manager)


def _keyed(rows: list[Figures], names: tuple[str, ...]) -> dict[str, dict[str, dict[str, int]]]:
    """kind -> key -> figures; every kind present, and the overall row always there."""
    out: dict[str, dict[str, dict[str, int]]] = {k: {} for k in ("all", "fund", "region", "bank", "month")}
    for row in rows:
        out[row.kind][row.key] = row.values
    out["all"].setdefault("", dict.fromkeys(names, 0))
    return out


async def pools(
    repo: Repository, principal: Principal, chosen: Period, region_code: str | None
) -> rs.PoolReport:
    bound = params(principal, chosen, region_code)
    flows = _keyed(await repo.pool_flows(bound), POOL_FLOWS)
    books = await repo.pool_books(bound)
    none = dict.fromkeys(POOL_FLOWS, 0)
    outstanding = sum(b.outstanding_fen for b in books)
    overdue = sum(b.overdue_fen for b in books)
    by_pool = {
        b.id: rs.PoolPositionFigures(
            **{k: v for k, v in asdict(b).items() if k != "id"},
            **flows["fund"].get(b.id, none),
            overdue_ratio_bp=ratio_bp(b.overdue_fen, b.outstanding_fen),
        )
        for b in books
    }
    return rs.PoolReport(
        **flows["all"][""],
        from_=chosen.start,
        to=chosen.end,
        as_of=bound.as_of,
        region_code=region_code,
        pools=len(books),
        initial_balance_fen=sum(b.initial_balance_fen for b in books),
        balance_fen=sum(b.balance_fen for b in books),
        outstanding_fen=outstanding,
        overdue_fen=overdue,
        overdue_ratio_bp=ratio_bp(overdue, outstanding),
        by_pool=by_pool,
        **{
            f"by_{kind}": {k: rs.PoolFlows(**v) for k, v in flows[kind].items()}
            for kind in ("region", "bank", "month")
        },
    )


async def bridges(
    repo: Repository, principal: Principal, chosen: Period, region_code: str | None
) -> rs.BridgeReport:
    bound = params(principal, chosen, region_code)
    flows = _keyed(await repo.bridge_flows(bound), BRIDGE_FLOWS)
    books = await repo.bridge_books(bound)
    none = dict.fromkeys(BRIDGE_FLOWS, 0)
    by_fund = {
        b.id: rs.BridgeFundFigures(
            **{k: v for k, v in asdict(b).items() if k != "id"},
            **flows["fund"].get(b.id, none),
            available_fen=b.size_fen - b.outstanding_fen,
        )
        for b in books
    }
    size = sum(b.size_fen for b in books)
    outstanding = sum(b.outstanding_fen for b in books)
    return rs.BridgeReport(
        **flows["all"][""],
        from_=chosen.start,
        to=chosen.end,
        as_of=bound.as_of,
        region_code=region_code,
        funds=len(books),
        size_fen=size,
        outstanding_fen=outstanding,
        available_fen=size - outstanding,
        active_loans=sum(b.active_loans for b in books),
        overdue_loans=sum(b.overdue_loans for b in books),
        overdue_fen=sum(b.overdue_fen for b in books),
        by_fund=by_fund,
        **{
            f"by_{kind}": {k: rs.BridgeFlows(**v) for k, v in flows[kind].items()}
            for kind in ("region", "bank", "month")
        },
    )


def csv_rows(report: rs.PoolReport | rs.BridgeReport) -> list[dict[str, Any]]:
    """The overall row, then one per pool or fund, 市州, bank and month, same columns."""
    body = report.model_dump(by_alias=True, mode="json")
    heading = {key: body.pop(key) for key in HEADING}
    fund = "pool" if isinstance(report, rs.PoolReport) else "fund"
    breakdowns = {fund: f"by_{fund}", "region": "by_region", "bank": "by_bank", "month": "by_month"}
    return breakdown_rows(body, breakdowns, heading)
