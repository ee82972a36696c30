"""Staff history: each staff member's role and whether they were active, from when, for checking pushed operations.

Revision ID: 0003
Revises: 0002

Staff saved before this revision get their current record as valid since always (``valid_from = ''``);
a disabled one is taken to have been active with the same role until their row was last changed (the
disabling), so operations they made before it are not flagged.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "staff_history",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False),
        sa.Column("staff_no", sa.Text(), nullable=False),
        sa.Column("role", sa.Text(), nullable=False),
        sa.Column("active", sa.Integer(), nullable=False),
        sa.Column("valid_from", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("staff_history", schema=None) as batch_op:
        batch_op.create_index("staff_history_staff", ["staff_no", "valid_from"], unique=False)
    op.execute(
        "INSERT INTO staff_history (staff_no, role, active, valid_from) "
        "SELECT staff_no, role, 1, '' FROM staff ORDER BY staff_no"
    )
    op.execute(
        "INSERT INTO staff_history (staff_no, role, active, valid_from) "
        "SELECT staff_no, role, 0, updated_at FROM staff WHERE active = 0 ORDER BY staff_no"
    )


def downgrade() -> None:
    with op.batch_alter_table("staff_history", schema=None) as batch_op:
        batch_op.drop_index("staff_history_staff")
    op.drop_table("staff_history")
