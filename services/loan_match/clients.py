"""Typed calls to credit_push and guarantee, turned into eligibility facts.

Both go through ``ctx.internal`` (signed service principal, short timeouts, request id
passed on). A dependency that does not answer, answers 5xx or answers something we
cannot read becomes ``Answer.UNAVAILABLE``: the query then degrades instead of failing.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable
from dataclasses import dataclass

import httpx
from pydantic import BaseModel, ValidationError

from kit.http import TRANSPORT_ERRORS
from kit.internal import DependencyUnavailable, InternalClient
from services.loan_match.rules.eligibility import Answer, Capacity, Rating, Standing

log = logging.getLogger("loan_match.clients")

CREDIT_PUSH = "credit_push"
GUARANTEE = "guarantee"
# Enough to ask every bank at once in practice, without opening hundreds of connections.
MAX_CONCURRENT_CAPACITY_CALLS = 16


class CurrentRating(BaseModel):
    """credit_push ``GET /internal/credit/ratings/{uscc}``."""

    uscc: str
    rating: str
    year: int
    avg_annual_tax_fen: int | None = None


class StandingAnswer(BaseModel):
    """credit_push ``GET /internal/credit/standing/{uscc}``."""

    uscc: str
    blacklisted: bool


class MatchFacts(BaseModel):
    """credit_push ``GET /internal/credit/match-facts/{uscc}``: both reads above in one answer."""

    uscc: str
    blacklisted: bool
    rating: CurrentRating | None
    refusal: str | None


class GuarantorHeadroom(BaseModel):
    guarantor_id: str
    name: str
    agreement_id: str
    headroom_fen: int
    sufficient: bool


class CapacityAnswer(BaseModel):
    """guarantee ``GET /internal/guarantee/capacity``."""

    bank_org_id: str
    guaranteed_fen: int
    guarantors: list[GuarantorHeadroom]


# Anything that keeps us from reading an answer: down, slow, 5xx, unexpected 4xx, garbled.
_UNREADABLE: tuple[type[BaseException], ...] = (
    DependencyUnavailable,
    ValidationError,
    ValueError,
    *TRANSPORT_ERRORS,
)


# The 404s of credit_push's internal rating read, told apart by the problem type's slug.
NOT_AUTHORISED_SLUG = "not-authorised-by-enterprise"
NOT_FOUND_SLUG = "not-found"


def refusal(body: object) -> Answer:
    """What a 404 of the rating read means, from its problem body (:func:`refused`)."""
    kind = body.get("type") if isinstance(body, dict) else None
    if not isinstance(kind, str):
        return Answer.UNAVAILABLE
    return refused(kind.rsplit("/", 1)[-1])


def refused(slug: str | None) -> Answer:
    """``not-authorised-by-enterprise``: the app holds no authorisation from the enterprise;
    ``not-found``: no current rating. Anything else (none, another slug) is an answer we
    cannot read, so the query degrades and shows nothing rather than guess.
    """
    if slug == NOT_AUTHORISED_SLUG:
        return Answer.NOT_AUTHORISED
    if slug == NOT_FOUND_SLUG:
        return Answer.NONE
    return Answer.UNAVAILABLE


async def current_rating(
    client: InternalClient, uscc: str, for_org_id: str
) -> tuple[Rating, CurrentRating | None]:
    """The enterprise's current rating as the partner app ``for_org_id`` may use it.

    credit_push answers it only while that app holds the enterprise's authorisation
    (税收征管法 第八条: the tax data is the enterprise's; 税总发〔2019〕113号: shared only with
    its authorisation); a 404 says why not (:func:`refusal`).
    """
    path = f"/internal/credit/ratings/{uscc}"
    try:
        response = await client.get(CREDIT_PUSH, path, {"for_org_id": for_org_id})
        if response.status_code == 404:
            return Rating(refusal(_json_or_none(response))), None
        response.raise_for_status()
        found = CurrentRating.model_validate(response.json())
    except _UNREADABLE as exc:
        log.warning("credit_push rating unavailable: %r", exc)
        return Rating(Answer.UNAVAILABLE), None
    return Rating(Answer.KNOWN, found.rating, found.avg_annual_tax_fen), found


async def standing(client: InternalClient, uscc: str) -> Standing:
    """Whether the enterprise is on the tax blacklist (国家税务总局令第54号; public, so asked
    without the app's authorisation). A 404 (a credit_push without this read) or another 4xx
    says nothing: the criterion is skipped. No answer (5xx, transport, garbled) degrades."""
    try:
        response = await client.get(CREDIT_PUSH, f"/internal/credit/standing/{uscc}")
        if 400 <= response.status_code < 500:
            log.warning("credit_push standing read answered %s: skipped", response.status_code)
            return Standing(Answer.NONE)
        response.raise_for_status()
        found = StandingAnswer.model_validate(response.json())
    except _UNREADABLE as exc:
        log.warning("credit_push standing unavailable: %r", exc)
        return Standing(Answer.UNAVAILABLE)
    return Standing(Answer.KNOWN, found.blacklisted)


CreditFacts = tuple[Rating, CurrentRating | None, Standing]


async def credit_facts(client: InternalClient, uscc: str, for_org_id: str) -> CreditFacts:
    """:func:`current_rating` and :func:`standing` in one call (credit_push's match-facts read),
    answered as those two would be. No answer (5xx, transport, garbled) degrades both, as it
    would both reads. A 4xx is a credit_push without this read (or one that refuses it): the two
    reads are asked instead and decide, each as it always has.
    """
    path = f"/internal/credit/match-facts/{uscc}"
    try:
        response = await client.get(CREDIT_PUSH, path, {"for_org_id": for_org_id})
        if 400 <= response.status_code < 500:
            log.warning("credit_push match-facts read answered %s: two reads", response.status_code)
            return await _two_reads(client, uscc, for_org_id)
        response.raise_for_status()
        found = MatchFacts.model_validate_json(response.content)
    except _UNREADABLE as exc:
        log.warning("credit_push match facts unavailable: %r", exc)
        return Rating(Answer.UNAVAILABLE), None, Standing(Answer.UNAVAILABLE)
    standing_now = Standing(Answer.KNOWN, found.blacklisted)
    shown = found.rating
    if shown is None or found.refusal is not None:
        return Rating(refused(found.refusal)), None, standing_now
    return Rating(Answer.KNOWN, shown.rating, shown.avg_annual_tax_fen), shown, standing_now


async def _two_reads(client: InternalClient, uscc: str, for_org_id: str) -> CreditFacts:
    (rating, shown), standing_now = await asyncio.gather(
        current_rating(client, uscc, for_org_id), standing(client, uscc)
    )
    return rating, shown, standing_now


def _json_or_none(response: httpx.Response) -> object:
    try:
        body: object = response.json()
    except ValueError:
        return None
    return body


@dataclass(frozen=True)
class Loan:
    """What guarantee needs to judge a loan as a registration would (CONTRACT §4 limits)."""

    amount_fen: int
    uscc: str
    small_micro: bool


async def _capacity(client: InternalClient, bank_org_id: str, loan: Loan) -> Capacity:
    # guarantee applies that agreement's own bank share, the client's recomputed weights and
    # the single-client cap, so a product that matches can really be registered.
    params = {"bank_org_id": bank_org_id, "amount_fen": loan.amount_fen, "uscc": loan.uscc}
    try:
        data = await client.get_json(
            GUARANTEE,
            "/internal/guarantee/capacity",
            {**params, "small_micro": "true" if loan.small_micro else "false"},
        )
        if data is None:
            # guarantee knows no agreement for this bank: nobody can guarantee its loans.
            return Capacity(Answer.NONE)
        answer = CapacityAnswer.model_validate(data)
    except _UNREADABLE as exc:
        log.warning("guarantee capacity unavailable for bank %s: %r", bank_org_id, exc)
        return Capacity(Answer.UNAVAILABLE)
    sufficient = tuple(g.name for g in answer.guarantors if g.sufficient)
    return Capacity(Answer.KNOWN, sufficient)


async def capacity_by_bank(
    client: InternalClient, bank_org_ids: Iterable[str], loan: Loan
) -> dict[str, Capacity]:
    """One call per distinct bank, concurrently (never one per product)."""
    banks = sorted(set(bank_org_ids))
    gate = asyncio.Semaphore(MAX_CONCURRENT_CAPACITY_CALLS)

    async def one(bank: str) -> Capacity:
        async with gate:
            return await _capacity(client, bank, loan)

    answers = await asyncio.gather(*(one(bank) for bank in banks))
    return dict(zip(banks, answers, strict=True))
