"""Admin mutations for classification: a space's categories; the organization's scopes, areas,
area types, process groups and process types. Thin: parse, then ``resolvers.admin`` in one write.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import strawberry
from strawberry.scalars import JSON
from strawberry.types import Info

from resolvers.admin import classifiers, taxonomy
from schema.admin.common import attributes, id_of, write
from schema.common.types import Area, AreaType, Category, Scope
from schema.processes.types import ParticipatoryProcessGroup, ParticipatoryProcessType

if TYPE_CHECKING:
    from resolvers.admin.classifiers import Classifier

_T = "Texts by locale."
UNSET = strawberry.UNSET


@strawberry.input(description="A category of a space; a subcategory names its top-level parent.")
class CategoryAttributes:
    name: JSON | None = strawberry.field(default=UNSET, description=f"Required. {_T}")
    description: JSON | None = strawberry.field(default=UNSET, description=_T)
    parent_id: strawberry.ID | None = strawberry.field(
        default=UNSET, description="A top-level category of the same space (one level of subcategories)."
    )
    weight: int | None = UNSET


@strawberry.input(description="A scope (territory) of the organization.")
class ScopeAttributes:
    name: JSON | None = strawberry.field(default=UNSET, description=f"Required. {_T}")
    code: str | None = strawberry.field(default=UNSET, description="Unique in the organization when given.")
    parent_id: strawberry.ID | None = strawberry.field(default=UNSET, description="A scope of the organization.")
    scope_type_id: strawberry.ID | None = UNSET


@strawberry.input(description="A kind of area.")
class AreaTypeAttributes:
    name: JSON | None = strawberry.field(default=UNSET, description=f"Required. {_T}")
    plural: JSON | None = strawberry.field(default=UNSET, description=_T)


@strawberry.input(description="An area of action of the organization.")
class AreaAttributes:
    name: JSON | None = strawberry.field(default=UNSET, description=f"Required. {_T}")
    area_type_id: strawberry.ID | None = UNSET


@strawberry.input(description="A group of related processes.")
class ParticipatoryProcessGroupAttributes:
    title: JSON | None = strawberry.field(default=UNSET, description=f"Required. {_T}")
    description: JSON | None = strawberry.field(default=UNSET, description=_T)
    developer_group: JSON | None = strawberry.field(default=UNSET, description=_T)
    hero_image: str | None = UNSET
    promoted: bool | None = UNSET


@strawberry.input(description="A type of process.")
class ParticipatoryProcessTypeAttributes:
    title: JSON | None = strawberry.field(default=UNSET, description=f"Required. {_T}")


_IDS = frozenset({"parent_id", "scope_type_id", "area_type_id"})


def _attrs(value: object) -> dict[str, object]:
    return attributes(value, ids=_IDS)


async def _create(info: Info, what: Classifier, value: object) -> object:
    attrs = _attrs(value)
    return await write(info, lambda s, sc: classifiers.create(s, sc, what, attrs=attrs))


async def _update(info: Info, what: Classifier, id: strawberry.ID, value: object) -> object:
    row_id, attrs = id_of(id, "id"), _attrs(value)
    return await write(info, lambda s, sc: classifiers.update(s, sc, what, row_id=row_id, attrs=attrs))


@strawberry.type
class AdminTaxonomyMutations:
    @strawberry.mutation(description="Admin: add a category to a space (space admins).")
    async def create_category(
        self, info: Info, space_id: strawberry.ID, attributes: CategoryAttributes
    ) -> Category | None:
        sid, attrs = id_of(space_id, "spaceId"), _attrs(attributes)
        row = await write(info, lambda s, sc: taxonomy.create_category(s, sc, space_id=sid, attrs=attrs))
        return Category.from_model(row)

    @strawberry.mutation(description="Admin: change a category.")
    async def update_category(self, info: Info, id: strawberry.ID, attributes: CategoryAttributes) -> Category | None:
        cid, attrs = id_of(id, "id"), _attrs(attributes)
        row = await write(info, lambda s, sc: taxonomy.update_category(s, sc, category_id=cid, attrs=attrs))
        return Category.from_model(row)

    @strawberry.mutation(
        description="Admin: delete a category and its subcategories (FORBIDDEN NOT_SAFE while proposals use "
        "them); answers its id."
    )
    async def delete_category(self, info: Info, id: strawberry.ID) -> strawberry.ID | None:
        cid = id_of(id, "id")
        deleted = await write(info, lambda s, sc: taxonomy.delete_category(s, sc, category_id=cid))
        return strawberry.ID(str(deleted))

    @strawberry.mutation(description="Admin: add a scope (organization admins).")
    async def create_scope(self, info: Info, attributes: ScopeAttributes) -> Scope | None:
        attrs = _attrs(attributes)
        return Scope.from_model(await write(info, lambda s, sc: taxonomy.create_scope(s, sc, attrs=attrs)))

    @strawberry.mutation(description="Admin: change a scope.")
    async def update_scope(self, info: Info, id: strawberry.ID, attributes: ScopeAttributes) -> Scope | None:
        sid, attrs = id_of(id, "id"), _attrs(attributes)
        return Scope.from_model(
            await write(info, lambda s, sc: taxonomy.update_scope(s, sc, scope_id=sid, attrs=attrs))
        )

    @strawberry.mutation(description="Admin: add an area type (organization admins).")
    async def create_area_type(self, info: Info, attributes: AreaTypeAttributes) -> AreaType | None:
        return AreaType.from_model(await _create(info, classifiers.AREA_TYPE, attributes))  # type: ignore[arg-type]

    @strawberry.mutation(description="Admin: change an area type.")
    async def update_area_type(self, info: Info, id: strawberry.ID, attributes: AreaTypeAttributes) -> AreaType | None:
        return AreaType.from_model(await _update(info, classifiers.AREA_TYPE, id, attributes))  # type: ignore[arg-type]

    @strawberry.mutation(description="Admin: add an area (organization admins).")
    async def create_area(self, info: Info, attributes: AreaAttributes) -> Area | None:
        return Area.from_model(await _create(info, classifiers.AREA, attributes))  # type: ignore[arg-type]

    @strawberry.mutation(description="Admin: change an area.")
    async def update_area(self, info: Info, id: strawberry.ID, attributes: AreaAttributes) -> Area | None:
        return Area.from_model(await _update(info, classifiers.AREA, id, attributes))  # type: ignore[arg-type]

    @strawberry.mutation(description="Admin: add a process group (organization admins).")
    async def create_participatory_process_group(
        self, info: Info, attributes: ParticipatoryProcessGroupAttributes
    ) -> ParticipatoryProcessGroup | None:
        row = await _create(info, classifiers.PROCESS_GROUP, attributes)
        return ParticipatoryProcessGroup.from_model(row)  # type: ignore[arg-type]

    @strawberry.mutation(description="Admin: change a process group.")
    async def update_participatory_process_group(
        self, info: Info, id: strawberry.ID, attributes: ParticipatoryProcessGroupAttributes
    ) -> ParticipatoryProcessGroup | None:
        row = await _update(info, classifiers.PROCESS_GROUP, id, attributes)
        return ParticipatoryProcessGroup.from_model(row)  # type: ignore[arg-type]

    @strawberry.mutation(description="Admin: add a process type (organization admins).")
    async def create_participatory_process_type(
        self, info: Info, attributes: ParticipatoryProcessTypeAttributes
    ) -> ParticipatoryProcessType | None:
        row = await _create(info, classifiers.PROCESS_TYPE, attributes)
        return ParticipatoryProcessType.from_model(row)  # type: ignore[arg-type]

    @strawberry.mutation(description="Admin: change a process type.")
    async def update_participatory_process_type(
        self, info: Info, id: strawberry.ID, attributes: ParticipatoryProcessTypeAttributes
    ) -> ParticipatoryProcessType | None:
        row = await _update(info, classifiers.PROCESS_TYPE, id, attributes)
        return ParticipatoryProcessType.from_model(row)  # type: ignore[arg-type]
