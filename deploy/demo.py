"""``finmatch demo`` (and ``finmatch up --demo``): the demo's Gansu, loaded through the public API.

Only the gateway's public API is used, as a real tax authority, bank, guarantor or partner app
would use it. Loading twice changes nothing: orgs, institutions, products and demands are
looked up by name before they are made, exposures by loan reference, consents and
authorisations by enterprise; ratings re-sent unchanged count as ``unchanged``; every create
carries an ``Idempotency-Key`` derived from the item; keys that still work are reused
(``var/demo-keys.json``). At the end: one ``export ROLE=key`` line per role (also written to
``var/demo.env``) and five curl commands that work as printed.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from deploy import demo_data as data
from deploy.demo_funds import load_funds
from deploy.demo_steps import Api, load_credit, load_guarantee, load_matching

KEYS_FILE = Path("var") / "demo-keys.json"
ENV_FILE = Path("var") / "demo.env"


@dataclass
class Loaded:
    """What the load made or found: the keys to print and the ids the curl examples use."""

    gateway: str
    keys: dict[str, str] = field(default_factory=dict)  # ROLE -> key
    rated_uscc: str = ""
    profiled_uscc: str = ""
    guarantor_institution: str = ""

    def export_lines(self) -> list[str]:
        return [f"export {role}={key}" for role, key in self.keys.items()]

    def curl_lines(self) -> list[str]:
        g, k = self.gateway, self.keys
        query = json.dumps({"uscc": self.profiled_uscc, "amount_fen": 100_000_000, "term_months": 12})
        return [
            f'curl -fsS -H "Authorization: Bearer {k["BANK"]}" {g}/v1/me',
            f'curl -fsS -H "Authorization: Bearer {k["BANK"]}" {g}/v1/credit/ratings/{self.rated_uscc}',
            f'curl -fsS -H "Authorization: Bearer {k["PARTNER_APP"]}" -H "Content-Type: application/json" '
            f"-d '{query}' {g}/v1/match/queries",
            f'curl -fsS -H "Authorization: Bearer {k["GUARANTOR"]}" '
            f"{g}/v1/guarantee/institutions/{self.guarantor_institution}/position",
            f'curl -fsS -H "Authorization: Bearer {k["ADMIN"]}" {g}/v1/credit/stats',
        ]


# The org of each printed role, by name.
PRINTED = {
    "TAX_AUTHORITY": data.TAX_AUTHORITY,
    "BANK": data.BANKS[0],
    "GUARANTOR": data.PREFECTURES[0].guarantor,
    "PARTNER_APP": data.PARTNER_APP,
    "FUND_MANAGER": data.IP_OFFICE,
    "REGULATOR": data.REGULATOR,
}


def all_orgs() -> list[tuple[str, str]]:
    """(name, role) of every demo org."""
    guarantors = [data.NATIONAL_FUND, data.PROVINCIAL, *(p.guarantor for p in data.PREFECTURES)]
    return [
        (data.TAX_AUTHORITY, "tax_authority"),
        (data.PARTNER_APP, "partner_app"),
        *((bank, "bank") for bank in data.BANKS),
        *((name, "guarantor") for name in guarantors),
        *((name, "fund_manager") for name in (data.IP_OFFICE, data.COMMERCE, data.INDUSTRY_OFFICE)),
        (data.REGULATOR, "regulator"),
    ]


async def load(gateway_url: str, admin_key: str, *, today: dt.date | None = None) -> Loaded:
    """Load (or find) the whole demo; returns what to print."""
    today = today or dt.datetime.now(dt.timezone(dt.timedelta(hours=8))).date()
    async with httpx.AsyncClient(base_url=gateway_url, timeout=60.0) as http:
        api = Api(http, admin_key)
        orgs = await _orgs(api)
        keys = await _keys(api, orgs)
        people = data.enterprises()
        credit = await load_credit(api, orgs, keys, people, today)
        chain = await load_guarantee(api, orgs, keys, people, today)
        profiled = await load_matching(api, orgs, keys, people)
        await load_funds(api, orgs, keys, people, today)
    printed = {"ADMIN": admin_key, **{role: keys[orgs[name]["id"]] for role, name in PRINTED.items()}}
    return Loaded(gateway_url, printed, credit, profiled, chain)


async def _orgs(api: Api) -> dict[str, dict[str, Any]]:
    existing = {org["name"]: org for org in await api.all_pages("/v1/orgs", api.admin)}
    for name, role in all_orgs():
        if name not in existing:
            existing[name] = await api.create("/v1/orgs", api.admin, {"name": name, "role": role})
    return existing


async def _keys(api: Api, orgs: dict[str, dict[str, Any]]) -> dict[str, str]:
    """org id -> a working key: the one saved last time when it still works, else a new one."""
    saved = _read_saved_keys()
    keys: dict[str, str] = {}
    for name, _ in all_orgs():
        org_id = orgs[name]["id"]
        key = saved.get(org_id)
        if key is None or not await api.works(key, org_id):
            key = (await api.send("POST", f"/v1/orgs/{org_id}/keys", api.admin, None, expect=201))["key"]
        keys[org_id] = key
    _save(KEYS_FILE, json.dumps(keys, indent=1))
    return keys


def _read_saved_keys() -> dict[str, str]:
    try:
        saved = json.loads(KEYS_FILE.read_text())
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in saved.items()} if isinstance(saved, dict) else {}


def _save(path: Path, text: str) -> None:
    """Written readable by the owner only: the file holds working API keys."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as out:
        out.write(text)


def write_env(loaded: Loaded, path: Path = ENV_FILE) -> Path:
    _save(path, "\n".join(loaded.export_lines()) + "\n")
    return path


def render(loaded: Loaded, env_file: Path = ENV_FILE) -> str:
    lines: list[str] = [
        "Demo data loaded: 国家税务总局甘肃省税务局, 14 市州 and 兰州新区, 4 banks, the guarantee chain,",
        f"{data.ENTERPRISE_COUNT} rated enterprises, the seed's IP-pledge subsidies, a risk pool and a",
        f"bridge fund. Keys for each role (also in {env_file}; /console takes REGULATOR or ADMIN):",
        *loaded.export_lines(),
        "",
        "Try it (each command works as printed):",
        *loaded.curl_lines(),
    ]
    return "\n".join(lines)


def run(gateway_url: str, admin_key: str) -> str:
    """Load, write var/demo.env, and return the text to print."""
    loaded = asyncio.run(load(gateway_url, admin_key))
    write_env(loaded)
    return render(loaded)


def curl_commands(output: Iterable[str]) -> list[str]:
    """The curl commands in printed demo output (the e2e test runs them)."""
    return [line.strip() for line in output if line.strip().startswith("curl ")]
