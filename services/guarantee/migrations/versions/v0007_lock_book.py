"""guarantee: ``lock_book``, one round trip that locks a guarantor and reads a client's book,
and an index for that read.

Registration's limits are judged under the guarantor's row lock; every round trip held under it
is a round trip every other registration of that guarantor waits for. Two statements are needed
(a statement reads what was committed when it began, so an exposure read folded into the locking
statement could miss what the lock holder before us committed); in a VOLATILE PL/pgSQL function
each statement takes a new snapshot (READ COMMITTED), so the read after the lock sees it, and
both travel in one round trip. Rows: one per active exposure of the client with the guarantor
(exposure columns NULL when it has none), each carrying the guarantor's figures; none at all
when the guarantor does not exist. The read had only ``(guarantor_id, seq)`` to go by, so it
visited every exposure of the guarantor, under the lock; ``exposure_active_client`` finds the
client's few.

Revision ID: guarantee_0007
"""

import sqlalchemy as sa
from alembic import op

revision = "guarantee_0007"
down_revision = "guarantee_0006"
branch_labels = None
depends_on = None

_FUNCTION = """
CREATE FUNCTION guarantee.lock_book(p_guarantor uuid, p_uscc text)
RETURNS TABLE (net_assets_fen bigint, leverage_multiple integer, liability_fen bigint, id uuid,
               outstanding_fen bigint, guaranteed_fen bigint, small_micro boolean,
               principal_fen bigint, weighted_liability_fen bigint)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    g record;
BEGIN
    SELECT i.net_assets_fen, i.leverage_multiple, i.liability_fen INTO g
    FROM guarantee.institution i WHERE i.id = p_guarantor FOR UPDATE;
    IF NOT FOUND THEN
        RETURN;
    END IF;
    -- A second statement, so a new snapshot: it sees what the previous lock holder committed.
    RETURN QUERY
        SELECT g.net_assets_fen, g.leverage_multiple, g.liability_fen, e.id, e.outstanding_fen,
               e.guaranteed_fen, e.small_micro, e.principal_fen, e.weighted_liability_fen
        FROM (SELECT 1) AS one
        LEFT JOIN guarantee.exposure e
               ON e.guarantor_id = p_guarantor AND e.uscc = p_uscc AND e.status = 'active';
END
$$
"""


def upgrade() -> None:
    op.create_index(
        "exposure_active_client",
        "exposure",
        ["guarantor_id", "uscc"],
        schema="guarantee",
        postgresql_where=sa.text("status = 'active'"),
    )
    op.execute(_FUNCTION)


def downgrade() -> None:
    op.execute("DROP FUNCTION guarantee.lock_book(uuid, text)")
    op.drop_index("exposure_active_client", table_name="exposure", schema="guarantee")
