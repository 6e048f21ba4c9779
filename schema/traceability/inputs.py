from __future__ import annotations

from datetime import datetime

import strawberry


@strawberry.input(description="Narrow the action log; every given criterion must match.")
class ActionLogFilter:
    user_id: strawberry.ID | None = strawberry.field(default=None, description="Who acted.")
    action: str | None = strawberry.field(default=None, description='Exact action, e.g. "proposal.answer".')
    resource_type: str | None = strawberry.field(default=None, description='Resource kind, e.g. "proposal".')
    space_id: strawberry.ID | None = strawberry.field(default=None, description="The participatory space.")
    since: datetime | None = strawberry.field(default=None, description="At or after this moment.")
    before: datetime | None = strawberry.field(default=None, description="Strictly before this moment.")
