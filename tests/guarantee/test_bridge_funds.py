"""Bridge (续贷转贷) funds through the gateway (CONTRACT §6): fees, size, days, exhaustion, repayment."""

from __future__ import annotations

import asyncio

from kit.money import yuan
from kit.shapes import business_today
from tests.support.api import Api
from tests.support.funds import G, bridge_body, bridge_fund
from tests.support.guarantee import slug


async def test_a_bridge_loan_answers_fee_and_due_day_and_is_repaid(api: Api) -> None:
    b = await bridge_fund(api, daily_fee_bp=3)
    created = await api.call(
        b.manager, "POST", b.loans(), json=bridge_body(b, amount_fen=334, days=5, start_date="2026-01-30")
    )
    assert created.status_code == 201, created.text
    loan = created.json()
    assert (loan["fee_fen"], loan["due_on"]) == (1, "2026-02-04")  # 334 × 3 × 5 / 10000 = 0.501 -> 1
    fund = (await api.call(b.manager, "GET", f"{G}/bridge-funds/{b.id}")).json()
    assert fund["outstanding_fen"] == 334
    repaid = await api.call(
        b.manager, "POST", f"{b.loans()}/{loan['id']}/repaid", json={"repaid_on": "2026-02-03"}
    )
    assert (repaid.status_code, repaid.json()["status"], repaid.json()["repaid_on"]) == (
        200,
        "repaid",
        "2026-02-03",
    )
    again = await api.call(
        b.manager, "POST", f"{b.loans()}/{loan['id']}/repaid", json={"repaid_on": "2026-02-03"}
    )
    assert (again.status_code, slug(again)) == (409, "loan-already-repaid")
    position = (await api.call(b.manager, "GET", f"{G}/bridge-funds/{b.id}/position")).json()
    assert (position["outstanding_fen"], position["repaid_fen"], position["fees_fen"]) == (0, 334, 1)


async def test_unpaid_past_due_on_is_overdue(api: Api) -> None:
    b = await bridge_fund(api)
    today = business_today()
    past = await api.call(b.manager, "POST", b.loans(), json=bridge_body(b, start_date="2020-01-01", days=10))
    current = await api.call(
        b.manager, "POST", b.loans(), json=bridge_body(b, start_date=today.isoformat(), days=10)
    )
    assert past.json()["status"] == "overdue" and current.json()["status"] == "active"
    listed = (await api.call(b.manager, "GET", b.loans())).json()["items"]
    assert [item["status"] for item in listed] == ["overdue", "active"]
    position = (await api.call(b.manager, "GET", f"{G}/bridge-funds/{b.id}/position")).json()
    assert (position["overdue_loans"], position["overdue_fen"], position["active_loans"]) == (
        1,
        yuan(100_000),
        2,
    )


async def test_size_days_and_bank_are_checked(api: Api) -> None:
    b = await bridge_fund(api, max_days=30)
    large = await api.call(b.manager, "POST", b.loans(), json=bridge_body(b, size="large"))
    assert (large.status_code, slug(large), large.json()["errors"][0]["loc"][-1]) == (
        422,
        "size-not-eligible",
        "size",
    )
    long = await api.call(b.manager, "POST", b.loans(), json=bridge_body(b, days=31))
    assert (long.status_code, slug(long)) == (422, "bridge-too-long")
    assert (await api.call(b.manager, "POST", b.loans(), json=bridge_body(b, days=30))).status_code == 201
    not_bank = await api.call(b.manager, "POST", b.loans(), json=bridge_body(b, bank_org_id=b.manager.org_id))
    assert (not_bank.status_code, slug(not_bank)) == (422, "invalid-bank-org-id")
    unknown = await api.call(b.manager, "POST", b.loans(), json=bridge_body(b, size="huge"))
    assert (unknown.status_code, slug(unknown)) == (422, "validation-error")


async def test_the_fund_is_never_lent_beyond_its_size(api: Api) -> None:
    b = await bridge_fund(api, size_fen=yuan(250_000))
    answers = await asyncio.gather(
        *(
            api.call(b.manager, "POST", b.loans(), json=bridge_body(b, amount_fen=yuan(100_000)))
            for _ in range(5)
        )
    )
    codes = sorted(a.status_code for a in answers)
    assert codes == [201, 201, 409, 409, 409], [a.text for a in answers]
    refused = next(a for a in answers if a.status_code == 409)
    assert slug(refused) == "bridge-fund-exhausted"
    assert (refused.json()["limit_fen"], refused.json()["requested_fen"]) == (yuan(250_000), yuan(100_000))
    fund = (await api.call(b.manager, "GET", f"{G}/bridge-funds/{b.id}")).json()
    assert fund["outstanding_fen"] == yuan(200_000)
    rest = await api.call(b.manager, "POST", b.loans(), json=bridge_body(b, amount_fen=yuan(50_000)))
    assert rest.status_code == 201  # exactly to the size is allowed


async def test_who_reads_and_writes_a_bridge_fund(api: Api) -> None:
    b = await bridge_fund(api)
    path = f"{G}/bridge-funds/{b.id}"
    regulator, other = await api.org("regulator"), await api.org("fund_manager")
    assert (await api.call(regulator, "GET", f"{path}/position")).status_code == 200
    assert (await api.client.get(f"{path}/loans", headers=api.admin_headers)).status_code == 200
    assert (await api.call(other, "GET", path)).status_code == 404
    assert (await api.call(other, "POST", b.loans(), json=bridge_body(b))).status_code == 404
    assert (await api.call(b.bank, "GET", path)).status_code == 403
    assert (await api.call(regulator, "POST", b.loans(), json=bridge_body(b))).status_code == 403
    assert (await api.client.post(f"{G}/bridge-funds", json={}, headers=api.admin_headers)).status_code == 403
    mine = (await api.call(b.manager, "GET", f"{G}/bridge-funds")).json()["items"]
    assert [fund["id"] for fund in mine] == [b.id]
