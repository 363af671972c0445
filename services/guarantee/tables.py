"""Tables of the guarantee service, all in its own PostgreSQL schema `guarantee`.

Money columns are BIGINT fen, shares INTEGER bp. The four parties of a split are kept
as four columns each (bank, guarantor, provincial, national) so sums run in SQL.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import UUID

from kit.idempotency import idempotency_table
from services.guarantee.rules import PARTIES

SCHEMA = "guarantee"
metadata = sa.MetaData(schema=SCHEMA)

idempotency_keys = idempotency_table(metadata, SCHEMA)


def _now() -> sa.sql.elements.TextClause:
    return sa.text("now()")


institution = sa.Table(
    "institution",
    metadata,
    sa.Column("id", UUID(as_uuid=False), primary_key=True),
    sa.Column("org_id", UUID(as_uuid=False), nullable=False, unique=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("tier", sa.Text, nullable=False),
    sa.Column("parent_id", UUID(as_uuid=False), sa.ForeignKey(f"{SCHEMA}.institution.id"), nullable=True),
    sa.Column("net_assets_fen", sa.BigInteger, nullable=False),
    sa.Column("leverage_multiple", sa.Integer, nullable=False),
    # A local guarantor's active weighted liability, kept up to date under its row lock.
    sa.Column("liability_fen", sa.BigInteger, nullable=False, server_default="0"),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=_now()),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False, server_default=_now()),
)

agreement = sa.Table(
    "agreement",
    metadata,
    sa.Column("id", UUID(as_uuid=False), primary_key=True),
    sa.Column("bank_org_id", UUID(as_uuid=False), nullable=False),
    sa.Column("guarantor_id", UUID(as_uuid=False), sa.ForeignKey(f"{SCHEMA}.institution.id"), nullable=False),
    sa.Column(
        "provincial_id", UUID(as_uuid=False), sa.ForeignKey(f"{SCHEMA}.institution.id"), nullable=False
    ),
    *(sa.Column(f"share_{p}_bp", sa.Integer, nullable=False) for p in PARTIES),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=_now()),
)

exposure = sa.Table(
    "exposure",
    metadata,
    sa.Column("id", UUID(as_uuid=False), primary_key=True),
    sa.Column("seq", sa.BigInteger, sa.Identity(), nullable=False, unique=True),
    sa.Column("agreement_id", UUID(as_uuid=False), sa.ForeignKey(f"{SCHEMA}.agreement.id"), nullable=False),
    sa.Column("guarantor_id", UUID(as_uuid=False), nullable=False),
    sa.Column("provincial_id", UUID(as_uuid=False), nullable=False),
    sa.Column("bank_org_id", UUID(as_uuid=False), nullable=False),
    sa.Column("loan_ref", sa.Text, nullable=False),
    sa.Column("uscc", sa.String(18), nullable=False),
    sa.Column("status", sa.Text, nullable=False),
    sa.Column("small_micro", sa.Boolean, nullable=False),
    sa.Column("agri", sa.Boolean, nullable=False, server_default="false"),
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
    *(sa.Column(f"recovered_{p}_fen", sa.BigInteger, nullable=False, server_default="0") for p in PARTIES),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=_now()),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False, server_default=_now()),
)

# Every money movement on an exposure, split by party: registration (the opening split), repayment
# and default (what each party's outstanding share released), recovery (each party's allocation).
exposure_event = sa.Table(
    "exposure_event",
    metadata,
    sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
    sa.Column("exposure_id", UUID(as_uuid=False), sa.ForeignKey(f"{SCHEMA}.exposure.id"), nullable=False),
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("amount_fen", sa.BigInteger, nullable=False),
    sa.Column("on_date", sa.Date, nullable=False),
    *(sa.Column(f"part_{p}_fen", sa.BigInteger, nullable=False, server_default="0") for p in PARTIES),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=_now()),
)
