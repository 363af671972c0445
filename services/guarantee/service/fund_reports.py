"""The policy funds' figures (CONTRACT §6; issue 16 "Figures"): risk pools (balances, compensation
paid, recoveries) and bridge funds (loans out, returned, overdue), for a period and a 市州. A fund
manager sees its own funds; admin and the regulator every one."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import asdict
from typing import Any, TypeVar

from pydantic import BaseModel

from kit.csv import breakdown_rows
from kit.period import Period
from kit.principal import Principal
from kit.shapes import business_today
from services.guarantee.repository import Repository
from services.guarantee.repository.fund_figures import BRIDGE_FLOWS, POOL_FLOWS, Figures
from services.guarantee.repository.fund_figures import FundParams as FundParams  # what a report is built for
from services.guarantee.rules import funds
from services.guarantee.schemas import reports as rs
from services.guarantee.service.access import funds_manager

HEADING = ("from", "to", "as_of", "region_code")
KINDS = ("region", "bank", "month")  # the breakdowns of the flows alone
Keyed = dict[str, dict[str, dict[str, int]]]
Book = TypeVar("Book")


def params(principal: Principal, chosen: Period, region_code: str | None) -> FundParams:
    as_of = chosen.as_of(business_today())
    return FundParams(chosen.start, chosen.end, as_of, region_code, funds_manager(principal))


def _keyed(rows: list[Figures], names: tuple[str, ...]) -> Keyed:
    """kind -> key -> figures; every kind present, and the overall row always there."""
    out: Keyed = {k: {} for k in ("all", "fund", *KINDS)}
    for row in rows:
        out[row.kind][row.key] = row.values
    out["all"].setdefault("", dict.fromkeys(names, 0))
    return out


def _overall(bound: FundParams, flows: Keyed) -> dict[str, Any]:
    """What every report starts with: the period, the snapshot day, the 市州, the overall flows."""
    period = {"from_": bound.start, "to": bound.end, "as_of": bound.as_of, "region_code": bound.region}
    return {**flows["all"][""], **period}


def _own(book: Any, flows: Keyed, names: tuple[str, ...]) -> dict[str, Any]:
    """One fund's row: its book (but its id) and its flows in the period (none: zeros)."""
    figures = {k: v for k, v in asdict(book).items() if k != "id"}
    return {**figures, **flows["fund"].get(book.id, dict.fromkeys(names, 0))}


async def _read(
    flows_of: Callable[[FundParams], Awaitable[list[Figures]]],
    books_of: Callable[[FundParams], Awaitable[list[Book]]],
    bound: FundParams,
    names: tuple[str, ...],
) -> tuple[Keyed, list[Book]]:
    """A report's two statements: the flows of the period (by kind and key) and the funds' books."""
    return _keyed(await flows_of(bound), names), await books_of(bound)


def _totals(books: Sequence[object], *names: str) -> dict[str, int]:
    """The named figures summed over the funds' books."""
    return {name: sum(getattr(b, name) for b in books) for name in names}


def _breakdowns(flows: Keyed, model: type[BaseModel]) -> dict[str, Any]:
    return {f"by_{kind}": {k: model(**v) for k, v in flows[kind].items()} for kind in KINDS}


async def pools(repo: Repository, bound: FundParams) -> rs.PoolReport:
    flows, books = await _read(repo.pool_flows, repo.pool_books, bound, POOL_FLOWS)
    by_pool = {
        b.id: rs.PoolPositionFigures(
            **_own(b, flows, POOL_FLOWS),
            overdue_ratio_bp=funds.overdue_ratio_bp(b.overdue_fen, b.outstanding_fen),
        )
        for b in books
    }
    return rs.PoolReport(
        **_overall(bound, flows),
        pools=len(books),
        **_totals(books, "initial_balance_fen", "balance_fen"),
        **asdict(funds.overdue_over(books)),
        by_pool=by_pool,
        **_breakdowns(flows, rs.PoolFlows),
    )


async def bridges(repo: Repository, bound: FundParams) -> rs.BridgeReport:
    flows, books = await _read(repo.bridge_flows, repo.bridge_books, bound, BRIDGE_FLOWS)
    by_fund = {
        b.id: rs.BridgeFundFigures(
            **_own(b, flows, BRIDGE_FLOWS), available_fen=b.size_fen - b.outstanding_fen
        )
        for b in books
    }
    totals = _totals(books, "size_fen", "outstanding_fen", "active_loans", "overdue_loans", "overdue_fen")
    return rs.BridgeReport(
        **_overall(bound, flows),
        funds=len(books),
        **totals,
        available_fen=totals["size_fen"] - totals["outstanding_fen"],
        by_fund=by_fund,
        **_breakdowns(flows, rs.BridgeFlows),
    )


def csv_rows(report: rs.PoolReport | rs.BridgeReport) -> list[dict[str, Any]]:
    """The overall row, then one per pool or fund, 市州, bank and month, same columns."""
    body = report.model_dump(by_alias=True, mode="json")
    heading = {key: body.pop(key) for key in HEADING}
    fund = "pool" if isinstance(report, rs.PoolReport) else "fund"
    breakdowns = {fund: f"by_{fund}", "region": "by_region", "bank": "by_bank", "month": "by_month"}
    return breakdown_rows(body, breakdowns, heading)
