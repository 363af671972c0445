"""The readable half of the OpenAPI contract: problem types, callers and examples per operation.

One declaration feeds both the prose and the machine form:

- ``problems(s409="slug, slug")`` in a route decorator documents a response whose description
  names the slugs and whose ``x-problem-types`` lists them; every operation then carries
  ``x-problem-types``, the union over its error responses (``list_problem_types``).
- ``require_roles`` marks its dependency with the roles it admits; ``document_callers`` turns
  that into ``x-roles`` and a "Who may call" line of the description.
- ``add_examples`` gives every JSON request body and answer an example: the schema's own
  (``json_schema_extra={"examples": [...]}``) or one composed from its fields' ``examples``,
  defaults and formats, so it always validates against the schema.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, TypeVar

from fastapi import FastAPI
from fastapi.routing import APIRoute, iter_route_contexts

T = TypeVar("T")
PROBLEM_MEDIA_TYPE = "application/problem+json"
JSON = "application/json"
METHODS = ("get", "put", "post", "patch", "delete")
ROLES_MARK = "__finmatch_roles__"
# kit.principal.role_allowed: a regulator reads wherever admin may (CONTRACT §2).
REGULATOR = "regulator"
READ_METHODS = frozenset({"GET", "HEAD"})
# "a, b (with x, y), c": commas inside a note's parentheses do not end the entry.
_ENTRY = re.compile(r"(?:[^,(]|\([^)]*\))+")
_SLUG_IN_TEXT = re.compile(r"`([a-z][a-z0-9-]+)`")
# What a response answers when its declaration names no slug (FastAPI's own 422, `{404: {}}`).
_DEFAULT_SLUGS = {"400": "bad-request", "404": "not-found", "422": "validation-error"}


def problems(**by_status: str) -> dict[int | str, dict[str, Any]]:
    """OpenAPI entries for the problems an operation may answer: ``problems(s409="slug, slug")``."""
    out: dict[int | str, dict[str, Any]] = {}
    for status, slugs in by_status.items():
        entries = [entry.strip() for entry in _ENTRY.findall(slugs) if entry.strip()]
        # An entry is a slug, optionally followed by a note: "recovery-exceeds-default (with ...)".
        parts = [entry.partition(" ") for entry in entries]
        text = ", ".join(f"`{slug}`" + (f" {note}" if note else "") for slug, _, note in parts)
        out[int(status[1:])] = {
            "description": f"Problem types: {text}.",
            "content": {PROBLEM_MEDIA_TYPE: {}},
            "x-problem-types": [slug for slug, _, _ in parts],
        }
    return out


def problem_types_of(status: str, response: dict[str, Any]) -> list[str]:
    """The slugs an error response declares: its list, else the slugs its description names."""
    declared = response.get("x-problem-types")
    if declared:
        return list(declared)
    named = _SLUG_IN_TEXT.findall(str(response.get("description", "")))
    if named:
        return list(dict.fromkeys(named))
    return [_DEFAULT_SLUGS[status]] if status in _DEFAULT_SLUGS else []


def operations(spec: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in spec.get("paths", {}).items():
        for method in METHODS:
            if method in item:
                yield method, path, item[method]


def list_problem_types(spec: dict[str, Any]) -> dict[str, Any]:
    """``x-problem-types`` on every error response and, as their union, on every operation."""
    for _, _, operation in operations(spec):
        union: list[str] = []
        for status, response in operation.get("responses", {}).items():
            if status.isdigit() and int(status) >= 400:
                slugs = problem_types_of(status, response)
                response["x-problem-types"] = slugs
                unnamed = [
                    f"`{slug}`" for slug in slugs if f"`{slug}`" not in response.get("description", "")
                ]
                if unnamed:  # FastAPI's bare "Not Found" and the like: the prose names the slug too
                    response["description"] = f"{response.get('description', '')} ({', '.join(unnamed)})."
                union.extend(slugs)
        operation["x-problem-types"] = sorted(set(union))
    return spec


# --- who may call ---------------------------------------------------------------------------


def mark_roles(check: T, roles: tuple[str, ...]) -> T:
    """Remember on a role-checking dependency which roles it admits (read by the docs only)."""
    setattr(check, ROLES_MARK, roles)
    return check


def _roles_of(dependant: Any) -> tuple[str, ...] | None:
    marked = getattr(dependant.call, ROLES_MARK, None)
    if marked is not None:
        return tuple(marked)
    for sub in dependant.dependencies:
        found = _roles_of(sub)
        if found is not None:
            return found
    return None


def _who(roles: tuple[str, ...] | None, public: bool) -> str:
    """The description's caller line; a regulator reads wherever admin may (kit.principal)."""
    if public:
        return "**Who may call:** anyone; no API key is needed."
    if roles is None:
        return "**Who may call:** any holder of an API key."
    return "**Who may call:** " + ", ".join(f"`{role}`" for role in roles) + "."


def document_callers(spec: dict[str, Any], app: FastAPI, public_paths: frozenset[str]) -> dict[str, Any]:
    """``x-roles`` and a "Who may call" line on every operation, from its role dependency."""
    paths = spec.get("paths", {})
    for context in iter_route_contexts(app.routes):
        route = context.original_route
        if not isinstance(route, APIRoute):
            continue
        roles = _roles_of(route.dependant)
        path = context.path_format or route.path_format
        for method in context.methods or ():
            operation = paths.get(path, {}).get(method.lower())
            if operation is None:
                continue
            public = path in public_paths
            callers = roles
            if (
                roles is not None
                and "admin" in roles
                and REGULATOR not in roles
                and method.upper() in READ_METHODS
            ):
                callers = (*roles, REGULATOR)
            if callers is not None:
                operation["x-roles"] = list(callers)
            who = _who(callers, public)
            text = operation.get("description", "").strip()
            operation["description"] = f"{text}\n\n{who}" if text else who
    return spec


# --- examples ---------------------------------------------------------------------------------

_FORMAT_EXAMPLES = {
    "uuid": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
    "date-time": "2026-03-02T09:30:00+08:00",
    "date": "2026-03-02",
    "uri": "https://bank.example.cn/hooks/finmatch",
    "email": "ops@bank.example.cn",
}


def _resolve(schema: dict[str, Any], spec: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        schema = spec["components"]["schemas"][name]
    return schema


def example_of(schema: dict[str, Any], spec: dict[str, Any], depth: int = 0) -> Any:
    """An example value for ``schema``: declared examples first, else composed from its parts."""
    schema = _resolve(schema, spec)
    for key in ("examples", "example", "const"):
        if key in schema:
            value = schema[key]
            return value[0] if key == "examples" and isinstance(value, list) and value else value
    if schema.get("default") is not None:
        return schema["default"]
    if "enum" in schema:
        return schema["enum"][0]
    for key in ("anyOf", "oneOf", "allOf"):
        if key in schema:
            options = [s for s in schema[key] if _resolve(s, spec).get("type") != "null"]
            return example_of((options or schema[key])[0], spec, depth + 1)
    return _example_of_type(schema, spec, depth)


def _example_of_type(schema: dict[str, Any], spec: dict[str, Any], depth: int) -> Any:
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        if depth > 6:
            return {}
        return {
            name: example_of(prop, spec, depth + 1)
            for name, prop in schema.get("properties", {}).items()
            if name in schema.get("required", ()) or depth < 4
        }
    if kind == "array":
        item = example_of(schema.get("items", {}), spec, depth + 1)
        return [item] * max(1, int(schema.get("minItems", 1)))
    if kind in ("integer", "number"):
        low = schema.get("minimum", schema.get("exclusiveMinimum", -1) + 1)
        return max(int(low), 0) if schema.get("maximum", 1) >= 0 else int(schema["maximum"])
    if kind == "boolean":
        return True
    if kind == "string":
        if "format" in schema and schema["format"] in _FORMAT_EXAMPLES:
            return _FORMAT_EXAMPLES[schema["format"]]
        return "x" * int(schema.get("minLength", 1)) if "pattern" not in schema else ""
    return None


# Fields whose unit is only in their name's suffix; the text is kit.shapes' (CONTRACT §1).
_UNITS = {
    "_fen": ("in fen (分; 100 fen = 1 yuan), an integer, never a float.", 50_000_000),
    "_bp": ("in basis points (1 bp = 0.01 %; 10,000 bp = 100 %), an integer.", 435),
}
USCC_TEXT = (
    "统一社会信用代码: the enterprise's 18-character Unified Social Credit Code "
    "(GB 32100-2015; the last character is its MOD 31 check character)."
)
USCC_EXAMPLE = "91620100MA72RH3L12"


def _fits(value: int, schema: dict[str, Any]) -> bool:
    options = [s for s in schema.get("anyOf", [schema]) if s.get("type") == "integer"]
    return any(
        o.get("minimum", -(10**18)) <= value <= o.get("maximum", 10**18)
        and value > o.get("exclusiveMinimum", -(10**18))
        for o in options
    )


def describe_units(spec: dict[str, Any]) -> dict[str, Any]:
    """A unit description (and an example) on every ``*_fen``, ``*_bp`` and ``uscc`` field that has
    none of its own: the name says what, this says in what."""
    for schema in spec.get("components", {}).get("schemas", {}).values():
        for name, prop in schema.get("properties", {}).items():
            if name == "uscc" or name.endswith("_uscc"):
                prop.setdefault("description", USCC_TEXT)
                prop.setdefault("examples", [USCC_EXAMPLE])
                continue
            for suffix, (unit, example) in _UNITS.items():
                if name.endswith(suffix) and "$ref" not in prop:
                    what = name[: -len(suffix)].replace("_", " ").capitalize()
                    prop.setdefault("description", f"{what}, {unit}")
                    if "examples" not in prop and _fits(example, prop):
                        prop["examples"] = [example]
    return spec


def add_examples(spec: dict[str, Any]) -> dict[str, Any]:
    """An ``example`` on every JSON request body and successful JSON answer that has none."""
    for _, _, operation in operations(spec):
        bodies = [operation.get("requestBody", {}).get("content", {}).get(JSON)]
        for status, response in operation.get("responses", {}).items():
            if status.startswith("2"):
                bodies.append(response.get("content", {}).get(JSON))
        for media in bodies:
            if media and "schema" in media and "example" not in media and "examples" not in media:
                media["example"] = example_of(media["schema"], spec)
    return spec
