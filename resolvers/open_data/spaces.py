"""Participatory spaces in the open-data export: processes and assemblies."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import select

import models
from resolvers.open_data.base import Column, Entity
from resolvers.visibility import assembly_visible, process_visible

if TYPE_CHECKING:
    from sqlalchemy import Select

    from resolvers.visibility import Scope


def _processes(scope: Scope) -> Select[Any]:
    p = models.ParticipatoryProcess
    return (  # type: ignore[no-any-return]
        select(  # type: ignore[call-overload, misc]
            p.id,
            p.slug,
            p.reference,
            p.title,
            p.subtitle,
            p.short_description,
            p.description,
            p.start_date,
            p.end_date,
            p.scope_id,
            p.area_id,
            p.process_group_id,
            p.published_at,
        )
        .where(process_visible(scope))
        .order_by(p.id)
    )


PROCESSES = Entity(
    name="participatory_processes",
    description="Published public participatory processes (the consultations).",
    columns=(
        Column("id", "Identifier of the process; also its global id in the GraphQL API (`node(id:)`)."),
        Column("slug", "Short name used in the process's web address."),
        Column("reference", "Reference code of the process."),
        Column("title", "Title.", translated=True),
        Column("subtitle", "Subtitle.", translated=True),
        Column("short_description", "Summary (HTML).", translated=True),
        Column("description", "Full description (HTML).", translated=True),
        Column("start_date", "First day of the process (ISO 8601 date)."),
        Column("end_date", "Last day of the process (ISO 8601 date)."),
        Column("scope_id", "Identifier of the scope (territory) the process concerns, if any."),
        Column("area_id", "Identifier of the area the process belongs to, if any."),
        Column("process_group_id", "Identifier of the group of processes it belongs to, if any."),
        Column("published_at", "When the process was published (ISO 8601, UTC)."),
    ),
    select=_processes,
)

# (column name, description, translated); the statement selects the model's attributes of the same names.
_ASSEMBLY_COLUMNS: tuple[tuple[str, str, bool], ...] = (
    ("id", "Identifier of the assembly; also its global id in the GraphQL API.", False),
    ("slug", "Short name used in the assembly's web address.", False),
    ("reference", "Reference code of the assembly.", False),
    ("parent_id", "Identifier of the assembly this one is part of (a row of this file), if any.", False),
    ("parents_path", 'Identifiers from the top assembly down to this one, dot-separated ("12.40.57").', False),
    ("assembly_type_id", "Identifier of the kind of assembly (council, commission...), if set.", False),
    ("title", "Name of the assembly.", True),
    ("subtitle", "Subtitle.", True),
    ("short_description", "Summary (HTML).", True),
    ("description", "Full description (HTML).", True),
    ("purpose_of_action", "What the assembly is for (HTML).", True),
    ("composition", "Who sits in it (HTML).", True),
    ("internal_organisation", "How it organises its work (HTML).", True),
    ("special_features", "Anything particular about it (HTML).", True),
    ("announcement", "Notice shown at the top of the assembly's page (HTML).", True),
    ("developer_group", "Who promotes the assembly.", True),
    ("meta_scope", "The territory it covers, in words.", True),
    ("local_area", "The organisational area it belongs to, in words.", True),
    ("target", "Who is invited to take part.", True),
    ("participatory_scope", "What is open to decision or advice.", True),
    ("participatory_structure", "How participants take part.", True),
    ("created_by", 'Who set it up: "city_council", "public" or "others".', False),
    ("created_by_other", 'Who set it up, in words, when `created_by` is "others".', True),
    ("creation_date", "When the assembly was set up (ISO 8601 date).", False),
    ("included_at", "When it joined the platform (ISO 8601 date).", False),
    ("duration", "Date until which it is meant to sit (ISO 8601 date).", False),
    ("closing_date", "When it stopped sitting (ISO 8601 date), if it did.", False),
    ("closing_date_reason", "Why it stopped sitting.", True),
    (
        "private_space",
        "true when taking part is limited to members (listed here only if transparent).",
        False,
    ),
    ("is_transparent", "true when a private assembly's content is readable by everyone.", False),
    ("promoted", "true when the organization highlights it.", False),
    ("scope_id", "Identifier of the scope (territory) it concerns, if any.", False),
    ("area_id", "Identifier of the area it belongs to, if any.", False),
    ("hashtag", "Hashtag used for it on social networks, if any.", False),
    ("twitter_handler", "Its account name on X (Twitter), if any.", False),
    ("instagram_handler", "Its account name on Instagram, if any.", False),
    ("facebook_handler", "Its account name on Facebook, if any.", False),
    ("youtube_handler", "Its channel name on YouTube, if any.", False),
    ("github_handler", "Its account name on GitHub, if any.", False),
    ("published_at", "When it was published (ISO 8601, UTC).", False),
    ("created_at", "When it was created (ISO 8601, UTC).", False),
    ("updated_at", "When it was last changed (ISO 8601, UTC).", False),
)


def _assemblies(scope: Scope) -> Select[Any]:
    a = models.Assembly
    columns = [getattr(a, name) for name, _, _ in _ASSEMBLY_COLUMNS]
    return select(*columns).where(assembly_visible(scope)).order_by(a.id)  # type: ignore[arg-type, no-any-return]


ASSEMBLIES = Entity(
    name="assemblies",
    description="Published assemblies that are public or transparent, under visible parents only.",
    columns=tuple(Column(name, text, translated=tr) for name, text, tr in _ASSEMBLY_COLUMNS),
    select=_assemblies,
)
