"""Exposures: registering a guaranteed loan under the limits, and who sees which."""

from __future__ import annotations

from collections.abc import Callable

from kit.errors import Conflict, NotFound, RuleViolation
from kit.principal import Principal
from services.guarantee import rules, schemas
from services.guarantee.repository import Repository, Taken
from services.guarantee.rows import AgreementRow, ExposureRow, Institution, NewExposure
from services.guarantee.rules import Status
from services.guarantee.service.access import exposure_scope, require_local


async def register_exposure(
    repo: Repository, principal: Principal, body: schemas.ExposureCreate
) -> ExposureRow:
    me = await require_local(repo, principal)
    _require_policy_scope(body.principal_fen)
    agreement = await _own_agreement(repo, me, str(body.agreement_id))
    figures = rules.figures(
        body.principal_fen,
        agreement.shares_bp,
        principal_fen=body.principal_fen,
        small_micro=body.small_micro,
    )
    # Every registration for this guarantor queues here; the totals below are then exact.
    locked = await repo.lock_institution(me.id)
    assert locked is not None
    if await repo.loan_ref_taken(agreement.bank_org_id, body.loan_ref):
        raise _duplicate_loan(body.loan_ref)
    await _require_within_limits(repo, locked, body.uscc, figures.weighted_liability_fen)
    try:
        return await repo.insert_exposure(_new_exposure(body, agreement, figures))
    except Taken as exc:  # another guarantor registered the same bank loan meanwhile
        raise _duplicate_loan(body.loan_ref) from exc


def _require_policy_scope(principal_fen: int) -> None:
    if not rules.is_policy_scope(principal_fen):
        raise RuleViolation(
            f"A single loan above {rules.POLICY_SCOPE_MAX_FEN} fen (10,000,000 yuan) is outside "
            "government guarantee policy scope (财金〔2025〕11号).",
            slug="outside-policy-scope",
            limit_fen=rules.POLICY_SCOPE_MAX_FEN,
        )


async def _own_agreement(repo: Repository, me: Institution, agreement_id: str) -> AgreementRow:
    agreement = await repo.agreement(agreement_id)
    if agreement is None or agreement.guarantor_id != me.id:
        detail = "agreement_id must be one of your agreements."
        raise RuleViolation(detail, slug="invalid-agreement-id", field="agreement_id")
    return agreement


async def _require_within_limits(
    repo: Repository, locked: Institution, uscc: str, requested_fen: int
) -> None:
    """融资担保公司监督管理条例: leverage, then one client, judged on the weighted liability."""
    liability, client_liability = await repo.active_liability(locked.id, uscc)
    breach = rules.check_limits(
        net_assets_fen=locked.net_assets_fen,
        leverage_multiple=locked.leverage_multiple,
        liability_fen=liability,
        client_liability_fen=client_liability,
        requested_fen=requested_fen,
    )
    if breach is not None:
        raise Conflict(
            breach.detail,
            slug=breach.slug,
            limit_fen=breach.limit_fen,
            current_fen=breach.current_fen,
            requested_fen=breach.requested_fen,
        )


def _new_exposure(
    body: schemas.ExposureCreate, agreement: AgreementRow, figures: rules.Figures
) -> NewExposure:
    return NewExposure(
        agreement=agreement,
        loan_ref=body.loan_ref,
        uscc=body.uscc,
        small_micro=body.small_micro,
        principal_fen=body.principal_fen,
        fee_rate_bp=body.fee_rate_bp,
        start_date=body.start_date,
        maturity_date=body.maturity_date,
        figures=figures,
    )


def _duplicate_loan(loan_ref: str) -> Conflict:
    return Conflict(f"This bank's loan {loan_ref!r} is already under guarantee.", slug="duplicate-loan")


async def list_exposures(
    repo: Repository,
    principal: Principal,
    *,
    status: Status | None,
    uscc: str | None,
    after_seq: Callable[[], int | None],
    limit: int,
) -> list[ExposureRow]:
    """A page by seq of what the caller may see (one row more than ``limit`` when another follows).

    ``after_seq`` reads the cursor only once the caller's scope is known, so a guarantor org
    outside the chain hears 403 whatever cursor it sent.
    """
    scope = await exposure_scope(repo, principal)
    return await repo.exposures(scope, status=status, uscc=uscc, after_seq=after_seq(), limit=limit)


async def visible_exposure(repo: Repository, principal: Principal, exposure_id: str) -> ExposureRow:
    """One exposure, if the caller may see it; 404 otherwise."""
    row = await repo.exposure(exposure_id, await exposure_scope(repo, principal))
    if row is None:
        raise NotFound("exposure")
    return row
