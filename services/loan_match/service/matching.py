"""Matching an enterprise against every active product: what a query and a demand both run."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date, datetime

import pydantic_core
from sqlalchemy.ext.asyncio import AsyncSession

from kit.errors import NotFound
from kit.internal import InternalClient
from services.loan_match import clients, repository
from services.loan_match.clients import CurrentRating
from services.loan_match.rows import ProductRow, ProfileRow
from services.loan_match.rules import cost, eligibility
from services.loan_match.rules.eligibility import Capacity
from services.loan_match.schemas import CriterionResult, Excluded, Match, QueryResult

PRODUCT_RULE_FIELDS = tuple(f.name for f in fields(eligibility.Product))


def product_rules(row: ProductRow) -> eligibility.Product:
    """The rule's plain product: the row's fields of the same names."""
    return eligibility.Product(**{name: getattr(row, name) for name in PRODUCT_RULE_FIELDS})


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


class Catalogue:
    """The active products, compiled for matching, kept between queries.

    Each query reads only ``(id, updated_at)`` of the active products and compiles just the
    rows that are new or changed since the last query (every change of a product sets a new
    ``updated_at``), so a query against thousands of products does not decode and rebuild
    them all. One per process; the database stays the source of truth for what is active.
    """

    def __init__(self) -> None:
        self._compiled: dict[str, tuple[datetime, eligibility.Product]] = {}

    async def active(self, session: AsyncSession) -> list[eligibility.Product]:
        versions = await repository.active_product_versions(session)
        known = self._compiled
        stale = [pid for pid, at in versions if pid not in known or known[pid][0] != at]
        fresh = {
            row.id: (row.updated_at, product_rules(row))
            for row in await repository.active_products(session, stale)
        }
        compiled: dict[str, tuple[datetime, eligibility.Product]] = {}
        for pid, _ in versions:
            entry = fresh.get(pid) or known.get(pid)
            if entry is not None:  # None: retired between the two reads
                compiled[pid] = entry
        self._compiled = compiled  # also forgets retired products
        return [product for _, product in compiled.values()]


@dataclass(frozen=True)
class Matcher:
    """What matching needs besides the database: the process's catalogue and its peers' client."""

    internal: InternalClient
    catalogue: Catalogue


@dataclass(frozen=True)
class MatchRun:
    """The answer of a query, already JSON, and the banks with a matching product."""

    body: bytes
    matched: int
    degraded: list[str]
    matched_banks: list[str]


async def match(
    session: AsyncSession,
    matcher: Matcher,
    partner_app_id: str,
    uscc: str,
    request: eligibility.Request,
    *,
    include_excluded: bool,
    today: date,
) -> tuple[ProfileRow, MatchRun]:
    """The app's profile of the enterprise and how every active product matches it."""
    profile = await repository.get_profile(session, partner_app_id, uscc)
    if profile is None:
        raise NotFound("enterprise profile")
    products = await matcher.catalogue.active(session)
    return profile, await _run(matcher.internal, products, profile, request, include_excluded, today)


async def _run(
    internal: InternalClient,
    products: list[eligibility.Product],
    profile: ProfileRow,
    request: eligibility.Request,
    include_excluded: bool,
    today: date,
) -> MatchRun:
    """Evaluate every active product with one rating call and one capacity call per distinct
    bank that has a product requiring a guarantee."""
    guarantee_banks = {p.bank_org_id for p in products if p.requires_guarantee}
    (rating, shown), capacity = await asyncio.gather(
        clients.current_rating(internal, profile.uscc),
        clients.capacity_by_bank(internal, guarantee_banks, request.amount_fen),
    )
    evaluator = eligibility.Evaluator(enterprise_facts(profile, today), request, rating, capacity)
    matches, excluded = _sorted_outcomes(products, evaluator, include_excluded)
    degraded = _degraded(rating, capacity)
    body = pydantic_core.to_json(_answer(profile, shown, degraded, matches, excluded))
    return MatchRun(body, len(matches), degraded, sorted({m["bank_org_id"] for m in matches}))


def _sorted_outcomes(
    products: list[eligibility.Product], evaluator: eligibility.Evaluator, include_excluded: bool
) -> tuple[list[Match], list[Excluded]]:
    """Matches ranked by cost and, when asked for, the excluded products by id."""
    results = _Results()
    matches: list[Match] = []
    excluded: list[Excluded] = []
    for product in products:
        outcome = evaluator.evaluate(product)
        if outcome.eligible:
            matches.append(_match(product, outcome, evaluator.request, results))
        elif include_excluded:
            excluded.append(_excluded(product, outcome, results))
    matches.sort(
        key=lambda m: cost.rank_key(m["estimated_total_cost_fen"], m["annual_rate_bp"], m["product_id"])
    )
    excluded.sort(key=lambda e: e["product_id"])
    return matches, excluded


def _answer(
    profile: ProfileRow,
    shown: CurrentRating | None,
    degraded: list[str],
    matches: list[Match],
    excluded: list[Excluded],
) -> QueryResult:
    return {
        "uscc": profile.uscc,
        "size": profile.size,
        "rating": {"rating": shown.rating, "year": shown.year} if shown else None,
        "degraded": degraded,
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


def _match(
    product: eligibility.Product,
    outcome: eligibility.Outcome,
    request: eligibility.Request,
    results: _Results,
) -> Match:
    """One entry of ``matches``, with the estimated cost of the loan under this product."""
    estimate = cost.estimate(
        amount_fen=request.amount_fen,
        term_months=request.term_months,
        annual_rate_bp=product.annual_rate_bp,
        interest_subsidy_bp=product.interest_subsidy_bp,
        requires_guarantee=product.requires_guarantee,
        guarantee_fee_bp=product.guarantee_fee_bp,
    )
    return {
        "product_id": product.id,
        "bank_org_id": product.bank_org_id,
        "product_name": product.name,
        "product_type": product.product_type,
        "annual_rate_bp": product.annual_rate_bp,
        "estimated_interest_fen": estimate.interest_fen,
        "estimated_guarantee_fee_fen": estimate.guarantee_fee_fen,
        "estimated_total_cost_fen": estimate.total_fen,
        "reasons": results(outcome.passed),
    }


def _excluded(product: eligibility.Product, outcome: eligibility.Outcome, results: _Results) -> Excluded:
    """One entry of ``excluded``, with every criterion the product failed."""
    return {
        "product_id": product.id,
        "bank_org_id": product.bank_org_id,
        "product_name": product.name,
        "product_type": product.product_type,
        "failed": results(outcome.failed),
    }


def _degraded(rating: eligibility.Rating, capacity: dict[str, Capacity]) -> list[str]:
    degraded = []
    if rating.answer is eligibility.Answer.UNAVAILABLE:
        degraded.append(clients.CREDIT_PUSH)
    if any(c.answer is eligibility.Answer.UNAVAILABLE for c in capacity.values()):
        degraded.append(clients.GUARANTEE)
    return degraded
