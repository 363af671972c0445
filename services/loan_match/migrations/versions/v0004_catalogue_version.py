"""loan_match: a catalogue version, so every replica sees product changes without re-reading all.

One row counts every change of the product catalogue; each product remembers the count of
its own last change. A replica compares the count with the one it has loaded and reads only
the products changed since (services/loan_match/service/catalogue.py).

Revision ID: loan_match_0004
"""

import sqlalchemy as sa
from alembic import op

revision = "loan_match_0004"
down_revision = "loan_match_0003"
branch_labels = None
depends_on = None

S = "loan_match"


def upgrade() -> None:
    op.create_table(
        "catalogue",
        sa.Column("id", sa.SmallInteger, primary_key=True),
        sa.Column("version", sa.BigInteger, nullable=False),
        sa.CheckConstraint("id = 1", name="catalogue_one_row"),
        schema=S,
    )
    op.execute("INSERT INTO loan_match.catalogue (id, version) VALUES (1, 0)")
    op.add_column(
        "product", sa.Column("change_no", sa.BigInteger, nullable=False, server_default="0"), schema=S
    )
    op.create_index("product_change_no", "product", ["change_no"], schema=S)


def downgrade() -> None:
    op.drop_index("product_change_no", table_name="product", schema=S)
    op.drop_column("product", "change_no", schema=S)
    op.drop_table("catalogue", schema=S)
