"""The two hottest reads are one round trip to PostgreSQL each (kit.db.single_statement).

A bank's rating read and loan_match's match-facts read do all their database work in one
statement (the access-log entry is buffered and written by the flush worker), so they send it
without BEGIN and COMMIT. The connection then serves the next request in a transaction again.
"""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

from tests.support.api import Api
from tests.support.credit_push import (
    Direct,
    authorise,
    item,
    statements_of_request,
    transaction_queries_of_request,
    upload,
)
from tests.support.stack import Stack


async def _sent(
    stack: Stack, direct: Direct, role: str, org_id: str | None, method: str, path: str, **kw: Any
) -> Any:
    """The answer's status, the statements and the transaction queries one request sent."""
    request_id = f"round-trips-{uuid.uuid4()}"
    with (
        statements_of_request(stack, request_id) as statements,
        transaction_queries_of_request(stack, request_id) as control,
    ):
        got = await direct.call(role, org_id, method, path, headers={"X-Request-ID": request_id}, **kw)
        await asyncio.sleep(0.05)  # the driver reports each query a loop turn later
    return (
        got.status_code,
        [s.split()[0].upper() for s in statements],
        [q.split()[0].upper().rstrip(";") for q in control],
    )


async def test_the_rating_read_and_the_match_facts_read_send_one_statement_and_no_begin(
    api: Api, stack: Stack
) -> None:
    tax, bank, partner = await api.org("tax_authority"), await api.org("bank"), await api.org("partner_app")
    a_rated, rated = item(rating="A"), item(rating="B", avg_annual_tax_fen=1_00)
    await upload(api, tax, [a_rated, rated])
    await authorise(api, partner, rated["uscc"])
    direct = Direct(stack.url("credit_push"))
    try:
        read = await _sent(stack, direct, "bank", bank.org_id, "GET", f"/v1/credit/ratings/{a_rated['uscc']}")
        facts = await _sent(
            stack,
            direct,
            "service",
            None,
            "GET",
            f"/internal/credit/match-facts/{rated['uscc']}",
            params={"for_org_id": partner.org_id},
        )
        # One request at a time reuses the pool's one idle connection: it is back in a transaction.
        body = {"items": [item(rating="C")]}
        write = await _sent(
            stack, direct, "tax_authority", tax.org_id, "POST", "/v1/credit/ratings", json=body
        )
    finally:
        await direct.aclose()
    assert read[0] == 200 and len(read[1]) == 1 and read[2] == [], read
    assert facts[0] == 200 and len(facts[1]) == 1 and facts[2] == [], facts
    assert write[0] == 200 and write[2][0] == "BEGIN" and write[2][-1] == "COMMIT", write
