"""guarantee: institutions, agreements, exposures and their money movements.

Revision ID: guarantee_0002
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import UUID

revision = "guarantee_0002"
down_revision = "guarantee_0001"
branch_labels = None
depends_on = None

S = "guarantee"
PARTIES = ("bank", "guarantor", "provincial", "national")


def _uuid(name: str, *args: object, **kw: object) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, UUID(as_uuid=False), *args, **kw)  # type: ignore[arg-type]


def _stamp(name: str) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, sa.DateTime(timezone=True), nullable=False, server_default=sa.text("now()"))


def upgrade() -> None:
    op.create_table(
        "institution",
        _uuid("id", primary_key=True),
        _uuid("org_id", nullable=False, unique=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("tier", sa.Text, nullable=False),
        _uuid("parent_id", sa.ForeignKey(f"{S}.institution.id"), nullable=True),
        sa.Column("net_assets_fen", sa.BigInteger, nullable=False),
        sa.Column("leverage_multiple", sa.Integer, nullable=False),
        _stamp("created_at"),
        _stamp("updated_at"),
        sa.CheckConstraint("tier IN ('national_fund', 'provincial', 'local')", name="institution_tier"),
        sa.CheckConstraint("(tier = 'national_fund') = (parent_id IS NULL)", name="institution_parent"),
        sa.CheckConstraint("net_assets_fen >= 0", name="institution_net_assets"),
        sa.CheckConstraint("leverage_multiple BETWEEN 1 AND 15", name="institution_leverage"),
        schema=S,
    )
    # 国办发〔2019〕6号: there is one national fund.
    op.create_index(
        "institution_one_national_fund",
        "institution",
        ["tier"],
        unique=True,
        schema=S,
        postgresql_where=sa.text("tier = 'national_fund'"),
    )
    op.create_index("institution_parent", "institution", ["parent_id"], schema=S)

    op.create_table(
        "agreement",
        _uuid("id", primary_key=True),
        _uuid("bank_org_id", nullable=False),
        _uuid("guarantor_id", sa.ForeignKey(f"{S}.institution.id"), nullable=False),
        _uuid("provincial_id", sa.ForeignKey(f"{S}.institution.id"), nullable=False),
        *(sa.Column(f"share_{p}_bp", sa.Integer, nullable=False) for p in PARTIES),
        _stamp("created_at"),
        sa.UniqueConstraint("bank_org_id", "guarantor_id", name="agreement_bank_guarantor_key"),
        sa.CheckConstraint(
            "share_bank_bp >= 2000 AND share_national_bp BETWEEN 2000 AND 4000"
            " AND share_provincial_bp >= share_national_bp AND share_guarantor_bp >= 0"
            " AND share_bank_bp + share_guarantor_bp + share_provincial_bp + share_national_bp = 10000",
            name="agreement_shares",
        ),
        schema=S,
    )
    op.create_index("agreement_guarantor", "agreement", ["guarantor_id"], schema=S)

    op.create_table(
        "exposure",
        _uuid("id", primary_key=True),
        sa.Column("seq", sa.BigInteger, sa.Identity(), nullable=False, unique=True),
        _uuid("agreement_id", sa.ForeignKey(f"{S}.agreement.id"), nullable=False),
        _uuid("guarantor_id", nullable=False),
        _uuid("provincial_id", nullable=False),
        _uuid("bank_org_id", nullable=False),
        sa.Column("loan_ref", sa.Text, nullable=False),
        sa.Column("uscc", sa.String(18), nullable=False),
        sa.Column("status", sa.Text, nullable=False),
        sa.Column("small_micro", sa.Boolean, nullable=False),
        sa.Column("principal_fen", sa.BigInteger, nullable=False),
        sa.Column("outstanding_fen", sa.BigInteger, nullable=False),
        sa.Column("guaranteed_fen", sa.BigInteger, nullable=False),
        sa.Column("weighted_liability_fen", sa.BigInteger, nullable=False),
        *(sa.Column(f"share_{p}_bp", sa.Integer, nullable=False) for p in PARTIES),
        *(sa.Column(f"outstanding_{p}_fen", sa.BigInteger, nullable=False) for p in PARTIES),
        sa.Column("fee_rate_bp", sa.Integer, nullable=False),
        sa.Column("start_date", sa.Date, nullable=False),
        sa.Column("maturity_date", sa.Date, nullable=False),
        sa.Column("ended_on", sa.Date, nullable=True),
        sa.Column("defaulted_fen", sa.BigInteger, nullable=True),
        sa.Column("compensation_fen", sa.BigInteger, nullable=True),
        *(sa.Column(f"loss_{p}_fen", sa.BigInteger, nullable=True) for p in PARTIES),
        *(
            sa.Column(f"recovered_{p}_fen", sa.BigInteger, nullable=False, server_default="0")
            for p in PARTIES
        ),
        _stamp("created_at"),
        _stamp("updated_at"),
        # CONTRACT §4: loan_ref is unique per bank (the race is caught on this key).
        sa.UniqueConstraint("bank_org_id", "loan_ref", name="exposure_bank_loan_ref_key"),
        sa.CheckConstraint("status IN ('active', 'repaid', 'compensated')", name="exposure_status"),
        sa.CheckConstraint(
            "principal_fen > 0 AND principal_fen <= 1000000000"
            " AND outstanding_fen BETWEEN 0 AND principal_fen",
            name="exposure_amounts",
        ),
        sa.CheckConstraint(
            "outstanding_bank_fen + outstanding_guarantor_fen + outstanding_provincial_fen"
            " + outstanding_national_fen = outstanding_fen",
            name="exposure_split_sums",
        ),
        sa.CheckConstraint(
            "recovered_bank_fen + recovered_guarantor_fen + recovered_provincial_fen"
            " + recovered_national_fen <= COALESCE(defaulted_fen, 0)",
            name="exposure_recovery_cap",
        ),
        schema=S,
    )
    op.create_index(
        "exposure_active_by_client",
        "exposure",
        ["guarantor_id", "uscc"],
        schema=S,
        postgresql_where=sa.text("status = 'active'"),
        postgresql_include=["weighted_liability_fen"],
    )
    op.create_index("exposure_guarantor", "exposure", ["guarantor_id", "seq"], schema=S)
    op.create_index("exposure_provincial", "exposure", ["provincial_id", "seq"], schema=S)
    op.create_index("exposure_bank", "exposure", ["bank_org_id", "seq"], schema=S)

    op.create_table(
        "exposure_event",
        sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
        _uuid("exposure_id", sa.ForeignKey(f"{S}.exposure.id"), nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("amount_fen", sa.BigInteger, nullable=False),
        sa.Column("on_date", sa.Date, nullable=False),
        _stamp("created_at"),
        sa.CheckConstraint("kind IN ('repayment', 'default', 'recovery')", name="exposure_event_kind"),
        schema=S,
    )
    op.create_index("exposure_event_exposure", "exposure_event", ["exposure_id", "id"], schema=S)


def downgrade() -> None:
    op.drop_table("exposure_event", schema=S)
    op.drop_table("exposure", schema=S)
    op.drop_table("agreement", schema=S)
    op.drop_table("institution", schema=S)
