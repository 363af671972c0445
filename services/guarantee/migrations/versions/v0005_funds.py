"""guarantee: policy funds (CONTRACT §6): risk-compensation pools and bridge (续贷转贷) funds.

New tables only; nothing existing changes.

Revision ID: guarantee_0005
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import UUID

revision = "guarantee_0005"
down_revision = "guarantee_0004"
branch_labels = None
depends_on = None

S = "guarantee"


def _id() -> sa.Column[str]:
    return sa.Column("id", UUID(as_uuid=False), primary_key=True)


def _seq() -> sa.Column[int]:
    return sa.Column("seq", sa.BigInteger, sa.Identity(), nullable=False, unique=True)


def _created() -> sa.Column[object]:
    return sa.Column(
        "created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.text("now()")
    )


def _fen(name: str, *, nullable: bool = False, zero: bool = False) -> sa.Column[int]:
    return sa.Column(name, sa.BigInteger, nullable=nullable, server_default="0" if zero else None)


def upgrade() -> None:
    _pools()
    _bridges()


def _pools() -> None:
    op.create_table(
        "pool",
        _id(),
        _seq(),
        sa.Column("manager_org_id", UUID(as_uuid=False), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("region_code", sa.String(6), nullable=False),
        _fen("initial_balance_fen"),
        _fen("balance_fen"),
        _fen("paid_fen", zero=True),
        _fen("recovered_fen", zero=True),
        sa.Column("compensation_bp", sa.Integer, nullable=False),
        sa.Column("stop_overdue_bp", sa.Integer, nullable=False),
        _created(),
        sa.CheckConstraint("balance_fen >= 0", name="pool_balance_not_negative"),
        schema=S,
    )
    op.create_table(
        "pool_bank",
        sa.Column("pool_id", UUID(as_uuid=False), sa.ForeignKey(f"{S}.pool.id"), primary_key=True),
        sa.Column("bank_org_id", UUID(as_uuid=False), primary_key=True),
        schema=S,
    )
    op.create_table(
        "pool_loan",
        _id(),
        _seq(),
        sa.Column("pool_id", UUID(as_uuid=False), sa.ForeignKey(f"{S}.pool.id"), nullable=False),
        sa.Column("bank_org_id", UUID(as_uuid=False), nullable=False),
        sa.Column("loan_ref", sa.Text, nullable=False),
        sa.Column("uscc", sa.String(18), nullable=False),
        sa.Column("status", sa.Text, nullable=False),
        _fen("principal_fen"),
        _fen("outstanding_fen"),
        sa.Column("start_date", sa.Date, nullable=False),
        sa.Column("maturity_date", sa.Date, nullable=False),
        sa.Column("overdue_on", sa.Date, nullable=True),
        sa.Column("defaulted_on", sa.Date, nullable=True),
        _fen("defaulted_fen", nullable=True),
        _fen("compensation_fen", nullable=True),
        _fen("uncovered_fen", nullable=True),
        _fen("recovered_total_fen", zero=True),
        _fen("recovered_pool_fen", zero=True),
        _created(),
        sa.UniqueConstraint("bank_org_id", "loan_ref", name="pool_loan_bank_ref"),
        sa.CheckConstraint("status IN ('active', 'overdue', 'defaulted')", name="pool_loan_status"),
        schema=S,
    )
    op.create_index("pool_loan_pool", "pool_loan", ["pool_id", "bank_org_id"], schema=S)


def _bridges() -> None:
    op.create_table(
        "bridge_fund",
        _id(),
        _seq(),
        sa.Column("manager_org_id", UUID(as_uuid=False), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        _fen("size_fen"),
        sa.Column("max_days", sa.Integer, nullable=False),
        sa.Column("daily_fee_bp", sa.Integer, nullable=False),
        _fen("outstanding_fen", zero=True),
        _created(),
        sa.CheckConstraint("outstanding_fen <= size_fen", name="bridge_fund_within_size"),
        schema=S,
    )
    op.create_table(
        "bridge_loan",
        _id(),
        _seq(),
        sa.Column("fund_id", UUID(as_uuid=False), sa.ForeignKey(f"{S}.bridge_fund.id"), nullable=False),
        sa.Column("uscc", sa.String(18), nullable=False),
        sa.Column("size", sa.Text, nullable=False),
        sa.Column("bank_org_id", UUID(as_uuid=False), nullable=False),
        sa.Column("maturing_loan_ref", sa.Text, nullable=False),
        sa.Column("renewal_commitment_ref", sa.Text, nullable=False),
        _fen("amount_fen"),
        _fen("fee_fen"),
        sa.Column("start_date", sa.Date, nullable=False),
        sa.Column("days", sa.Integer, nullable=False),
        sa.Column("due_on", sa.Date, nullable=False),
        sa.Column("repaid_on", sa.Date, nullable=True),
        _created(),
        schema=S,
    )
    op.create_index("bridge_loan_fund", "bridge_loan", ["fund_id", "seq"], schema=S)


def downgrade() -> None:
    for table in ("bridge_loan", "bridge_fund", "pool_loan", "pool_bank", "pool"):
        op.drop_table(table, schema=S)
