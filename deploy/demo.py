"""``finmatch up --demo``: demo data created through the public API, keys printed.

For now one org per role with a fresh key each; later issues add a full dataset.
"""

from __future__ import annotations

from typing import Any

import httpx

DEMO_ORGS = (
    ("甘肃省税务局 (demo)", "tax_authority"),
    ("兰州银行 (demo)", "bank"),
    ("甘肃金控融资担保集团 (demo)", "guarantor"),
    ("陇信通企业服务 app (demo)", "partner_app"),
    ("甘肃省工信厅 regulator (demo)", "admin"),
)


async def load(gateway_url: str, admin_key: str) -> list[dict[str, Any]]:
    """Create (or find) the demo orgs and give each a new key; returns rows to print."""
    headers = {"Authorization": f"Bearer {admin_key}"}
    async with httpx.AsyncClient(base_url=gateway_url, headers=headers, timeout=30.0) as client:
        existing: dict[str, dict[str, Any]] = {}
        cursor = None
        while True:
            params: dict[str, Any] = {"limit": 1000, **({"cursor": cursor} if cursor else {})}
            page = (await client.get("/v1/orgs", params=params)).raise_for_status().json()
            existing.update({org["name"]: org for org in page["items"]})
            cursor = page["next_cursor"]
            if not cursor:
                break
        rows = []
        for name, role in DEMO_ORGS:
            org = existing.get(name)
            if org is None:
                org = (
                    (await client.post("/v1/orgs", json={"name": name, "role": role}))
                    .raise_for_status()
                    .json()
                )
            key = (await client.post(f"/v1/orgs/{org['id']}/keys")).raise_for_status().json()
            rows.append({"role": role, "name": name, "org_id": org["id"], "key": key["key"]})
        return rows


def render(rows: list[dict[str, Any]]) -> str:
    lines = ["Demo orgs and their API keys (shown once):"]
    for row in rows:
        lines.append(f"  {row['role']:<14} {row['name']}\n      org {row['org_id']}\n      key {row['key']}")
    return "\n".join(lines)
