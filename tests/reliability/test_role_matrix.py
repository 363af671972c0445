"""Every role x every public operation x own and other tenant (CONTRACT §1-§6).

For each operation of the gateway's ``/openapi.json`` (``matrix.TABLE``, who from CONTRACT.md):
no key is a 401 problem; each role that may never call it a 403 ``forbidden`` problem, decided
before any lookup; the same role's other org aiming at the first org's object the status the
contract says (404, or the 422 it names), and a list never shows it the first org's objects;
each allowed role's real call a documented 2xx. Refused calls come first and must change
nothing: the allowed calls after them still find their objects.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import httpx
import pytest

import tests.reliability.recipes_more  # noqa: F401  (registers guarantee's and loan_match's recipes)
from tests.reliability.contract_who import ROLES, template, who_column
from tests.reliability.matrix import TABLE, UNAUTHENTICATED, allowed
from tests.reliability.recipes import RECIPES, Call
from tests.reliability.tenants import Tenants
from tests.support.access import operations
from tests.support.api import Actor
from tests.support.problems import assert_problem

SPEC = json.loads((Path(__file__).resolve().parents[2] / "openapi" / "gateway.json").read_text("utf-8"))
OPS = sorted(operations(SPEC) - UNAUTHENTICATED)
CHECKED: Counter[str] = Counter()


def missing_rows(spec: dict[str, Any]) -> list[tuple[str, str]]:
    """Operations of ``spec`` that the matrix has no row (or no recipe) for."""
    return sorted(op for op in operations(spec) - UNAUTHENTICATED if op not in TABLE or op not in RECIPES)


def test_every_operation_of_the_spec_has_a_row() -> None:
    assert missing_rows(SPEC) == []
    assert set(TABLE) == set(OPS), sorted(set(TABLE) ^ set(OPS))


def test_a_new_operation_without_a_row_fails() -> None:
    spec = {"paths": {**SPEC["paths"], "/v1/credit/novel": {"get": {}}}}
    assert missing_rows(spec) == [("GET", "/v1/credit/novel")]


def test_prose_rows_only_where_the_contract_has_no_table_row() -> None:
    contract = who_column()
    assert len(contract) > 50
    shadowing = [op for op, row in TABLE.items() if row.prose and (op[0], template(op[1])) in contract]
    assert shadowing == []
    unnamed = [op for op in OPS if not allowed(op, contract)]
    assert unnamed == []


def test_every_operation_of_the_contract_tables_is_served() -> None:
    served = {(method, template(path)) for method, path in OPS}
    unserved = [op for op in who_column() if not op[1].startswith("/internal/") and op not in served]
    assert unserved == []


def test_the_spec_names_the_roles_the_contract_names() -> None:
    """Each operation's ``x-roles`` in the spec (from the routes' ``require_roles``) is the matrix's."""
    differ = {}
    for op in OPS:
        named = SPEC["paths"][op[1]][op[0].lower()].get("x-roles")
        if named is not None and set(named) != allowed(op):
            differ[f"{op[0]} {op[1]}"] = (sorted(named), sorted(allowed(op)))
    assert differ == {}


async def _send(t: Tenants, op: tuple[str, str], actor: Actor | None, call: Call) -> httpx.Response:
    headers = actor.headers if actor else {}
    return await t.api.client.request(op[0], call.path, json=call.json, params=call.params, headers=headers)


def _refusal(response: httpx.Response, status: int, slug: str | None) -> str | None:
    if response.status_code != status:
        return f"{status} expected, got {response.status_code}: {response.text[:200]}"
    body = assert_problem(status, response.headers, response.content)
    if slug and not body["type"].endswith("/" + slug):
        return f"{status} {slug} expected, got {body['type']}"
    return None


def _actor(t: Tenants, role: str, tier: str) -> Actor:
    return t.a.provincial if role == "guarantor" and tier == "provincial" else t.own(role)


@pytest.mark.parametrize("op", OPS, ids=lambda op: f"{op[0]} {op[1]}")
async def test_matrix(op: tuple[str, str], tenants: Tenants) -> None:
    t, row, who = tenants, TABLE[op], allowed(op)
    failures: dict[str, str] = {}
    probe = await RECIPES[op](t, False)

    def note(what: str, problem: str | None) -> None:
        CHECKED[what.split(" ")[0]] += 1
        if problem:
            failures[what] = problem

    note("unauthenticated", _refusal(await _send(t, op, None, probe), 401, "unauthorized"))
    for role in ROLES:
        if role not in who:
            note(f"refused {role}", _refusal(await _send(t, op, t.own(role), probe), 403, "forbidden"))
    if "guarantor" in who and row.tier != "local":
        local = t.a.actor("guarantor")
        note("refused local-tier", _refusal(await _send(t, op, local, probe), 403, "forbidden"))
    for role, status in row.other.items():
        note(f"other {role}", _refusal(await _send(t, op, t.other(role), probe), status, None))
    for who_, status in row.chain.items():
        provincial = t.a.provincial if who_ == "provincial" else t.b.provincial
        response = await _send(t, op, provincial, probe)
        problem = None if response.status_code == status else f"{status} expected, got {response.status_code}"
        note(f"chain {who_}", problem)
    for role, name in row.hides.items():
        hidden = t.a.id(name) if name != "uscc" else t.a.uscc
        # The owner's answer shows the object, so that its absence from the other's means something.
        mine = await _send(t, op, t.own(role), probe)
        note(f"shown {role}", None if hidden in mine.text else f"{mine.status_code}, own answer lacks {name}")
        seen = await _send(t, op, t.other(role), probe)
        leak = seen.status_code != 200 or hidden in seen.text
        note(f"hidden {role}", f"{seen.status_code}, shows {name}" if leak else None)
    documented = {int(s) for s in SPEC["paths"][op[1]][op[0].lower()]["responses"] if s.startswith("2")}
    for role in sorted(who):
        response = await _send(t, op, _actor(t, role, row.tier), await RECIPES[op](t, True))
        bad = response.status_code not in documented
        note(
            f"allowed {role}",
            f"{sorted(documented)} expected, got {response.status_code}: {response.text[:300]}"
            if bad
            else None,
        )
    assert not failures, json.dumps(failures, ensure_ascii=False, indent=1)


def test_figures() -> None:
    """The run's figures, for docs/reliability.md (runs after the matrix, in file order)."""
    if not CHECKED:
        pytest.skip("the matrix did not run")
    print(f"\nrole matrix: {len(OPS)} operations x {len(ROLES) + 1} callers; checks: {dict(CHECKED)}")
