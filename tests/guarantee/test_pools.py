"""Risk-compensation pools through the gateway (CONTRACT §6): loans, overdue, default, recoveries."""

from __future__ import annotations

import asyncio

from kit.money import yuan
from tests.support.api import Api
from tests.support.funds import G, default, loan_body, pool, pool_loan, position
from tests.support.guarantee import slug


async def test_a_default_pays_the_share_and_recoveries_return_in_proportion(api: Api) -> None:
    p = await pool(api, compensation_bp=5_000)
    bank = p.banks[0]
    loan = await pool_loan(api, p, bank, principal_fen=1_000_001)
    paid = await default(api, p, bank, loan)
    assert paid.status_code == 200, paid.text
    assert (paid.json()["compensation_fen"], paid.json()["uncovered_fen"]) == (500_001, 0)  # half up
    assert paid.json()["loan"]["status"] == "defaulted"
    parts = []
    for amount in (333_333, 333_333, 333_335):
        got = await api.call(
            bank,
            "POST",
            f"{p.loans()}/{loan}/recoveries",
            json={"amount_fen": amount, "recovered_on": "2026-07-01"},
        )
        assert got.status_code == 200, got.text
        assert got.json()["pool_fen"] + got.json()["bank_fen"] == amount
        parts.append(got.json()["pool_fen"])
    assert sum(parts) == 500_001  # the pool gets back exactly what it paid once all is recovered
    over = await api.call(
        bank, "POST", f"{p.loans()}/{loan}/recoveries", json={"amount_fen": 1, "recovered_on": "2026-07-02"}
    )
    assert (over.status_code, slug(over)) == (422, "recovery-exceeds-default")
    figures = await position(api, p)
    assert (figures["balance_fen"], figures["paid_fen"], figures["recovered_fen"]) == (
        yuan(1_000_000),
        500_001,
        500_001,
    )


async def test_the_last_overdue_outstanding_is_what_defaults(api: Api) -> None:
    p = await pool(api, compensation_bp=8_000)
    bank = p.banks[0]
    loan = await pool_loan(api, p, bank, principal_fen=yuan(100_000))
    overdue = await api.call(
        bank,
        "POST",
        f"{p.loans()}/{loan}/overdue",
        json={"overdue_on": "2026-05-01", "outstanding_fen": yuan(60_000)},
    )
    assert (overdue.status_code, overdue.json()["status"], overdue.json()["outstanding_fen"]) == (
        200,
        "overdue",
        yuan(60_000),
    )
    paid = await default(api, p, bank, loan)
    assert paid.json()["compensation_fen"] == yuan(48_000)
    again = await default(api, p, bank, loan)
    assert (again.status_code, slug(again)) == (409, "loan-already-defaulted")
    assert (await position(api, p))["balance_fen"] == yuan(1_000_000 - 48_000)


async def test_payout_never_beyond_the_balance(api: Api) -> None:
    p = await pool(api, balance_fen=yuan(30_000), compensation_bp=5_000)
    bank = p.banks[0]
    first = await pool_loan(api, p, bank, principal_fen=yuan(40_000))
    second = await pool_loan(api, p, bank, principal_fen=yuan(40_000))
    assert (await default(api, p, bank, first)).json()["compensation_fen"] == yuan(20_000)
    short = (await default(api, p, bank, second)).json()
    assert (short["compensation_fen"], short["uncovered_fen"]) == (yuan(10_000), yuan(10_000))
    assert (await position(api, p))["balance_fen"] == 0


async def test_parallel_defaults_never_pay_beyond_the_balance(api: Api) -> None:
    p = await pool(api, banks=1, balance_fen=yuan(100_000), compensation_bp=10_000, stop_overdue_bp=10_000)
    bank = p.banks[0]
    loans = [await pool_loan(api, p, bank, principal_fen=yuan(30_000)) for _ in range(6)]
    answers = await asyncio.gather(*(default(api, p, bank, loan) for loan in loans))
    assert all(a.status_code == 200 for a in answers), [a.text for a in answers]
    paid = sum(a.json()["compensation_fen"] for a in answers)
    uncovered = sum(a.json()["uncovered_fen"] for a in answers)
    assert (paid, uncovered) == (yuan(100_000), yuan(80_000))
    figures = await position(api, p)
    assert (figures["balance_fen"], figures["paid_fen"]) == (0, yuan(100_000))


async def test_a_bank_at_the_stop_line_is_suspended(api: Api) -> None:
    p = await pool(api, stop_overdue_bp=2_000)
    bank, other = p.banks
    loans = [await pool_loan(api, p, bank, principal_fen=yuan(100_000)) for _ in range(4)]
    await pool_loan(api, p, other)
    # 100k overdue of 400k: 25% >= 20%.
    report = {"overdue_on": "2026-05-01", "outstanding_fen": yuan(100_000)}
    assert (await api.call(bank, "POST", f"{p.loans()}/{loans[0]}/overdue", json=report)).status_code == 200
    refused = await api.call(bank, "POST", p.loans(), json=loan_body())
    assert (refused.status_code, slug(refused)) == (409, "pool-suspended")
    assert (refused.json()["overdue_ratio_bp"], refused.json()["stop_overdue_bp"]) == (2_500, 2_000)
    assert (await api.call(other, "POST", p.loans(), json=loan_body())).status_code == 201  # only that bank
    by_bank = (await position(api, p))["by_bank"]
    assert by_bank[bank.org_id]["suspended"] and not by_bank[other.org_id]["suspended"]
    assert by_bank[bank.org_id]["overdue_ratio_bp"] == 2_500


async def test_loan_checks(api: Api) -> None:
    p = await pool(api)
    bank = p.banks[0]
    body = loan_body()
    assert (await api.call(bank, "POST", p.loans(), json=body)).status_code == 201
    duplicate = await api.call(bank, "POST", p.loans(), json=body)
    assert (duplicate.status_code, slug(duplicate)) == (409, "duplicate-loan")
    assert (await api.call(p.banks[1], "POST", p.loans(), json=body)).status_code == 201  # per bank
    outsider = await api.org("bank")
    assert (await api.call(outsider, "POST", p.loans(), json=loan_body())).status_code == 404
    assert (await api.call(p.manager, "POST", p.loans(), json=loan_body())).status_code == 403
    bad_uscc = await api.call(bank, "POST", p.loans(), json=loan_body(uscc="91620100XXXXXXXXX1"))
    assert (bad_uscc.status_code, slug(bad_uscc)) == (422, "invalid-uscc")
    loan = await pool_loan(api, p, bank, principal_fen=1_000)
    too_much = await api.call(
        bank,
        "POST",
        f"{p.loans()}/{loan}/overdue",
        json={"overdue_on": "2026-05-01", "outstanding_fen": 1_001},
    )
    assert (too_much.status_code, slug(too_much)) == (422, "outstanding-exceeds-principal")
    early = await api.call(
        bank, "POST", f"{p.loans()}/{loan}/recoveries", json={"amount_fen": 1, "recovered_on": "2026-07-01"}
    )
    assert (early.status_code, slug(early)) == (409, "loan-not-defaulted")
    assert (await default(api, p, p.banks[1], loan)).status_code == 404  # another bank's loan


async def test_who_reads_a_pool(api: Api) -> None:
    p = await pool(api)
    pool_path = f"{G}/pools/{p.id}"
    regulator, other_manager = await api.org("regulator"), await api.org("fund_manager")
    for actor in (p.manager, regulator, p.banks[0]):
        got = await api.call(actor, "GET", pool_path)
        assert (got.status_code, got.headers["ETag"].startswith('"')) == (200, True)
    assert (await api.client.get(pool_path, headers=api.admin_headers)).status_code == 200
    assert (await api.call(other_manager, "GET", pool_path)).status_code == 404
    assert (await api.call(await api.org("bank"), "GET", pool_path)).status_code == 404
    assert (await api.call(p.banks[0], "GET", f"{pool_path}/position")).status_code == 403  # role
    assert (await api.call(regulator, "GET", f"{pool_path}/position")).status_code == 200
    assert (await api.call(await api.org("guarantor"), "GET", pool_path)).status_code == 403
    own = await api.call(p.manager, "GET", f"{G}/pools")
    assert [item["id"] for item in own.json()["items"]] == [p.id]
    assert (await api.call(regulator, "POST", f"{G}/pools", json={})).status_code == 403


async def test_pool_creation_checks(api: Api) -> None:
    manager = await api.org("fund_manager")
    body = {
        "name": "池",
        "region_code": "620100",
        "balance_fen": 1,
        "bank_org_ids": [manager.org_id],
        "compensation_bp": 5_000,
        "stop_overdue_bp": 500,
    }
    not_bank = await api.call(manager, "POST", f"{G}/pools", json=body)
    assert (not_bank.status_code, slug(not_bank)) == (422, "invalid-bank-org-id")
    bank = await api.org("bank")
    bad_region = await api.call(
        manager, "POST", f"{G}/pools", json={**body, "bank_org_ids": [bank.org_id], "region_code": "990100"}
    )
    assert (bad_region.status_code, slug(bad_region)) == (422, "validation-error")
    too_high = await api.call(
        manager, "POST", f"{G}/pools", json={**body, "bank_org_ids": [bank.org_id], "compensation_bp": 10_001}
    )
    assert too_high.status_code == 422


async def test_a_loan_registered_twice_with_one_idempotency_key_is_stored_once(api: Api) -> None:
    p = await pool(api)
    bank, body = p.banks[0], loan_body()
    headers = {"Idempotency-Key": f"k-{body['loan_ref']}"}
    first = await api.call(bank, "POST", p.loans(), json=body, headers=headers)
    again = await api.call(bank, "POST", p.loans(), json=body, headers=headers)
    assert (first.status_code, again.status_code, again.json()) == (201, 201, first.json())
    assert (await position(api, p))["outstanding_fen"] == body["principal_fen"]
