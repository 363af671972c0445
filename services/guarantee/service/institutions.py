"""Institutions of the chain: registering them, their figures, who sees them, their position."""

from __future__ import annotations

import datetime as dt

from kit.errors import Conflict, NotFound, RuleViolation
from kit.etags import require_match
from kit.internal import InternalClient
from kit.money import ratio_bp
from kit.orgs import require_org
from kit.pagination import Page
from kit.principal import Principal
from kit.shapes import business_today
from services.guarantee.repository import Repository, Taken
from services.guarantee.repository.rows import Institution
from services.guarantee.rules import limits
from services.guarantee.rules.chain import Tier
from services.guarantee.schemas.institutions import InstitutionCreate, InstitutionUpdate, Position
from services.guarantee.service.access import book_scope, caller_institution, sees_all
from services.guarantee.service.paging import after_id, page

# The column group of each tier in a split.
PARTY_OF_TIER = {"local": "guarantor", "provincial": "provincial", "national_fund": "national"}


async def create_institution(
    repo: Repository, internal: InternalClient, body: InstitutionCreate
) -> Institution:
    org_id = str(body.org_id)
    await require_org(internal, org_id, "guarantor", "org_id")
    parent_id = await _parent_for(repo, body)
    if await repo.institution_of_org(org_id) is not None:
        raise _institution_exists(org_id)
    if body.tier == "national_fund" and await repo.national_fund() is not None:
        raise _fund_exists()
    try:
        return await repo.insert_institution(
            org_id=org_id,
            name=body.name,
            tier=body.tier,
            parent_id=parent_id,
            net_assets_fen=body.net_assets_fen,
            leverage_multiple=body.leverage_multiple,
        )
    except Taken as exc:  # two admins racing
        if "institution_one_national_fund" in exc.reason:
            raise _fund_exists() from exc
        raise _institution_exists(org_id) from exc


async def _parent_for(repo: Repository, body: InstitutionCreate) -> str | None:
    """The parent the tier needs: none for the fund, the fund for a provincial, a provincial for a local."""
    given = str(body.parent_id) if body.parent_id else None
    if body.tier == "national_fund":
        if given is not None:
            raise _invalid_parent("The national fund has no parent.")
        return None
    if body.tier == "provincial":
        return await _the_fund(repo, given)
    parent = await repo.institution(given) if given else None
    if parent is None or parent.tier != "provincial":
        raise _invalid_parent("A local guarantor's parent_id must be a provincial re-guarantor.")
    return given


async def _the_fund(repo: Repository, given: str | None) -> str:
    """A provincial re-guarantor's parent: the national fund, whether given or not."""
    fund = await repo.national_fund()
    if fund is None:
        raise _invalid_parent("Register the national fund before any provincial re-guarantor.")
    if given is not None and given != fund.id:
        raise _invalid_parent("A provincial re-guarantor's parent is the national fund.")
    return fund.id


def _invalid_parent(detail: str) -> RuleViolation:
    return RuleViolation(detail, slug="invalid-parent-id", field="parent_id")


def _institution_exists(org_id: str) -> Conflict:
    return Conflict(f"Org {org_id} is already registered as an institution.", slug="institution-exists")


def _fund_exists() -> Conflict:
    return Conflict("There is already a national fund; there is only one.", slug="national-fund-exists")


async def list_institutions(
    repo: Repository, *, tier: Tier | None, parent_id: str | None, cursor: str | None, limit: int
) -> Page[Institution]:
    """A page by id for admin."""
    after = after_id(cursor)
    rows = await repo.institutions(tier=tier, parent_id=parent_id, after_id=after, limit=limit)
    return page(rows, limit, lambda row: {"id": row.id}, lambda row: row)


async def visible_institution(repo: Repository, principal: Principal, institution_id: str) -> Institution:
    """An institution seen by admin, itself or its ancestors; 404 for anyone else."""
    me = None if sees_all(principal) else await caller_institution(repo, principal)
    row = await repo.institution(institution_id)
    if row is None:
        raise NotFound("institution")
    if me is None or row.id == me.id:
        return row
    parent = await repo.institution(row.parent_id) if row.parent_id else None
    ancestors = {row.parent_id, parent.parent_id if parent else None}
    if me.id not in ancestors:
        raise NotFound("institution")
    return row


async def update_institution(
    repo: Repository, institution_id: str, body: InstitutionUpdate, if_match: str | None = None
) -> Institution:
    """A new audited net assets figure or leverage multiple; the figures left out stay.

    ``if_match``: the ETag read; an institution changed since (another admin's figure) is a 412.
    """
    if if_match is not None:
        current = await repo.institution(institution_id, lock=True)
        if current is None:
            raise NotFound("institution")
        require_match(if_match, current)
    row = await repo.update_institution(
        institution_id, net_assets_fen=body.net_assets_fen, leverage_multiple=body.leverage_multiple
    )
    if row is None:
        raise NotFound("institution")
    return row


async def position(repo: Repository, principal: Principal, institution_id: str, year: int | None) -> Position:
    """Capacity and liability now; 代偿率 (代偿额 ÷ 解除担保额, reference/domain-facts.md §9) at the
    institution's own share, cumulatively and over ``year`` (default this year, Asia/Shanghai)."""
    row = await visible_institution(repo, principal, institution_id)
    party, scope = PARTY_OF_TIER[row.tier], book_scope(row)
    figures = await repo.position_figures(scope, party)
    year = year or business_today().year
    always = await repo.releases(scope, party, None, None)
    in_year = await repo.releases(scope, party, dt.date(year, 1, 1), dt.date(year, 12, 31))
    net, multiple = row.net_assets_fen, row.leverage_multiple
    return Position(
        institution_id=row.id,
        tier=row.tier,
        net_assets_fen=net,
        leverage_multiple=multiple,
        capacity_fen=limits.capacity(net, multiple),
        liability_fen=figures.liability,
        headroom_fen=limits.headroom(net, multiple, figures.liability),
        single_client_cap_fen=limits.single_client_cap(net),
        active_exposures=figures.active,
        compensated_fen=figures.compensated,
        recovered_fen=figures.recovered,
        compensation_rate_bp=ratio_bp(always.compensated, always.released),
        year=year,
        compensation_rate_year_bp=ratio_bp(in_year.compensated, in_year.released),
    )
