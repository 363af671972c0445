"""Smaller holes closed: tampered cursors, webhook hosts, the subscription cap, unstorable rating
text, and loans reported once per loan_ref."""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from tests.support.api import Actor, Api, make_uscc
from tests.support.credit_push import eventually, feed_all, item, upload
from tests.support.stack import Stack


def _cursor(value: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).rstrip(b"=").decode()


UUID = "00000000-0000-4000-8000-000000000000"
TAMPERED = [
    "!!!not-base64!!!",
    "é",
    _cursor([1, 2]),
    _cursor({"t": 5, "id": 5}),
    _cursor({"t": ["x"], "id": {"a": 1}}),
    _cursor({"t": "0001-01-01T00:00:00+14:00", "id": UUID}),
    _cursor({"t": "9999-12-31T23:59:59-14:00", "id": UUID}),
    _cursor({"t": "2026-01-01T00:00:00", "id": UUID}),
    _cursor({"t": "2026-01-01T00:00:00+00:00", "id": "not-a-uuid"}),
    _cursor({"seq": 10**30}),
    _cursor({"seq": -1}),
    _cursor({"seq": True}),
    _cursor({"seq": "5"}),
    base64.urlsafe_b64encode(b"[" * 5000).decode(),
]
LISTS = [
    ("partner_app", "/v1/credit/consents"),
    ("partner_app", "/v1/credit/authorisations"),
    ("partner_app", "/v1/credit/access-log"),
    ("tax_authority", "/v1/credit/access-log"),
    ("bank", "/v1/credit/subscriptions"),
    ("bank", "/v1/credit/deliveries"),
    ("bank", "/v1/credit/feed"),
    ("bank", "/v1/credit/outcomes"),
    ("tax_authority", "/v1/credit/outcomes"),
]


async def test_a_tampered_cursor_is_a_422_on_every_list(api: Api) -> None:
    actors = {role: await api.org(role) for role in ("partner_app", "tax_authority", "bank")}
    for role, path in LISTS:
        for cursor in TAMPERED:
            answer = await api.call(actors[role], "GET", path, params={"cursor": cursor})
            assert answer.status_code == 422, (path, cursor[:40], answer.text)
            assert answer.json()["type"].endswith("/invalid-cursor"), (path, answer.text)


@pytest.mark.parametrize(
    "host",
    ["a..example.com", ".example.com", "a" * 64 + ".example.com", ".".join(["a" * 63] * 4) + ".com"],
)
async def test_a_host_that_is_not_a_dns_name_is_an_unsafe_webhook_url(api: Api, host: str) -> None:
    bank = await api.org("bank")
    answer = await api.call(bank, "POST", "/v1/credit/subscriptions", json={"url": f"https://{host}/hook"})
    assert answer.status_code == 422, answer.text
    assert answer.json()["type"].endswith("/unsafe-webhook-url")


async def test_ipv6_relay_and_translator_ranges_are_refused(api: Api, stack: Stack) -> None:
    """6to4, NAT64, Teredo, site-local and IPv4-mapped reach IPv4 hosts: refused as webhook targets."""
    from tests.support.credit_push import Direct

    url, stop = stack.spawn("credit_push", webhook_allow_private=False)
    direct = Direct(url)
    try:
        for address in (
            "2002:a00:1::1",
            "64:ff9b::a00:1",
            "64:ff9b:1::1",
            "2001::1",
            "fec0::1",
            "::ffff:8.8.8.8",
        ):
            body = {"url": f"https://[{address}]/hook"}
            answer = await direct.call("bank", None, "POST", "/v1/credit/subscriptions", json=body)
            assert answer.status_code == 422, (address, answer.text)
            assert answer.json()["type"].endswith("/unsafe-webhook-url")
    finally:
        await direct.aclose()
        stop()


async def _subscribe(api: Api, bank: Actor, n: int) -> int:
    body = {"url": f"http://127.0.0.1:9/hook-{n}"}
    return (await api.call(bank, "POST", "/v1/credit/subscriptions", json=body)).status_code


async def test_a_bank_has_at_most_ten_subscriptions_even_created_in_parallel(api: Api) -> None:
    bank = await api.org("bank")
    statuses = await asyncio.gather(*(_subscribe(api, bank, n) for n in range(13)))
    assert sorted(statuses) == [201] * 10 + [409] * 3
    refused = await api.call(bank, "POST", "/v1/credit/subscriptions", json={"url": "http://127.0.0.1:9/x"})
    assert refused.status_code == 409
    assert refused.json()["type"].endswith("/too-many-subscriptions")
    first = (await api.call(bank, "GET", "/v1/credit/subscriptions")).json()["items"][0]
    assert (await api.call(bank, "DELETE", f"/v1/credit/subscriptions/{first['id']}")).status_code == 204
    assert await _subscribe(api, bank, 99) == 201  # a deleted one frees its place


async def test_unstorable_rating_text_is_rejected_item_by_item(api: Api) -> None:
    tax = await api.org("tax_authority")
    good, also_good = item(rating="A"), item(rating="B")
    items = [
        good,
        {**item(), "name": "兰州\x00样例"},
        {**item(), "name": "lone \ud800 surrogate"},
        {**item(), "uscc": "91620100\udfffXXXXXXXX"},
        {**item(), "name": "长" * 201},
        {**item(), "\ud800": 1},
        also_good,
    ]
    # JSON may carry a lone surrogate as an escape; json.dumps escapes it (httpx would not encode it).
    raw = json.dumps({"items": items}).encode()
    headers = {"content-type": "application/json"}
    answer = await api.call(tax, "POST", "/v1/credit/ratings", content=raw, headers=headers)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert (body["accepted"], body["unchanged"]) == (2, 0)
    assert [r["index"] for r in body["rejected"]] == [1, 2, 3, 4, 5]
    assert body["rejected"][2]["uscc"] is None
    shown = await api.call(tax, "GET", f"/v1/credit/ratings/{also_good['uscc']}")
    assert shown.status_code == 200


async def _report(api: Api, bank: Actor, uscc: str, loan_ref: str, **extra: Any) -> Any:
    body = {
        "uscc": uscc,
        "loan_ref": loan_ref,
        "amount_fen": 100_00,
        "credit_type": "pure_credit",
        "granted_on": "2026-03-01",
        **extra,
    }
    return await api.call(bank, "POST", "/v1/credit/outcomes", json=body)


async def _pushed(api: Api, bank: Actor, uscc: str) -> bool:
    return any(e["data"]["uscc"] == uscc for e in await feed_all(api, bank))


async def test_a_loan_is_reported_once_per_loan_ref(api: Api) -> None:
    tax, bank, other_bank = await api.org("tax_authority"), await api.org("bank"), await api.org("bank")
    a_rated = item(rating="A")
    await upload(api, tax, [a_rated])
    uscc = a_rated["uscc"]
    await eventually(lambda: _pushed(api, bank, uscc))
    await eventually(lambda: _pushed(api, other_bank, uscc))
    before = (await api.call(tax, "GET", "/v1/credit/stats")).json()["loans_count"]

    made = await _report(api, bank, uscc, "LZ-1")
    assert made.status_code == 201, made.text
    assert set(made.json()) >= {
        "id",
        "uscc",
        "loan_ref",
        "amount_fen",
        "credit_type",
        "granted_on",
        "created_at",
    }
    assert made.json()["loan_ref"] == "LZ-1"
    racing = await asyncio.gather(*(_report(api, bank, uscc, "LZ-2") for _ in range(4)))
    assert sorted(r.status_code for r in racing) == [201, 409, 409, 409]
    again = await _report(api, bank, uscc, "LZ-1", amount_fen=5)
    assert again.status_code == 409
    assert again.json()["type"].endswith("/duplicate-loan")
    assert (await _report(api, other_bank, uscc, "LZ-1")).status_code == 201  # unique per bank
    no_ref = await api.call(
        bank,
        "POST",
        "/v1/credit/outcomes",
        json={"uscc": uscc, "amount_fen": 1, "credit_type": "pure_credit", "granted_on": "2026-03-01"},
    )
    assert no_ref.status_code == 422
    assert (await api.call(tax, "GET", "/v1/credit/stats")).json()["loans_count"] == before + 3

    own = (await api.call(bank, "GET", "/v1/credit/outcomes")).json()["items"]
    assert [o["loan_ref"] for o in own] == ["LZ-1", "LZ-2"]
    everyone = await api.call(tax, "GET", "/v1/credit/outcomes", params={"uscc": uscc, "limit": 1000})
    assert sorted(o["loan_ref"] for o in everyone.json()["items"]) == ["LZ-1", "LZ-1", "LZ-2"]
    window = {"uscc": uscc, "from": "2026-03-02", "to": "2026-12-31"}
    assert (await api.call(tax, "GET", "/v1/credit/outcomes", params=window)).json()["items"] == []
    other_uscc = await api.call(bank, "GET", "/v1/credit/outcomes", params={"uscc": make_uscc()})
    assert other_uscc.json()["items"] == []
    partner = await api.org("partner_app")
    assert (await api.call(partner, "GET", "/v1/credit/outcomes")).status_code == 403


class _EndlessAnswer(BaseHTTPRequestHandler):
    """Answers 200 with a body that never ends (it claims a terabyte and keeps writing)."""

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("content-length") or 0))
        self.send_response(200)
        self.send_header("content-length", str(10**12))
        self.end_headers()
        chunk = b"x" * 65536
        with contextlib.suppress(OSError):
            while True:
                self.wfile.write(chunk)

    def log_message(self, *args: Any) -> None:
        pass


async def test_a_receivers_answer_is_read_only_up_to_a_cap(api: Api) -> None:
    """Only the status matters: an endless answer body is cut off and the delivery counts as done."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _EndlessAnswer)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        tax, bank = await api.org("tax_authority"), await api.org("bank")
        url = f"http://127.0.0.1:{server.server_address[1]}/hook"
        made = await api.call(bank, "POST", "/v1/credit/subscriptions", json={"url": url})
        assert made.status_code == 201, made.text
        await upload(api, tax, [item(rating="A")])

        async def delivered() -> bool:
            answer = await api.call(bank, "GET", "/v1/credit/deliveries", params={"status": "delivered"})
            return bool(answer.json()["items"])

        await eventually(delivered)
    finally:
        server.shutdown()
        server.server_close()
