"""Small helpers to act as the platform's users through the gateway."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import httpx

from kit.uscc import ALPHABET, check_character
from tests.support.logleaks import SECRETS
from tests.support.stack import ADMIN_KEY


async def _register_secrets(response: httpx.Response) -> None:
    """Every key or webhook secret the API hands out is a secret the log scan looks for."""
    if response.request.method != "POST" or not response.is_success:
        return
    if not response.headers.get("content-type", "").startswith("application/json"):
        return
    await response.aread()
    body = response.json()
    if isinstance(body, dict):
        for field in ("key", "secret"):
            value = body.get(field)
            if isinstance(value, str):
                SECRETS.add(value)


@dataclass
class Actor:
    org_id: str
    key: str
    role: str
    name: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.key}"}


class Api:
    """An httpx client on the gateway plus shortcuts to create orgs with keys."""

    def __init__(self, gateway_url: str) -> None:
        self.url = gateway_url
        self.client = httpx.AsyncClient(
            base_url=gateway_url, timeout=30.0, event_hooks={"response": [_register_secrets]}
        )
        self.admin_headers = {"Authorization": f"Bearer {ADMIN_KEY}"}

    async def aclose(self) -> None:
        await self.client.aclose()

    async def org(self, role: str, name: str | None = None) -> Actor:
        name = name or f"{role}-{uuid.uuid4().hex[:8]}"
        created = await self.client.post(
            "/v1/orgs", json={"name": name, "role": role}, headers=self.admin_headers
        )
        assert created.status_code == 201, created.text
        org = created.json()
        key = await self.client.post(f"/v1/orgs/{org['id']}/keys", headers=self.admin_headers)
        assert key.status_code == 201, key.text
        return Actor(org["id"], key.json()["key"], role, name)

    async def call(self, actor: Actor | None, method: str, path: str, **kwargs: Any) -> httpx.Response:
        headers = dict(kwargs.pop("headers", {}))
        if actor is not None:
            headers.update(actor.headers)
        return await self.client.request(method, path, headers=headers, **kwargs)


def make_uscc(body: str | None = None, region: str = "620100") -> str:
    """A valid USCC (企业, 市场监管 registration) with a random body, for test data."""
    if body is None:
        body = "".join(ALPHABET[b % 31] for b in uuid.uuid4().bytes[:9])
    first17 = ("91" + region + body)[:17]
    return first17 + check_character(first17)
