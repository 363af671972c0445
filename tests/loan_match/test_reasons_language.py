"""Matching's reasons and failed-criterion details follow Accept-Language (CONTRACT §1
"Language"): Chinese for zh, English otherwise; the criterion names never change."""

from __future__ import annotations

from typing import Any

from tests.support.api import Api
from tests.support.loan_match import WAN, of_bank, publish, put_profile


async def _query(api: Api, app: Any, uscc: str, language: str | None) -> dict[str, Any]:
    body = {"uscc": uscc, "amount_fen": 100 * WAN, "term_months": 12, "include_excluded": True, "limit": 1000}
    headers = {"Accept-Language": language} if language else {}
    response = await api.call(app, "POST", "/v1/match/queries", json=body, headers=headers)
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    return result


async def test_reasons_and_failures_are_chinese_when_asked(api: Api) -> None:
    bank, app = await api.org("bank"), await api.org("partner_app")
    await publish(api, bank, name="区域贷", region_codes=["620000"], required_flags=["specialized_sme"])
    await publish(api, bank, name="高新贷", required_flags=["high_tech"], min_term_months=24)
    profile = await put_profile(api, app)

    english = await _query(api, app, profile["uscc"], None)
    chinese = await _query(api, app, profile["uscc"], "zh-CN,zh;q=0.9")
    (match_en,), (match_zh,) = of_bank(english["matches"], bank), of_bank(chinese["matches"], bank)
    assert [r["criterion"] for r in match_zh["reasons"]] == [r["criterion"] for r in match_en["reasons"]]
    details = {r["criterion"]: r["detail"] for r in match_zh["reasons"]}
    assert details["amount"] == "申请金额 1,000,000.00 元 在 100,000.00 元 至 5,000,000.00 元 范围内"
    assert details["region"] == "所在地区 620102 属于 620000 覆盖范围"
    assert details["flags"] == "具备资质：specialized_sme"
    assert {r["criterion"]: r["detail"] for r in match_en["reasons"]}["region"] == (
        "region 620102 is covered by 620000"
    )

    (excluded_zh,) = of_bank(chinese["excluded"], bank)
    failed = {f["criterion"]: f["detail"] for f in excluded_zh["failed"]}
    assert failed == {
        "term": "期限 12 个月不在 24 至 36 个月范围内",
        "flags": "缺少要求的资质：high_tech",
    }
