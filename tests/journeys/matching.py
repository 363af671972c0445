"""The README's loan-matching journey: products, the enterprise's profile, a query, a demand."""

from __future__ import annotations

import datetime

from tests.journeys.credit import USCC
from tests.support.sync_api import Client, ok


def journey(admin: Client, bank: Client, app: Client, bank_org: str) -> None:
    guaranteed_id, pure_id = publish_products(bank, app, bank_org)
    query(app, guaranteed_id, pure_id)
    demand_and_answer(admin, bank, app, bank_org)


def publish_products(bank: Client, app: Client, bank_org: str) -> tuple[str, str]:
    """The bank publishes products (one requiring a guarantee)."""
    guaranteed = {
        "name": "陇原科技贷",
        "product_type": "guaranteed",
        "min_amount_fen": 10000000,
        "max_amount_fen": 500000000,
        "min_term_months": 6,
        "max_term_months": 36,
        "annual_rate_bp": 385,
        "min_rating": "B",
        "tax_multiple": {"A": 10, "B": 5},
        "sizes": ["micro", "small"],
        "region_codes": ["620000"],
        "industry_prefixes": ["C", "I65"],
        "min_years_in_business": 2,
        "min_revenue_fen": 100000000,
        "required_flags": ["high_tech"],
        "accepted_collateral": ["ip", "receivables"],
        "requires_guarantee": True,
        "guarantee_fee_bp": 100,
        "interest_subsidy_bp": 0,
    }
    made = ok(
        bank.call("POST", "/v1/match/products", guaranteed, headers={"Idempotency-Key": "prod-2026-001"}), 201
    )
    assert made["bank_org_id"] == bank_org and {"created_at", "updated_at"} <= set(made)
    again = bank.call("POST", "/v1/match/products", guaranteed, headers={"Idempotency-Key": "prod-2026-001"})
    assert (ok(again, 201)["id"], again.headers["idempotent-replayed"]) == (made["id"], "true")
    pure = {
        k: v
        for k, v in guaranteed.items()
        if k not in ("required_flags", "requires_guarantee", "guarantee_fee_bp")
    }
    pure |= {"name": "陇原e贷", "product_type": "pure_credit"}
    pure_id = ok(bank.call("POST", "/v1/match/products", pure), 201)["id"]
    listed = app.call("GET", "/v1/match/products", params={"bank_org_id": bank_org})
    assert [p["id"] for p in ok(listed)["items"]] == [made["id"], pure_id]  # oldest first
    unchanged = app.call(
        "GET",
        "/v1/match/products",
        params={"bank_org_id": bank_org},
        headers={"If-None-Match": listed.headers["etag"]},
    )
    assert unchanged.status_code == 304
    return made["id"], pure_id


def query(app: Client, guaranteed_id: str, pure_id: str) -> None:
    """The partner app's journey: profile, query, why excluded."""
    profile = ok(
        app.call(
            "PUT",
            f"/v1/match/enterprises/{USCC}",
            {
                "name": "兰州示例机械制造有限公司",
                "industry_code": "C3411",
                "region_code": "620102",
                "employees": 50,
                "revenue_fen": 800000000,
                "total_assets_fen": 1200000000,
                "established_on": "2018-03-01",
                "flags": ["specialized_sme"],
                "collateral": ["receivables"],
            },
        )
    )
    assert profile["size"] == "small"
    assert profile["size_basis"] == (
        "工信部联企业〔2011〕300号, row 工业 (industry C3411): 从业人员 50人 (small ≥ 20人, "
        "medium ≥ 300人, large ≥ 1000人); 营业收入 800万元 (small ≥ 300万元, medium ≥ 2000万元, "
        "large ≥ 40000万元). 小型 (small): every small lower bound is met, not every medium one."
    )
    result = ok(
        app.call(
            "POST",
            "/v1/match/queries",
            {"uscc": USCC, "amount_fen": 100000000, "term_months": 12, "include_excluded": True},
        )
    )
    assert (result["size"], result["rating"], result["degraded"]) == (
        "small",
        {"rating": "B", "year": 2025},
        [],
    )
    [match] = result["matches"]
    assert (match["product_id"], match["product_name"], match["product_type"]) == (
        pure_id,
        "陇原e贷",
        "pure_credit",
    )
    assert (match["estimated_interest_fen"], match["estimated_guarantee_fee_fen"]) == (3850000, 0)
    assert match["estimated_total_cost_fen"] == 3850000
    assert {
        "criterion": "amount",
        "detail": "amount 1,000,000.00 元 is within 100,000.00 元 to 5,000,000.00 元",
    } in match["reasons"]
    [excluded] = result["excluded"]
    assert (excluded["product_id"], excluded["product_type"]) == (guaranteed_id, "guaranteed")
    assert excluded["failed"] == [
        {"criterion": "flags", "detail": "missing required qualification: high_tech"}
    ]


def demand_and_answer(admin: Client, bank: Client, app: Client, bank_org: str) -> None:
    """A demand routed to the bank, its answer, what each side reads, the regulator's figures."""
    demand = ok(
        app.call(
            "POST",
            "/v1/match/demands",
            {"uscc": USCC, "amount_fen": 100000000, "term_months": 12, "purpose": "购置生产设备"},
            headers={"Idempotency-Key": "d-001"},
        ),
        201,
    )
    assert (demand["status"], demand["routed_to"], demand["overdue"], demand["responses"]) == (
        "open",
        [bank_org],
        False,
        [],
    )
    assert demand["enterprise"]["size"] == "small"
    assert datetime.date.fromisoformat(demand["respond_by"]) > datetime.date.today()
    ok(
        bank.call(
            "POST",
            f"/v1/match/demands/{demand['id']}/responses",
            {"decision": "accepted", "offered_amount_fen": 80000000, "annual_rate_bp": 395},
        ),
        201,
    )
    again = bank.call(
        "POST", f"/v1/match/demands/{demand['id']}/responses", {"decision": "need_info", "reason": "?"}
    )
    assert again.status_code == 409 and again.json()["type"].endswith("/demand-already-decided")
    as_bank = ok(bank.call("GET", f"/v1/match/demands/{demand['id']}"))
    assert (as_bank["routed_to"], as_bank["status"], len(as_bank["responses"])) == ([bank_org], "accepted", 1)
    read = ok(app.call("GET", f"/v1/match/demands/{demand['id']}"))
    assert read["status"] == "accepted"
    [answer] = read["responses"]
    assert (answer["decision"], answer["offered_amount_fen"], answer["annual_rate_bp"]) == (
        "accepted",
        80000000,
        395,
    )
    assert [d["id"] for d in ok(app.call("GET", "/v1/match/demands"))["items"]] == [demand["id"]]
    figures = ok(admin.call("GET", "/v1/match/stats"))
    funnel = ("products", "enterprises", "queries", "demands", "responded", "accepted", "overdue")
    assert {key: figures[key] for key in funnel} == {
        "products": 2,
        "enterprises": 1,
        "queries": 1,
        "demands": 1,
        "responded": 1,
        "accepted": 1,
        "overdue": 0,
    }
    assert figures["answers"]["answered"] == 1 and figures["answers"]["answered_in_time_bp"] == 10000
