"""Use cases of the guarantee service: who may do what, in which order the rules are checked.

SQL lives in ``repository``, the rules themselves in ``rules``; this module ties them to
callers and answers expected failures as problems (CONTRACT §1, §4).
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.engine import RowMapping
from sqlalchemy.exc import IntegrityError

from kit.internal import InternalClient
from kit.money import div_half_up, ratio_bp
from kit.principal import Principal
from kit.problems import Problem, forbidden, not_found
from services.guarantee import rules, schemas
from services.guarantee.repository import Repository, Scope
from services.guarantee.tables import PARTIES

# The column group of each tier in a split.
PARTY_OF_TIER = {"local": "guarantor", "provincial": "provincial", "national_fund": "national"}


def _parties(row: RowMapping, prefix: str, suffix: str) -> dict[str, int]:
    return {p: row[f"{prefix}_{p}_{suffix}"] for p in PARTIES}


def shares_bp(row: RowMapping) -> dict[str, int]:
    return _parties(row, "share", "bp")


# Who is calling


async def caller_institution(repo: Repository, principal: Principal) -> RowMapping:
    """The calling guarantor org's institution; 403 when the org has none (decided before any lookup)."""
    assert principal.org_id is not None
    row = await repo.institution_of_org(principal.org_id)
    if row is None:
        raise forbidden("This guarantor org is not registered as an institution of the guarantee chain.")
    return row


async def require_local(repo: Repository, principal: Principal) -> RowMapping:
    row = await caller_institution(repo, principal)
    if row["tier"] != "local":
        raise forbidden("Only a local guarantor may call this operation.")
    return row


async def exposure_scope(repo: Repository, principal: Principal) -> Scope:
    """CONTRACT §4 visibility: local its own, provincial its locals', fund and admin all, bank its loans."""
    if principal.role == "admin":
        return Scope("all")
    if principal.role == "bank":
        return Scope("bank", principal.org_id)
    me = await caller_institution(repo, principal)
    if me["tier"] == "national_fund":
        return Scope("all")
    return Scope("provincial" if me["tier"] == "provincial" else "guarantor", me["id"])


async def visible_institution(repo: Repository, principal: Principal, institution_id: str) -> RowMapping:
    """An institution seen by admin, itself or its ancestors; 404 for anyone else."""
    me = None if principal.role == "admin" else await caller_institution(repo, principal)
    row = await repo.institution(institution_id)
    if row is None:
        raise not_found("institution")
    if me is None or row["id"] == me["id"]:
        return row
    parent = await repo.institution(row["parent_id"]) if row["parent_id"] else None
    ancestors = {row["parent_id"], parent["parent_id"] if parent else None}
    if me["id"] not in ancestors:
        raise not_found("institution")
    return row


# Institutions


async def _parent_for(repo: Repository, body: schemas.InstitutionCreate) -> str | None:
    """The parent the tier needs: none for the fund, the fund for a provincial, a provincial for a local."""
    given = str(body.parent_id) if body.parent_id else None
    if body.tier == "national_fund":
        if given is not None:
            raise _invalid_parent("The national fund has no parent.")
        return None
    if body.tier == "provincial":
        fund = await repo.national_fund()
        if fund is None:
            raise _invalid_parent("Register the national fund before any provincial re-guarantor.")
        if given is not None and given != fund["id"]:
            raise _invalid_parent("A provincial re-guarantor's parent is the national fund.")
        return str(fund["id"])
    parent = await repo.institution(given) if given else None
    if parent is None or parent["tier"] != "provincial":
        raise _invalid_parent("A local guarantor's parent_id must be a provincial re-guarantor.")
    return given


def _invalid_parent(detail: str) -> Problem:
    return Problem(422, "invalid-parent-id", detail, errors=[{"loc": ["body", "parent_id"], "msg": detail}])


async def create_institution(
    repo: Repository, internal: InternalClient, body: schemas.InstitutionCreate
) -> RowMapping:
    org_id = str(body.org_id)
    await internal.require_org(org_id, "guarantor", "org_id")
    parent_id = await _parent_for(repo, body)
    if await repo.institution_of_org(org_id) is not None:
        raise Problem(409, "institution-exists", f"Org {org_id} is already registered as an institution.")
    if body.tier == "national_fund" and await repo.national_fund() is not None:
        raise _fund_exists()
    values = body.model_dump(exclude={"parent_id"}) | {"org_id": org_id, "parent_id": parent_id}
    try:
        return await repo.insert_institution(values)
    except IntegrityError as exc:  # two admins racing
        if "institution_one_national_fund" in str(exc.orig):
            raise _fund_exists() from exc
        raise Problem(
            409, "institution-exists", f"Org {org_id} is already registered as an institution."
        ) from exc


def _fund_exists() -> Problem:
    return Problem(409, "national-fund-exists", "There is already a national fund; there is only one.")


async def update_institution(
    repo: Repository, institution_id: str, body: schemas.InstitutionUpdate
) -> RowMapping:
    values = body.model_dump(exclude_unset=True, exclude_none=True)
    row = (
        await repo.update_institution(institution_id, values)
        if values
        else await repo.institution(institution_id)
    )
    if row is None:
        raise not_found("institution")
    return row


async def position(repo: Repository, principal: Principal, institution_id: str) -> schemas.Position:
    row = await visible_institution(repo, principal, institution_id)
    tier, party = row["tier"], PARTY_OF_TIER[row["tier"]]
    scope = (
        Scope("all")
        if tier == "national_fund"
        else Scope(tier if tier == "provincial" else "guarantor", row["id"])
    )
    figures = await repo.position_figures(scope, party)
    net, multiple = row["net_assets_fen"], row["leverage_multiple"]
    return schemas.Position(
        institution_id=row["id"],
        tier=tier,
        net_assets_fen=net,
        leverage_multiple=multiple,
        capacity_fen=rules.capacity(net, multiple),
        liability_fen=figures["liability"],
        headroom_fen=rules.headroom(net, multiple, figures["liability"]),
        single_client_cap_fen=rules.single_client_cap(net),
        active_exposures=figures["active"],
        compensated_fen=figures["compensated"],
        recovered_fen=figures["recovered"],
        # 代偿率: compensated over the principal of exposures that ended (repaid or compensated).
        compensation_rate_bp=ratio_bp(figures["compensated"], figures["ended_principal"]),
    )


# Agreements


async def create_agreement(
    repo: Repository, internal: InternalClient, body: schemas.AgreementCreate
) -> RowMapping:
    shares = body.shares_bp.model_dump()
    violation = rules.check_shares(shares)
    if violation is not None:
        raise Problem(422, violation.slug, violation.detail, rule=violation.slug, shares_bp=shares)
    bank_org_id = str(body.bank_org_id)
    await internal.require_org(bank_org_id, "bank", "bank_org_id")
    guarantor = await repo.institution(str(body.guarantor_id))
    if guarantor is None or guarantor["tier"] != "local":
        detail = "guarantor_id must be a local guarantor institution."
        raise Problem(
            422, "invalid-guarantor-id", detail, errors=[{"loc": ["body", "guarantor_id"], "msg": detail}]
        )
    values: dict[str, Any] = {
        "bank_org_id": bank_org_id,
        "guarantor_id": guarantor["id"],
        "provincial_id": guarantor["parent_id"],
        **{f"share_{p}_bp": shares[p] for p in PARTIES},
    }
    try:
        return await repo.insert_agreement(values)
    except IntegrityError as exc:
        raise Problem(
            409, "agreement-exists", "This bank already has an agreement with this guarantor."
        ) from exc


def agreement_out(row: RowMapping) -> schemas.Agreement:
    return schemas.Agreement(
        id=row["id"],
        bank_org_id=row["bank_org_id"],
        guarantor_id=row["guarantor_id"],
        provincial_id=row["provincial_id"],
        shares_bp=schemas.Parties(**shares_bp(row)),
        created_at=row["created_at"],
    )


async def visible_agreement(repo: Repository, principal: Principal, agreement_id: str) -> RowMapping:
    """An agreement seen by admin, its bank, its guarantor and the guarantor's ancestors."""
    row = await repo.agreement(agreement_id)
    if principal.role == "admin":
        if row is None:
            raise not_found("agreement")
        return row
    if principal.role == "bank":
        if row is None or row["bank_org_id"] != principal.org_id:
            raise not_found("agreement")
        return row
    me = await caller_institution(repo, principal)
    related = (
        me["tier"] == "national_fund" or me["id"] in (row["guarantor_id"], row["provincial_id"])
        if row
        else False
    )
    if row is None or not related:
        raise not_found("agreement")
    return row


# Exposures


def _figure_values(figures: rules.Figures) -> dict[str, int]:
    return {
        "guaranteed_fen": figures.guaranteed_fen,
        "weighted_liability_fen": figures.weighted_liability_fen,
        **{f"outstanding_{p}_fen": figures.shares_fen[p] for p in PARTIES},
    }


async def register_exposure(
    repo: Repository, principal: Principal, body: schemas.ExposureCreate
) -> RowMapping:
    me = await require_local(repo, principal)
    if not rules.is_policy_scope(body.principal_fen):
        raise Problem(
            422,
            "outside-policy-scope",
            f"A single loan above {rules.POLICY_SCOPE_MAX_FEN} fen (10,000,000 yuan) is outside "
            "government guarantee policy scope (财金〔2025〕11号).",
            limit_fen=rules.POLICY_SCOPE_MAX_FEN,
        )
    agreement = await repo.agreement(str(body.agreement_id))
    if agreement is None or agreement["guarantor_id"] != me["id"]:
        detail = "agreement_id must be one of your agreements."
        raise Problem(
            422, "invalid-agreement-id", detail, errors=[{"loc": ["body", "agreement_id"], "msg": detail}]
        )
    shares = shares_bp(agreement)
    figures = rules.figures(
        body.principal_fen, shares, principal_fen=body.principal_fen, small_micro=body.small_micro
    )
    # Every registration for this guarantor queues here; the totals below are then exact.
    locked = await repo.lock_institution(me["id"])
    assert locked is not None
    if await repo.loan_ref_taken(agreement["bank_org_id"], body.loan_ref):
        raise _duplicate_loan(body.loan_ref)
    liability, client_liability = await repo.active_liability(me["id"], body.uscc)
    breach = rules.check_limits(
        net_assets_fen=locked["net_assets_fen"],
        leverage_multiple=locked["leverage_multiple"],
        liability_fen=liability,
        client_liability_fen=client_liability,
        requested_fen=figures.weighted_liability_fen,
    )
    if breach is not None:
        raise Problem(
            409,
            breach.slug,
            breach.detail,
            limit_fen=breach.limit_fen,
            current_fen=breach.current_fen,
            requested_fen=breach.requested_fen,
        )
    values: dict[str, Any] = {
        **body.model_dump(exclude={"agreement_id"}),
        "agreement_id": agreement["id"],
        "guarantor_id": me["id"],
        "provincial_id": agreement["provincial_id"],
        "bank_org_id": agreement["bank_org_id"],
        "status": "active",
        "outstanding_fen": body.principal_fen,
        **{f"share_{p}_bp": shares[p] for p in PARTIES},
        **_figure_values(figures),
    }
    try:
        return await repo.insert_exposure(values)
    except IntegrityError as exc:  # another guarantor registered the same bank loan meanwhile
        raise _duplicate_loan(body.loan_ref) from exc


def _duplicate_loan(loan_ref: str) -> Problem:
    return Problem(409, "duplicate-loan", f"This bank's loan {loan_ref!r} is already under guarantee.")


async def _own_exposure(repo: Repository, principal: Principal, exposure_id: str) -> RowMapping:
    """The calling local guarantor's exposure, locked for the change; 404 when it is not theirs."""
    me = await require_local(repo, principal)
    row = await repo.exposure(exposure_id, Scope("guarantor", me["id"]), lock=True)
    if row is None:
        raise not_found("exposure")
    return row


def _require_status(row: RowMapping, status: str) -> None:
    if row["status"] != status:
        raise Problem(
            409,
            f"exposure-not-{status}",
            f"The exposure is {row['status']}; this operation needs it {status}.",
            status_now=row["status"],
        )


def _not_before(day: Any, earliest: Any, field: str, what: str) -> None:
    if day < earliest:
        detail = f"{field} must not be before {what} ({earliest.isoformat()})."
        raise Problem(422, "date-out-of-range", detail, errors=[{"loc": ["body", field], "msg": detail}])


async def repay(
    repo: Repository, principal: Principal, exposure_id: str, body: schemas.Repayment
) -> RowMapping:
    row = await _own_exposure(repo, principal, exposure_id)
    _require_status(row, "active")
    _not_before(body.paid_on, row["start_date"], "paid_on", "the loan's start_date")
    if body.amount_fen > row["outstanding_fen"]:
        raise Problem(
            422,
            "repayment-exceeds-outstanding",
            f"amount_fen {body.amount_fen} is more than the outstanding {row['outstanding_fen']} fen.",
            outstanding_fen=row["outstanding_fen"],
        )
    outstanding = row["outstanding_fen"] - body.amount_fen
    figures = rules.figures(
        outstanding, shares_bp(row), principal_fen=row["principal_fen"], small_micro=row["small_micro"]
    )
    values: dict[str, Any] = {"outstanding_fen": outstanding, **_figure_values(figures)}
    if outstanding == 0:
        values |= {"status": "repaid", "ended_on": body.paid_on}
    await repo.add_event(row["id"], "repayment", body.amount_fen, body.paid_on)
    return await repo.update_exposure(row["id"], values)


async def default(
    repo: Repository, principal: Principal, exposure_id: str, body: schemas.Default
) -> tuple[RowMapping, rules.DefaultOutcome]:
    row = await _own_exposure(repo, principal, exposure_id)
    _require_status(row, "active")
    _not_before(body.defaulted_on, row["start_date"], "defaulted_on", "the loan's start_date")
    outstanding = row["outstanding_fen"]
    outcome = rules.default_outcome(outstanding, shares_bp(row))
    zero = rules.Figures({p: 0 for p in PARTIES}, 0, 0)
    values: dict[str, Any] = {
        "status": "compensated",
        "ended_on": body.defaulted_on,
        "defaulted_fen": outstanding,
        "compensation_fen": outcome.compensation_fen,
        "outstanding_fen": 0,
        **_figure_values(zero),
        **{f"loss_{p}_fen": outcome.losses_fen[p] for p in PARTIES},
    }
    await repo.add_event(row["id"], "default", outstanding, body.defaulted_on)
    return await repo.update_exposure(row["id"], values), outcome


async def recover(
    repo: Repository, principal: Principal, exposure_id: str, body: schemas.Recovery
) -> tuple[dict[str, int], int]:
    row = await _own_exposure(repo, principal, exposure_id)
    _require_status(row, "compensated")
    _not_before(body.recovered_on, row["ended_on"], "recovered_on", "the default")
    before = _parties(row, "recovered", "fen")
    total_before = sum(before.values())
    remaining = row["defaulted_fen"] - total_before
    if body.amount_fen > remaining:
        raise Problem(
            422,
            "recovery-exceeds-default",
            f"Recoveries may total at most the defaulted {row['defaulted_fen']} fen; "
            f"{remaining} fen remain to recover.",
            defaulted_fen=row["defaulted_fen"],
            total_recovered_fen=total_before,
            remaining_fen=remaining,
        )
    allocation = rules.recovery_allocation(
        recovered_before=before,
        amount_fen=body.amount_fen,
        losses_fen=_parties(row, "loss", "fen"),
        shares_bp=shares_bp(row),
    )
    await repo.add_event(row["id"], "recovery", body.amount_fen, body.recovered_on)
    await repo.update_exposure(row["id"], {f"recovered_{p}_fen": before[p] + allocation[p] for p in PARTIES})
    return allocation, total_before + body.amount_fen


def exposure_out(row: RowMapping) -> schemas.Exposure:
    recovered = _parties(row, "recovered", "fen")
    defaulted = row["defaulted_fen"] is not None
    return schemas.Exposure(
        id=row["id"],
        agreement_id=row["agreement_id"],
        guarantor_id=row["guarantor_id"],
        bank_org_id=row["bank_org_id"],
        loan_ref=row["loan_ref"],
        uscc=row["uscc"],
        status=row["status"],
        small_micro=row["small_micro"],
        principal_fen=row["principal_fen"],
        outstanding_fen=row["outstanding_fen"],
        guaranteed_fen=row["guaranteed_fen"],
        weighted_liability_fen=row["weighted_liability_fen"],
        shares_fen=schemas.Parties(**_parties(row, "outstanding", "fen")),
        shares_bp=schemas.Parties(**shares_bp(row)),
        fee_rate_bp=row["fee_rate_bp"],
        start_date=row["start_date"],
        maturity_date=row["maturity_date"],
        ended_on=row["ended_on"],
        defaulted_fen=row["defaulted_fen"],
        compensation_fen=row["compensation_fen"],
        losses_fen=schemas.Parties(**_parties(row, "loss", "fen")) if defaulted else None,
        recovered_fen=schemas.Parties(**recovered),
        total_recovered_fen=sum(recovered.values()),
        created_at=row["created_at"],
    )


# Reports


async def summary(repo: Repository, principal: Principal) -> schemas.Summary:
    """Admin and the national fund see everything, a provincial re-guarantor its own subtree."""
    scope = Scope("all")
    if principal.role == "guarantor":
        me = await caller_institution(repo, principal)
        if me["tier"] == "local":
            raise forbidden(
                "The summary report is for the regulator, the national fund and provincial tiers."
            )
        if me["tier"] == "provincial":
            scope = Scope("provincial", me["id"])
    f = await repo.summary_figures(scope, rules.SMALL_LOAN_MAX_FEN)
    principal_total = f["principal"]

    def tier(party: str) -> schemas.TierFigures:
        return schemas.TierFigures(
            outstanding_share_fen=f[f"outstanding_{party}"],
            active_exposures=f["active"],
            compensated_fen=f[f"compensated_{party}"],
            recovered_fen=f[f"recovered_{party}"],
        )

    return schemas.Summary(
        scope=scope.id or "all",
        tiers=schemas.SummaryTiers(
            national_fund=tier("national"), provincial=tier("provincial"), local=tier("guarantor")
        ),
        active_exposures=f["active"],
        active_principal_fen=principal_total,
        # 国办发〔2019〕6号: average fee below 1%; 支小支农 ≥ 80%, of which single ≤ 500万 ≥ 50%.
        avg_fee_rate_bp=div_half_up(f["principal_x_fee"], principal_total) if principal_total else 0,
        small_micro_share_bp=ratio_bp(f["small_micro"], principal_total),
        upto_5m_share_bp=ratio_bp(f["upto_5m"], principal_total),
    )


# Capacity for loan_match


def _is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


async def capacity(repo: Repository, bank_org_id: str, guaranteed_fen: int) -> schemas.Capacity:
    # An id that cannot be an org is simply a bank without agreements.
    rows = await repo.capacity_rows(bank_org_id) if _is_uuid(bank_org_id) else []
    guarantors = [
        schemas.CapacityGuarantor(
            guarantor_id=row["guarantor_id"],
            name=row["name"],
            agreement_id=row["agreement_id"],
            headroom_fen=(
                room := rules.headroom(row["net_assets_fen"], row["leverage_multiple"], row["liability_fen"])
            ),
            sufficient=room >= guaranteed_fen,
        )
        for row in rows
    ]
    guarantors.sort(key=lambda g: (-g.headroom_fen, g.guarantor_id))
    return schemas.Capacity(bank_org_id=bank_org_id, guaranteed_fen=guaranteed_fen, guarantors=guarantors)
