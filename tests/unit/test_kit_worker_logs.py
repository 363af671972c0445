"""A background worker that fails is restarted and logged (kit.app): a database that cannot be
reached is one warning line a retry, any other failure a full traceback an operator can read."""

from __future__ import annotations

import asyncio
import logging
from types import SimpleNamespace
from typing import Any, cast

import asyncpg
import pytest

from kit.app import AppContext, _run_worker


async def _run_once(failure: Exception, caplog: pytest.LogCaptureFixture) -> logging.LogRecord:
    stopping = asyncio.Event()

    async def worker(_: AppContext) -> None:
        stopping.set()  # one failure, then the process stops instead of restarting it
        raise failure

    ctx = cast(AppContext, SimpleNamespace(stopping=stopping))
    with caplog.at_level(logging.WARNING, logger="kit.app"):
        await _run_worker(worker, ctx)
    (record,) = [r for r in caplog.records if r.name == "kit.app"]
    return record


async def test_unreachable_database_is_one_line_without_traceback(caplog: pytest.LogCaptureFixture) -> None:
    try:
        await asyncpg.connect("postgresql://nobody@127.0.0.1:1/none", timeout=2)
    except OSError as refused:
        record = await _run_once(refused, caplog)
    assert record.levelno == logging.WARNING
    assert "database unreachable" in record.getMessage()
    assert record.exc_info is None


async def test_a_bug_is_logged_with_its_traceback(caplog: pytest.LogCaptureFixture) -> None:
    record = await _run_once(KeyError("missing"), caplog)
    assert record.levelno == logging.ERROR
    assert "crashed" in record.getMessage()
    exc_info: Any = record.exc_info
    assert exc_info is not None and exc_info[0] is KeyError
