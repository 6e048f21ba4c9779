"""action logs: who did what to which resource, for organization admins

Revision ID: 0005actionlog
Revises: 0005roles
Create Date: 2026-11-27 17:00:00+00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0005actionlog"
down_revision: str | None = "0005roles"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "action_logs",
        sa.Column("id", sa.BigInteger(), server_default=sa.text("nextval('global_id_seq')"), nullable=False),
        sa.Column("organization_id", sa.BigInteger(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=True),
        sa.Column("action", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("resource_kind", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("resource_id", sa.BigInteger(), nullable=False),
        sa.Column("space_kind", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
        sa.Column("space_id", sa.BigInteger(), nullable=True),
        sa.Column("changes", postgresql.JSONB(astext_type=sa.Text()), server_default="{}", nullable=False),
        sa.Column("visibility", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint("visibility IN ('admin-only', 'public')", name=op.f("ck_action_logs_known_visibility")),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_action_logs_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_action_logs_user_id_users"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action_logs")),
    )
    op.create_index(
        "ix_action_logs_organization_created", "action_logs", ["organization_id", "created_at", "id"], unique=False
    )
    op.create_index("ix_action_logs_resource", "action_logs", ["resource_kind", "resource_id"], unique=False)
    op.create_index("ix_action_logs_space", "action_logs", ["space_kind", "space_id"], unique=False)
    op.create_index(op.f("ix_action_logs_organization_id"), "action_logs", ["organization_id"], unique=False)
    op.create_index(op.f("ix_action_logs_user_id"), "action_logs", ["user_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_action_logs_user_id"), table_name="action_logs")
    op.drop_index(op.f("ix_action_logs_organization_id"), table_name="action_logs")
    op.drop_index("ix_action_logs_space", table_name="action_logs")
    op.drop_index("ix_action_logs_resource", table_name="action_logs")
    op.drop_index("ix_action_logs_organization_created", table_name="action_logs")
    op.drop_table("action_logs")
