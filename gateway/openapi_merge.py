"""One ``/openapi.json`` for the whole public API: the gateway's operations plus every
service's public ones. ``/internal/...`` never appears here (it is in each service's file)."""

from __future__ import annotations

import copy
import json
from typing import Any

from kit.openapi_docs import list_problem_types
from kit.problems import add_problem_responses

REF_PREFIX = "#/components/schemas/"


def _rename_refs(node: Any, renames: dict[str, str]) -> Any:
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str) and value.startswith(REF_PREFIX):
                name = value[len(REF_PREFIX) :]
                out[key] = REF_PREFIX + renames.get(name, name)
            else:
                out[key] = _rename_refs(value, renames)
        return out
    if isinstance(node, list):
        return [_rename_refs(item, renames) for item in node]
    return node


def _camel(name: str) -> str:
    return "".join(part.capitalize() for part in name.split("_"))


# What the gateway itself may answer in front of an operation (CONTRACT §1; gateway/proxy.py).
GATEWAY_PROBLEMS = {"429": "Rate limit of this API key exceeded (`rate-limited`), with `Retry-After`."}
BODY_PROBLEMS = {"413": "The body is larger than `FINMATCH_MAX_BODY_BYTES` (`payload-too-large`)."}
UPSTREAM_PROBLEMS = {
    "502": "The service broke off its answer (`bad-gateway`).",
    "503": "The service is not reachable (`service-unavailable`), with `Retry-After`.",
    "504": "The service did not answer in time (`upstream-timeout`).",
}


def _document_gateway_problems(path: str, item: dict[str, Any], proxied: bool) -> None:
    if not path.startswith("/v1/"):
        return
    for method, operation in item.items():
        if method not in ("get", "put", "post", "patch", "delete"):
            continue
        add_problem_responses(operation, GATEWAY_PROBLEMS)
        if "requestBody" in operation:
            add_problem_responses(operation, BODY_PROBLEMS)
        if proxied:
            add_problem_responses(operation, UPSTREAM_PROBLEMS)


def merge(gateway_spec: dict[str, Any], service_specs: dict[str, dict[str, Any]]) -> dict[str, Any]:
    merged = copy.deepcopy(gateway_spec)
    paths: dict[str, Any] = merged.setdefault("paths", {})
    for path, item in paths.items():
        _document_gateway_problems(path, item, proxied=False)
    schemas: dict[str, Any] = merged.setdefault("components", {}).setdefault("schemas", {})
    for service, spec in sorted(service_specs.items()):
        theirs: dict[str, Any] = spec.get("components", {}).get("schemas", {})
        renames = {
            name: _camel(service) + name
            for name, schema in theirs.items()
            if name in schemas
            and json.dumps(schemas[name], sort_keys=True) != json.dumps(schema, sort_keys=True)
        }
        for name, schema in theirs.items():
            schemas[renames.get(name, name)] = _rename_refs(schema, renames)
        for path, item in spec.get("paths", {}).items():
            if path.startswith("/v1/"):
                paths[path] = _rename_refs(item, renames)
                _document_gateway_problems(path, paths[path], proxied=True)
    merged["components"]["securitySchemes"] = {
        "apiKey": {"type": "http", "scheme": "bearer", "description": "Authorization: Bearer <api key>"}
    }
    merged["security"] = [{"apiKey": []}]
    merged["paths"] = dict(sorted(paths.items()))
    merged["components"]["schemas"] = dict(sorted(schemas.items()))
    return list_problem_types(merged)
