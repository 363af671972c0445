"""`finmatch demo` through the public API of the test stack: the seed's IP-pledge programmes, a risk
pool and a bridge fund show figures, and loading twice changes nothing (deploy/demo.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from deploy import demo
from deploy import demo_data as data
from tests.support.api import Api
from tests.support.stack import ADMIN_KEY, Stack

FIGURES = (
    "/v1/match/stats/programmes",
    "/v1/guarantee/reports/pools",
    "/v1/guarantee/reports/bridge-funds",
)


async def figures(api: Api) -> dict[str, Any]:
    return {path: (await api.client.get(path, headers=api.admin_headers)).json() for path in FIGURES}


@pytest.fixture(scope="module")
def stack(own_stack: Stack) -> Stack:
    """A database of its own: the demo's province-wide programmes would change what the shared
    stack's matching tests expect (a subsidy for every 市州)."""
    return own_stack


async def test_the_demo_runs_the_seeds_programmes_and_loads_once(
    stack: Stack, api: Api, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # var/demo-keys.json and var/demo.env go there
    # A fifth of the enterprises, from the same seed: enough for every story, quicker to load.
    every = data.enterprises
    monkeypatch.setattr(data, "enterprises", lambda: every(600))
    loaded = await demo.load(stack.url("gateway"), ADMIN_KEY)
    assert {"FUND_MANAGER", "REGULATOR"} <= set(loaded.keys)
    first = await figures(api)
    again = await demo.load(stack.url("gateway"), ADMIN_KEY)
    assert again.keys == loaded.keys, "the saved keys still work and are reused"
    assert await figures(api) == first, "loading twice changes nothing"

    listed = (await api.client.get("/v1/match/programmes", headers=api.admin_headers)).json()
    seed = {p["name"]: p for p in listed if p["name"] in ("知识产权质押融资贴息", "专利权评估费补助")}
    interest, fee = seed["知识产权质押融资贴息"], seed["专利权评估费补助"]
    assert (interest["share_bp"], interest["cap_per_enterprise_year_fen"]) == (5000, 200_000 * 100)
    assert (fee["share_bp"], fee["cap_per_item_fen"], fee["kind"]) == (5000, 30_000 * 100, "fee")
    assert interest["approved_count"] >= 1 and interest["refused_count"] == 1 and fee["approved_count"] >= 1

    programmes, pools, bridges = (first[path] for path in FIGURES)
    assert programmes["paid_to_date_fen"] > 0 and programmes["pending_count"] >= 1
    assert programmes["refused_by_reason"]
    [pool] = [p for p in pools["by_pool"].values() if p["name"] == data.POOL]
    assert pool["compensation_paid_fen"] > 0 and pool["recovered_to_pool_fen"] > 0
    assert pool["balance_fen"] < pool["initial_balance_fen"] and pool["overdue_ratio_bp"] > 0
    [fund] = [f for f in bridges["by_fund"].values() if f["name"] == data.BRIDGE_FUND]
    assert (fund["loans_out"], fund["loans_returned"], fund["overdue_loans"]) == (3, 1, 1)
