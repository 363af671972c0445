"""guarantee: weights by the client, agri, the guarantor's running total, release records.

- ``exposure.agri`` (三农 business, counted in the 支小支农 figures);
- ``institution.liability_fen``: the running total of a local guarantor's active weighted
  liability, kept in the row registration locks (no sum per request);
- ``exposure_event.part_{party}_fen``: how each movement splits by party (registration: the opening
  split; repayment and default: what it released; recovery: the allocation), so that 代偿率 and
  the summary can be taken for a period or as of a day.

Existing data: active exposures are re-weighed by their client's 单户在保余额 (融资担保责任余额计量
办法); each exposure gets a registration event on its start_date; repayments are replayed to
record what each released; a default's parts are its losses; an exposure's recoveries so far are
recorded on its last recovery event (totals exact, the dates of earlier recoveries not split).

Revision ID: guarantee_0004
"""

from collections import defaultdict
from typing import Any

import sqlalchemy as sa
from alembic import op

from kit.money import allocate

revision = "guarantee_0004"
down_revision = "guarantee_0003"
branch_labels = None
depends_on = None

S = "guarantee"
PARTIES = ("bank", "guarantor", "provincial", "national")
KINDS_BEFORE = "kind IN ('repayment', 'default', 'recovery')"
KINDS = "kind IN ('registration', 'repayment', 'default', 'recovery')"

REWEIGH = """
WITH client AS (
    SELECT guarantor_id, uscc, SUM(outstanding_fen) AS balance
    FROM guarantee.exposure WHERE status = 'active' GROUP BY guarantor_id, uscc
)
UPDATE guarantee.exposure e
SET weighted_liability_fen = CASE
    WHEN e.small_micro AND c.balance <= 500000000 THEN (e.guaranteed_fen * 7500 * 2 + 10000) / 20000
    ELSE e.guaranteed_fen END
FROM client c
WHERE e.status = 'active' AND e.guarantor_id = c.guarantor_id AND e.uscc = c.uscc
"""
TOTALS = """
UPDATE guarantee.institution i SET liability_fen = COALESCE((
    SELECT SUM(weighted_liability_fen) FROM guarantee.exposure e
    WHERE e.guarantor_id = i.id AND e.status = 'active'), 0)
"""


def upgrade() -> None:
    op.add_column("exposure", sa.Column("agri", sa.Boolean, nullable=False, server_default="false"), schema=S)
    op.add_column(
        "institution", sa.Column("liability_fen", sa.BigInteger, nullable=False, server_default="0"), schema=S
    )
    for p in PARTIES:
        op.add_column(
            "exposure_event",
            sa.Column(f"part_{p}_fen", sa.BigInteger, nullable=False, server_default="0"),
            schema=S,
        )
    op.drop_constraint("exposure_event_kind", "exposure_event", schema=S)
    op.create_check_constraint("exposure_event_kind", "exposure_event", KINDS, schema=S)
    # The periods of the summary and of 代偿率 read events by kind and day.
    op.create_index("exposure_event_day", "exposure_event", ["kind", "on_date"], schema=S)
    op.execute(REWEIGH)
    op.execute(TOTALS)
    _backfill_events(op.get_bind())


def _backfill_events(bind: Any) -> None:
    exposures = bind.execute(sa.text("SELECT * FROM guarantee.exposure")).mappings().all()
    events: dict[str, list[Any]] = defaultdict(list)
    for event in bind.execute(sa.text("SELECT * FROM guarantee.exposure_event ORDER BY id")).mappings():
        events[event["exposure_id"]].append(event)
    for e in exposures:
        shares = {p: e[f"share_{p}_bp"] for p in PARTIES}
        _event(
            bind,
            e["id"],
            "registration",
            e["principal_fen"],
            e["start_date"],
            allocate(e["principal_fen"], shares),
        )
        outstanding = e["principal_fen"]
        recoveries = [ev for ev in events[e["id"]] if ev["kind"] == "recovery"]
        for ev in events[e["id"]]:
            if ev["kind"] == "repayment":
                before, outstanding = allocate(outstanding, shares), outstanding - ev["amount_fen"]
                after = allocate(outstanding, shares)
                _parts(bind, ev["id"], {p: before[p] - after[p] for p in PARTIES})
            elif ev["kind"] == "default":
                _parts(bind, ev["id"], {p: e[f"loss_{p}_fen"] or 0 for p in PARTIES})
        if recoveries:
            _parts(bind, recoveries[-1]["id"], {p: e[f"recovered_{p}_fen"] for p in PARTIES})


def _event(bind: Any, exposure_id: str, kind: str, amount: int, on: Any, parts: dict[str, int]) -> None:
    columns = ", ".join(f"part_{p}_fen" for p in PARTIES)
    values = ", ".join(f":{p}" for p in PARTIES)
    into = f"guarantee.exposure_event (exposure_id, kind, amount_fen, on_date, {columns})"
    sql = f"INSERT INTO {into} VALUES (:exposure_id, :kind, :amount, :on, {values})"  # noqa: S608 (constant names)
    bind.execute(
        sa.text(sql), {"exposure_id": exposure_id, "kind": kind, "amount": amount, "on": on, **parts}
    )


def _parts(bind: Any, event_id: int, parts: dict[str, int]) -> None:
    assignments = ", ".join(f"part_{p}_fen = :{p}" for p in PARTIES)
    sql = f"UPDATE guarantee.exposure_event SET {assignments} WHERE id = :id"  # noqa: S608 (constant names)
    bind.execute(sa.text(sql), {"id": event_id, **parts})


def downgrade() -> None:
    op.execute("DELETE FROM guarantee.exposure_event WHERE kind = 'registration'")
    op.drop_index("exposure_event_day", table_name="exposure_event", schema=S)
    op.drop_constraint("exposure_event_kind", "exposure_event", schema=S)
    op.create_check_constraint("exposure_event_kind", "exposure_event", KINDS_BEFORE, schema=S)
    for p in PARTIES:
        op.drop_column("exposure_event", f"part_{p}_fen", schema=S)
    op.drop_column("institution", "liability_fen", schema=S)
    op.drop_column("exposure", "agri", schema=S)
