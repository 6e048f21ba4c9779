"""Components. Each manifest with its own GraphQL type registers it in ``COMPONENT_TYPES``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

import strawberry
from strawberry.types import Info

from resolvers.components.loaders import ComponentQuery
from resolvers.filters import parse_date, parse_direction, parse_locale
from schema.interfaces import ComponentInterface, Node
from schema.translated import translated

if TYPE_CHECKING:
    import models
    from resolvers.components.settings import EffectiveSettings
    from schema.components.inputs import ComponentFilter, ComponentSort


@strawberry.type(description="A component of a manifest that has no type of its own.")
class Component(ComponentInterface, Node):
    manifest_name: str = strawberry.field(description="Participa: the manifest, e.g. proposals.")
    published_at: datetime | None = strawberry.field(description="Participa: null while unpublished (admins only).")

    @classmethod
    def from_model(cls, row: models.Component) -> Component:
        return cls(**component_fields(row))


def interface_fields(row: models.Component) -> dict[str, Any]:
    """The ``ComponentInterface`` fields every component type fills from its row."""
    return {
        "id": strawberry.ID(str(row.id)),
        "name": translated(row.name),
        "weight": row.weight,
        "space_kind": row.space_kind,
        "space_id": row.space_id,
    }


def component_fields(row: models.Component) -> dict[str, Any]:
    return {**interface_fields(row), "manifest_name": row.manifest_name, "published_at": row.published_at}


async def component_settings(info: Info, component_id: int) -> EffectiveSettings:
    """The settings in force for a component the viewer reached through a visible parent."""
    settings = await info.context.loaders.settings_by_component.load(component_id)
    if settings is None:  # we came from a visible component of this organization
        msg = "component settings missing"
        raise LookupError(msg)
    return settings  # type: ignore[no-any-return]


# manifest name -> converter to that manifest's GraphQL type (e.g. "proposals" -> Proposals)
COMPONENT_TYPES: dict[str, Callable[[models.Component], ComponentInterface]] = {}


def component_from_model(row: models.Component) -> ComponentInterface:
    convert = COMPONENT_TYPES.get(row.manifest_name, Component.from_model)
    return convert(row)


def component_query(info: Info, filter: ComponentFilter | None, order: ComponentSort | None) -> ComponentQuery:
    org = info.context.organization
    available, default = list(org.available_locales), org.default_locale
    f = filter
    sort: list[tuple[str, Any]] = []
    if order is not None:
        for key in ("id", "weight", "type", "name"):
            direction = parse_direction(getattr(order, key), field=f"order.{key}")
            if direction is not None:
                sort.append((key, direction))
    return ComponentQuery(
        locale=parse_locale(f.locale if f else None, available=available, default=default, field="filter.locale"),
        published_before=parse_date(f.published_before, field="filter.publishedBefore") if f else None,
        published_since=parse_date(f.published_since, field="filter.publishedSince") if f else None,
        manifest_name=f.type if f else None,
        name=f.name if f else None,
        with_geolocation_enabled=f.with_geolocation_enabled if f else None,
        with_comments_enabled=f.with_comments_enabled if f else None,
        sort=tuple(sort),
        sort_locale=parse_locale(
            order.locale if order else None, available=available, default=default, field="order.locale"
        ),
    )


async def load_components(
    info: Info, space_kind: str, space_id: int, filter: ComponentFilter | None, order: ComponentSort | None
) -> list[ComponentInterface | None]:
    query = component_query(info, filter, order)
    rows = await info.context.loaders.components_by_space.load((space_kind, space_id, query))
    return [component_from_model(r) for r in rows]
