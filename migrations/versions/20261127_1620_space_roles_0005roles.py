"""space roles: admin, collaborator, moderator, evaluator per participatory space

Revision ID: 0005roles
Revises: 0004debates
Create Date: 2026-11-27 16:20:00+00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0005roles"
down_revision: str | None = "0004debates"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "space_roles",
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("id", sa.BigInteger(), server_default=sa.text("nextval('global_id_seq')"), nullable=False),
        sa.Column("organization_id", sa.BigInteger(), nullable=False),
        sa.Column("space_kind", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("space_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("role", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.CheckConstraint(
            "role IN ('admin', 'collaborator', 'moderator', 'evaluator')", name=op.f("ck_space_roles_known_role")
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_space_roles_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_space_roles_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_space_roles")),
        sa.UniqueConstraint(
            "space_kind", "space_id", "user_id", "role", name=op.f("uq_space_roles_space_kind_space_id_user_id_role")
        ),
    )
    op.create_index("ix_space_roles_user", "space_roles", ["user_id", "space_kind", "space_id"], unique=False)
    op.create_index(op.f("ix_space_roles_organization_id"), "space_roles", ["organization_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_space_roles_organization_id"), table_name="space_roles")
    op.drop_index("ix_space_roles_user", table_name="space_roles")
    op.drop_table("space_roles")
