"""proposals: amendments table; participa_fold() for accent- and case-insensitive search

Revision ID: 0003proposals
Revises: 0003accounts
Create Date: 2026-11-28 10:00:00+00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0003proposals"
down_revision: str | None = "0003accounts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Without the unaccent extension (the embedded server ships no contrib modules), fold the accents
# of the Latin letters French, Breton and neighbours use; search then behaves the same on both.
# Each group: the plain letter, then the accented forms folded to it.
_GROUPS = (
    "aàáâãäåāăą",
    "cçćč",
    "dď",
    "eèéêëēėęě",
    "iìíîïīį",
    "lł",
    "nñńň",
    "oòóôõöøōő",
    "rř",
    "sśšş",
    "tť",
    "uùúûüūůűų",
    "yýÿ",
    "zźžż",
)
_ACCENTED = "".join(g[1:] for g in _GROUPS)
_PLAIN = "".join(g[0] * (len(g) - 1) for g in _GROUPS)

FALLBACK_BODY = (
    "SELECT replace(replace(replace(translate(lower($1), "
    f"'{_ACCENTED}', '{_PLAIN}'), 'œ', 'oe'), 'æ', 'ae'), 'ß', 'ss')"
)

CREATE_FOLD = f"""
DO $do$
DECLARE
    ext_schema text;
BEGIN
    IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'unaccent') THEN
        CREATE EXTENSION IF NOT EXISTS unaccent;
        SELECT extnamespace::regnamespace::text INTO ext_schema FROM pg_extension WHERE extname = 'unaccent';
        EXECUTE format(
            'CREATE OR REPLACE FUNCTION participa_fold(text) RETURNS text '
            'LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE '
            'AS $f$ SELECT lower(%1$s.unaccent(%2$L::regdictionary, $1)) $f$',
            ext_schema, ext_schema || '.unaccent'
        );
    ELSE
        CREATE OR REPLACE FUNCTION participa_fold(text) RETURNS text
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        AS $f$ {FALLBACK_BODY} $f$;
    END IF;
END
$do$;
"""  # noqa: S608 - built from constants only


def upgrade() -> None:
    op.create_table(
        "amendments",
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("id", sa.BigInteger(), server_default=sa.text("nextval('global_id_seq')"), nullable=False),
        sa.Column("organization_id", sa.BigInteger(), nullable=False),
        sa.Column("amendable_kind", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("amendable_id", sa.BigInteger(), nullable=False),
        sa.Column("emendation_kind", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("emendation_id", sa.BigInteger(), nullable=False),
        sa.Column("amender_id", sa.BigInteger(), nullable=False),
        sa.Column("state", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["amender_id"], ["users.id"], name=op.f("fk_amendments_amender_id_users"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_amendments_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_amendments")),
        sa.UniqueConstraint(
            "emendation_kind", "emendation_id", name=op.f("uq_amendments_emendation_kind_emendation_id")
        ),
    )
    op.create_index("ix_amendments_amendable", "amendments", ["amendable_kind", "amendable_id"], unique=False)
    op.create_index(op.f("ix_amendments_amender_id"), "amendments", ["amender_id"], unique=False)
    op.create_index(op.f("ix_amendments_organization_id"), "amendments", ["organization_id"], unique=False)
    op.execute(CREATE_FOLD)


def downgrade() -> None:
    # The unaccent extension stays: other objects may have come to rely on it.
    op.execute("DROP FUNCTION IF EXISTS participa_fold(text)")
    op.drop_index(op.f("ix_amendments_organization_id"), table_name="amendments")
    op.drop_index(op.f("ix_amendments_amender_id"), table_name="amendments")
    op.drop_index("ix_amendments_amendable", table_name="amendments")
    op.drop_table("amendments")
