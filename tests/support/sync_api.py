"""The platform's users over a blocking client, for tests that drive real processes."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest

WAIT_S = 20.0


class Client:
    """One org's API key on the gateway."""

    def __init__(self, gateway: str, key: str) -> None:
        self.http = httpx.Client(base_url=gateway, headers={"Authorization": f"Bearer {key}"}, timeout=30)

    def call(self, method: str, path: str, body: Any = None, **kwargs: Any) -> httpx.Response:
        return self.http.request(method, path, json=body, **kwargs)


def ok(response: httpx.Response, status: int = 200) -> Any:
    """The JSON body of an answer with ``status`` (None when it has no body)."""
    assert response.status_code == status, response.text
    return response.json() if response.content else None


def until(check: Callable[[], Any], what: str, timeout_s: float = WAIT_S) -> Any:
    """The first truthy value ``check`` returns, polling; the test fails after ``timeout_s``."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.1)
    pytest.fail(f"timed out waiting for {what}")


def new_org(admin: Client, name: str, role: str) -> tuple[str, Client]:
    """An org made by ``admin``, and a client with a fresh key of it."""
    org = ok(admin.call("POST", "/v1/orgs", {"name": name, "role": role}), 201)
    key = ok(admin.call("POST", f"/v1/orgs/{org['id']}/keys"), 201)["key"]
    client = Client(str(admin.http.base_url), key)
    assert ok(client.call("GET", "/v1/me"))["role"] == role
    return org["id"], client


# The cast of a journey: label -> (org id, client with its key).
Orgs = dict[str, tuple[str, Client]]
