"""Exposures: registering a guaranteed loan under the limits, and who sees which."""

from __future__ import annotations

from contextlib import AbstractAsyncContextManager, nullcontext

from kit.errors import Conflict, NotFound, RuleViolation
from kit.pagination import Page
from kit.principal import Principal
from kit.turns import Turns
from services.guarantee.repository import Repository, Taken
from services.guarantee.repository.rows import AgreementRow, Book, ExposureRow, Member, NewExposure
from services.guarantee.rules import allocation, limits
from services.guarantee.rules.chain import Status
from services.guarantee.rules.limits import LimitBreach
from services.guarantee.rules.weights import Held, Judgement, judge_registration
from services.guarantee.schemas.exposures import Exposure, ExposureCreate
from services.guarantee.service import answers
from services.guarantee.service.access import exposure_scope, require_local
from services.guarantee.service.memo import Memo
from services.guarantee.service.paging import after_seq, by_seq, page


async def register_exposure(repo: Repository, principal: Principal, body: ExposureCreate) -> Exposure:
    """CONTRACT §4 order: validation and policy scope (422), duplicate loan (409), leverage, single
    client; the client's weights are recomputed (计量办法) and the limits judged on them, all under
    the guarantor's row lock, so concurrent registrations can never jointly pass a limit."""
    me = await require_local(repo, principal)
    agreement = await own_agreement(repo, me, str(body.agreement_id))
    opening = allocation.figures(body.principal_fen, agreement.shares_bp)
    async with _queue(repo, me.id):
        row = await _register(repo, me, agreement, opening, body)
    return answers.exposure(row)


# kit.turns: 32 concurrent registrations for one guarantor held 32 pooled connections and
# PostgreSQL backends queued on its row, ~1 ms more of PostgreSQL's CPU each (bench/README.md
# "Profiles: exposures, taking turns").
registrations = Turns()


def _queue(repo: Repository, guarantor_id: str) -> AbstractAsyncContextManager[None]:
    """This process's registrations for one guarantor queue here rather than on its row lock:
    those that hold no connection yet (nearly all: the caller's institution and agreement are
    memos). One that already holds one (a cold memo, an idempotency key) goes straight to the
    row lock: waiting for a turn while holding a connection could leave the turn's holder none
    to take from the pool."""
    return nullcontext() if repo.holds_connection() else registrations.turn(guarantor_id)


async def _register(
    repo: Repository, me: Member, agreement: AgreementRow, opening: allocation.Figures, body: ExposureCreate
) -> ExposureRow:
    book = await repo.lock_book(me.id, body.uscc)
    assert book is not None  # the caller's own row
    new = Held(body.principal_fen, opening.guaranteed_fen, body.small_micro, body.principal_fen)
    judgement = judge_registration(book.guarantor, list(book.held.values()), new)
    if not judgement.in_scope:
        raise _outside_scope()
    if judgement.breach is not None:
        # Only a refused request pays for this look-up; an accepted one meets the unique key.
        if await repo.loan_ref_taken(agreement.bank_org_id, body.loan_ref):
            raise _duplicate_loan(body.loan_ref)
        raise limit_exceeded(judgement.breach)
    await repo.reweigh(_changed(book, judgement.weights))
    try:
        return await repo.insert_exposure(_new_exposure(body, agreement, opening, judgement))
    except Taken as exc:  # the bank's loan is already under guarantee, by this or another guarantor
        raise _duplicate_loan(body.loan_ref) from exc


def _changed(book: Book, weights: list[int]) -> dict[str, int]:
    """The client's other exposures whose weight the registration changes (it crossed 500万)."""
    return {
        key: w
        for (key, held), w in zip(book.held.items(), weights[:-1], strict=True)
        if held.weighted_fen != w
    }


def _outside_scope() -> RuleViolation:
    return RuleViolation(
        f"The client's guaranteed principal with this guarantor would exceed {limits.POLICY_SCOPE_MAX_FEN} "
        "fen (10,000,000 yuan), the national fund's single-client scope (财金〔2025〕11号).",
        slug="outside-policy-scope",
        limit_fen=limits.POLICY_SCOPE_MAX_FEN,
    )


# Agreements never change once made: one look-up per process, not per registration.
agreements: Memo[str, AgreementRow] = Memo()


async def own_agreement(repo: Repository, me: Member, agreement_id: str) -> AgreementRow:
    agreement = agreements.get(agreement_id) or await repo.agreement(agreement_id)
    if agreement is None or agreement.guarantor_id != me.id:
        detail = "agreement_id must be one of your agreements."
        raise RuleViolation(detail, slug="invalid-agreement-id", field="agreement_id")
    return agreements.put(agreement_id, agreement)


def limit_exceeded(breach: LimitBreach) -> Conflict:
    """融资担保公司监督管理条例: the problem carries limit_fen, current_fen and requested_fen."""
    return Conflict(
        breach.detail,
        slug=breach.slug,
        limit_fen=breach.limit_fen,
        current_fen=breach.current_fen,
        requested_fen=breach.requested_fen,
    )


def _new_exposure(
    body: ExposureCreate, agreement: AgreementRow, opening: allocation.Figures, judgement: Judgement
) -> NewExposure:
    # The loan's own fields are the body's, by the same names; the agreement stands for its id.
    return NewExposure(
        **body.model_dump(exclude={"agreement_id"}),
        agreement=agreement,
        figures=opening,
        weighted_liability_fen=judgement.weights[-1],
        liability_delta_fen=judgement.requested_fen,
    )


def _duplicate_loan(loan_ref: str) -> Conflict:
    return Conflict(f"This bank's loan {loan_ref!r} is already under guarantee.", slug="duplicate-loan")


async def list_exposures(
    repo: Repository,
    principal: Principal,
    *,
    status: Status | None,
    uscc: str | None,
    cursor: str | None,
    limit: int,
) -> Page[Exposure]:
    """A page by seq of what the caller may see.

    The cursor is read only once the caller's scope is known, so a guarantor org outside the
    chain hears 403 whatever cursor it sent.
    """
    scope = await exposure_scope(repo, principal)
    after = after_seq(cursor)
    rows = await repo.exposures(scope, status=status, uscc=uscc, after_seq=after, limit=limit)
    return page(rows, limit, by_seq, answers.exposure)


async def visible_exposure(repo: Repository, principal: Principal, exposure_id: str) -> Exposure:
    """One exposure, if the caller may see it; 404 otherwise."""
    row = await repo.exposure(exposure_id, await exposure_scope(repo, principal))
    if row is None:
        raise NotFound("exposure")
    return answers.exposure(row)
