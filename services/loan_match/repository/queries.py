"""The SQL of match queries: each is counted for the figures."""

from __future__ import annotations

from dataclasses import asdict, fields

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from services.loan_match.repository.rows import QueryRow

_COLUMNS = [f.name for f in fields(QueryRow)]
# Text written once: building the INSERT with SQLAlchemy on every query was ~6% of loan_match's
# time (py-spy, bench/README.md "Profiles"). No RETURNING: nobody reads the new id.
_RECORD = sa.text(
    f"""
    INSERT INTO loan_match.match_query ({", ".join(_COLUMNS)})
    VALUES ({", ".join(":" + name for name in _COLUMNS)})
    """  # noqa: S608 (the names are QueryRow's fields, the table's columns; the values parameters)
)


async def record_query(session: AsyncSession, query: QueryRow) -> None:
    await session.execute(_RECORD, asdict(query))
