"""What each terminal last reported (pending operations, software version, when it last pulled) and every
tier change the server applied (by spend, points path, activity, annual review), for the office console.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    with op.batch_alter_table("terminals", schema=None) as batch_op:
        # Null until a terminal that sends them syncs (older terminals never do).
        batch_op.add_column(sa.Column("pending_ops", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("software_version", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("reported_at", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("last_pull", sa.Text(), nullable=True))
    op.create_table(
        "tier_changes",
        sa.Column("id", BigId, autoincrement=True, nullable=False),
        sa.Column("member_no", sa.Text(), nullable=False),
        sa.Column("op_id", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("from_tier", sa.Text(), nullable=False),
        sa.Column("to_tier", sa.Text(), nullable=False),
        sa.Column("terminal_id", sa.Text(), nullable=True),
        sa.Column("business_day", sa.Text(), nullable=False),
        sa.Column("created_at", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("tier_changes", schema=None) as batch_op:
        batch_op.create_index("tier_changes_member", ["member_no"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("tier_changes", schema=None) as batch_op:
        batch_op.drop_index("tier_changes_member")
    op.drop_table("tier_changes")
    with op.batch_alter_table("terminals", schema=None) as batch_op:
        batch_op.drop_column("last_pull")
        batch_op.drop_column("reported_at")
        batch_op.drop_column("software_version")
        batch_op.drop_column("pending_ops")
