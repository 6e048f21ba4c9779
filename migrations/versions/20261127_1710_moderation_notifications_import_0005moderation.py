"""moderation: moderations, moderation settings, notifications; proposals.external_id for imports

Revision ID: 0005moderation
Revises: 0005actionlog
Create Date: 2026-11-27 17:10:00+00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0005moderation"
down_revision: str | None = "0005actionlog"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _common(table: str) -> list[sa.Column[object] | sa.Constraint]:
    return [
        sa.Column("id", sa.BigInteger(), server_default=sa.text("nextval('global_id_seq')"), nullable=False),
        sa.Column("organization_id", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f(f"fk_{table}_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
    ]


def _timestamps() -> list[sa.Column[object]]:
    return [
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "moderations",
        *_timestamps(),
        *_common("moderations"),
        sa.Column("reportable_kind", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("reportable_id", sa.Integer(), nullable=False),
        sa.Column("space_kind", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("space_id", sa.Integer(), nullable=False),
        sa.Column("report_count", sa.Integer(), nullable=False),
        sa.Column("hidden_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("report_count >= 0", name=op.f("ck_moderations_report_count_not_negative")),
        sa.UniqueConstraint(
            "reportable_kind", "reportable_id", name=op.f("uq_moderations_reportable_kind_reportable_id")
        ),
    )
    op.create_index("ix_moderations_space", "moderations", ["space_kind", "space_id"], unique=False)
    op.create_index(op.f("ix_moderations_organization_id"), "moderations", ["organization_id"], unique=False)

    op.create_table(
        "moderation_settings",
        *_timestamps(),
        *_common("moderation_settings"),
        sa.Column("hide_threshold", sa.Integer(), nullable=False),
        sa.UniqueConstraint("organization_id", name=op.f("uq_moderation_settings_organization_id")),
    )
    op.create_index(
        op.f("ix_moderation_settings_organization_id"), "moderation_settings", ["organization_id"], unique=False
    )

    op.create_table(
        "notifications",
        *_common("notifications"),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("event", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("resource_kind", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("resource_id", sa.Integer(), nullable=False),
        sa.Column("payload", postgresql.JSONB(astext_type=sa.Text()), server_default="{}", nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("read_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_notifications_user_id_users"), ondelete="CASCADE"
        ),
    )
    op.create_index("ix_notifications_user", "notifications", ["user_id", "id"], unique=False)
    op.create_index(op.f("ix_notifications_organization_id"), "notifications", ["organization_id"], unique=False)

    op.add_column("proposals", sa.Column("external_id", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=True))
    op.create_unique_constraint(
        op.f("uq_proposals_component_id_external_id"), "proposals", ["component_id", "external_id"]
    )


def downgrade() -> None:
    op.drop_constraint(op.f("uq_proposals_component_id_external_id"), "proposals", type_="unique")
    op.drop_column("proposals", "external_id")
    op.drop_index(op.f("ix_notifications_organization_id"), table_name="notifications")
    op.drop_index("ix_notifications_user", table_name="notifications")
    op.drop_table("notifications")
    op.drop_index(op.f("ix_moderation_settings_organization_id"), table_name="moderation_settings")
    op.drop_table("moderation_settings")
    op.drop_index(op.f("ix_moderations_organization_id"), table_name="moderations")
    op.drop_index("ix_moderations_space", table_name="moderations")
    op.drop_table("moderations")
