"""Contract conformance fuzzing of the whole public API, through the real gateway.

Schemathesis generates requests for every operation of the gateway's merged ``/openapi.json``
(valid and invalid ones), each sent as a role that may call it (CONTRACT.md's "who",
``tests.reliability.matrix``): the first case of an operation as every such role, the others
as one each in turn, so every (operation, role) pair is fuzzed; at ``FINMATCH_FAULTS_SCALE``
above 1, every case as every role, with more examples. The gateway and credit_push answering
here run with the production SSRF guard (``webhook_allow_private`` off), so webhook URLs
go through the resolver check as in production. About
half of the generated cases have their ids replaced by ids of real objects (``World``), so
the fuzzer gets past "not found" into the services' real logic. Every answer must be:
- never a 5xx (CONTRACT §1: no expected failure is ever a 500);
- of a status, content type and body schema the spec documents for the operation;
- when an error, an RFC 9457 problem with type, title, status, detail and request_id.

Generation is derandomized with a fixed seed, so a run is reproducible and CI is stable.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import requests
import schemathesis
from schemathesis.checks import not_a_server_error
from schemathesis.schemas import APIOperation
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.reliability.matrix import allowed
from tests.reliability.scale import SCALE
from tests.support.access import ROLES, operations
from tests.support.api import Api
from tests.support.problems import assert_problem
from tests.support.stack import Stack
from tests.support.world import World

# `make test` (scale 1) fuzzes a little; `make test-faults` (scale > 1, `-m faults`) fuzzes more.
pytestmark = [pytest.mark.faults] if SCALE > 1 else []
# The gateway's merged /openapi.json as committed (a test below checks the gateway serves exactly it).
SPEC = Path(__file__).resolve().parents[2] / "openapi" / "gateway.json"
Case = schemathesis.Case[APIOperation[Any, Any, Any, Any]]
SEED = 20240601
# Examples per operation: 10 in `make test`, growing with the square root of the fault scale.
MAX_EXAMPLES = 10 * max(1, round(SCALE**0.5))
MIN_SUCCEEDED = 40  # of 52; 46 at the time of writing
# Statuses answered, by operation, over the whole run; and the roles each operation was sent as.
ANSWERED: dict[str, Counter[int]] = {}
FUZZED_AS: dict[tuple[str, str], Counter[str]] = {}

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]

# Which real object an id-like parameter may be aimed at, by where it appears.
PATH_IDS = {
    "org_id": "org_id",
    "key_id": "key_id",
    "consent_id": "consent_id",
    "auth_id": "auth_id",
    "sub_id": "sub_id",
    "delivery_id": "delivery_id",
    "institution_id": "institution_id",
    "agreement_id": "agreement_id",
    "exposure_id": "exposure_id",
    "product_id": "product_id",
    "demand_id": "demand_id",
}
FIELD_IDS = {
    "bank_org_id": "bank_org_id",
    "guarantor_id": "guarantor_id",
    "parent_id": "parent_id",
    "agreement_id": "agreement_id",
    "subscription_id": "subscription_id",
    "org_id": "new_guarantor_org_id",
}


def _public_api() -> schemathesis.BaseSchema:
    spec = json.loads(SPEC.read_text(encoding="utf-8"))
    config = schemathesis.Config.from_dict(
        {
            "seed": SEED,
            "generation": {
                "max-examples": MAX_EXAMPLES,
                "deterministic": True,
                "database": "none",
                # The test sends a real key for the operation's role; a generated one is only a 401.
                "with-security-parameters": False,
            },
            "phases": {
                # 405 for a method an operation lacks is asserted once in test_problems.py.
                "coverage": {"unexpected-methods": []},
                # Generation must not depend on earlier answers (their ids differ from run to run).
                "fuzzing": {"extra-data-sources": {"responses": False}, "error-feedback": {"enabled": False}},
            },
        }
    )
    return schemathesis.openapi.from_dict(spec, config=config)


@pytest.fixture(scope="module")
def gateway(stack: Stack) -> Iterator[str]:
    """A gateway routing to a credit_push with the production SSRF guard on (same database)."""
    guarded, stop_guarded = stack.spawn("credit_push", webhook_allow_private=False)
    port = int(guarded.rsplit(":", 1)[1])
    url, stop_gateway = stack.spawn("gateway", credit_push_port=port, webhook_allow_private=False)
    try:
        yield url
    finally:
        stop_gateway()
        stop_guarded()


@pytest.fixture(scope="module")
async def regulator(stack: Stack) -> dict[str, str]:
    api = Api(stack.url("gateway"))
    try:
        return (await api.org("regulator")).headers
    finally:
        await api.aclose()


@pytest.fixture(scope="module")
def session() -> Iterator[requests.Session]:
    with requests.Session() as http:
        yield http


@schemathesis.serializer("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
def _xlsx(ctx: schemathesis.SerializationContext, value: Any) -> bytes | None:
    """Rating files (CONTRACT §3) as the generated bytes: mostly not a workbook, which must be a 4xx."""
    return value if isinstance(value, bytes) else json.dumps(value, default=str).encode()


schema = _public_api()


def _type_name(value: object) -> str:
    return type(value).__name__


def _aim_at_real_objects(case: Case, world: World) -> None:
    """Half of the cases (chosen from the case itself, so runs repeat) use ids of real objects."""
    # Seeded by the case's data only (no object addresses, such as the repr of an absent body has).
    data = json.dumps([case.path_parameters, case.query, case.body], sort_keys=True, default=_type_name)
    chooser = random.Random(data)
    if chooser.random() < 0.5:
        return
    real = dict(world.objects)
    if case.operation.path.endswith("/recoveries"):
        real["exposure_id"] = real["compensated_exposure_id"]
    if case.operation.method.upper() == "DELETE":
        real |= {name[len("doomed_") :]: value for name, value in real.items() if name.startswith("doomed_")}
    # New containers: schemathesis may share one between cases, and the next must not see our ids.
    if case.path_parameters:
        case.path_parameters = _aimed(case.path_parameters, PATH_IDS, real, world.uscc)
    if isinstance(case.query, dict):
        case.query = _aimed(case.query, FIELD_IDS, real, world.uscc)
    if isinstance(case.body, dict):
        case.body = _aimed(case.body, FIELD_IDS, real, world.uscc)


def _aimed(values: dict[str, Any], ids: dict[str, str], real: dict[str, str], uscc: str) -> dict[str, Any]:
    aimed = dict(values)
    for name in aimed:
        if name == "uscc":
            aimed[name] = uscc
        elif ids.get(name) in real:
            aimed[name] = real[ids[name]]
    return aimed


def _roles(op: tuple[str, str]) -> list[str]:
    """Every role that may call ``op``, the world's usual caller first (an empty list: no key)."""
    if not ROLES[op]:
        return []
    first = ROLES[op][0]
    return [first, *sorted(allowed(op) - {first})]


def _callers(case: Case) -> list[str | None]:
    """The roles this case is sent as: all of them for an operation's first case (or at scale)."""
    op = (case.operation.method.upper(), case.operation.path)
    roles, seen = _roles(op), FUZZED_AS.setdefault(op, Counter())
    if not roles:
        return [None]
    if SCALE > 1 or not seen:
        return list(roles)
    return [roles[sum(seen.values()) % len(roles)]]


def _headers(role: str | None, world: World, regulator: dict[str, str]) -> dict[str, str]:
    if role is None:
        return {}
    return regulator if role == "regulator" else world.headers(role)


@schema.parametrize()
def test_every_operation_conforms(
    case: Case, world: World, regulator: dict[str, str], session: requests.Session, gateway: str
) -> None:
    _aim_at_real_objects(case, world)
    op = (case.operation.method.upper(), case.operation.path)
    for role in _callers(case):
        response = case.call(base_url=gateway, session=session, headers=_headers(role, world, regulator))
        FUZZED_AS[op][role or "public"] += 1
        ANSWERED.setdefault(case.operation.label, Counter())[response.status_code] += 1
        case.validate_response(response, checks=CHECKS)
        if response.status_code >= 400:
            assert_problem(response.status_code, response.headers, response.content)


def test_every_role_allowed_was_fuzzed() -> None:
    """Each operation was sent as each role that may call it (the role matrix's "who")."""
    if len(FUZZED_AS) < len(ROLES):
        pytest.skip("runs after the whole fuzzing test only")
    missing = {
        op: set(_roles(op)) - set(FUZZED_AS[op]) for op in FUZZED_AS if set(_roles(op)) - set(FUZZED_AS[op])
    }
    assert not missing, missing
    pairs = sum(len(_roles(op)) or 1 for op in FUZZED_AS)
    print(
        f"\nfuzzed {len(FUZZED_AS)} operations as {pairs} (operation, role) pairs,",
        f"{MAX_EXAMPLES} examples each",
    )


def test_the_fuzzer_got_past_validation() -> None:
    """Most operations answered 2xx to some case: the fuzzing reached the services' real logic."""
    if len(ANSWERED) < len(ROLES):
        pytest.skip("runs after the whole fuzzing test only")
    succeeded = {label for label, statuses in ANSWERED.items() if any(200 <= s < 300 for s in statuses)}
    assert len(succeeded) >= MIN_SUCCEEDED, sorted(set(ANSWERED) - succeeded)


def test_the_fuzzed_spec_is_the_served_one(gateway: str, stack: Stack) -> None:
    assert httpx.get(stack.url("gateway") + "/openapi.json", timeout=30).json() == json.loads(
        SPEC.read_text(encoding="utf-8")
    )
    served = httpx.get(gateway + "/openapi.json", timeout=30).json()
    assert served == json.loads(SPEC.read_text(encoding="utf-8"))


def test_the_fuzzed_gateway_has_the_production_ssrf_guard(gateway: str, world: World) -> None:
    """A loopback webhook URL is refused here, though the shared stack (tests) allows it."""
    for url in ("https://127.0.0.1/hook", "http://8.8.8.8/hook", "https://10.0.0.1/hook"):
        refused = httpx.post(
            gateway + "/v1/credit/subscriptions", json={"url": url}, headers=world.headers("bank"), timeout=30
        )
        assert refused.status_code == 422, (url, refused.text)
        assert refused.json()["type"].endswith("/unsafe-webhook-url")


def test_roles_cover_every_public_operation() -> None:
    assert operations(json.loads(SPEC.read_text(encoding="utf-8"))) == set(ROLES)
