"""Registration's round trips to PostgreSQL stay few (the performance issue: ~8 before).

Counted, not timed: every statement guarantee's engine sends while one exposure is registered."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa

from tests.support.api import Api
from tests.support.guarantee import chain, registered


@contextmanager
def statements() -> Iterator[list[str]]:
    seen: list[str] = []

    def record(conn: Any, cursor: Any, statement: str, *_: Any) -> None:
        if "guarantee." in statement:
            seen.append(statement.split()[0].upper())

    sa.event.listen(sa.engine.Engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        sa.event.remove(sa.engine.Engine, "before_cursor_execute", record)


async def test_a_registration_takes_two_statements_once_warm(api: Api) -> None:
    c = await chain(api)
    await registered(api, c)  # the caller's institution and the agreement are now known
    with statements() as seen:
        await registered(api, c)
    # Lock the guarantor and read its total and the client's exposures (guarantee.lock_book, one
    # round trip); write the exposure, its event and the new total in one statement.
    assert seen == ["SELECT", "WITH"]
