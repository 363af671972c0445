"""A contract people can read (issue 14): every public operation of ``openapi/gateway.json`` has
a short camelCase operationId, a summary, a description saying who may call it, one resource
tag, an example of each JSON body it takes and answers (valid against its schema), and the
problem types it can answer, machine-readable and matching the prose."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from kit.openapi_docs import operations

ROOT = Path(__file__).resolve().parents[2]
SPEC: dict[str, Any] = json.loads((ROOT / "openapi" / "gateway.json").read_text("utf-8"))
OPERATIONS = sorted((method.upper(), path) for method, path, _ in operations(SPEC))
CAMEL = re.compile(r"^[a-z][a-zA-Z0-9]{2,31}$")  # camelCase, at most 32 characters
# The tags are resources; the old per-service tags (and FastAPI's defaults) are not.
SERVICE_TAGS = {"credit_push", "guarantee", "loan_match", "policy funds", "default"}
CATALOGUE = (ROOT / "kit" / "locale" / "en" / "LC_MESSAGES" / "messages.po").read_text("utf-8")
KNOWN_SLUGS = set(re.findall(r'^msgid "title:([a-z0-9-]+)"', CATALOGUE, re.MULTILINE))


def _op(method: str, path: str) -> dict[str, Any]:
    operation: dict[str, Any] = SPEC["paths"][path][method.lower()]
    return operation


def _validate(example: Any, schema: dict[str, Any]) -> None:
    """``example`` is valid against ``schema`` (whose refs point into the spec's components)."""
    resolver_root = {**schema, "components": SPEC["components"]}
    jsonschema.validate(example, resolver_root, cls=jsonschema.Draft202012Validator)


def test_the_spec_has_the_operations() -> None:
    assert len(OPERATIONS) > 80


def test_every_operation_id_is_unique() -> None:
    ids = [str(_op(*op).get("operationId")) for op in OPERATIONS]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)


@pytest.mark.parametrize(("method", "path"), OPERATIONS)
def test_every_operation_reads_like_documentation(method: str, path: str) -> None:
    operation = _op(method, path)
    assert CAMEL.match(operation.get("operationId", "")), ("operationId", operation.get("operationId"))
    summary = operation.get("summary", "")
    assert 10 <= len(summary) <= 90, ("summary", summary)
    # FastAPI's default summary is the function's name in title case ("Get Rating"): not ours.
    assert not re.fullmatch(r"(?:[A-Z][a-z0-9]* ?)+", summary), ("default summary", summary)
    description = operation.get("description", "")
    assert "**Who may call:**" in description, ("who may call", description)
    what = description.split("**Who may call:**")[0].strip()
    assert len(what) >= 20, ("description says what it does", description)
    tags = operation.get("tags", [])
    assert len(tags) == 1 and tags[0] not in SERVICE_TAGS, ("one resource tag", tags)


@pytest.mark.parametrize(("method", "path"), OPERATIONS)
def test_every_json_body_has_a_valid_example(method: str, path: str) -> None:
    operation = _op(method, path)
    bodies: list[dict[str, Any]] = []
    if "requestBody" in operation:
        content = operation["requestBody"]["content"]
        assert "application/json" in content or content, ("request body", content)
        bodies.extend(media for media in content.values() if "schema" in media)
    answers = [r for status, r in operation["responses"].items() if status.startswith("2")]
    assert answers, "no successful answer documented"
    for response in answers:
        media = response.get("content", {}).get("application/json")
        if media is not None:
            bodies.append(media)
    for media in bodies:
        assert "example" in media or "examples" in media, ("no example", media)
        examples = (
            [media["example"]] if "example" in media else [e["value"] for e in media["examples"].values()]
        )
        for example in examples:
            _validate(example, media["schema"])


@pytest.mark.parametrize(("method", "path"), OPERATIONS)
def test_every_operation_lists_its_problem_types(method: str, path: str) -> None:
    operation = _op(method, path)
    listed = operation.get("x-problem-types")
    assert isinstance(listed, list), "x-problem-types missing"
    union: set[str] = set()
    for status, response in operation["responses"].items():
        if int(status) < 400:
            continue
        slugs = response.get("x-problem-types")
        assert slugs, (status, "an error response without x-problem-types")
        for slug in slugs:
            assert f"`{slug}`" in response["description"], (status, slug, "not in the prose")
        assert set(slugs) <= KNOWN_SLUGS, (status, set(slugs) - KNOWN_SLUGS, "no catalogue entry")
        union |= set(slugs)
    assert sorted(union) == listed
    if "401" in operation["responses"]:
        assert {"unauthorized", "forbidden"} <= union


def test_money_rates_and_codes_are_explained_on_every_schema() -> None:
    """A field in fen, in bp or holding a USCC says so: its unit or rule is not in its name."""
    unexplained = []
    for name, schema in SPEC["components"]["schemas"].items():
        for field, prop in schema.get("properties", {}).items():
            if (field.endswith(("_fen", "_bp")) or field == "uscc") and not prop.get("description"):
                unexplained.append(f"{name}.{field}")
    assert not unexplained, unexplained


@pytest.mark.parametrize(("method", "path"), OPERATIONS)
def test_who_may_call_is_the_contracts_who(method: str, path: str) -> None:
    """``x-roles`` (read from the role dependency) names CONTRACT §2-§5's callers (tests/support/access.py);
    an operation without it is open to every key, or to anyone."""
    from tests.support.access import ALL_ROLES, ROLES

    declared = _op(method, path).get("x-roles")
    if declared is None:
        assert ROLES[(method, path)] in (ALL_ROLES, ()), (method, path)
    else:
        assert set(declared) - {"regulator"} == set(ROLES[(method, path)]), (declared, ROLES[(method, path)])
