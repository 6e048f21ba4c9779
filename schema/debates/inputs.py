"""The inputs of Decidim's (and Participa's) debate mutations."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry.scalars import JSON


@strawberry.input(
    description="A debate's attributes. Translated ones take an object of texts by locale "
    '({"fr": "...", "en": "..."}) or a plain text in the input\'s `locale`. On update, attributes left out stay '
    "as they are."
)
class DebateAttributes:
    title: JSON | None = strawberry.field(default=strawberry.UNSET, description="Required; 15 to 150 characters.")
    description: JSON | None = strawberry.field(
        default=strawberry.UNSET, description="Required; 15 to 10,000 characters."
    )
    taxonomies: list[strawberry.ID] | None = strawberry.field(
        default=strawberry.UNSET, description="Accepted for Decidim; Participa classifies with categoryId/scopeId."
    )
    instructions: JSON | None = strawberry.field(default=strawberry.UNSET, description="Participa, admins only.")
    information_updates: JSON | None = strawberry.field(default=strawberry.UNSET, description="Participa, admins only.")
    start_time: datetime | None = strawberry.field(
        default=strawberry.UNSET, description="Participa, admins only: with endTime for a dated debate."
    )
    end_time: datetime | None = strawberry.field(
        default=strawberry.UNSET, description="Participa, admins only: after startTime."
    )
    category_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET, description="Participa: a category of the component's space."
    )
    scope_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET, description="Participa: a scope of the organization."
    )
    user_group_id: strawberry.ID | None = strawberry.field(
        default=None, description="Participa, creation only: start the debate for a group you belong to."
    )


@strawberry.input(description="A new debate.")
class CreateDebateInput:
    client_mutation_id: str | None = None
    locale: str | None = strawberry.field(default=None, description="The language plain texts are written in.")
    attributes: DebateAttributes


@strawberry.input(description="New values for some of a debate's attributes.")
class UpdateDebateInput:
    client_mutation_id: str | None = None
    locale: str | None = strawberry.field(default=None, description="The language plain texts are written in.")
    attributes: DebateAttributes


@strawberry.input(description="Close a debate with its conclusions.")
class CloseDebateInput:
    client_mutation_id: str | None = None
    conclusions: JSON | None = strawberry.field(default=None, description="Required; 10 to 10,000 characters.")
    locale: str | None = strawberry.field(
        default=None, description="Participa: the language of plain-text conclusions."
    )


@strawberry.input(description="Participa: endorse, in one's own name or for a group one belongs to.")
class EndorseDebateInput:
    client_mutation_id: str | None = None
    user_group_id: strawberry.ID | None = None


@strawberry.input(description="Participa: withdraw an endorsement (the one for `userGroupId`, if given).")
class UnendorseDebateInput:
    client_mutation_id: str | None = None
    user_group_id: strawberry.ID | None = None
