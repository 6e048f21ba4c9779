"""Inputs of the admin mutations. Attributes left out stay as they are on update.

Translated attributes take an object of texts by locale: ``{"fr": "…", "en": "…"}``.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum

import strawberry
from strawberry.scalars import JSON

_T = "Texts by locale."
UNSET = strawberry.UNSET


@strawberry.enum(description="A role in a participatory space.")
class SpaceRoleKind(Enum):
    ADMIN = "admin"
    COLLABORATOR = "collaborator"
    MODERATOR = "moderator"
    EVALUATOR = "evaluator"


@strawberry.input(description="What both kinds of space have.")
class SpaceAttributes:
    slug: str | None = strawberry.field(default=UNSET, description="Required on create; unique per organization.")
    title: JSON | None = strawberry.field(default=UNSET, description=f"Required. {_T}")
    subtitle: JSON | None = strawberry.field(default=UNSET, description=_T)
    short_description: JSON | None = strawberry.field(default=UNSET, description=_T)
    description: JSON | None = strawberry.field(default=UNSET, description=_T)
    announcement: JSON | None = strawberry.field(default=UNSET, description=_T)
    developer_group: JSON | None = strawberry.field(default=UNSET, description=_T)
    meta_scope: JSON | None = strawberry.field(default=UNSET, description=_T)
    local_area: JSON | None = strawberry.field(default=UNSET, description=_T)
    target: JSON | None = strawberry.field(default=UNSET, description=_T)
    participatory_scope: JSON | None = strawberry.field(default=UNSET, description=_T)
    participatory_structure: JSON | None = strawberry.field(default=UNSET, description=_T)
    hashtag: str | None = UNSET
    reference: str | None = UNSET
    hero_image: str | None = UNSET
    banner_image: str | None = UNSET
    promoted: bool | None = UNSET
    private_space: bool | None = UNSET
    scopes_enabled: bool | None = UNSET
    scope_id: strawberry.ID | None = UNSET
    area_id: strawberry.ID | None = UNSET


@strawberry.input(description="A participatory process's attributes.")
class ParticipatoryProcessAttributes(SpaceAttributes):
    start_date: date | None = UNSET
    end_date: date | None = strawberry.field(default=UNSET, description="Not before startDate.")
    process_group_id: strawberry.ID | None = UNSET
    process_type_id: strawberry.ID | None = UNSET
    show_statistics: bool | None = UNSET
    show_metrics: bool | None = UNSET
    weight: int | None = UNSET


@strawberry.input(description="An assembly's attributes.")
class AssemblyAttributes(SpaceAttributes):
    purpose_of_action: JSON | None = strawberry.field(default=UNSET, description=_T)
    composition: JSON | None = strawberry.field(default=UNSET, description=_T)
    internal_organisation: JSON | None = strawberry.field(default=UNSET, description=_T)
    special_features: JSON | None = strawberry.field(default=UNSET, description=_T)
    closing_date_reason: JSON | None = strawberry.field(default=UNSET, description=_T)
    created_by_other: JSON | None = strawberry.field(default=UNSET, description=_T)
    is_transparent: bool | None = UNSET
    creation_date: date | None = UNSET
    included_at: date | None = UNSET
    duration: date | None = UNSET
    closing_date: date | None = UNSET
    assembly_type_id: strawberry.ID | None = UNSET


SPACE_IDS = frozenset({"scope_id", "area_id", "process_group_id", "process_type_id", "assembly_type_id"})


@strawberry.input(description="A step of a process's calendar.")
class StepAttributes:
    title: JSON | None = strawberry.field(default=UNSET, description=f"Required. {_T}")
    description: JSON | None = strawberry.field(default=UNSET, description=_T)
    start_date: datetime | None = UNSET
    end_date: datetime | None = UNSET
    cta_path: str | None = UNSET
    cta_text: JSON | None = strawberry.field(default=UNSET, description=_T)


@strawberry.input(description="A component's name, order and settings (validated against its manifest).")
class ComponentAttributes:
    name: JSON | None = strawberry.field(default=UNSET, description=f"Required. {_T}")
    weight: int | None = strawberry.field(default=UNSET, description="Position among the space's components.")
    settings: JSON | None = strawberry.field(default=UNSET, description="Global settings; defaults filled.")
    default_step_settings: JSON | None = strawberry.field(
        default=UNSET, description="Step settings used while no step of the space has its own."
    )
    step_settings: JSON | None = strawberry.field(default=UNSET, description="Per-step settings, by step id.")


@strawberry.input
class SpaceRoleInput:
    space_id: strawberry.ID
    user_id: strawberry.ID
    role: SpaceRoleKind


@strawberry.input
class SpaceMemberInput:
    space_id: strawberry.ID
    user_id: strawberry.ID
