"""The proposals component (``Proposals``) and its keyset-paginated ``proposals`` connection."""

from __future__ import annotations

from typing import TYPE_CHECKING

import strawberry
from strawberry.types import Info

from resolvers.errors import BadUserInput
from resolvers.filters import Direction, parse_date, parse_direction, parse_id, parse_locale
from resolvers.pagination import PageRequest, check_cursors
from resolvers.proposals import policies
from resolvers.proposals.queries import ProposalQuery, sort_keys
from schema.components.types import COMPONENT_TYPES, component_settings, interface_fields
from schema.interfaces import ComponentInterface, Node
from schema.pagination import PageInfo
from schema.proposals.inputs import ProposalFilter, ProposalSort
from schema.proposals.types import Proposal

if TYPE_CHECKING:
    import models

MAX_SEARCH = 200
MAX_STATE = 64


@strawberry.type(description="One proposal of a page, with the cursor to page from it.")
class ProposalEdge:
    cursor: str
    node: Proposal | None


@strawberry.type(description="A page of proposals.")
class ProposalConnection:
    edges: list[ProposalEdge | None] | None
    nodes: list[Proposal | None] | None
    page_info: PageInfo
    component_id: strawberry.Private[int]
    query: strawberry.Private[ProposalQuery]

    @strawberry.field(description="Participa: how many proposals match the filter, on all pages.")
    async def total_count(self, info: Info) -> int:
        return int(await info.context.loaders.proposal_counts.load((self.component_id, self.query)))


def _text(value: str | None, *, field: str, limit: int) -> str | None:
    if value is None or not value.strip():
        return None
    if len(value) > limit:
        msg = f"`{field}` is too long (at most {limit} characters)."
        raise BadUserInput(msg, fields={field: f"at most {limit} characters"})
    return value.strip()


def proposal_query(
    info: Info, filter: ProposalFilter | None, order: ProposalSort | None, *, votes_visible: bool
) -> ProposalQuery:
    org = info.context.organization
    f = filter or ProposalFilter()
    sort: list[tuple[str, Direction]] = []
    if order is not None:
        # (Python attribute, sort key, GraphQL name): errors name the argument as the client wrote it.
        for attr, key, name in (
            ("published_at", "published_at", "publishedAt"),
            ("endorsement_count", "endorsement_count", "endorsementCount"),
            ("vote_count", "vote_count", "voteCount"),
            ("id", "id", "id"),
        ):
            direction = parse_direction(getattr(order, attr), field=f"order.{name}")
            # As Decidim: the support order is dropped while supports are hidden, or it would reveal them.
            if direction is not None and (key != "vote_count" or votes_visible):
                sort.append((key, direction))
    state = _text(f.state, field="filter.state", limit=MAX_STATE)
    return ProposalQuery(
        locale=parse_locale(
            f.locale, available=list(org.available_locales), default=org.default_locale, field="filter.locale"
        ),
        published_before=parse_date(f.published_before, field="filter.publishedBefore"),
        published_since=parse_date(f.published_since, field="filter.publishedSince"),
        state=state.lower() if state else None,
        category_id=parse_id(f.category_id, field="filter.categoryId"),
        scope_id=parse_id(f.scope_id, field="filter.scopeId"),
        author_id=parse_id(f.author_id, field="filter.authorId"),
        search=_text(f.search, field="filter.search", limit=MAX_SEARCH),
        withdrawn=f.withdrawn,
        sort=tuple(sort),
    )


@strawberry.type(description="A proposals component: participants put forward, support and endorse ideas.")
class Proposals(ComponentInterface, Node):
    pk: strawberry.Private[int]

    @classmethod
    def from_model(cls, row: models.Component) -> Proposals:
        return cls(pk=row.id, **interface_fields(row))  # type: ignore[arg-type]

    @strawberry.field(
        description="Published proposals (withdrawn ones included, hidden ones never), by keyset pages of at "
        "most 50; a voteCount order is ignored while supports are hidden."
    )
    async def proposals(
        self,
        info: Info,
        *,
        order: ProposalSort | None = None,
        filter: ProposalFilter | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> ProposalConnection | None:
        ctx = info.context
        settings = await component_settings(info, self.pk)
        query = proposal_query(info, filter, order, votes_visible=policies.votes_visible(settings))
        page = PageRequest(first=first, after=after, last=last, before=before).validate(max_size=ctx.max_page_size)
        # Checked here, not in the batch: one client's bad cursor must not fail other components' pages.
        check_cursors(page, sort_keys(query))
        result = await ctx.loaders.proposal_pages.load((self.pk, query, page, ctx.max_page_size))
        nodes = [Proposal.from_model(row, settings) for row in result.rows]
        return ProposalConnection(
            edges=[ProposalEdge(cursor=c, node=n) for c, n in zip(result.cursors, nodes, strict=True)],
            nodes=list(nodes),
            page_info=PageInfo.of(result),
            component_id=self.pk,
            query=query,
        )

    @strawberry.field(description="One published proposal of this component.")
    async def proposal(self, info: Info, id: strawberry.ID) -> Proposal | None:
        row = await info.context.loaders.proposal_by_id.load(parse_id(id))
        if row is None or row.component_id != self.pk:
            return None
        return Proposal.from_model(row, await component_settings(info, self.pk))

    @strawberry.field(description="Participa: the viewer's own drafts here (empty for anonymous viewers).")
    async def viewer_drafts(self, info: Info) -> list[Proposal]:
        if info.context.viewer.user_id is None:
            return []
        rows = await info.context.loaders.viewer_drafts_by_component.load(self.pk)
        settings = await component_settings(info, self.pk)
        return [Proposal.from_model(row, settings) for row in rows]


COMPONENT_TYPES["proposals"] = Proposals.from_model
