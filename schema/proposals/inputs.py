from __future__ import annotations

import strawberry


@strawberry.input(description="Which proposals to list. Decidim's fields, then Participa's.")
class ProposalFilter:
    published_before: str | None = strawberry.field(default=None, description="Published strictly before, YYYY-MM-DD.")
    published_since: str | None = strawberry.field(default=None, description="Published on or after, YYYY-MM-DD.")
    locale: str | None = strawberry.field(
        default=None, description="Participa: locale `search` reads (default: the organization's)."
    )
    search: str | None = strawberry.field(
        default=None, description="Participa: words in the title or body, ignoring case and accents."
    )
    state: str | None = strawberry.field(
        default=None,
        description="Participa: published answer state (accepted, rejected, evaluating, a custom one), "
        'or "not_answered".',
    )
    category_id: strawberry.ID | None = strawberry.field(
        default=None, description="Participa: in this category or one of its subcategories."
    )
    scope_id: strawberry.ID | None = strawberry.field(default=None, description="Participa: in this scope.")
    author_id: strawberry.ID | None = strawberry.field(
        default=None, description="Participa: with this participant or group among the authors."
    )
    withdrawn: bool | None = strawberry.field(
        default=None, description="Participa: true for withdrawn ones only, false to leave them out."
    )


@strawberry.input(
    description='Proposal order; each value is "ASC" or "DESC". Keys apply in this order: publishedAt, '
    "endorsementCount, voteCount, then id (which always breaks ties, ascending unless given)."
)
class ProposalSort:
    published_at: str | None = None
    endorsement_count: str | None = strawberry.field(
        default=None, description="By endorsements (likeCount on later Decidim)."
    )
    id: str | None = None
    vote_count: str | None = strawberry.field(default=None, description="Ignored while supports are hidden.")


@strawberry.input(description="What a participant writes in a proposal.")
class ProposalAttributes:
    title: str = strawberry.field(description="15 to 150 characters.")
    body: str = strawberry.field(description="At least 15 characters, at most the component's proposal length.")
    address: str | None = strawberry.field(default=strawberry.UNSET, description="Only where geocoding is enabled.")
    latitude: float | None = strawberry.field(default=strawberry.UNSET, description="With longitude, or neither.")
    longitude: float | None = strawberry.field(default=strawberry.UNSET)
    category_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET, description="Participa: a category of the component's space."
    )
    scope_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET, description="Participa: a scope of the organization."
    )
    user_group_id: strawberry.ID | None = strawberry.field(
        default=None, description="Participa, creation only: propose for a group you belong to."
    )
    publish: bool | None = strawberry.field(
        default=None,
        description="Participa, creation only: publish at once. By default a new proposal is a draft that "
        "only its authors see, until `proposal(id) { publish }`.",
    )


@strawberry.input(description="A new proposal.")
class CreateProposalInput:
    client_mutation_id: str | None = None
    locale: str | None = strawberry.field(default=None, description="The language the text is written in.")
    toggle_translations: bool | None = strawberry.field(default=None, description="Accepted for Decidim; unused.")
    attributes: ProposalAttributes


@strawberry.input(description="New text for a proposal. Optional attributes left out stay as they are.")
class UpdateProposalInput:
    client_mutation_id: str | None = None
    locale: str | None = strawberry.field(default=None, description="The language the text is written in.")
    toggle_translations: bool | None = strawberry.field(default=None, description="Accepted for Decidim; unused.")
    attributes: ProposalAttributes


@strawberry.input
class WithdrawProposalInput:
    client_mutation_id: str | None = None


@strawberry.input
class VoteProposalInput:
    client_mutation_id: str | None = None


@strawberry.input
class UnvoteProposalInput:
    client_mutation_id: str | None = None


@strawberry.input(description="Participa: publish a draft.")
class PublishProposalInput:
    client_mutation_id: str | None = None


@strawberry.input(description="Participa: endorse, in one's own name or for a group one belongs to.")
class EndorseProposalInput:
    client_mutation_id: str | None = None
    user_group_id: strawberry.ID | None = None


@strawberry.input(description="Participa: withdraw an endorsement (the one for `userGroupId`, if given).")
class UnendorseProposalInput:
    client_mutation_id: str | None = None
    user_group_id: strawberry.ID | None = None
