"""Which database errors are an outage (503 with Retry-After) rather than a bug (500): kit.db."""

from __future__ import annotations

import asyncpg

from kit.db import DATABASE_ERRORS, database_unreachable


def test_a_raw_connection_cut_mid_operation_is_an_outage() -> None:
    cut = asyncpg.InternalClientError("cannot switch to state 15; another operation (2) is in progress")
    assert database_unreachable(cut)
    assert any(isinstance(cut, error) for error in DATABASE_ERRORS), "answered by the database handler"


def test_a_closed_raw_connection_is_an_outage_and_misuse_is_not() -> None:
    assert database_unreachable(asyncpg.InterfaceError("connection is closed"))
    assert not database_unreachable(asyncpg.InterfaceError("cannot perform operation: another operation"))
    assert not database_unreachable(asyncpg.InternalClientError("unexpected message type"))


def test_the_server_going_away_is_an_outage() -> None:
    assert database_unreachable(
        asyncpg.AdminShutdownError("terminating connection due to administrator command")
    )
    assert database_unreachable(ConnectionRefusedError(111, "Connect call failed"))
    assert not database_unreachable(ValueError("a bug"))
