"""The policy summary for the regulator, the national fund and the provincial tiers."""

from __future__ import annotations

from kit.errors import Forbidden
from kit.money import div_half_up, ratio_bp
from kit.principal import Principal
from services.guarantee import rules, schemas
from services.guarantee.repository import Repository, Scope
from services.guarantee.rows import SummaryFigures
from services.guarantee.service.access import caller_institution


async def _summary_scope(repo: Repository, principal: Principal) -> Scope:
    """Admin and the national fund see everything, a provincial re-guarantor its own subtree."""
    if principal.role != "guarantor":
        return Scope("all")
    me = await caller_institution(repo, principal)
    if me.tier == "local":
        raise Forbidden("The summary report is for the regulator, the national fund and provincial tiers.")
    return Scope("provincial", me.id) if me.tier == "provincial" else Scope("all")


def _tier(f: SummaryFigures, party: str) -> schemas.TierFigures:
    return schemas.TierFigures(
        outstanding_share_fen=f.outstanding[party],
        active_exposures=f.active,
        compensated_fen=f.compensated[party],
        recovered_fen=f.recovered[party],
    )


async def summary(repo: Repository, principal: Principal) -> schemas.Summary:
    scope = await _summary_scope(repo, principal)
    f = await repo.summary_figures(scope, rules.SMALL_LOAN_MAX_FEN)
    return schemas.Summary(
        scope=scope.id or "all",
        tiers=schemas.SummaryTiers(
            national_fund=_tier(f, "national"), provincial=_tier(f, "provincial"), local=_tier(f, "guarantor")
        ),
        active_exposures=f.active,
        active_principal_fen=f.principal,
        # 国办发〔2019〕6号: average fee below 1%; 支小支农 ≥ 80%, of which single ≤ 500万 ≥ 50%.
        avg_fee_rate_bp=div_half_up(f.principal_x_fee, f.principal) if f.principal else 0,
        small_micro_share_bp=ratio_bp(f.small_micro, f.principal),
        upto_5m_share_bp=ratio_bp(f.upto_5m, f.principal),
    )
