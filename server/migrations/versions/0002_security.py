"""Security: terminals' anchored audit chains, their divergences, and abuse flags.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "terminal_audit",
        sa.Column("terminal_id", sa.Text(), nullable=False),
        sa.Column("branch", sa.Integer(), nullable=False),
        sa.Column("id", sa.BigInteger(), nullable=False),
        sa.Column("at", sa.Text(), nullable=False),
        sa.Column("audit_terminal", sa.Text(), nullable=False),
        sa.Column("staff_no", sa.Text(), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("op_id", sa.Text(), nullable=True),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.Text(), nullable=False),
        sa.Column("hash", sa.Text(), nullable=False),
        sa.Column("sent_hash", sa.Text(), nullable=False),
        sa.Column("anchored_at", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("terminal_id", "branch", "id"),
    )
    with op.batch_alter_table("terminal_audit", schema=None) as batch_op:
        batch_op.create_index("terminal_audit_staff", ["staff_no", "action", "at"], unique=False)
    op.create_table(
        "audit_anchors",
        sa.Column("terminal_id", sa.Text(), nullable=False),
        sa.Column("head_id", sa.BigInteger(), nullable=False),
        sa.Column("epoch", sa.Integer(), nullable=False),
        sa.Column("anchored_at", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("terminal_id"),
    )
    op.create_table(
        "audit_branches",
        sa.Column("terminal_id", sa.Text(), nullable=False),
        sa.Column("branch", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("first_id", sa.BigInteger(), nullable=False),
        sa.Column("last_id", sa.BigInteger(), nullable=False),
        sa.Column("detected_at", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("terminal_id", "branch"),
    )
    op.create_table(
        "abuse_flags",
        sa.Column("code", sa.Text(), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("bucket", sa.Text(), nullable=False),
        sa.Column("exception_id", sa.BigInteger(), nullable=False),
        sa.Column("opened_at", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("code", "subject", "bucket"),
    )


def downgrade() -> None:
    op.drop_table("abuse_flags")
    op.drop_table("audit_branches")
    op.drop_table("audit_anchors")
    with op.batch_alter_table("terminal_audit", schema=None) as batch_op:
        batch_op.drop_index("terminal_audit_staff")
    op.drop_table("terminal_audit")
