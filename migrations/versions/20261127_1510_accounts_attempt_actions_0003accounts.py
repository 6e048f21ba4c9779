"""accounts: sign_in_attempts.action, so registrations and email requests are throttled too

Revision ID: 0003accounts
Revises: 0002participation
Create Date: 2026-11-28 09:00:00+00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0003accounts"
down_revision: str | None = "0002participation"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "sign_in_attempts",
        sa.Column(
            "action",
            sqlmodel.sql.sqltypes.AutoString(length=16),
            server_default="sign_in",
            nullable=False,
        ),
    )


def downgrade() -> None:
    op.drop_column("sign_in_attempts", "action")
