"""Response bodies from typed rows: the last step of a route, field by field so mypy checks each."""

from __future__ import annotations

from services.guarantee import schemas
from services.guarantee.rows import AgreementRow, ExposureRow
from services.guarantee.rules import DefaultOutcome, Split


def _parties(split: Split) -> schemas.Parties:
    return schemas.Parties(
        bank=split["bank"],
        guarantor=split["guarantor"],
        provincial=split["provincial"],
        national=split["national"],
    )


def agreement(row: AgreementRow) -> schemas.Agreement:
    return schemas.Agreement(
        id=row.id,
        bank_org_id=row.bank_org_id,
        guarantor_id=row.guarantor_id,
        provincial_id=row.provincial_id,
        shares_bp=_parties(row.shares_bp),
        created_at=row.created_at,
    )


def exposure(row: ExposureRow) -> schemas.Exposure:
    return schemas.Exposure(
        id=row.id,
        agreement_id=row.agreement_id,
        guarantor_id=row.guarantor_id,
        bank_org_id=row.bank_org_id,
        loan_ref=row.loan_ref,
        uscc=row.uscc,
        status=row.status,
        small_micro=row.small_micro,
        agri=row.agri,
        principal_fen=row.principal_fen,
        outstanding_fen=row.outstanding_fen,
        guaranteed_fen=row.guaranteed_fen,
        weighted_liability_fen=row.weighted_liability_fen,
        shares_fen=_parties(row.shares_fen),
        shares_bp=_parties(row.shares_bp),
        fee_rate_bp=row.fee_rate_bp,
        start_date=row.start_date,
        maturity_date=row.maturity_date,
        ended_on=row.ended_on,
        defaulted_fen=row.defaulted_fen,
        compensation_fen=row.compensation_fen,
        losses_fen=_parties(row.losses_fen) if row.losses_fen is not None else None,
        recovered_fen=_parties(row.recovered_fen),
        total_recovered_fen=sum(row.recovered_fen.values()),
        created_at=row.created_at,
    )


def default_result(row: ExposureRow, outcome: DefaultOutcome) -> schemas.DefaultResult:
    return schemas.DefaultResult(
        exposure=exposure(row),
        compensation_fen=outcome.compensation_fen,
        losses_fen=_parties(outcome.losses_fen),
    )


def recovery_result(allocation: Split, total_recovered_fen: int) -> schemas.RecoveryResult:
    return schemas.RecoveryResult(
        allocation_fen=_parties(allocation), total_recovered_fen=total_recovered_fen
    )
