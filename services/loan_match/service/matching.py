"""Matching an enterprise against every active product: what a query and a demand both run."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

import pydantic_core
from sqlalchemy.ext.asyncio import AsyncSession

from kit import i18n
from kit.errors import NotFound
from kit.internal import InternalClient
from services.loan_match import clients
from services.loan_match.clients import CurrentRating
from services.loan_match.repository import profiles as repo
from services.loan_match.repository.rows import ProfileRow
from services.loan_match.rules import cost, eligibility, subsidy
from services.loan_match.rules.ranking import Entry, Snapshot, ranked
from services.loan_match.schemas.queries import CriterionResult, Excluded, Match, QueryResult
from services.loan_match.service import programmes
from services.loan_match.service.catalogue import Catalogue
from services.loan_match.service.common import same_named


def enterprise_facts(profile: ProfileRow, today: date) -> eligibility.Enterprise:
    return eligibility.Enterprise(
        **same_named(profile, ("size", "region_code", "industry_code", "revenue_fen")),
        years_in_business=eligibility.full_years(profile.established_on, today),
        flags=frozenset(profile.flags),
        collateral=frozenset(profile.collateral),
    )


class Matcher(NamedTuple):
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
    start = await repo.match_start(session, partner_app_id, uscc, today.year)
    if start is None:
        raise NotFound("enterprise profile")
    profile = start.profile
    snapshot = await matcher.catalogue.current(session, start.catalogue_version)
    # The rating is asked for the app the query is for: credit_push shows it only with the
    # enterprise's authorisation of that app (CONTRACT §3, 税总发〔2019〕113号); the blacklist
    # standing comes in the same answer.
    (rating, shown, standing), capacity = await asyncio.gather(
        clients.credit_facts(matcher.internal, uscc, partner_app_id),
        clients.capacity_by_bank(
            matcher.internal,
            snapshot.guarantee_banks,
            clients.Loan(request.amount_fen, uscc, profile.size in ("micro", "small")),
        ),
    )
    facts = enterprise_facts(profile, today)
    evaluator = eligibility.Evaluator(facts, request, rating, capacity, standing)
    # Policy-fund interest subsidies (CONTRACT §6) lower a match's cost: read with the profile.
    offers = programmes.offers_for(start.offers, profile.size, profile.region_code, list(profile.collateral))
    return profile, _run(snapshot, evaluator, profile, shown, shape, offers)


def _run(
    snapshot: Snapshot,
    evaluator: eligibility.Evaluator,
    profile: ProfileRow,
    shown: CurrentRating | None,
    shape: Shape,
    offers: Sequence[subsidy.Offer] = (),
) -> MatchRun:
    """Each group of products is evaluated once (stopping at its first failure); only the
    first ``limit`` matches are priced in full and described."""
    passing = [evaluator.eligible(g.sample, g.tests) for g in snapshot.groups]
    matching = [g for g, ok in zip(snapshot.groups, passing, strict=True) if ok]
    banks: set[str] = set()
    for group in matching:
        banks |= group.banks
    total = sum(len(g.members) for g in matching)
    describe = _Describe(snapshot, evaluator)
    top = ranked(snapshot, evaluator.request, matching, shape.limit, offers)
    matches = [_match(snapshot.entries[i], evaluator, describe.reasons(i), offers) for i in top]
    excluded: list[Excluded] = []
    if shape.include_excluded:
        failing = sorted(
            i for g, ok in zip(snapshot.groups, passing, strict=True) if not ok for i in g.members
        )
        excluded = [_excluded(snapshot.entries[i], describe.failures(i)) for i in failing]  # id order
    degraded = _degraded(evaluator)
    answer = _answer(profile, shown, degraded, total, matches, excluded)
    body = pydantic_core.to_json(answer)
    return MatchRun(body, total, degraded, sorted(banks), evaluator.rating.answer)


class _Describe:
    """The reasons and failures of products, worked out once per group and shared as JSON-ready
    lists by every product of the group."""

    def __init__(self, snapshot: Snapshot, evaluator: eligibility.Evaluator) -> None:
        self._evaluator = evaluator
        self._snapshot = snapshot
        self._results = _Results()
        self._outcomes: dict[int, tuple[list[CriterionResult], list[CriterionResult]]] = {}

    def _of(self, i: int) -> tuple[list[CriterionResult], list[CriterionResult]]:
        g = self._snapshot.group_of[i]
        found = self._outcomes.get(g)
        if found is None:
            group = self._snapshot.groups[g]
            outcome = self._evaluator.outcome(group.sample, group.tests)
            found = (self._results(outcome.passed), self._results(outcome.failed))
            self._outcomes[g] = found
        return found

    def reasons(self, i: int) -> list[CriterionResult]:
        return self._of(i)[0]

    def failures(self, i: int) -> list[CriterionResult]:
        return self._of(i)[1]


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
                # In the caller's language, from the check's stable code (rules/reasons.py).
                detail = i18n.localise(f"reason:{check.code}", check.detail, dict(check.values))
                item = self._seen[check] = {"criterion": check.criterion, "detail": detail}
            out.append(item)
        return out


def _match(
    entry: Entry,
    evaluator: eligibility.Evaluator,
    reasons: list[CriterionResult],
    offers: Sequence[subsidy.Offer] = (),
) -> Match:
    """One entry of ``matches``: the estimated cost of the loan net of the policy subsidies the
    enterprise would get (CONTRACT §6), and the criteria the product sets."""
    p, request = entry.product, evaluator.request
    estimate = cost.estimate(request.amount_fen, request.term_months, entry.price)
    subsidy_fen = subsidy.estimate(estimate.interest_fen, p.product_type, offers)
    return {
        "product_id": p.id,
        "bank_org_id": p.bank_org_id,
        "product_name": p.name,
        "product_type": p.product_type,
        "annual_rate_bp": p.annual_rate_bp,
        "estimated_interest_fen": estimate.interest_fen,
        "estimated_guarantee_fee_fen": estimate.guarantee_fee_fen,
        "estimated_subsidy_fen": subsidy_fen,
        "estimated_total_cost_fen": estimate.total_fen - subsidy_fen,
        "reasons": reasons,
    }


def _excluded(entry: Entry, failed: list[CriterionResult]) -> Excluded:
    """One entry of ``excluded``, with every criterion the product failed."""
    p = entry.product
    return {
        "product_id": p.id,
        "bank_org_id": p.bank_org_id,
        "product_name": p.name,
        "product_type": p.product_type,
        "failed": failed,
    }


def _degraded(evaluator: eligibility.Evaluator) -> list[str]:
    degraded = []
    unavailable = eligibility.Answer.UNAVAILABLE
    if unavailable in (evaluator.rating.answer, evaluator.standing.answer):
        degraded.append(clients.CREDIT_PUSH)
    if any(c.answer is unavailable for c in evaluator.capacity.values()):
        degraded.append(clients.GUARANTEE)
    return degraded
