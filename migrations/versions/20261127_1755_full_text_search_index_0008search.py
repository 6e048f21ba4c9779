"""full-text search index, kept by triggers in the writing transaction

Revision ID: 0008search
Revises: 0007metrics
Create Date: 2026-11-27 17:55:59.048454+00:00
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

import sqlalchemy as sa
import sqlmodel
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0008search"
down_revision: str | None = "0007metrics"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


class Source(NamedTuple):
    """A table whose rows are searchable, and how to read them."""

    table: str
    kind: str
    # self: the row is a space; component: the space of its component; root: of its commented resource.
    space: str
    title: str
    bodies: tuple[str, ...]
    also_watch: tuple[str, ...] = ()

    @property
    def watched(self) -> tuple[str, ...]:
        return tuple(c for c in (self.title, *self.bodies, *self.also_watch) if c)


SOURCES = (
    Source(
        "participatory_processes",
        "participatory_process",
        "self",
        "title",
        ("subtitle", "short_description", "description"),
        ("scope_id",),
    ),
    Source("assemblies", "assembly", "self", "title", ("subtitle", "short_description", "description"), ("scope_id",)),
    Source("proposals", "proposal", "component", "title", ("body",), ("component_id", "scope_id")),
    Source("meetings", "meeting", "component", "title", ("description", "location"), ("component_id", "scope_id")),
    Source(
        "debates",
        "debate",
        "component",
        "title",
        ("description", "instructions", "conclusions"),
        ("component_id", "scope_id"),
    ),
    Source("blog_posts", "post", "component", "title", ("body",), ("component_id",)),
    Source("accountability_results", "result", "component", "title", ("description",), ("component_id", "scope_id")),
    Source("comments", "comment", "root", "", ("body",), ("root_kind", "root_id")),
    # Participants: name and nickname only (never the email), in one locale-less row.
    Source("users", "user", "none", "name", ("nickname",), ("kind",)),
)

# Commented resources: kind -> table (a comment takes the space and scope of its resource).
ROOT_TABLES = {
    "proposal": "proposals",
    "meeting": "meetings",
    "result": "accountability_results",
    "post": "blog_posts",
    "debate": "debates",
    "project": "budget_projects",
}

FUNCTIONS = r"""
CREATE FUNCTION participa_search_config(locale text) RETURNS regconfig
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $f$ SELECT CASE locale WHEN 'fr' THEN 'french'::regconfig WHEN 'en' THEN 'english'::regconfig
                          ELSE 'simple'::regconfig END $f$;

-- Folded (lower case, no accents) text as the index and the queries both see it. French snowball
-- keeps the s of words ending in -os (velos/velo): drop it on both sides so plurals meet.
CREATE FUNCTION participa_search_norm(locale text, t text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $f$ SELECT CASE WHEN locale = 'fr'
                   THEN regexp_replace(participa_fold(t), '([[:alpha:]]{2,}o)s\M', '\1', 'g')
                   ELSE participa_fold(t) END $f$;

-- Rich text to plain text: tags out, the common entities decoded (&amp; last).
CREATE FUNCTION participa_search_plain(t text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $f$ SELECT btrim(regexp_replace(
    replace(replace(replace(replace(replace(replace(
        regexp_replace(t, '<[^>]*>', ' ', 'g'),
        '&nbsp;', ' '), '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&#39;', ''''), '&amp;', '&'),
    '\s+', ' ', 'g')) $f$;

CREATE FUNCTION participa_search_document(locale text, title text, body text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $f$ SELECT setweight(to_tsvector(participa_search_config(locale),
                                    participa_search_norm(locale, coalesce(title, ''))), 'A')
           || setweight(to_tsvector(participa_search_config(locale),
                                    participa_search_norm(locale, coalesce(body, ''))), 'B') $f$;

CREATE FUNCTION participa_search_root(kind text, pk bigint) RETURNS jsonb
LANGUAGE plpgsql STABLE
AS $f$
DECLARE
    found jsonb;
BEGIN
    CASE kind
__ROOTS__
    ELSE found := NULL;
    END CASE;
    RETURN found;
END
$f$;

-- (Re)index one row given as jsonb: one index row per locale its title or bodies have.
CREATE FUNCTION participa_search_index_row(p_kind text, p_space text, p_title text, p_bodies text[], r jsonb)
RETURNS void LANGUAGE plpgsql
AS $f$
DECLARE
    v_id bigint := (r->>'id')::bigint;
    v_org bigint := (r->>'organization_id')::bigint;
    v_scope bigint := (r->>'scope_id')::bigint;
    v_space_kind text;
    v_space_id bigint;
    v_component bigint := (r->>'component_id')::bigint;
    v_root jsonb;
    v_locales text[];
BEGIN
    IF p_space = 'none' THEN
        -- A participant or a group: one row in no language; the email never enters the index.
        DELETE FROM search_index WHERE resource_id = v_id;
        INSERT INTO search_index (organization_id, resource_kind, resource_id, locale, title, body, document)
        SELECT v_org, CASE WHEN r->>'kind' = 'group' THEN 'user_group' ELSE p_kind END, v_id, '',
               t.title, t.body, participa_search_document('', t.title, t.body)
        FROM (SELECT coalesce(nullif(r->>p_title, ''), r->>p_bodies[1]) AS title,
                     coalesce(r->>p_bodies[1], '') AS body) t;
        RETURN;
    END IF;
    IF p_space = 'self' THEN
        v_space_kind := p_kind;
        v_space_id := v_id;
    ELSIF p_space = 'root' THEN
        v_root := participa_search_root(r->>'root_kind', (r->>'root_id')::bigint);
        v_component := (v_root->>'component_id')::bigint;
        v_scope := (v_root->>'scope_id')::bigint;
    END IF;
    IF v_component IS NOT NULL THEN
        SELECT c.space_kind, c.space_id INTO v_space_kind, v_space_id FROM components c WHERE c.id = v_component;
    END IF;

    SELECT coalesce(array_agg(DISTINCT e.key), '{}') INTO v_locales
    FROM unnest(array_append(p_bodies, p_title)) AS f(name),
         jsonb_each(CASE WHEN jsonb_typeof(r->f.name) = 'object' THEN r->f.name ELSE '{}'::jsonb END) AS e
    WHERE jsonb_typeof(e.value) = 'string' AND btrim(e.value #>> '{}') <> '' AND e.key <> '';

    DELETE FROM search_index WHERE resource_id = v_id AND NOT (locale = ANY (v_locales));
    INSERT INTO search_index AS s (organization_id, resource_kind, resource_id, locale, space_kind, space_id,
                                   scope_id, title, body, document)
    SELECT v_org, p_kind, v_id, l.locale, v_space_kind, v_space_id, v_scope, t.title, t.body,
           participa_search_document(l.locale, t.title, t.body)
    FROM unnest(v_locales) AS l(locale)
    CROSS JOIN LATERAL (
        SELECT coalesce(CASE WHEN p_title <> '' THEN r->p_title->>l.locale END, '') AS title,
               coalesce((SELECT string_agg(participa_search_plain(r->b.name->>l.locale), E'\n' ORDER BY b.n)
                         FROM unnest(p_bodies) WITH ORDINALITY AS b(name, n)
                         WHERE jsonb_typeof(r->b.name) = 'object' AND jsonb_typeof(r->b.name->l.locale) = 'string'),
                        '') AS body
    ) t
    ON CONFLICT (resource_id, resource_kind, locale) DO UPDATE
    SET space_kind = excluded.space_kind, space_id = excluded.space_id, scope_id = excluded.scope_id,
        title = excluded.title, body = excluded.body, document = excluded.document;
END
$f$;

-- Trigger: TG_ARGV = kind, space mode, title column, comma-separated body columns.
CREATE FUNCTION participa_search_sync() RETURNS trigger
LANGUAGE plpgsql
AS $f$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM search_index WHERE resource_id = OLD.id;
    ELSE
        PERFORM participa_search_index_row(TG_ARGV[0], TG_ARGV[1], TG_ARGV[2],
                                           string_to_array(TG_ARGV[3], ','), to_jsonb(NEW));
    END IF;
    RETURN NULL;
END
$f$;
"""

DROP_FUNCTIONS = (
    "participa_search_sync()",
    "participa_search_index_row(text, text, text, text[], jsonb)",
    "participa_search_root(text, bigint)",
    "participa_search_document(text, text, text)",
    "participa_search_plain(text)",
    "participa_search_norm(text, text)",
    "participa_search_config(text)",
)


def _functions() -> str:
    roots = "\n".join(
        f"    WHEN '{kind}' THEN SELECT to_jsonb(t) INTO found FROM {table} t WHERE t.id = pk;"  # noqa: S608 - constants only
        for kind, table in ROOT_TABLES.items()
    )
    return FUNCTIONS.replace("__ROOTS__", roots)


def _args(s: Source) -> str:
    return f"'{s.kind}', '{s.space}', '{s.title}', '{','.join(s.bodies)}'"


def _triggers(s: Source) -> list[str]:
    changed = " OR ".join(f"OLD.{c} IS DISTINCT FROM NEW.{c}" for c in s.watched)
    return [
        f"CREATE TRIGGER search_index_write AFTER INSERT OR DELETE ON {s.table} "
        f"FOR EACH ROW EXECUTE FUNCTION participa_search_sync({_args(s)})",
        # Counters and flags change often; only a change of indexed text (or of place) reindexes.
        f"CREATE TRIGGER search_index_update AFTER UPDATE OF {', '.join(s.watched)} ON {s.table} "
        f"FOR EACH ROW WHEN ({changed}) EXECUTE FUNCTION participa_search_sync({_args(s)})",
    ]


def upgrade() -> None:
    op.create_table(
        "search_index",
        sa.Column("id", sa.BigInteger(), server_default=sa.text("nextval('global_id_seq')"), nullable=False),
        sa.Column("organization_id", sa.BigInteger(), nullable=False),
        sa.Column("resource_kind", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("resource_id", sa.BigInteger(), nullable=False),
        sa.Column("locale", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("space_kind", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
        sa.Column("space_id", sa.BigInteger(), nullable=True),
        sa.Column("scope_id", sa.BigInteger(), nullable=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("document", postgresql.TSVECTOR(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_search_index_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_search_index")),
        sa.UniqueConstraint(
            "resource_id", "resource_kind", "locale", name=op.f("uq_search_index_resource_id_resource_kind_locale")
        ),
    )
    op.create_index("ix_search_index_document", "search_index", ["document"], unique=False, postgresql_using="gin")
    op.create_index(op.f("ix_search_index_organization_id"), "search_index", ["organization_id"], unique=False)
    op.create_index(op.f("ix_search_index_space_id"), "search_index", ["space_id"], unique=False)
    # One statement per execute: asyncpg runs prepared statements, one command each.
    for statement in re.split(r"\n(?=(?:--[^\n]*\n)*CREATE FUNCTION)", _functions().strip()):
        op.execute(statement)
    for source in SOURCES:
        for statement in _triggers(source):
            op.execute(statement)
        # Backfill what exists already.
        op.execute(
            f"SELECT participa_search_index_row({_args(source).rsplit(', ', 1)[0]}, "  # noqa: S608 - constants only
            f"string_to_array('{','.join(source.bodies)}', ','), to_jsonb(t)) FROM {source.table} t"
        )


def downgrade() -> None:
    for source in reversed(SOURCES):
        op.execute(f"DROP TRIGGER IF EXISTS search_index_update ON {source.table}")
        op.execute(f"DROP TRIGGER IF EXISTS search_index_write ON {source.table}")
    for signature in DROP_FUNCTIONS:
        op.execute(f"DROP FUNCTION IF EXISTS {signature}")
    op.drop_index(op.f("ix_search_index_space_id"), table_name="search_index")
    op.drop_index(op.f("ix_search_index_organization_id"), table_name="search_index")
    op.drop_index("ix_search_index_document", table_name="search_index", postgresql_using="gin")
    op.drop_table("search_index")
