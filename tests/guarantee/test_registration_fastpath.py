"""Registration's fast path (routes/fastpath.py) answers exactly as the FastAPI route does.

Two guarantee instances on the stack's database: the app as it runs (fast path) and the same app
with the fast path taken out (every registration through FastAPI). A registration changes what
the next one meets, so each instance gets a twin of the same world (same figures, same agreement
shares; its own orgs and ids) and the same sequence of requests, each written for its twin. Status,
headers and body must be identical, once the twin's ids (and a new exposure's own id and creation
time) are put in place of the other's.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from kit.money import yuan
from services.guarantee.routes.fastpath import PATH, ExposureRegistrationFastPath
from tests.support.api import Api, make_uscc
from tests.support.fastpath import Counting, Instance, fast_path_of, with_and_without
from tests.support.guarantee import Chain, chain, exposure_body
from tests.support.principals import as_org, as_service
from tests.support.stack import Stack

# Every header but the clock's.
UNCOMPARED = frozenset({"date"})


@pytest.fixture(scope="module")
def instances(stack: Stack) -> Iterator[tuple[Instance, Instance]]:
    with with_and_without(stack, "guarantee", ExposureRegistrationFastPath) as pair:
        yield pair


@dataclass
class Twin:
    """One instance's world: a roomy guarantor, a small one (its limits within reach), and its
    provincial; the same figures in both twins."""

    roomy: Chain
    small: Chain

    def ids(self) -> list[str]:
        chains = (self.roomy, self.small)
        return [i for c in chains for i in (c.agreement_id, c.local.id, c.bank.org_id, c.local.actor.org_id)]


async def _twin(api: Api) -> Twin:
    roomy = await chain(api, net_assets_fen=yuan(100_000_000))
    # Capacity 10,000,000 fen (net assets 10,000,000 x 1), one client at most 1,000,000.
    small = await chain(api, net_assets_fen=10_000_000, leverage_multiple=1, provincial=roomy.provincial)
    return Twin(roomy, small)


@pytest.fixture(scope="module")
async def twins(stack: Stack) -> AsyncIterator[tuple[Twin, Twin]]:
    api = Api(stack.url("gateway"))
    try:
        yield await _twin(api), await _twin(api)
    finally:
        await api.aclose()


Answer = tuple[int, bytes, dict[str, str]]


async def _in_pieces(content: bytes) -> AsyncIterator[bytes]:
    """The body sent chunked, in three pieces, a moment apart: the server hands each on in a
    message of its own (pieces arriving together may come as one)."""
    third = len(content) // 3 + 1
    for start in range(0, len(content), third):
        yield content[start : start + third]
        await asyncio.sleep(0.01)


async def _post(
    url: str,
    auth: httpx.Auth | None,
    content: bytes,
    headers: dict[str, str],
    query: str = "",
    *,
    chunked: bool = False,
) -> Answer:
    body = _in_pieces(content) if chunked else content
    async with httpx.AsyncClient(base_url=url, timeout=30.0) as client:
        response = await client.request("POST", PATH + query, content=body, auth=auth, headers=headers)
    headers = {k: v for k, v in response.headers.multi_items() if k not in UNCOMPARED}
    assert len(headers) == len(response.headers.multi_items()) - len(UNCOMPARED), "a header twice"
    return response.status_code, response.content, headers


@dataclass
class Case:
    """A request written for one twin: who calls, the body, extra headers, the status expected."""

    name: str
    status: int
    body: Callable[[Twin], Any]  # bytes are sent as they are, anything else as JSON
    auth: Callable[[Twin], httpx.Auth | None] = lambda t: as_org("guarantor", t.roomy.local.actor.org_id)
    headers: dict[str, str] | None = None
    query: str = ""
    chunked: bool = False


def _content(body: Any) -> bytes:
    return body if isinstance(body, bytes) else json.dumps(body, ensure_ascii=False).encode()


def _in_place(answer: Answer, fast: Twin, plain: Twin, plain_answer: Answer) -> Answer:
    """The fast instance's answer with the plain twin's ids (and a new exposure's id and time)."""
    status, body, headers = answer
    text = body.decode()
    pairs = list(zip(fast.ids(), plain.ids(), strict=True))
    if status == 201 and plain_answer[0] == 201:
        mine, theirs = json.loads(body), json.loads(plain_answer[1])
        pairs += [(mine[k], theirs[k]) for k in ("id", "created_at") if k in mine and k in theirs]
        assert headers["content-length"] == str(len(body))
        headers = {**headers, "content-length": plain_answer[2]["content-length"]}
    for mine_id, their_id in pairs:
        text = text.replace(mine_id, their_id)
    return status, text.encode(), headers


async def _same(instances: tuple[Instance, Instance], twins: tuple[Twin, Twin], case: Case) -> Answer:
    """Both instances' answers to the case, each for its twin; they must be identical."""
    request_id = uuid.uuid4().hex
    headers = {"Content-Type": "application/json", "X-Request-ID": request_id, **(case.headers or {})}
    answers = []
    for instance, twin in zip(instances, twins, strict=True):
        content = _content(case.body(twin))
        auth = case.auth(twin)
        answers.append(await _post(instance.url, auth, content, headers, case.query, chunked=case.chunked))
    fast, plain = answers
    assert _in_place(fast, *twins, plain) == plain, case.name
    assert plain[0] == case.status, (case.name, plain)
    return plain


def _fixed(**overrides: Any) -> dict[str, Any]:
    """A new loan's own fields, drawn once, so that both twins send the same loan ref and client."""
    return {"loan_ref": f"L-{uuid.uuid4().hex[:12]}", "uscc": make_uscc(), **overrides}


def _loan(**overrides: Any) -> Callable[[Twin], Any]:
    """A new loan on the roomy guarantor's agreement."""
    fields = _fixed(**overrides)
    return lambda t: exposure_body(t.roomy, **fields)


def _small(**overrides: Any) -> Callable[[Twin], Any]:
    """A new loan, not small-micro, on the small guarantor's agreement."""
    fields = _fixed(small_micro=False, **overrides)
    return lambda t: exposure_body(t.small, **fields)


def _without(name: str) -> Callable[[Twin], Any]:
    body = _loan()
    return lambda t: {k: v for k, v in body(t).items() if k != name}


def _as(role: str, who: Callable[[Twin], str]) -> Callable[[Twin], httpx.Auth | None]:
    return lambda t: as_org(role, who(t))


def _registrations(run: str, client: str) -> list[Case]:
    """Accepted, refused by a limit or as a duplicate: each changes (or not) what the next meets."""
    small = _as("guarantor", lambda t: t.small.local.actor.org_id)
    taken = {"loan_ref": f"R-{run}-1", "uscc": client}
    return [
        Case("a registration", 201, _loan()),
        Case("the first of a client", 201, _loan(**taken)),
        Case("the same bank loan again", 409, _loan(**taken)),
        Case("trimmed loan ref, taken", 409, _loan(loan_ref=f"  R-{run}-1 ")),
        Case("not small-micro, agri", 201, _loan(small_micro=False, agri=True)),
        Case("lower-case USCC", 201, _loan(uscc=make_uscc().lower())),
        Case("above 500万 for the client", 201, _loan(uscc=client, principal_fen=yuan(5_000_000))),
        Case("outside the policy scope", 422, _loan(uscc=client, principal_fen=yuan(6_000_000))),
        # The small guarantor: capacity 10,000,000 fen, one client at most 1,000,000 (each loan
        # of 1,250,000 weighs 1,000,000: 80% guaranteed, not small-micro).
        Case(
            "fills a client's cap",
            201,
            _small(uscc=client, loan_ref=f"S-{run}-1", principal_fen=1_250_000),
            small,
        ),
        Case("single client exceeded", 409, _small(uscc=client, principal_fen=1_250), small),
        Case("a breach and a taken loan ref", 409, _small(uscc=client, loan_ref=f"S-{run}-1"), small),
        *[Case(f"fills capacity {i}", 201, _small(principal_fen=1_250_000), small) for i in range(9)],
        Case("leverage exceeded", 409, _small(principal_fen=1_250), small),
    ]


def _bodies() -> list[Case]:
    """Bodies the model refuses or FastAPI reads otherwise, and the body's edge cases."""
    return [
        Case("another guarantor's agreement", 422, lambda t: exposure_body(t.small, **_fixed())),
        Case("unknown agreement", 422, _loan(agreement_id=str(uuid.uuid4()))),
        Case("agreement id not a UUID", 422, _loan(agreement_id="nope")),
        Case("invalid USCC", 422, _loan(uscc="91620100MA72RH3L1X")),
        Case("missing field", 422, _without("principal_fen")),
        Case("small_micro missing", 422, _without("small_micro")),
        Case("agri may be left out", 201, _without("agri")),
        Case("unknown field", 422, _loan(extra=1)),
        Case("amount as a string", 422, _loan(principal_fen="100")),
        Case("amount as a float", 422, _loan(principal_fen=100.0)),
        Case("negative amount", 422, _loan(principal_fen=-1)),
        Case("rate above 10,000 bp", 422, _loan(fee_rate_bp=10_001)),
        Case("maturity before start", 422, _loan(maturity_date="2026-01-01")),
        Case("not a date", 422, _loan(start_date="2026-02-30")),
        Case("blank loan ref", 422, _loan(loan_ref="   ")),
        Case("NUL in the loan ref", 422, _loan(loan_ref="R-\u0000")),
        Case("in Chinese", 422, _loan(fee_rate_bp=-1), headers={"Accept-Language": "zh-CN"}),
        Case("a list", 422, lambda t: [exposure_body(t.roomy)]),
        Case("null", 422, lambda t: None),
        Case("not JSON", 422, lambda t: b"{not json"),
        Case("no body", 422, lambda t: b""),
        Case("not UTF-8", 400, lambda t: b'{"loan_ref": "\xff"}'),
        Case(
            "JSON with a charset", 201, _loan(), headers={"Content-Type": "application/json; charset=utf-8"}
        ),
        Case("JSON as text", 422, _loan(), headers={"Content-Type": "text/plain"}),
        Case("a +json type", 201, _loan(), headers={"Content-Type": "application/vnd.x+json"}),
        Case("a query", 201, _loan(), query="?x=1"),
        Case("chunked", 201, _loan(), chunked=True),
        Case("chunked, refused", 422, _loan(principal_fen=-1), chunked=True),
    ]


def _callers() -> list[Case]:
    """Who may not register: the route's 401 and 403s, before and after its body is read."""
    bank = _as("bank", lambda t: t.roomy.bank.org_id)
    anyone = lambda t: str(uuid.uuid4())  # noqa: E731
    return [
        Case("a bank", 403, _loan(), bank),
        Case("a bank, bad body", 422, lambda t: b"{", bank),
        Case("admin", 403, _loan(), _as("admin", anyone)),
        Case("regulator", 403, _loan(), _as("regulator", anyone)),
        Case("a service", 403, _loan(), lambda t: as_service("loan_match")),
        Case("no credential", 401, _loan(), lambda t: None),
        Case("an unregistered guarantor org", 403, _loan(), _as("guarantor", anyone)),
        Case("the provincial", 403, _loan(), _as("guarantor", lambda t: t.roomy.provincial.actor.org_id)),
    ]


async def test_the_fast_path_answers_as_the_route(
    instances: tuple[Instance, Instance], twins: tuple[Twin, Twin]
) -> None:
    for case in _registrations(uuid.uuid4().hex[:8], make_uscc()) + _bodies() + _callers():
        await _same(instances, twins, case)


async def test_idempotency_keys_are_the_routes(
    instances: tuple[Instance, Instance], twins: tuple[Twin, Twin]
) -> None:
    key = {"Idempotency-Key": f"k-{uuid.uuid4().hex}"}
    first = Case("with a key", 201, _loan(), headers=key)
    created = await _same(instances, twins, first)
    replayed = await _same(instances, twins, first)
    assert replayed[2].get("idempotent-replayed") == "true" and replayed[1] == created[1]
    await _same(instances, twins, Case("the key reused", 422, _loan(), headers=key))
    await _same(instances, twins, Case("an empty key", 422, _loan(), headers={"Idempotency-Key": ""}))


async def test_the_fast_path_is_taken_for_the_common_case_only(
    instances: tuple[Instance, Instance], twins: tuple[Twin, Twin]
) -> None:
    fast, _ = instances
    twin = twins[0]
    guarantor = as_org("guarantor", twin.roomy.local.actor.org_id)
    json_type = {"Content-Type": "application/json"}
    await _post(fast.url, None, b"", json_type)  # the middleware stack is built by the first request
    fast_path = fast_path_of(fast.app, ExposureRegistrationFastPath)
    counting = Counting(fast_path.app)
    fast_path.app = counting
    metrics = fast.app.state.ctx.metrics.registry
    labels = {"method": "POST", "route": PATH, "status": "201"}
    counted = metrics.get_sample_value("finmatch_http_request_duration_seconds_count", labels) or 0

    def loan(**overrides: Any) -> bytes:
        return _content(exposure_body(twin.roomy, **overrides))

    served = [(loan(), json_type, 201), (loan(), json_type, 201)]
    handed_on = [
        (loan(principal_fen=-1), json_type, 422),
        (loan(), {**json_type, "Idempotency-Key": uuid.uuid4().hex}, 201),
        (loan(), {"Content-Type": "application/json; charset=utf-8"}, 201),
    ]
    try:
        for body, headers, status in served:
            assert (await _post(fast.url, guarantor, body, headers))[0] == status
        assert (await _post(fast.url, guarantor, loan(), json_type, chunked=True))[0] == 201
        assert counting.calls == 0
        for body, headers, status in handed_on:
            assert (await _post(fast.url, guarantor, body, headers))[0] == status
        assert counting.calls == len(handed_on)
    finally:
        fast_path.app = counting.app
    # The route as FastAPI records it, in the metrics.
    assert metrics.get_sample_value("finmatch_http_request_duration_seconds_count", labels) == counted + 5
