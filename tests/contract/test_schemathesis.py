"""Contract conformance fuzzing of the whole public API, through the real gateway.

Schemathesis generates requests for every operation of the gateway's merged ``/openapi.json``
(valid and invalid ones), each sent with the key of an org whose role may call it. About
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

from tests.support.access import ROLES, operations
from tests.support.problems import assert_problem
from tests.support.stack import Stack
from tests.support.world import World

# The gateway's merged /openapi.json as committed (a test below checks the gateway serves exactly it).
SPEC = Path(__file__).resolve().parents[2] / "openapi" / "gateway.json"
Case = schemathesis.Case[APIOperation[Any, Any, Any, Any]]
SEED = 20240601
MAX_EXAMPLES = 10
MIN_SUCCEEDED = 40  # of 52; 46 at the time of writing
# Statuses answered, by operation, over the whole run.
ANSWERED: dict[str, Counter[int]] = {}

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
def gateway(stack: Stack) -> str:
    return stack.url("gateway")


@pytest.fixture(scope="module")
def session() -> Iterator[requests.Session]:
    with requests.Session() as http:
        yield http


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


def _caller(case: Case, world: World) -> dict[str, str]:
    roles = ROLES[(case.operation.method.upper(), case.operation.path)]
    return world.headers(roles[0]) if roles else {}


@schema.parametrize()
def test_every_operation_conforms(case: Case, world: World, session: requests.Session, gateway: str) -> None:
    _aim_at_real_objects(case, world)
    response = case.call(base_url=gateway, session=session, headers=_caller(case, world))
    ANSWERED.setdefault(case.operation.label, Counter())[response.status_code] += 1
    case.validate_response(response, checks=CHECKS)
    if response.status_code >= 400:
        assert_problem(response.status_code, response.headers, response.content)


def test_the_fuzzer_got_past_validation() -> None:
    """Most operations answered 2xx to some case: the fuzzing reached the services' real logic."""
    if len(ANSWERED) < len(ROLES):
        pytest.skip("runs after the whole fuzzing test only")
    succeeded = {label for label, statuses in ANSWERED.items() if any(200 <= s < 300 for s in statuses)}
    assert len(succeeded) >= MIN_SUCCEEDED, sorted(set(ANSWERED) - succeeded)


def test_the_fuzzed_spec_is_the_served_one(gateway: str) -> None:
    served = httpx.get(gateway + "/openapi.json", timeout=30).json()
    assert served == json.loads(SPEC.read_text(encoding="utf-8"))


def test_roles_cover_every_public_operation() -> None:
    assert operations(json.loads(SPEC.read_text(encoding="utf-8"))) == set(ROLES)
