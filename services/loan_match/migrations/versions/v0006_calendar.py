"""loan_match: the yearly 国务院办公厅 holiday notices, as the operator loads them.

One row per year: the weekday rest days and the weekend days worked (调休). A year without a
row falls back to the library's copy of the notices or the statutory holidays
(services/loan_match/rules/calendar.py).

Revision ID: loan_match_0005
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import ARRAY

revision = "loan_match_0006"
down_revision = "loan_match_0005"
branch_labels = None
depends_on = None

S = "loan_match"


def upgrade() -> None:
    op.create_table(
        "holiday_calendar",
        sa.Column("year", sa.Integer, primary_key=True),
        sa.Column("holidays", ARRAY(sa.Date), nullable=False),
        sa.Column("workdays", ARRAY(sa.Date), nullable=False),
        sa.Column("loaded_at", sa.DateTime(timezone=True), nullable=False),
        schema=S,
    )


def downgrade() -> None:
    op.drop_table("holiday_calendar", schema=S)
