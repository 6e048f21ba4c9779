"""Root fields about the platform itself: ``decidim``, ``organization``, ``component``."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from resolvers.filters import parse_id
from resolvers.organization.queries import organization_stats
from schema.common.types import Statistic
from schema.components.types import component_from_model
from schema.interfaces import ComponentInterface
from schema.translated import TranslatedField, translated

VERSION = "0.1.0"


@strawberry.type(description="About the software serving this API.")
class Decidim:
    version: str | None = strawberry.field(description="Null unless the operator chose to disclose it.")
    application_name: str


@strawberry.type(description="The organization serving this API (chosen by the request's host).")
class Organization:
    id: strawberry.ID
    name: TranslatedField | None
    description: TranslatedField | None = strawberry.field(description="Participa: what the platform is about.")
    available_locales: list[str] = strawberry.field(description="Participa: locales offered.")
    default_locale: str = strawberry.field(description="Participa: the locale used when none is asked for.")
    time_zone: str = strawberry.field(description="Participa: IANA time zone.")

    @strawberry.field(
        description="Figures of the organization: users_count and processes_count, then the non-zero ones among "
        "assemblies_count and the public metrics (proposals_count, supports_count, participants_count...)."
    )
    async def stats(self, info: Info) -> list[Statistic | None] | None:
        ctx = info.context
        async with ctx.sessionmaker() as session:
            rows = await organization_stats(session, organization=ctx.organization, scope=ctx.scope)
        return [Statistic(name=name, value=value) for name, value in rows]


@strawberry.type
class CoreQueries:
    @strawberry.field(description="About the software.")
    def decidim(self, info: Info) -> Decidim:
        api = info.context.extra.get("api_settings")
        disclose = bool(api and api.disclose_version)
        name = api.application_name if api else "Participa"
        return Decidim(version=VERSION if disclose else None, application_name=name)

    @strawberry.field(description="The current organization.")
    def organization(self, info: Info) -> Organization:
        org = info.context.organization
        return Organization(
            id=strawberry.ID(str(org.id)),
            name=translated(org.name),
            description=translated(org.description),
            available_locales=list(org.available_locales),
            default_locale=org.default_locale,
            time_zone=org.time_zone,
        )

    @strawberry.field(description="One published component of a visible space.")
    async def component(self, info: Info, id: strawberry.ID) -> ComponentInterface | None:
        row = await info.context.loaders.component_by_id.load(parse_id(id))
        return component_from_model(row) if row else None
