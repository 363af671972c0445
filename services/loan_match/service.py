"""Use cases of loan_match that combine rows, pure rules and the other services."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import pydantic_core
from pydantic import ValidationError
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncSession

from kit.internal import InternalClient
from kit.problems import Problem
from services.loan_match import clients, repository, schemas
from services.loan_match.rules import cost, eligibility
from services.loan_match.rules.eligibility import Answer, Capacity

PRODUCT_FIELDS = tuple(schemas.ProductFields.model_fields)


def invalid(loc: list[Any], msg: str) -> Problem:
    where = ".".join(str(part) for part in loc)
    return Problem(
        422,
        "validation-error",
        f"{where}: {msg}",
        title="Request is not valid",
        errors=[{"loc": ["body", *loc], "msg": msg}],
    )


def _dedupe(values: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(values))


def product_values(fields: schemas.ProductFields) -> dict[str, Any]:
    """Column values of a product, after the checks that span several fields."""
    if fields.min_amount_fen > fields.max_amount_fen:
        raise invalid(["min_amount_fen"], "must not exceed max_amount_fen")
    if fields.min_term_months > fields.max_term_months:
        raise invalid(["min_term_months"], "must not exceed max_term_months")
    multiples = fields.tax_multiple.model_dump(exclude_none=True) if fields.tax_multiple else None
    if fields.tax_multiple is not None and not multiples:
        raise invalid(
            ["tax_multiple"], "give a multiple for at least one rating (A, B or M), or leave it out"
        )
    values = fields.model_dump()
    values["tax_multiple"] = multiples
    values["sizes"] = _dedupe(fields.sizes) or list(eligibility.ALL_SIZES)
    for name in ("region_codes", "industry_prefixes", "required_flags", "accepted_collateral"):
        values[name] = _dedupe(values[name])
    return values


def patched_fields(row: Row[Any], patch: schemas.ProductPatch) -> schemas.ProductFields:
    """The product as it would be after ``patch``; every rule is checked on the result."""
    merged = {name: getattr(row, name) for name in PRODUCT_FIELDS}
    merged.update(patch.model_dump(exclude_unset=True))
    try:
        return schemas.ProductFields.model_validate(merged)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise invalid(list(first["loc"]), str(first["msg"])) from exc


def product_out(row: Row[Any]) -> schemas.Product:
    return schemas.Product.model_validate({name: getattr(row, name) for name in schemas.Product.model_fields})


def profile_out(row: Row[Any]) -> schemas.Profile:
    return schemas.Profile.model_validate({name: getattr(row, name) for name in schemas.Profile.model_fields})


def product_rules(row: Row[Any]) -> eligibility.Product:
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


def full_years(start: date, today: date) -> int:
    """Whole years from ``start`` to ``today`` (an anniversary completes a year)."""
    years = today.year - start.year - ((today.month, today.day) < (start.month, start.day))
    return max(years, 0)


def enterprise_facts(profile: Row[Any], today: date) -> eligibility.Enterprise:
    return eligibility.Enterprise(
        size=profile.size,
        region_code=profile.region_code,
        industry_code=profile.industry_code,
        years_in_business=full_years(profile.established_on, today),
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
class MatchRun:
    """The answer of a query, already JSON, and the banks with a matching product."""

    body: bytes
    matched: int
    degraded: list[str]
    matched_banks: list[str]


class _Results:
    """JSON-ready ``{criterion, detail}`` objects, one per distinct check of a query."""

    def __init__(self) -> None:
        self._seen: dict[eligibility.Check, dict[str, str]] = {}

    def __call__(self, checks: Sequence[eligibility.Check]) -> list[dict[str, str]]:
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
) -> dict[str, Any]:
    """One entry of ``matches`` (schemas.Match), built as plain data: thousands are built per
    query and the answer is serialised once, so model instances would only cost time."""
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


def _excluded(
    product: eligibility.Product, outcome: eligibility.Outcome, results: _Results
) -> dict[str, Any]:
    """One entry of ``excluded`` (schemas.Excluded)."""
    return {
        "product_id": product.id,
        "bank_org_id": product.bank_org_id,
        "product_name": product.name,
        "product_type": product.product_type,
        "failed": results(outcome.failed),
    }


async def run_match(
    session: AsyncSession,
    internal: InternalClient,
    catalogue: Catalogue,
    *,
    profile: Row[Any],
    amount_fen: int,
    term_months: int,
    include_excluded: bool,
    today: date,
) -> MatchRun:
    """Evaluate every active product (loaded in one query) with one rating call and one
    capacity call per distinct bank that has a product requiring a guarantee."""
    products = await catalogue.active(session)
    request = eligibility.Request(amount_fen, term_months)
    guarantee_banks = {p.bank_org_id for p in products if p.requires_guarantee}
    (rating, shown), capacity = await asyncio.gather(
        clients.current_rating(internal, profile.uscc),
        clients.capacity_by_bank(internal, guarantee_banks, amount_fen),
    )
    evaluator = eligibility.Evaluator(enterprise_facts(profile, today), request, rating, capacity)
    results = _Results()
    matches: list[dict[str, Any]] = []
    excluded: list[dict[str, Any]] = []
    for product in products:
        outcome = evaluator.evaluate(product)
        if outcome.eligible:
            matches.append(_match(product, outcome, request, results))
        elif include_excluded:
            excluded.append(_excluded(product, outcome, results))
    matches.sort(
        key=lambda m: cost.rank_key(m["estimated_total_cost_fen"], m["annual_rate_bp"], m["product_id"])
    )
    excluded.sort(key=lambda e: str(e["product_id"]))
    degraded = _degraded(rating, capacity)
    answer = {
        "uscc": profile.uscc,
        "size": profile.size,
        "rating": {"rating": shown.rating, "year": shown.year} if shown else None,
        "degraded": degraded,
        "matches": matches,
        "excluded": excluded,
    }
    body = pydantic_core.to_json(answer)
    return MatchRun(body, len(matches), degraded, sorted({str(m["bank_org_id"]) for m in matches}))


def _degraded(rating: eligibility.Rating, capacity: dict[str, Capacity]) -> list[str]:
    degraded = []
    if rating.answer is Answer.UNAVAILABLE:
        degraded.append(clients.CREDIT_PUSH)
    if any(c.answer is Answer.UNAVAILABLE for c in capacity.values()):
        degraded.append(clients.GUARANTEE)
    return degraded
