"""Matching an enterprise against every active product: what a query and a demand both run."""

from __future__ import annotations

import asyncio
import heapq
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import pydantic_core
from sqlalchemy.ext.asyncio import AsyncSession

from kit.errors import NotFound
from kit.internal import InternalClient
from services.loan_match import clients, repository
from services.loan_match.clients import CurrentRating
from services.loan_match.rows import ProfileRow
from services.loan_match.rules import cost, eligibility
from services.loan_match.rules.eligibility import Capacity
from services.loan_match.schemas import CriterionResult, Excluded, Match, QueryResult
from services.loan_match.service.catalogue import Catalogue, Entry, Snapshot


def enterprise_facts(profile: ProfileRow, today: date) -> eligibility.Enterprise:
    return eligibility.Enterprise(
        size=profile.size,
        region_code=profile.region_code,
        industry_code=profile.industry_code,
        years_in_business=eligibility.full_years(profile.established_on, today),
        revenue_fen=profile.revenue_fen,
        flags=frozenset(profile.flags),
        collateral=frozenset(profile.collateral),
    )


@dataclass(frozen=True)
class Matcher:
    """What matching needs besides the database: the process's catalogue and its peers' client."""

    internal: InternalClient
    catalogue: Catalogue


@dataclass(frozen=True)
class Shape:
    """How much of the answer a caller wants: the first ``limit`` matches, and the excluded
    products only when asked (a demand needs neither, only the banks)."""

    limit: int = 20
    include_excluded: bool = False


@dataclass(frozen=True)
class MatchRun:
    """The answer of a query, already JSON, and the banks with a matching product."""

    body: bytes
    matched: int
    degraded: list[str]
    matched_banks: list[str]
    rating: eligibility.Answer


async def match(
    session: AsyncSession,
    matcher: Matcher,
    partner_app_id: str,
    uscc: str,
    request: eligibility.Request,
    shape: Shape,
    today: date,
) -> tuple[ProfileRow, MatchRun]:
    """The app's profile of the enterprise and how every active product matches it."""
    profile = await repository.get_profile(session, partner_app_id, uscc)
    if profile is None:
        raise NotFound("enterprise profile")
    snapshot = await matcher.catalogue.current(session)
    # The rating is asked for the app the query is for: credit_push shows it only with the
    # enterprise's authorisation of that app (CONTRACT §3, 税总发〔2019〕113号).
    (rating, shown), capacity = await asyncio.gather(
        clients.current_rating(matcher.internal, uscc, partner_app_id),
        clients.capacity_by_bank(matcher.internal, snapshot.guarantee_banks, request.amount_fen),
    )
    evaluator = eligibility.Evaluator(enterprise_facts(profile, today), request, rating, capacity)
    return profile, _run(snapshot, evaluator, profile, shown, shape)


def _run(
    snapshot: Snapshot,
    evaluator: eligibility.Evaluator,
    profile: ProfileRow,
    shown: CurrentRating | None,
    shape: Shape,
) -> MatchRun:
    """Every product is checked (stopping at its first failure); only the first ``limit``
    matches are priced in full and described, each answer entry built once."""
    eligible = [evaluator.eligible(e.product, e.tests) for e in snapshot.entries]
    matched = [e for e, ok in zip(snapshot.entries, eligible, strict=True) if ok]
    results = _Results()
    request = evaluator.request
    top = heapq.nsmallest(shape.limit, matched, key=_ranking(request))
    matches = [_match(e, evaluator, results) for e in top]
    excluded: list[Excluded] = []
    if shape.include_excluded:  # entries are in product id order already
        excluded = [
            _excluded(e, evaluator, results)
            for e, ok in zip(snapshot.entries, eligible, strict=True)
            if not ok
        ]
    degraded = _degraded(evaluator.rating, evaluator.capacity)
    answer = _answer(profile, shown, degraded, len(matched), matches, excluded)
    banks = sorted({e.product.bank_org_id for e in matched})
    return MatchRun(pydantic_core.to_json(answer), len(matched), degraded, banks, evaluator.rating.answer)


def _ranking(request: eligibility.Request) -> Callable[[Entry], tuple[int, int, str]]:
    """The ranking key of a match (CONTRACT §5: total cost, then rate, then product id); the
    total is worked out once per distinct price, which products share."""
    totals: dict[cost.Pricing, int] = {}

    def key(e: Entry) -> tuple[int, int, str]:
        total = totals.get(e.price)
        if total is None:
            total = totals[e.price] = cost.estimate(
                request.amount_fen, request.term_months, e.price
            ).total_fen
        return cost.rank_key(total, e.product.annual_rate_bp, e.product.id)

    return key


def _answer(
    profile: ProfileRow,
    shown: CurrentRating | None,
    degraded: list[str],
    total: int,
    matches: list[Match],
    excluded: list[Excluded],
) -> QueryResult:
    return {
        "uscc": profile.uscc,
        "size": profile.size,
        "rating": {"rating": shown.rating, "year": shown.year} if shown else None,
        "degraded": degraded,
        "total_matches": total,
        "matches": matches,
        "excluded": excluded,
    }


class _Results:
    """JSON-ready ``{criterion, detail}`` objects, one per distinct check of a query."""

    def __init__(self) -> None:
        self._seen: dict[eligibility.Check, CriterionResult] = {}

    def __call__(self, checks: Sequence[eligibility.Check]) -> list[CriterionResult]:
        out = []
        for check in checks:
            item = self._seen.get(check)
            if item is None:
                item = self._seen[check] = {"criterion": check.criterion, "detail": check.detail}
            out.append(item)
        return out


def _match(entry: Entry, evaluator: eligibility.Evaluator, results: _Results) -> Match:
    """One entry of ``matches``: the estimated cost of the loan and the criteria the product sets."""
    p, request = entry.product, evaluator.request
    estimate = cost.estimate(request.amount_fen, request.term_months, entry.price)
    return {
        "product_id": p.id,
        "bank_org_id": p.bank_org_id,
        "product_name": p.name,
        "product_type": p.product_type,
        "annual_rate_bp": p.annual_rate_bp,
        "estimated_interest_fen": estimate.interest_fen,
        "estimated_guarantee_fee_fen": estimate.guarantee_fee_fen,
        "estimated_total_cost_fen": estimate.total_fen,
        "reasons": results(evaluator.outcome(p, entry.tests).passed),
    }


def _excluded(entry: Entry, evaluator: eligibility.Evaluator, results: _Results) -> Excluded:
    """One entry of ``excluded``, with every criterion the product failed."""
    p = entry.product
    return {
        "product_id": p.id,
        "bank_org_id": p.bank_org_id,
        "product_name": p.name,
        "product_type": p.product_type,
        "failed": results(evaluator.outcome(p, entry.tests).failed),
    }


def _degraded(rating: eligibility.Rating, capacity: Mapping[str, Capacity]) -> list[str]:
    degraded = []
    if rating.answer is eligibility.Answer.UNAVAILABLE:
        degraded.append(clients.CREDIT_PUSH)
    if any(c.answer is eligibility.Answer.UNAVAILABLE for c in capacity.values()):
        degraded.append(clients.GUARANTEE)
    return degraded
