"""What the per-role fuzzing (tests/contract/test_schemathesis.py) found, pinned as regressions.

- ``?from=0001-01-01`` on a figure endpoint was a 500: the day's first instant in Asia/Shanghai
  is in year 0 in UTC, which PostgreSQL's driver cannot encode; ``to=9999-12-31`` has no next day.
  Now every ``from``/``to`` outside 1900-01-01..9998-12-31 is a 422 ``invalid-period``.
- A query or demand for a USCC the app has no profile for answered 404, which the spec did not
  document for those operations; it does now (the matrix checks the status, this the spec).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.reliability.tenants import Tenants

SPEC = json.loads((Path(__file__).resolve().parents[2] / "openapi" / "gateway.json").read_text("utf-8"))
FIGURES = [
    ("tax_authority", "/v1/credit/stats"),
    ("admin", "/v1/guarantee/reports/summary"),
    ("fund_manager", "/v1/guarantee/reports/pools"),
    ("fund_manager", "/v1/guarantee/reports/bridge-funds"),
    ("admin", "/v1/match/stats"),
    ("fund_manager", "/v1/match/stats/programmes"),
]


@pytest.mark.parametrize(("role", "path"), FIGURES)
@pytest.mark.parametrize(
    "params", [{"from": "0001-01-01"}, {"to": "9999-12-31"}, {"from": "1899-12-31", "to": "2026-01-01"}]
)
async def test_dates_no_instant_can_hold_are_a_422(
    tenants: Tenants, role: str, path: str, params: dict[str, str]
) -> None:
    response = await tenants.api.call(tenants.own(role), "GET", path, params=params)
    assert response.status_code == 422, response.text
    assert response.json()["type"].endswith("/invalid-period")


@pytest.mark.parametrize(("role", "path"), FIGURES)
async def test_the_edges_of_the_range_answer(tenants: Tenants, role: str, path: str) -> None:
    params = {"from": "1900-01-01", "to": "9998-12-31"}
    response = await tenants.api.call(tenants.own(role), "GET", path, params=params)
    assert response.status_code == 200, response.text


@pytest.mark.parametrize("path", ["/v1/match/queries", "/v1/match/demands"])
def test_no_profile_is_a_documented_404(path: str) -> None:
    assert "404" in SPEC["paths"][path]["post"]["responses"]
