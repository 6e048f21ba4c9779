"""Per-request context: who asks, for which organization, in which locale, with fresh loaders."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from resolvers.loaders import Loaders
from resolvers.loading import LoaderEnv
from resolvers.visibility import Scope

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

    import models
    from resolvers.viewer import Viewer


@dataclass(slots=True)
class Context:
    organization: models.Organization
    viewer: Viewer
    locale: str
    sessionmaker: async_sessionmaker[AsyncSession]
    loaders: Loaders
    request_id: str
    max_page_size: int = 50
    request: Any = None
    response: Any = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def scope(self) -> Scope:
        return Scope(organization_id=self.organization.id, viewer=self.viewer)  # type: ignore[arg-type]

    @classmethod
    def build(
        cls,
        *,
        organization: models.Organization,
        viewer: Viewer,
        locale: str,
        sessionmaker: async_sessionmaker[AsyncSession],
        request_id: str,
        max_page_size: int = 50,
        request: Any = None,
        response: Any = None,
    ) -> Context:
        scope = Scope(organization_id=organization.id, viewer=viewer)  # type: ignore[arg-type]
        loaders = Loaders.build(LoaderEnv(sessionmaker=sessionmaker, scope=scope))
        return cls(
            organization=organization,
            viewer=viewer,
            locale=locale,
            sessionmaker=sessionmaker,
            loaders=loaders,
            request_id=request_id,
            max_page_size=max_page_size,
            request=request,
            response=response,
        )


def negotiate_locale(accept_language: str | None, *, available: list[str], default: str) -> str:
    """Pick the best available locale from an ``Accept-Language`` header (RFC 9110 weights)."""
    if not accept_language:
        return default
    choices: list[tuple[float, int, str]] = []
    for index, part in enumerate(accept_language.split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        if tag and quality > 0:
            choices.append((-quality, index, tag.strip().lower()))
    for _, _, tag in sorted(choices):
        if tag == "*":
            return default
        for candidate in (tag, tag.split("-")[0]):
            if candidate in available:
                return candidate
    return default
