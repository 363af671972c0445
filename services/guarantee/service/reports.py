"""The policy summary for the regulator, the national fund and the provincial tiers.

Figures of 国办发〔2019〕6号 and 财金〔2025〕11号 (reference/domain-facts.md §3.2, §3.4): the average
guarantee fee (target below 1%), the 支小支农 share (small-micro or 三农, ≥ 80%) and the share of
clients whose 单户在保余额 is ≤ 500万 (≥ 50%), all over guaranteed balances (在保余额).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from kit.csv import flatten
from kit.errors import Forbidden, RuleViolation
from kit.money import div_half_up, ratio_bp
from kit.period import Period
from kit.principal import Principal
from kit.shapes import business_today
from services.guarantee.repository import Repository, Scope
from services.guarantee.repository.rows import RegionFigures
from services.guarantee.rules.chain import PARTIES, Split
from services.guarantee.schemas import reports as schemas
from services.guarantee.service.access import caller_institution

# Each tier's column group in a split; a local guarantor's 代偿 and 追偿 are every part but the bank's.
TIER_PARTIES = {"national_fund": ("national",), "provincial": ("provincial",), "local": PARTIES[1:]}


async def _summary_scope(repo: Repository, principal: Principal) -> Scope:
    """Admin and the national fund see everything, a provincial re-guarantor its own subtree."""
    if principal.role != "guarantor":
        return Scope("all")
    me = await caller_institution(repo, principal)
    if me.tier == "local":
        raise Forbidden("The summary report is for the regulator, the national fund and provincial tiers.")
    return Scope("provincial", me.id) if me.tier == "provincial" else Scope("all")


def _sum_splits(splits: list[Split]) -> Split:
    return {p: sum(s[p] for s in splits) for p in PARTIES}


def _added(regions: list[RegionFigures]) -> RegionFigures:
    """The scope's figures: every one is a sum, so the regions add up to it."""
    return RegionFigures(
        region_code="all",
        active=sum(r.active for r in regions),
        principal=sum(r.principal for r in regions),
        guaranteed=sum(r.guaranteed for r in regions),
        guaranteed_x_fee=sum(r.guaranteed_x_fee for r in regions),
        small_micro_agri=sum(r.small_micro_agri for r in regions),
        upto_5m_clients=sum(r.upto_5m_clients for r in regions),
        outstanding=_sum_splits([r.outstanding for r in regions]),
        compensated=_sum_splits([r.compensated for r in regions]),
        recovered=_sum_splits([r.recovered for r in regions]),
    )


def _tier(f: RegionFigures, tier: str) -> schemas.TierFigures:
    parties = TIER_PARTIES[tier]
    return schemas.TierFigures(
        outstanding_share_fen=f.outstanding[parties[0]],
        active_exposures=f.active,
        compensated_fen=sum(f.compensated[p] for p in parties),
        recovered_fen=sum(f.recovered[p] for p in parties),
    )


def _figures(f: RegionFigures) -> schemas.SummaryFigures:
    return schemas.SummaryFigures(
        tiers=schemas.SummaryTiers(
            national_fund=_tier(f, "national_fund"),
            provincial=_tier(f, "provincial"),
            local=_tier(f, "local"),
        ),
        active_exposures=f.active,
        active_principal_fen=f.principal,
        guaranteed_balance_fen=f.guaranteed,
        avg_fee_rate_bp=div_half_up(f.guaranteed_x_fee, f.guaranteed) if f.guaranteed else 0,
        small_micro_agri_share_bp=ratio_bp(f.small_micro_agri, f.guaranteed),
        upto_5m_client_share_bp=ratio_bp(f.upto_5m_clients, f.guaranteed),
    )


def _days(chosen: Period) -> tuple[dt.date | None, dt.date]:
    """Flows from ``from``; balances as of ``to``, or today without one (a ``to`` ahead of today is
    kept as asked, not cut to today). A ``from`` after that day is 422 ``invalid-period``."""
    end = chosen.end if chosen.end is not None else business_today()
    if chosen.start is not None and chosen.start > end:
        raise RuleViolation("from must not be after to.", slug="invalid-period", field="from")
    return chosen.start, end


async def summary(
    repo: Repository, principal: Principal, chosen: Period, region_code: str | None
) -> schemas.Summary:
    """Balances as of the period's end, 代偿 and 追偿 within it, for the scope and per 市州."""
    start, end = _days(chosen)
    scope = await _summary_scope(repo, principal)
    regions = await repo.region_figures(scope, start=start, end=end, region_code=region_code)
    banks = await repo.region_figures(scope, start=start, end=end, region_code=region_code, by_bank=True)
    return schemas.Summary(
        **_figures(_added(regions)).model_dump(),
        scope=scope.id or "all",
        from_=start,
        to=end,
        region_code=region_code,
        by_region={r.region_code: _figures(r) for r in regions},
        by_bank={b.region_code: _figures(b) for b in banks},
    )


def csv_rows(report: schemas.Summary) -> list[dict[str, Any]]:
    """The scope's row first, then one per 市州, then one per bank, each with the same columns."""
    heading = {"region_code": "all", "scope": report.scope, "from": report.from_, "to": report.to}
    fields = set(schemas.SummaryFigures.model_fields)
    rows = [{**heading, **flatten(report.model_dump(include=fields))}]
    for code, figures in report.by_region.items():
        rows.append({**heading, "region_code": code, **flatten(figures.model_dump())})
    for bank, figures in report.by_bank.items():
        rows.append({**heading, "region_code": "all", "bank_org_id": bank, **flatten(figures.model_dump())})
    return rows
