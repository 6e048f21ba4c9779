"""Who is asking: the viewer as the data layer sees it."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Viewer:
    """The caller; ``user_id`` is set for signed-in participants and API tokens' users.

    ``scopes`` come from the bearer token (a read-only API token has only ``api:read``); a viewer
    built without them, as in-process callers and tests do, may read and write. Anonymous callers
    (``ANONYMOUS``) may only read.
    """

    user_id: int | None = None
    organization_admin: bool = False
    scopes: frozenset[str] = field(default_factory=lambda: frozenset({"api:read", "api:write"}))

    @property
    def is_anonymous(self) -> bool:
        return self.user_id is None


ANONYMOUS = Viewer(scopes=frozenset({"api:read"}))
