"""kit.errors: every domain error becomes the problem the contract expects, in one place."""

from __future__ import annotations

import pytest

from kit import errors
from kit.problems import problem_from_error


@pytest.mark.parametrize(
    ("error", "status", "slug"),
    [
        (errors.NotFound("exposure"), 404, "not-found"),
        (errors.Forbidden(), 403, "forbidden"),
        (errors.Conflict("full", slug="leverage-limit-exceeded"), 409, "leverage-limit-exceeded"),
        (errors.RuleViolation("bad", slug="invalid-parent-id"), 422, "invalid-parent-id"),
        (errors.PreconditionFailed("stale"), 412, "precondition-failed"),
        (errors.Unavailable("down"), 503, "dependency-unavailable"),
    ],
)
def test_each_error_has_its_status_and_slug(error: errors.DomainError, status: int, slug: str) -> None:
    problem = problem_from_error(error)
    assert (problem.status, problem.slug) == (status, slug)


def test_extra_members_and_field_reach_the_body() -> None:
    error = errors.Conflict("over", slug="leverage-limit-exceeded", limit_fen=10, current_fen=3)
    assert problem_from_error(error).extra == {"limit_fen": 10, "current_fen": 3}
    field_error = errors.RuleViolation("no such org", slug="invalid-bank-org-id", field="bank_org_id")
    assert problem_from_error(field_error).extra["errors"] == [
        {"loc": ["body", "bank_org_id"], "msg": "no such org"}
    ]


def test_not_found_reads_like_the_old_helper_and_unavailable_says_when_to_retry() -> None:
    assert str(errors.NotFound("consent")) == "No such consent, or it is not visible to you."
    assert problem_from_error(errors.Unavailable("down", retry_after_s=7)).headers == {"Retry-After": "7"}
