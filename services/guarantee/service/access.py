"""Who is calling: the caller's institution, and the exposures its role lets it see (CONTRACT §4)."""

from __future__ import annotations

from kit.errors import Forbidden
from kit.principal import Principal
from services.guarantee.repository import Repository, Scope
from services.guarantee.repository.rows import Institution, Member
from services.guarantee.service.memo import Memo

# org id -> its institution: asked on every request of a guarantor, and fixed once registered.
members: Memo[str, Member] = Memo()


# CONTRACT §2: a regulator reads wherever admin reads (the routes admit it to GETs only).
SEES_ALL = ("admin", "regulator")


def sees_all(principal: Principal) -> bool:
    """Admin and the regulator see every institution, agreement and exposure (CONTRACT §2, §4)."""
    return principal.role in SEES_ALL


async def caller_institution(repo: Repository, principal: Principal) -> Member:
    """The calling guarantor org's institution; 403 when the org has none (decided before any lookup)."""
    assert principal.org_id is not None
    known = members.get(principal.org_id)
    if known is not None:
        return known
    row = await repo.institution_of_org(principal.org_id)
    if row is None:
        raise Forbidden("This guarantor org is not registered as an institution of the guarantee chain.")
    return members.put(principal.org_id, Member(row.id, row.tier, row.parent_id))


async def require_local(repo: Repository, principal: Principal) -> Member:
    row = await caller_institution(repo, principal)
    if row.tier != "local":
        raise Forbidden("Only a local guarantor may call this operation.")
    return row


def book_scope(row: Member | Institution) -> Scope:
    """The exposures an institution stands behind: the fund all, a provincial its locals', a local its own."""
    if row.tier == "national_fund":
        return Scope("all")
    return Scope("provincial" if row.tier == "provincial" else "guarantor", row.id)


async def exposure_scope(repo: Repository, principal: Principal) -> Scope:
    """CONTRACT §4 visibility: local its own, provincial its locals', fund and admin all, bank its loans."""
    if sees_all(principal):
        return Scope("all")
    if principal.role == "bank":
        return Scope("bank", principal.org_id)
    return book_scope(await caller_institution(repo, principal))


def funds_manager(principal: Principal) -> str | None:
    """The fund manager whose policy funds alone the caller sees; None: every one (or as its role says)."""
    return principal.org_id if principal.role == "fund_manager" else None
