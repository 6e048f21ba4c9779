"""Builders for proposals and comment threads, and helpers to call the API as a participant."""

from __future__ import annotations

import itertools
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import update

import models
from models.kinds import ResourceKind
from resolvers.viewer import Viewer
from tests.builders import NOW, Make, tr

PROPOSAL_TYPE = "Decidim::Proposals::Proposal"
COMMENT_TYPE = "Decidim::Comments::Comment"

_seq = itertools.count(1)


class Threads:
    """Rows for comment tests, with the counters a real write would leave (builders bypass the API)."""

    def __init__(self, make: Make) -> None:
        self.make = make

    async def proposal(
        self, *, component: models.Component | None = None, authors: tuple[models.User, ...] = (), **kw: Any
    ) -> models.Proposal:
        component = component or await self.make.component(manifest_name="proposals")
        n = next(_seq)
        defaults: dict[str, Any] = {
            "organization_id": component.organization_id,
            "component_id": component.id,
            "title": tr(f"Proposition {n}", f"Proposal {n}"),
            "body": tr("Plus de pistes cyclables"),
            "published_at": NOW,
        }
        proposal: models.Proposal = await self.make.save(models.Proposal(**(defaults | kw)))
        for position, author in enumerate(authors):
            await self.make.save(
                models.ProposalCoauthorship(
                    organization_id=proposal.organization_id,
                    proposal_id=proposal.id,
                    author_id=author.id,
                    position=position,
                )
            )
        return proposal

    async def comment(
        self,
        *,
        on: models.Proposal | models.Comment,
        author: models.User | None = None,
        body: str | dict[str, str] = "Bonne idée",
        **kw: Any,
    ) -> models.Comment:
        author = author or await self.make.user()  # the default organization's; pass one for other tenants
        n = next(_seq)
        if isinstance(on, models.Comment):
            where = {
                "commentable_kind": ResourceKind.COMMENT.value,
                "commentable_id": on.id,
                "root_kind": on.root_kind,
                "root_id": on.root_id,
                "parent_id": on.id,
                "depth": on.depth + 1,
            }
        else:
            where = {
                "commentable_kind": ResourceKind.PROPOSAL.value,
                "commentable_id": on.id,
                "root_kind": ResourceKind.PROPOSAL.value,
                "root_id": on.id,
            }
        defaults: dict[str, Any] = {
            "organization_id": on.organization_id,
            "author_id": author.id,
            "body": {"fr": body} if isinstance(body, str) else body,
            "created_at": NOW + timedelta(minutes=n),
        }
        row: models.Comment = await self.make.save(models.Comment(**(where | defaults | kw)))
        if row.deleted_at is None and row.hidden_at is None:
            await self._count(row)
        return row

    async def _count(self, row: models.Comment) -> None:
        async with self.make.sessionmaker() as session, session.begin():
            p = models.Proposal
            await session.execute(update(p).where(p.id == row.root_id).values(comments_count=p.comments_count + 1))
            if row.parent_id is not None:
                c = models.Comment
                await session.execute(update(c).where(c.id == row.parent_id).values(replies_count=c.replies_count + 1))

    async def vote(self, comment: models.Comment, user: models.User, weight: int) -> None:
        await self.make.save(
            models.CommentVote(
                organization_id=comment.organization_id, comment_id=comment.id, author_id=user.id, weight=weight
            )
        )
        async with self.make.sessionmaker() as session, session.begin():
            c = models.Comment
            column = "up_votes_count" if weight == 1 else "down_votes_count"
            await session.execute(update(c).where(c.id == comment.id).values({column: getattr(c, column) + 1}))

    async def report(self, kind: str, pk: int, user: models.User) -> None:
        await self.make.save(
            models.Report(
                organization_id=user.organization_id,
                reportable_kind=kind,
                reportable_id=pk,
                user_id=user.id,
                reason="spam",
            )
        )

    async def reload(self, model: type[Any], pk: int) -> Any:
        async with self.make.sessionmaker() as session:
            return await session.get(model, pk)


@pytest.fixture
def threads(make: Make) -> Threads:
    return Threads(make)


def as_user(user: models.User) -> Viewer:
    return Viewer(user_id=user.id)


def codes(body: dict[str, Any]) -> list[tuple[str | None, str | None]]:
    """``(code, reason)`` of each error, for denials."""
    return [(e["extensions"].get("code"), e["extensions"].get("reason")) for e in body.get("errors", [])]
