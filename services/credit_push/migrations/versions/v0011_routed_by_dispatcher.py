"""credit_push: the dispatcher routes each bank's events to its subscriptions, after the upload.

Until now every writer of events (an upload, a consent, a new bank, a lapse) also wrote, in its
own transaction, a delivery per routed subscription and what each subscription holds. For an
upload of 10,000 ratings that was 15,000 deliveries and 15,000 holdings on top of the events,
about a third of the upload's database time (bench/README.md "ingest, routed by the
dispatcher"). Now a writer writes the events only, and the dispatcher routes them (as Svix makes
its attempts from stored messages): ``subscriptions.routed_seq`` is the last seq of its bank's
feed that the subscription was routed, so nothing addressed is lost and nothing is routed twice.

- ``events.region``: the effective region of a `published` event's enterprise when it was
  addressed, which the subscription's ``region_codes`` filter reads (the rating is in the data).
- ``subscriptions.routed_seq``: every event written so far was routed when it was written, so
  each existing subscription starts at its bank's last seq.

Revision ID: credit_push_0011
"""

import sqlalchemy as sa
from alembic import op

revision = "credit_push_0011"
down_revision = "credit_push_0010"
branch_labels = None
depends_on = None

S = "credit_push"


def upgrade() -> None:
    op.add_column("events", sa.Column("region", sa.Text, nullable=True), schema=S)
    op.add_column(
        "subscriptions", sa.Column("routed_seq", sa.BigInteger, nullable=False, server_default="0"), schema=S
    )
    op.execute(
        "UPDATE credit_push.subscriptions s SET routed_seq = b.next_seq - 1 "
        "FROM credit_push.banks b WHERE b.org_id = s.bank_org_id"
    )


def downgrade() -> None:
    op.drop_column("subscriptions", "routed_seq", schema=S)
    op.drop_column("events", "region", schema=S)
