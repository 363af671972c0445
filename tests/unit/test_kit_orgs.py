"""kit.orgs: an org id that does not name an org of the role is refused as the contract says."""

from __future__ import annotations

from typing import Any

import pytest

from kit import errors
from kit.http import DependencyUnavailable
from kit.orgs import list_orgs, require_org
from kit.problems import problem_from_error

BANK = {"id": "b1", "name": "兰州银行", "role": "bank", "created_at": "2026-01-01T00:00:00Z"}


class Directory:
    def __init__(self, *pages: dict[str, Any], down: bool = False) -> None:
        self.pages = list(pages)
        self.down = down
        self.asked: list[tuple[str, dict[str, Any] | None]] = []

    async def get_json(self, target: str, path: str, params: dict[str, Any] | None = None) -> Any | None:
        assert target == "gateway"
        self.asked.append((path, params))
        if self.down:
            raise DependencyUnavailable("gateway", "timeout")
        if path.startswith("/internal/orgs/"):
            return BANK if path.endswith("/b1") else None
        return self.pages.pop(0)


async def test_an_org_of_the_role_is_returned() -> None:
    assert (await require_org(Directory(), "b1", "bank", "bank_org_id")).name == "兰州银行"


@pytest.mark.parametrize(("org_id", "role"), [("nobody", "bank"), ("b1", "guarantor")])
async def test_a_wrong_org_is_a_422_naming_the_field(org_id: str, role: str) -> None:
    with pytest.raises(errors.RuleViolation) as raised:
        await require_org(Directory(), org_id, role, "bank_org_id")
    problem = problem_from_error(raised.value)
    assert (problem.status, problem.slug, problem.title) == (
        422,
        "invalid-bank-org-id",
        "Invalid bank org id",
    )
    assert problem.detail == f"bank_org_id {org_id} is not a {role} org on this platform."
    assert problem.extra == {
        "errors": [{"loc": ["body", "bank_org_id"], "msg": f"must be the id of a {role} org"}]
    }
    assert problem.headers is None


async def test_a_silent_directory_is_a_503_with_retry_after() -> None:
    with pytest.raises(errors.Unavailable) as raised:
        await require_org(Directory(down=True), "b1", "bank", "bank_org_id")
    problem = problem_from_error(raised.value)
    assert (problem.status, problem.slug, problem.title) == (
        503,
        "dependency-unavailable",
        "Service unavailable",
    )
    assert problem.detail == "The gateway service did not answer (timeout); try again shortly."
    assert problem.headers == {"Retry-After": "5"}


def test_as_problem_still_raises_the_same_error() -> None:
    exc = DependencyUnavailable("guarantee", "answered 502")
    old, new = problem_from_error(exc.as_problem()), problem_from_error(exc.as_error())
    assert (old.status, old.slug, old.detail, old.headers) == (new.status, new.slug, new.detail, new.headers)


async def test_list_orgs_reads_every_page() -> None:
    directory = Directory({"items": [BANK], "next_cursor": "c2"}, {"items": [BANK], "next_cursor": None})
    assert [org.id for org in await list_orgs(directory, "bank")] == ["b1", "b1"]
    assert directory.asked == [
        ("/internal/orgs", {"limit": 1000, "role": "bank"}),
        ("/internal/orgs", {"limit": 1000, "role": "bank", "cursor": "c2"}),
    ]
