"""credit_push: enterprise authorisations, the access log, and outcomes' loan_ref (unique per bank).

Revision ID: credit_push_0005
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import UUID

revision = "credit_push_0005"
down_revision = "credit_push_0004"
branch_labels = None
depends_on = None

S = "credit_push"
TS = sa.DateTime(timezone=True)

# Consents recorded before authorisations existed keep working: each (app, enterprise) pair with
# an active consent gets an open-ended authorisation carrying the consent's evidence.
_BACKFILL = """
INSERT INTO credit_push.authorisations (id, uscc, partner_org_id, evidence_ref, expires_on, status,
                                        created_at)
SELECT gen_random_uuid(), uscc, partner_org_id, min(evidence_ref), NULL, 'active', min(created_at)
FROM credit_push.consents WHERE status = 'active' GROUP BY uscc, partner_org_id
"""


def upgrade() -> None:
    op.create_table(
        "authorisations",
        sa.Column("id", UUID(as_uuid=True), primary_key=True),
        sa.Column("uscc", sa.Text, nullable=False),
        sa.Column("partner_org_id", UUID(as_uuid=True), nullable=False),
        sa.Column("evidence_ref", sa.Text, nullable=False),
        sa.Column("expires_on", sa.Date, nullable=True),
        sa.Column("status", sa.Text, nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("ended_at", TS, nullable=True),
        schema=S,
    )
    op.create_index("ix_authorisations_partner_uscc", "authorisations", ["partner_org_id", "uscc"], schema=S)
    op.create_index(
        "ix_authorisations_active_expiry",
        "authorisations",
        ["expires_on"],
        schema=S,
        postgresql_where=sa.text("status = 'active'"),
    )
    op.execute(_BACKFILL)
    op.create_table(
        "access_log",
        sa.Column("id", UUID(as_uuid=True), primary_key=True),
        sa.Column("at", TS, nullable=False),
        sa.Column("uscc", sa.Text, nullable=False),
        sa.Column("reader_org_id", UUID(as_uuid=True), nullable=False),
        sa.Column("reader_role", sa.Text, nullable=False),
        sa.Column("what", sa.Text, nullable=False),
        sa.Column("via", sa.Text, nullable=False),
        schema=S,
    )
    op.create_index("ix_access_log_at", "access_log", ["at", "id"], schema=S)
    op.create_index("ix_access_log_uscc_at", "access_log", ["uscc", "at", "id"], schema=S)
    op.add_column("outcomes", sa.Column("loan_ref", sa.Text, nullable=True), schema=S)
    op.create_index("outcomes_bank_loan_ref", "outcomes", ["bank_org_id", "loan_ref"], unique=True, schema=S)


def downgrade() -> None:
    op.drop_index("outcomes_bank_loan_ref", table_name="outcomes", schema=S)
    op.drop_column("outcomes", "loan_ref", schema=S)
    op.drop_table("access_log", schema=S)
    op.drop_table("authorisations", schema=S)
