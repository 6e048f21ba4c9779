"""Who is asking: the viewer as the data layer sees it."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Viewer:
    """The caller. Anonymous until authentication arrives; ``user_id`` is set for participants."""

    user_id: int | None = None
    organization_admin: bool = False
    scopes: frozenset[str] = field(default_factory=lambda: frozenset({"api:read"}))

    @property
    def is_anonymous(self) -> bool:
        return self.user_id is None


ANONYMOUS = Viewer()
