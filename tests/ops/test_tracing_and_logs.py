"""One trace spans gateway → service → service; log lines carry who asked and never a secret."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import asyncpg
import pytest
import sqlalchemy as sa
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from deploy.embedded_pg import asyncpg_dsn
from kit import tracing
from kit.db import make_engine
from kit.logs import JsonFormatter, human_line, mask_secrets
from tests.support.api import Api, make_uscc
from tests.support.credit_push import eventually
from tests.support.stack import Stack


@pytest.fixture
def spans() -> Iterator[InMemorySpanExporter]:
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    tracing.use_provider(provider)
    yield exporter
    tracing.use_provider(None)


async def test_one_trace_spans_the_gateway_and_the_services(api: Api, spans: InMemorySpanExporter) -> None:
    partner = await api.org("partner_app")
    query = {"uscc": make_uscc(), "amount_fen": 100_000_000, "term_months": 12}
    response = await api.call(partner, "POST", "/v1/match/queries", json=query)
    assert response.status_code in (200, 404, 422), response.text

    async def in_trace() -> list[ReadableSpan] | None:
        """The spans of the gateway's trace once both processes have ended theirs: a process
        ends its span after sending its answer, so the gateway may answer before loan_match's
        span has ended."""
        finished = spans.get_finished_spans()
        gateway = [s for s in finished if s.attributes and s.attributes["finmatch.process"] == "gateway"]
        if not gateway:
            return None
        trace_id = gateway[-1].context.trace_id if gateway[-1].context else None
        found = [s for s in finished if s.context and s.context.trace_id == trace_id]
        processes = {s.attributes["finmatch.process"] for s in found if s.attributes}
        return found if {"gateway", "loan_match"} <= processes else None

    found = await eventually(in_trace, within_s=5.0)
    service_span = next(s for s in found if s.attributes and s.attributes["finmatch.process"] == "loan_match")
    assert service_span.parent is not None  # joined to the gateway's span, not a new trace
    assert service_span.name == "POST /v1/match/queries"


def test_tracing_is_off_without_an_endpoint() -> None:
    assert not tracing.enabled()
    headers: dict[str, str] = {}
    tracing.inject(headers)
    assert headers == {}


class _Capture:
    def __init__(self) -> None:
        self.stream = io.StringIO()
        self.handler = logging.StreamHandler(self.stream)
        self.handler.setFormatter(JsonFormatter("gateway"))

    def lines(self) -> list[dict[str, object]]:
        return [json.loads(line) for line in self.stream.getvalue().splitlines() if line]


@pytest.fixture
def access_log() -> Iterator[_Capture]:
    capture = _Capture()
    logger = logging.getLogger("kit.access")
    old_level = logger.level
    logger.setLevel(logging.DEBUG)
    logger.addHandler(capture.handler)
    yield capture
    logger.removeHandler(capture.handler)
    logger.setLevel(old_level)


async def test_access_lines_carry_request_org_and_role_and_routine_is_debug(
    api: Api, access_log: _Capture
) -> None:
    bank = await api.org("bank")
    await api.client.get("/v1/me", headers={**bank.headers, "X-Request-ID": "ops-log-1"})
    await api.client.get("/healthz")

    async def both_logged() -> list[dict[str, object]] | None:
        # The server thread writes its access line after the answer is sent, so wait for it.
        lines = access_log.lines()
        return lines if any(line.get("path") == "/healthz" for line in lines) else None

    lines = await eventually(both_logged, within_s=5)
    me = next(
        line for line in lines if line.get("request_id") == "ops-log-1" and line["process"] == "gateway"
    )
    assert (me["level"], me["org_id"], me["role"], me["route"]) == ("info", bank.org_id, "bank", "/v1/me")
    assert bank.key not in json.dumps(lines, ensure_ascii=False)
    health = [line for line in lines if line.get("path") == "/healthz"]
    assert health and all(line["level"] == "debug" for line in health)


def test_secrets_are_masked_and_lines_read_by_a_person() -> None:
    text = "Authorization: Bearer fmk_abc.DEF-123 secret whsec_QUJD+/= admin fmadmin_xyz"
    masked = mask_secrets(text)
    assert "abc" not in masked and "QUJD" not in masked and "xyz" not in masked
    line = json.dumps(
        {"ts": "2026-01-01T10:00:00.000+00:00", "level": "warning", "process": "gateway", "msg": "m"}
    )
    assert human_line(line) == "10:00:00 WARNING gateway: m"
    assert human_line("not json") is None


async def test_sessions_name_the_process_stop_runaway_statements_and_never_compile_jit(stack: Stack) -> None:
    conn = await asyncpg.connect(asyncpg_dsn(stack.database_url))
    try:
        names = {
            r["application_name"] for r in await conn.fetch("SELECT application_name FROM pg_stat_activity")
        }
    finally:
        await conn.close()
    assert {"finmatch-gateway", "finmatch-credit-push"} <= names, names
    engine = make_engine(stack.database_url, application_name="finmatch-test", statement_timeout_ms=50)
    try:
        async with engine.connect() as db:
            assert (await db.execute(sa.text("SHOW jit"))).scalar_one() == "off"
            with pytest.raises(Exception, match="statement timeout"):
                await db.execute(sa.text("SELECT pg_sleep(2)"))
    finally:
        await engine.dispose()
