"""Audit anchoring idempotent: each anchor request carries the terminal's request number.

Revision ID: 0004
Revises: 0003

A request older than the newest one processed for the terminal (``(epoch, request_no)`` below what
``audit_anchors`` holds) is late or duplicated: it is answered ``stale`` and changes nothing, so it can
never look like rows removed from the terminal's chain.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("audit_anchors", schema=None) as batch_op:
        batch_op.add_column(sa.Column("request_no", sa.BigInteger(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("audit_anchors", schema=None) as batch_op:
        batch_op.drop_column("request_no")
