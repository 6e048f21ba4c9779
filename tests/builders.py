"""Test data builders: valid defaults, parents created on demand.

``await make.process(published=False)`` creates the organization it needs; pass ``organization=``
to put rows in another tenant.
"""

from __future__ import annotations

import hashlib
import itertools
import secrets
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from argon2 import PasswordHasher

import models
from models.kinds import ResourceKind
from models.users import UserKind

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

_seq = itertools.count(1)

NOW = datetime(2026, 1, 15, 10, 0, tzinfo=UTC)

PASSWORD = "correct horse battery"
# Cheap parameters keep builders fast; signing in with them upgrades the hash to the app's cost.
_CHEAP_HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


def tr(fr: str, en: str | None = None) -> dict[str, str]:
    return {"fr": fr, "en": en or f"{fr} (en)"}


def _kind(owner: Any) -> str:
    """The kind of a row for polymorphic ``(kind, id)`` columns (space kinds use the same strings)."""
    if isinstance(owner, models.Assembly):
        return ResourceKind.ASSEMBLY.value
    if isinstance(owner, models.Component):
        return ResourceKind.COMPONENT.value
    return ResourceKind.PARTICIPATORY_PROCESS.value


class Make:
    def __init__(self, sessionmaker: async_sessionmaker[AsyncSession]) -> None:
        self.sessionmaker = sessionmaker
        self._default_org: models.Organization | None = None

    async def save(self, row: Any) -> Any:
        async with self.sessionmaker() as session:
            session.add(row)
            await session.commit()
            await session.refresh(row)
        return row

    async def org(self, organization: models.Organization | None) -> models.Organization:
        if organization is not None:
            return organization
        if self._default_org is None:
            self._default_org = await self.organization(host="participa.test")
        return self._default_org

    async def organization(self, *, host: str | None = None, **kw: Any) -> models.Organization:
        n = next(_seq)
        defaults: dict[str, Any] = {
            "host": host or f"org{n}.test",
            "name": tr(f"Organisation {n}", f"Organization {n}"),
            "available_locales": ["fr", "en"],
            "default_locale": "fr",
        }
        return await self.save(models.Organization(**(defaults | kw)))  # type: ignore[no-any-return]

    async def user(self, *, organization: models.Organization | None = None, **kw: Any) -> models.User:
        org = await self.org(organization)
        n = next(_seq)
        defaults: dict[str, Any] = {
            "organization_id": org.id,
            "kind": UserKind.USER.value,
            "email": f"user{n}@example.org",
            "nickname": f"user{n}",
            "name": f"User {n}",
            "confirmed_at": NOW,
        }
        return await self.save(models.User(**(defaults | kw)))  # type: ignore[no-any-return]

    async def group(self, *, organization: models.Organization | None = None, **kw: Any) -> models.User:
        defaults: dict[str, Any] = {"kind": UserKind.GROUP.value, "email": None, "confirmed_at": None}
        return await self.user(organization=organization, **(defaults | kw))

    async def account(self, *, password: str = PASSWORD, **kw: Any) -> models.User:
        """A participant who can sign in with ``password``."""
        return await self.user(encrypted_password=_CHEAP_HASHER.hash(password), **kw)

    async def access_token(self, user: models.User, **kw: Any) -> tuple[str, models.AccessToken]:
        """A bearer token for ``user`` and its row; like sign-in, only the token's hash is stored."""
        token = secrets.token_urlsafe(32)
        defaults: dict[str, Any] = {
            "organization_id": user.organization_id,
            "user_id": user.id,
            "token_hash": hashlib.sha256(token.encode()).hexdigest(),
            "kind": "session",
            "expires_at": datetime.now(UTC) + timedelta(days=30),
        }
        return token, await self.save(models.AccessToken(**(defaults | kw)))

    async def signed_in(self, user: models.User, **kw: Any) -> str:
        """A valid bearer token for ``user`` (send it as ``Authorization: Bearer <token>``)."""
        token, _ = await self.access_token(user, **kw)
        return token

    async def membership(self, *, user: models.User, group: models.User, role: str = "member") -> Any:
        return await self.save(
            models.UserGroupMembership(
                organization_id=user.organization_id, user_id=user.id, user_group_id=group.id, role=role
            )
        )

    async def process(
        self, *, organization: models.Organization | None = None, **kw: Any
    ) -> models.ParticipatoryProcess:
        org = await self.org(organization)
        n = next(_seq)
        defaults: dict[str, Any] = {
            "organization_id": org.id,
            "slug": f"process-{n}",
            "title": tr(f"Concertation {n}", f"Process {n}"),
            "published_at": NOW,
        }
        return await self.save(models.ParticipatoryProcess(**(defaults | kw)))  # type: ignore[no-any-return]

    async def step(
        self, *, process: models.ParticipatoryProcess | None = None, **kw: Any
    ) -> models.ParticipatoryProcessStep:
        process = process or await self.process()
        n = next(_seq)
        defaults: dict[str, Any] = {
            "organization_id": process.organization_id,
            "process_id": process.id,
            "title": tr(f"Étape {n}", f"Step {n}"),
            "position": n,
        }
        return await self.save(models.ParticipatoryProcessStep(**(defaults | kw)))  # type: ignore[no-any-return]

    async def process_group(self, *, organization: models.Organization | None = None, **kw: Any) -> Any:
        org = await self.org(organization)
        defaults: dict[str, Any] = {"organization_id": org.id, "title": tr("Groupe", "Group")}
        return await self.save(models.ParticipatoryProcessGroup(**(defaults | kw)))

    async def process_type(self, *, organization: models.Organization | None = None, **kw: Any) -> Any:
        org = await self.org(organization)
        defaults: dict[str, Any] = {"organization_id": org.id, "title": tr("Consultation", "Consultation")}
        return await self.save(models.ParticipatoryProcessType(**(defaults | kw)))

    async def component(
        self,
        *,
        space: models.ParticipatoryProcess | models.Assembly | None = None,
        manifest_name: str = "proposals",
        **kw: Any,
    ) -> models.Component:
        space = space or await self.process()
        defaults: dict[str, Any] = {
            "organization_id": space.organization_id,
            "space_kind": _kind(space),
            "space_id": space.id,
            "manifest_name": manifest_name,
            "name": tr(f"Composant {manifest_name}", f"Component {manifest_name}"),
            "published_at": NOW,
        }
        return await self.save(models.Component(**(defaults | kw)))  # type: ignore[no-any-return]

    async def category(
        self, *, space: models.ParticipatoryProcess | models.Assembly | None = None, **kw: Any
    ) -> models.Category:
        space = space or await self.process()
        n = next(_seq)
        defaults: dict[str, Any] = {
            "organization_id": space.organization_id,
            "space_kind": _kind(space),
            "space_id": space.id,
            "name": tr(f"Catégorie {n}", f"Category {n}"),
        }
        return await self.save(models.Category(**(defaults | kw)))  # type: ignore[no-any-return]

    async def scope(self, *, organization: models.Organization | None = None, **kw: Any) -> models.Scope:
        org = await self.org(organization)
        n = next(_seq)
        defaults: dict[str, Any] = {"organization_id": org.id, "name": tr(f"Commune {n}", f"Town {n}")}
        return await self.save(models.Scope(**(defaults | kw)))  # type: ignore[no-any-return]

    async def area_type(self, *, organization: models.Organization | None = None, **kw: Any) -> models.AreaType:
        org = await self.org(organization)
        defaults: dict[str, Any] = {"organization_id": org.id, "name": tr("Territoire"), "plural": tr("Territoires")}
        return await self.save(models.AreaType(**(defaults | kw)))  # type: ignore[no-any-return]

    async def area(self, *, organization: models.Organization | None = None, **kw: Any) -> models.Area:
        org = await self.org(organization)
        defaults: dict[str, Any] = {"organization_id": org.id, "name": tr("Pays de Retz")}
        return await self.save(models.Area(**(defaults | kw)))  # type: ignore[no-any-return]

    async def attachment(self, *, owner: Any | None = None, **kw: Any) -> models.Attachment:
        owner = owner or await self.process()
        n = next(_seq)
        defaults: dict[str, Any] = {
            "organization_id": owner.organization_id,
            "attached_to_kind": _kind(owner),
            "attached_to_id": owner.id,
            "title": tr(f"Document {n}"),
            "url": f"https://files.example.org/doc-{n}.pdf",
            "content_type": "application/pdf",
            "file_size": 1024,
        }
        return await self.save(models.Attachment(**(defaults | kw)))  # type: ignore[no-any-return]

    async def collection(self, *, owner: Any | None = None, **kw: Any) -> models.AttachmentCollection:
        owner = owner or await self.process()
        defaults: dict[str, Any] = {
            "organization_id": owner.organization_id,
            "attached_to_kind": _kind(owner),
            "attached_to_id": owner.id,
            "name": tr("Compte-rendu et synthèse"),
        }
        return await self.save(models.AttachmentCollection(**(defaults | kw)))  # type: ignore[no-any-return]

    async def private_member(
        self, *, space: models.ParticipatoryProcess | models.Assembly, user: models.User
    ) -> models.SpacePrivateUser:
        return await self.save(  # type: ignore[no-any-return]
            models.SpacePrivateUser(
                organization_id=space.organization_id,
                space_kind=_kind(space),
                space_id=space.id,
                user_id=user.id,
            )
        )

    async def link(
        self,
        *,
        source: models.ParticipatoryProcess | models.Assembly,
        target: models.ParticipatoryProcess | models.Assembly,
        **kw: Any,
    ) -> Any:
        defaults: dict[str, Any] = {
            "organization_id": source.organization_id,
            "from_kind": _kind(source),
            "from_id": source.id,
            "to_kind": _kind(target),
            "to_id": target.id,
            "name": "related_processes",
        }
        return await self.save(models.SpaceLink(**(defaults | kw)))

    async def assembly(
        self,
        *,
        organization: models.Organization | None = None,
        parent: models.Assembly | None = None,
        **kw: Any,
    ) -> models.Assembly:
        """A published public assembly; under ``parent`` (same organization) with Decidim's ``parents_path``."""
        org_id = parent.organization_id if parent is not None else (await self.org(organization)).id
        n = next(_seq)
        defaults: dict[str, Any] = {
            "organization_id": org_id,
            "slug": f"assembly-{n}",
            "title": tr(f"Assemblée {n}", f"Assembly {n}"),
            "published_at": NOW,
            "parent_id": parent.id if parent is not None else None,
        }
        row = models.Assembly(**(defaults | kw))
        async with self.sessionmaker() as session:
            session.add(row)
            await session.flush()
            row.parents_path = f"{parent.parents_path}.{row.id}" if parent is not None else str(row.id)
            await session.commit()
            await session.refresh(row)
        return row

    async def assembly_type(self, *, organization: models.Organization | None = None, **kw: Any) -> Any:
        org = await self.org(organization)
        defaults: dict[str, Any] = {"organization_id": org.id, "title": tr("Conseil consultatif", "Advisory board")}
        return await self.save(models.AssembliesType(**(defaults | kw)))

    async def assembly_member(self, *, assembly: models.Assembly, user: models.User) -> models.SpacePrivateUser:
        """A member of a private assembly (Decidim's participatory space private user)."""
        return await self.private_member(space=assembly, user=user)

    async def proposal(
        self,
        *,
        component: models.Component | None = None,
        author: models.User | None = None,
        coauthors: tuple[models.User, ...] = (),
        user_group: models.User | None = None,
        **kw: Any,
    ) -> models.Proposal:
        """A published proposal by ``author`` (a new participant unless ``official=True``), then ``coauthors``."""
        component = component or await self.component(manifest_name="proposals")
        official = bool(kw.get("official"))
        if author is None and not official:
            organization = await self._get(models.Organization, component.organization_id)
            author = await self.user(organization=organization)
        authors = ([author] if author is not None else []) + list(coauthors)
        n = next(_seq)
        defaults: dict[str, Any] = {
            "organization_id": component.organization_id,
            "component_id": component.id,
            "title": tr(f"Proposition numéro {n}", f"Proposal number {n}"),
            "body": tr(f"Le texte de la proposition {n}.", f"The text of proposal {n}."),
            "published_at": NOW,
            "coauthorships_count": len(authors),
        }
        proposal: models.Proposal = await self.save(models.Proposal(**(defaults | kw)))
        for position, who in enumerate(authors):
            await self.save(
                models.ProposalCoauthorship(
                    organization_id=proposal.organization_id,
                    proposal_id=proposal.id,
                    author_id=who.id,
                    user_group_id=user_group.id if user_group is not None and position == 0 else None,
                    position=position,
                )
            )
        return proposal

    async def _get(self, model: type[Any], pk: Any) -> Any:
        async with self.sessionmaker() as session:
            return await session.get(model, pk)

    async def vote(self, *, proposal: models.Proposal, author: models.User) -> models.ProposalVote:
        """A support, with the proposal's counter moved as the API would."""
        vote = models.ProposalVote(
            organization_id=proposal.organization_id,
            proposal_id=proposal.id,
            component_id=proposal.component_id,
            author_id=author.id,
        )
        async with self.sessionmaker() as session:
            session.add(vote)
            row = await session.get(models.Proposal, proposal.id)
            row.votes_count += 1  # type: ignore[union-attr]
            await session.commit()
        return vote

    async def endorsement(
        self, *, proposal: models.Proposal, author: models.User, user_group: models.User | None = None
    ) -> models.Endorsement:
        """An endorsement, with the proposal's counter moved as the API would."""
        endorsement = models.Endorsement(
            organization_id=proposal.organization_id,
            resource_kind=ResourceKind.PROPOSAL.value,
            resource_id=proposal.id,
            author_id=author.id,
            user_group_id=user_group.id if user_group is not None else None,
        )
        async with self.sessionmaker() as session:
            session.add(endorsement)
            row = await session.get(models.Proposal, proposal.id)
            row.endorsements_count += 1  # type: ignore[union-attr]
            await session.commit()
        return endorsement

    async def meeting(
        self, *, component: models.Component | None = None, author: models.User | None = None, **kw: Any
    ) -> models.Meeting:
        """A published in-person meeting a week from now (real time: "upcoming" is relative to now);
        the organization's own unless ``author`` is given."""
        component = component or await self.component(manifest_name="meetings")
        n = next(_seq)
        start = datetime.now(UTC).replace(microsecond=0) + timedelta(days=7)
        defaults: dict[str, Any] = {
            "organization_id": component.organization_id,
            "component_id": component.id,
            "title": tr(f"Rencontre {n}", f"Meeting {n}"),
            "description": tr("Venez en parler.", "Come and talk about it."),
            "address": "1 rue de la Mairie, Nantes",
            "start_time": start,
            "end_time": start + timedelta(hours=2),
            "published_at": NOW,
            "author_id": author.id if author is not None else None,
        }
        meeting: models.Meeting = await self.save(models.Meeting(**(defaults | kw)))
        return meeting

    async def debate(
        self, *, component: models.Component | None = None, author: models.User | None = None, **kw: Any
    ) -> models.Debate:
        """An open debate (no dates): the organization's own unless ``author`` is given."""
        component = component or await self.component(manifest_name="debates")
        n = next(_seq)
        defaults: dict[str, Any] = {
            "organization_id": component.organization_id,
            "component_id": component.id,
            "title": tr(f"Débat numéro {n}", f"Debate number {n}"),
            "description": tr("Parlons-en ensemble ici.", "Let us talk about it here."),
            "author_id": author.id if author is not None else None,
        }
        debate: models.Debate = await self.save(models.Debate(**(defaults | kw)))
        return debate

    async def budget(self, *, component: models.Component | None = None, **kw: Any) -> models.Budget:
        component = component or await self.component(manifest_name="budgets")
        n = next(_seq)
        defaults: dict[str, Any] = {
            "organization_id": component.organization_id,
            "component_id": component.id,
            "title": tr(f"Budget {n}"),
            "total_budget": 100_000,
        }
        budget: models.Budget = await self.save(models.Budget(**(defaults | kw)))
        return budget

    async def project(self, *, budget: models.Budget | None = None, **kw: Any) -> models.Project:
        budget = budget or await self.budget()
        n = next(_seq)
        defaults: dict[str, Any] = {
            "organization_id": budget.organization_id,
            "budget_id": budget.id,
            "component_id": budget.component_id,
            "title": tr(f"Projet {n}", f"Project {n}"),
            "description": tr("Ce que le projet change.", "What the project changes."),
            "budget_amount": 10_000,
        }
        project: models.Project = await self.save(models.Project(**(defaults | kw)))
        return project

    async def registration(self, *, meeting: models.Meeting, user: models.User) -> models.MeetingRegistration:
        """A seat at ``meeting``, with its counter moved as the API would."""
        registration = models.MeetingRegistration(
            organization_id=meeting.organization_id, meeting_id=meeting.id, user_id=user.id, code=f"C{next(_seq):07d}"
        )
        async with self.sessionmaker() as session:
            session.add(registration)
            row = await session.get(models.Meeting, meeting.id)
            row.registrations_count += 1  # type: ignore[union-attr]
            await session.commit()
        return registration
