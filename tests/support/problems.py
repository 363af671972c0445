"""What every error answer of the platform must look like (CONTRACT §1, RFC 9457)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from kit.problems import PROBLEM_BASE, PROBLEM_MEDIA_TYPE

REQUIRED = ("type", "title", "status", "detail", "request_id")


def _header(headers: Mapping[str, Any], name: str) -> str:
    """One header from httpx, requests or schemathesis headers (the last keeps lists)."""
    for key, value in headers.items():
        if key.lower() == name:
            return str(value[0] if isinstance(value, list) else value)
    return ""


def assert_problem(status: int, headers: Mapping[str, Any], content: bytes) -> dict[str, Any]:
    """``content`` is an ``application/problem+json`` body with every member CONTRACT §1 names."""
    media_type = _header(headers, "content-type").split(";")[0].strip()
    assert media_type == PROBLEM_MEDIA_TYPE, (status, media_type, content[:300])
    body = json.loads(content)
    assert isinstance(body, dict), body
    missing = [member for member in REQUIRED if member not in body]
    assert not missing, (missing, body)
    assert isinstance(body["type"], str) and body["type"].startswith(PROBLEM_BASE), body
    assert isinstance(body["title"], str) and body["title"], body
    assert body["status"] == status, body
    assert isinstance(body["detail"], str) and body["detail"], body
    assert isinstance(body["request_id"], str) and body["request_id"], body
    assert _header(headers, "x-request-id") == body["request_id"], body
    if body["type"].endswith("/validation-error"):
        errors = body.get("errors")
        assert isinstance(errors, list) and errors, body
        assert all(isinstance(e, dict) and {"loc", "msg"} <= e.keys() for e in errors), body
    return body
