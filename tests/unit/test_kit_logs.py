"""kit.logs: lines are written a batch at a time, every one, in order and unchanged."""

from __future__ import annotations

import io
import json
import logging
import time
from collections.abc import Iterator

import pytest

from kit.logs import BatchedStreamHandler, JsonFormatter, configure_logging


@pytest.fixture
def logged() -> Iterator[tuple[logging.Logger, io.StringIO, BatchedStreamHandler]]:
    stream = io.StringIO()
    handler = BatchedStreamHandler(stream, max_delay_s=0.05, max_lines=10)
    handler.setFormatter(JsonFormatter("gateway"))
    logger = logging.getLogger("kit.test_batched")
    logger.propagate = False
    logger.setLevel(logging.INFO)
    logger.handlers[:] = [handler]
    yield logger, stream, handler
    logger.handlers[:] = []
    handler.close()


def _plain(records: list[logging.LogRecord]) -> str:
    """What logging.StreamHandler writes for ``records``."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter("gateway"))
    for record in records:
        handler.handle(record)
    return stream.getvalue()


def test_every_line_in_order_as_a_stream_handler_writes_it(
    logged: tuple[logging.Logger, io.StringIO, BatchedStreamHandler],
) -> None:
    logger, stream, handler = logged
    records = [
        logger.makeRecord(
            logger.name, logging.INFO, __file__, 1, "GET /v1/me %s", (i,), None, extra={"status": 200}
        )
        for i in range(7)
    ]
    for record in records:
        handler.handle(record)
    handler.flush()
    assert stream.getvalue() == _plain(records)


def test_a_warning_is_written_at_once_with_the_lines_before_it(
    logged: tuple[logging.Logger, io.StringIO, BatchedStreamHandler],
) -> None:
    logger, stream, handler = logged
    handler.max_delay_s = 60.0  # the flusher may have started its wait with 0.05 s: stop it
    handler.stopped.set()
    logger.info("first")
    logger.warning("database unavailable")
    assert [json.loads(line)["msg"] for line in stream.getvalue().splitlines()] == [
        "first",
        "database unavailable",
    ]


def test_waiting_lines_are_written_within_the_delay_or_when_there_are_enough(
    logged: tuple[logging.Logger, io.StringIO, BatchedStreamHandler],
) -> None:
    logger, stream, _ = logged
    logger.info("soon")
    deadline = time.monotonic() + 5
    while "soon" not in stream.getvalue() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert "soon" in stream.getvalue()
    for i in range(10):
        logger.info("line %d", i)
    assert stream.getvalue().count("\n") >= 11  # the tenth waiting line wrote all ten


def test_httpx_request_lines_are_left_out_and_its_warnings_kept() -> None:
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    try:
        configure_logging("loan_match")
        httpx_log = logging.getLogger("httpx")
        assert not httpx_log.isEnabledFor(logging.INFO)  # "HTTP Request: GET ..." per internal call
        assert httpx_log.isEnabledFor(logging.WARNING)
        assert logging.getLogger("loan_match.clients").isEnabledFor(logging.INFO)
    finally:
        for handler in root.handlers:
            handler.close()
        root.handlers[:], root.level = handlers, level
