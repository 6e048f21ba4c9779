"""Decidim's write API for proposals: ``component(id) { ... on ProposalsMutation { ... } }``.

Each action runs one transaction in ``resolvers.proposals``, then forgets what this request's loaders
had read, and answers with the proposal as the write left it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import strawberry
from strawberry.types import Info

from resolvers.errors import BadUserInput, NotFound
from resolvers.filters import parse_id, parse_locale
from resolvers.proposals import forms, mutations, queries, supports
from schema.proposals.inputs import (
    CreateProposalInput,
    EndorseProposalInput,
    ProposalAttributes,
    PublishProposalInput,
    UnendorseProposalInput,
    UnvoteProposalInput,
    UpdateProposalInput,
    VoteProposalInput,
    WithdrawProposalInput,
)
from schema.proposals.types import Proposal
from schema.restitution.inputs import AnswerInput
from schema.restitution.mutations import answer_proposal

if TYPE_CHECKING:
    from resolvers.proposals.writing import Written

_OPTIONAL = {  # ProposalAttributes field -> ProposalInput field, for the optional ones
    "address": "address",
    "latitude": "latitude",
    "longitude": "longitude",
    "category_id": "category_id",
    "scope_id": "scope_id",
}
_IDS = {"category_id": "attributes.categoryId", "scope_id": "attributes.scopeId"}


def _input(info: Info, locale: str | None, attributes: ProposalAttributes) -> forms.ProposalInput:
    org = info.context.organization
    values: dict[str, object] = {}
    provided: set[str] = set()
    for attr, target in _OPTIONAL.items():
        value = getattr(attributes, attr)
        if value is strawberry.UNSET:
            continue
        provided.add(target)
        values[target] = parse_id(value, field=_IDS[attr]) if attr in _IDS else value
    return forms.ProposalInput(
        title=attributes.title,
        body=attributes.body,
        locale=parse_locale(locale, available=list(org.available_locales), default=info.context.locale),
        user_group_id=parse_id(attributes.user_group_id, field="attributes.userGroupId"),
        publish=bool(attributes.publish),
        provided=frozenset(provided),
        **values,  # type: ignore[arg-type]
    )


def _fresh(info: Info, written: Written) -> Proposal:
    info.context.loaders.clear_all()
    return Proposal.from_model(written.proposal, written.settings)


@strawberry.type(description="What a participant may do to one proposal.")
class ProposalMutation:
    component_id: strawberry.Private[int]
    proposal_id: strawberry.Private[int]

    @strawberry.field(description="Edit (authors; drafts freely, published ones within the edit window).")
    async def update(self, info: Info, input: UpdateProposalInput) -> Proposal | None:
        data = _input(info, input.locale, input.attributes)
        misplaced = {"attributes.publish": data.publish, "attributes.userGroupId": data.user_group_id is not None}
        if any(misplaced.values()):
            msg = "`publish` and `userGroupId` apply to new proposals only; publish a draft with `publish`."
            raise BadUserInput(msg, fields={name: "creation only" for name, given in misplaced.items() if given})
        ctx = info.context
        written = await mutations.update_proposal(
            ctx.sessionmaker, scope=ctx.scope, component_id=self.component_id, proposal_id=self.proposal_id, data=data
        )
        return _fresh(info, written)

    @strawberry.field(description="Withdraw (authors, once published; not once accepted).")
    async def withdraw(self, info: Info, input: WithdrawProposalInput) -> Proposal | None:  # noqa: ARG002
        ctx = info.context
        written = await mutations.withdraw_proposal(
            ctx.sessionmaker, scope=ctx.scope, component_id=self.component_id, proposal_id=self.proposal_id
        )
        return _fresh(info, written)

    @strawberry.field(description="Participa: publish a draft (authors): it gets its reference and goes public.")
    async def publish(self, info: Info, input: PublishProposalInput) -> Proposal | None:  # noqa: ARG002
        ctx = info.context
        written = await mutations.publish_proposal(
            ctx.sessionmaker,
            scope=ctx.scope,
            organization=ctx.organization,
            component_id=self.component_id,
            proposal_id=self.proposal_id,
        )
        return _fresh(info, written)

    @strawberry.field(description="Support it (when the step opens supports; within the component's limit).")
    async def vote(self, info: Info, input: VoteProposalInput) -> Proposal | None:  # noqa: ARG002
        ctx = info.context
        written = await supports.vote(
            ctx.sessionmaker, scope=ctx.scope, component_id=self.component_id, proposal_id=self.proposal_id
        )
        return _fresh(info, written)

    @strawberry.field(description="Withdraw one's support.")
    async def unvote(self, info: Info, input: UnvoteProposalInput) -> Proposal | None:  # noqa: ARG002
        ctx = info.context
        written = await supports.unvote(
            ctx.sessionmaker, scope=ctx.scope, component_id=self.component_id, proposal_id=self.proposal_id
        )
        return _fresh(info, written)

    @strawberry.field(description="Participa: endorse it, in one's own name or for a group one belongs to.")
    async def endorse(self, info: Info, input: EndorseProposalInput) -> Proposal | None:
        ctx = info.context
        written = await supports.endorse(
            ctx.sessionmaker,
            scope=ctx.scope,
            component_id=self.component_id,
            proposal_id=self.proposal_id,
            user_group_id=parse_id(input.user_group_id, field="userGroupId"),
        )
        return _fresh(info, written)

    @strawberry.field(description="Participa: withdraw an endorsement (the group's, with `userGroupId`).")
    async def unendorse(self, info: Info, input: UnendorseProposalInput) -> Proposal | None:
        ctx = info.context
        written = await supports.unendorse(
            ctx.sessionmaker,
            scope=ctx.scope,
            component_id=self.component_id,
            proposal_id=self.proposal_id,
            user_group_id=parse_id(input.user_group_id, field="userGroupId"),
        )
        return _fresh(info, written)

    @strawberry.field(
        description="Decidim: answer it (organization admins, space admins, the space's evaluators); public at "
        "once when the step publishes answers immediately, otherwise at `publishAnswers`."
    )
    async def answer(self, info: Info, input: AnswerInput) -> Proposal | None:
        return await answer_proposal(info, component_id=self.component_id, proposal_id=self.proposal_id, input=input)


@strawberry.type(description="What a participant may do in a proposals component.")
class ProposalsMutation:
    component_id: strawberry.Private[int]

    @strawberry.field(description="Propose: a draft only its authors see, unless `attributes.publish` is true.")
    async def create_proposal(self, info: Info, input: CreateProposalInput) -> Proposal | None:
        ctx = info.context
        written = await mutations.create_proposal(
            ctx.sessionmaker,
            scope=ctx.scope,
            organization=ctx.organization,
            component_id=self.component_id,
            data=_input(info, input.locale, input.attributes),
        )
        return _fresh(info, written)

    @strawberry.field(description="A published proposal of this component, or one of the viewer's own drafts.")
    async def proposal(self, info: Info, id: strawberry.ID) -> ProposalMutation | None:
        ctx = info.context
        pk = parse_id(id)
        async with ctx.sessionmaker() as session:
            found = await queries.reachable(session, scope=ctx.scope, component_id=self.component_id, proposal_id=pk)  # type: ignore[arg-type]
        if not found:
            msg = "No such proposal in this component."
            raise NotFound(msg)
        return ProposalMutation(component_id=self.component_id, proposal_id=pk)  # type: ignore[arg-type]
