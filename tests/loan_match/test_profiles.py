"""Enterprise profiles: put by a partner app, sized by 300号, visible only to that app."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from tests.support.api import Api, make_uscc
from tests.support.loan_match import WAN, profile_body, put_profile


async def test_put_computes_size_and_basis(api: Api) -> None:
    app = await api.org("partner_app")
    uscc = make_uscc()
    profile = await put_profile(api, app, uscc.lower())  # lower case is normalised
    assert profile["uscc"] == uscc
    assert profile["size"] == "small"
    assert "row 工业" in profile["size_basis"] and "营业收入 800万元" in profile["size_basis"]
    fetched = await api.call(app, "GET", f"/v1/match/enterprises/{uscc}")
    assert fetched.status_code == 200 and fetched.json() == profile


async def test_put_replaces_and_resizes(api: Api) -> None:
    app = await api.org("partner_app")
    first = await put_profile(api, app)
    # A software company at its medium bounds (100 staff, 1000万元).
    second = await put_profile(
        api, app, first["uscc"], industry_code="I6510", employees=100, revenue_fen=1000 * WAN
    )
    assert second["size"] == "medium" and "软件和信息技术服务业" in second["size_basis"]
    assert second["created_at"] == first["created_at"] and second["updated_at"] > first["updated_at"]


async def test_large_enterprise(api: Api) -> None:
    app = await api.org("partner_app")
    profile = await put_profile(api, app, employees=1000, revenue_fen=40000 * WAN)
    assert profile["size"] == "large"


async def test_profile_belongs_to_the_app_that_put_it(api: Api) -> None:
    app, other = await api.org("partner_app"), await api.org("partner_app")
    profile = await put_profile(api, app)
    url = f"/v1/match/enterprises/{profile['uscc']}"
    assert (await api.call(other, "GET", url)).status_code == 404
    # The other app may keep its own profile of the same enterprise without touching the first.
    theirs = await put_profile(api, other, profile["uscc"], employees=5)
    assert theirs["size"] == "micro"
    assert (await api.call(app, "GET", url)).json()["size"] == "small"


@pytest.mark.parametrize("role", ["bank", "guarantor", "tax_authority"])
async def test_other_roles_are_403(api: Api, role: str) -> None:
    actor = await api.org(role)
    url = f"/v1/match/enterprises/{make_uscc()}"
    assert (await api.call(actor, "PUT", url, json=profile_body())).status_code == 403
    assert (await api.call(actor, "GET", url)).status_code == 403


async def test_invalid_uscc(api: Api) -> None:
    app = await api.org("partner_app")
    uscc = make_uscc()
    bad = uscc[:17] + ("0" if uscc[17] != "0" else "1")  # wrong check character
    response = await api.call(app, "PUT", f"/v1/match/enterprises/{bad}", json=profile_body())
    assert response.status_code == 422 and response.json()["type"].endswith("/invalid-uscc")


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"industry_code": "F"}, "industry_code"),  # cannot choose wholesale or retail
        ({"industry_code": "K70"}, "industry_code"),
        ({"industry_code": "C12"}, "industry_code"),
        ({"industry_code": "X11"}, "industry_code"),
        ({"region_code": "621500"}, "region_code"),
        ({"region_code": "6201"}, "region_code"),
        ({"employees": -1}, "employees"),
        ({"revenue_fen": 1.5}, "revenue_fen"),
        ({"total_assets_fen": -1}, "total_assets_fen"),
        ({"established_on": "2018-13-01"}, "established_on"),
        ({"established_on": (date.today() + timedelta(days=3)).isoformat()}, "established_on"),
        ({"flags": ["famous"]}, "flags"),
        ({"collateral": ["car"]}, "collateral"),
    ],
)
async def test_bad_profiles_are_422_naming_the_field(api: Api, overrides: dict[str, Any], field: str) -> None:
    app = await api.org("partner_app")
    uscc = make_uscc()
    response = await api.call(app, "PUT", f"/v1/match/enterprises/{uscc}", json=profile_body(**overrides))
    assert response.status_code == 422, response.text
    assert any(error["loc"][:2] == ["body", field] for error in response.json()["errors"])
    assert (await api.call(app, "GET", f"/v1/match/enterprises/{uscc}")).status_code == 404


@pytest.mark.parametrize(
    ("code", "instead"),
    [
        ("F", "F51"),
        ("G", "G592"),
        ("G59", "G591"),
        ("H", "H62"),
        ("I", "I65"),
        ("K", "K701"),
        ("K70", "K702"),
    ],
)
async def test_a_code_too_coarse_for_size_says_what_to_send(api: Api, code: str, instead: str) -> None:
    app = await api.org("partner_app")
    url = f"/v1/match/enterprises/{make_uscc()}"
    response = await api.call(app, "PUT", url, json=profile_body(industry_code=code))
    assert response.status_code == 422, response.text
    [error] = response.json()["errors"]
    assert error["loc"] == ["body", "industry_code"]
    assert code in error["msg"] and instead in error["msg"] and "300号" in error["msg"]


@pytest.mark.parametrize(
    ("code", "named"),
    [
        ("J6621", "金融业"),
        ("J", "金融业"),
        ("G5311", "铁路运输"),
        ("G53", "铁路运输"),
        ("K7040", "自有房地产经营活动"),
    ],
)
async def test_finance_and_railway_profiles_are_outside_scope(api: Api, code: str, named: str) -> None:
    app = await api.org("partner_app")
    uscc = make_uscc()
    url = f"/v1/match/enterprises/{uscc}"
    response = await api.call(app, "PUT", url, json=profile_body(industry_code=code))
    assert response.status_code == 422, response.text
    problem = response.json()
    assert problem["type"].endswith("/industry-outside-scope") and problem["industry_code"] == code
    assert code in problem["detail"] and named in problem["detail"] and "300号" in problem["detail"]
    assert (await api.call(app, "GET", url)).status_code == 404


async def test_loading_and_handling_sizes_as_transport(api: Api) -> None:
    app = await api.org("partner_app")
    url = f"/v1/match/enterprises/{make_uscc()}"
    body = profile_body(industry_code="G5910", employees=150, revenue_fen=1500 * 1_000_000)
    response = await api.call(app, "PUT", url, json=body)
    assert response.status_code == 200, response.text
    assert response.json()["size"] == "small" and "交通运输业" in response.json()["size_basis"]
