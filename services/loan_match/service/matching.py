"""Matching an enterprise against every active product: what a query and a demand both run."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TypedDict

import pydantic_core
from sqlalchemy.ext.asyncio import AsyncSession

from kit.errors import NotFound
from kit.internal import InternalClient
from services.loan_match import clients, repository
from services.loan_match.clients import CurrentRating
from services.loan_match.rows import ProductRow, ProfileRow
from services.loan_match.rules import cost, eligibility
from services.loan_match.rules.eligibility import Capacity


def product_rules(row: ProductRow) -> eligibility.Product:
    return eligibility.Product(
        id=row.id,
        bank_org_id=row.bank_org_id,
        name=row.name,
        product_type=row.product_type,
        min_amount_fen=row.min_amount_fen,
        max_amount_fen=row.max_amount_fen,
        min_term_months=row.min_term_months,
        max_term_months=row.max_term_months,
        annual_rate_bp=row.annual_rate_bp,
        min_rating=row.min_rating,
        tax_multiple=row.tax_multiple,
        sizes=tuple(row.sizes),
        region_codes=tuple(row.region_codes),
        industry_prefixes=tuple(row.industry_prefixes),
        min_years_in_business=row.min_years_in_business,
        min_revenue_fen=row.min_revenue_fen,
        required_flags=tuple(row.required_flags),
        accepted_collateral=tuple(row.accepted_collateral),
        requires_guarantee=row.requires_guarantee,
        guarantee_fee_bp=row.guarantee_fee_bp,
        interest_subsidy_bp=row.interest_subsidy_bp,
    )


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
class Ask:
    """What the enterprise asks for: a query's or a demand's amount and term."""

    uscc: str
    amount_fen: int
    term_months: int


class Result(TypedDict):
    """schemas.CriterionResult as plain data."""

    criterion: str
    detail: str


class MatchEntry(TypedDict):
    """schemas.Match as plain data."""

    product_id: str
    bank_org_id: str
    product_name: str
    product_type: str
    annual_rate_bp: int
    estimated_interest_fen: int
    estimated_guarantee_fee_fen: int
    estimated_total_cost_fen: int
    reasons: list[Result]


class ExcludedEntry(TypedDict):
    """schemas.Excluded as plain data."""

    product_id: str
    bank_org_id: str
    product_name: str
    product_type: str
    failed: list[Result]


class RatingEntry(TypedDict):
    rating: str
    year: int


class QueryAnswer(TypedDict):
    """schemas.QueryResult as plain data: thousands of entries are built per query and the
    answer is serialised once, so model instances would only cost time."""

    uscc: str
    size: str
    rating: RatingEntry | None
    degraded: list[str]
    matches: list[MatchEntry]
    excluded: list[ExcludedEntry]


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
    ask: Ask,
    *,
    include_excluded: bool,
    today: date,
) -> tuple[ProfileRow, MatchRun]:
    """The app's profile of the enterprise and how every active product matches it."""
    profile = await repository.get_profile(session, partner_app_id, ask.uscc)
    if profile is None:
        raise NotFound("enterprise profile")
    products = await matcher.catalogue.active(session)
    return profile, await _run(matcher.internal, products, profile, ask, include_excluded, today)


async def _run(
    internal: InternalClient,
    products: list[eligibility.Product],
    profile: ProfileRow,
    ask: Ask,
    include_excluded: bool,
    today: date,
) -> MatchRun:
    """Evaluate every active product with one rating call and one capacity call per distinct
    bank that has a product requiring a guarantee."""
    request = eligibility.Request(ask.amount_fen, ask.term_months)
    guarantee_banks = {p.bank_org_id for p in products if p.requires_guarantee}
    (rating, shown), capacity = await asyncio.gather(
        clients.current_rating(internal, profile.uscc),
        clients.capacity_by_bank(internal, guarantee_banks, ask.amount_fen),
    )
    evaluator = eligibility.Evaluator(enterprise_facts(profile, today), request, rating, capacity)
    matches, excluded = _sorted_outcomes(products, evaluator, include_excluded)
    degraded = _degraded(rating, capacity)
    body = pydantic_core.to_json(_answer(profile, shown, degraded, matches, excluded))
    return MatchRun(body, len(matches), degraded, sorted({m["bank_org_id"] for m in matches}))


def _sorted_outcomes(
    products: list[eligibility.Product], evaluator: eligibility.Evaluator, include_excluded: bool
) -> tuple[list[MatchEntry], list[ExcludedEntry]]:
    """Matches ranked by cost and, when asked for, the excluded products by id."""
    results = _Results()
    matches: list[MatchEntry] = []
    excluded: list[ExcludedEntry] = []
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
    matches: list[MatchEntry],
    excluded: list[ExcludedEntry],
) -> QueryAnswer:
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
        self._seen: dict[eligibility.Check, Result] = {}

    def __call__(self, checks: Sequence[eligibility.Check]) -> list[Result]:
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
) -> MatchEntry:
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


def _excluded(product: eligibility.Product, outcome: eligibility.Outcome, results: _Results) -> ExcludedEntry:
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
