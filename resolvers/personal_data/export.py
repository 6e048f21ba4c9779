"""The participant's data archive: their account and every row that records something they did.

Rows are dumped column by column, minus secrets (hashes). Other people appear only as ids (a
co-author, a commented resource): the archive never carries anyone else's personal fields.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlmodel import col

import models
from resolvers.errors import Forbidden, Unauthenticated

if TYPE_CHECKING:
    from sqlalchemy import ColumnElement
    from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

    from resolvers.visibility import Scope

ARCHIVE_VERSION = 1

# Never part of an archive: they would let whoever holds the file act as the participant.
SECRET_COLUMNS = frozenset({"encrypted_password", "token_hash", "session_token_hash"})

ACCOUNT_FIELDS = (
    "id",
    "email",
    "name",
    "nickname",
    "locale",
    "about",
    "avatar_url",
    "direct_messages_enabled",
    "admin",
    "created_at",
    "updated_at",
    "confirmed_at",
)


@dataclass(frozen=True, slots=True)
class Section:
    """One archive section: the rows of ``model`` whose ``owner`` column is the participant."""

    name: str
    model: type[Any]
    owner: str


SECTIONS = (
    Section("proposalCoauthorships", models.ProposalCoauthorship, "author_id"),
    Section("supports", models.ProposalVote, "author_id"),
    Section("endorsements", models.Endorsement, "author_id"),
    Section("follows", models.Follow, "user_id"),
    Section("amendments", models.Amendment, "amender_id"),
    Section("comments", models.Comment, "author_id"),
    Section("commentVotes", models.CommentVote, "author_id"),
    Section("reports", models.Report, "user_id"),
    Section("meetings", models.Meeting, "author_id"),
    Section("meetingRegistrations", models.MeetingRegistration, "user_id"),
    Section("debates", models.Debate, "author_id"),
    Section("posts", models.Post, "author_id"),
    Section("surveySubmissions", models.QuestionnaireSubmission, "user_id"),
    Section("surveyAnswers", models.QuestionnaireAnswer, "user_id"),
    Section("budgetOrders", models.Order, "user_id"),
    Section("groupMemberships", models.UserGroupMembership, "user_id"),
    Section("privateSpaceMemberships", models.SpacePrivateUser, "user_id"),
    Section("spaceRoles", models.SpaceRole, "user_id"),
    Section("accessTokens", models.AccessToken, "user_id"),
    Section("actionLogs", models.ActionLog, "user_id"),
    Section("versions", models.Version, "whodunnit_id"),
)


def _json(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.capitalize() for part in rest)


def dump(row: Any) -> dict[str, Any]:
    """A row as JSON, keys in camelCase like the rest of the API, secrets left out."""
    table = row.__table__
    return {_camel(c.key): _json(getattr(row, c.key)) for c in table.columns if c.key not in SECRET_COLUMNS}


async def own_account(session: AsyncSession, scope: Scope, *, lock: bool = False) -> models.User:
    """The viewer's live account. Unconfirmed or blocked participants still own their data."""
    if scope.viewer.user_id is None:
        msg = "Sign in to do this."
        raise Unauthenticated(msg)
    u = models.User
    stmt = select(u).where(col(u.id) == scope.viewer.user_id, col(u.organization_id) == scope.organization_id)
    if lock:
        stmt = stmt.with_for_update()
    user = (await session.scalars(stmt)).first()
    if user is None or user.deleted_at is not None:
        msg = "This account no longer exists."
        raise Forbidden(msg, reason="DELETED")
    return user


async def _rows(session: AsyncSession, model: type[Any], *where: ColumnElement[bool]) -> list[Any]:
    return list((await session.scalars(select(model).where(*where).order_by(model.id))).all())


async def build_archive(sessionmaker: async_sessionmaker[AsyncSession], *, scope: Scope) -> dict[str, Any]:
    """Everything the platform keeps about the viewer, as one JSON document."""
    org = scope.organization_id
    async with sessionmaker() as session:
        user = await own_account(session, scope)
        archive: dict[str, Any] = {
            "version": ARCHIVE_VERSION,
            "generatedAt": datetime.now(UTC).isoformat(),
            "account": {_camel(f): _json(getattr(user, f)) for f in ACCOUNT_FIELDS},
        }
        for section in SECTIONS:
            m = section.model
            rows = await _rows(session, m, getattr(m, section.owner) == user.id, m.organization_id == org)
            archive[section.name] = [dump(r) for r in rows]
        coauthored = [r["proposalId"] for r in archive["proposalCoauthorships"]]
        p = models.Proposal
        archive["proposals"] = [dump(r) for r in await _rows(session, p, p.id.in_(coauthored))]  # type: ignore[union-attr]
        order_ids = [r["id"] for r in archive["budgetOrders"]]
        li = models.LineItem
        archive["budgetLineItems"] = [dump(r) for r in await _rows(session, li, li.order_id.in_(order_ids))]  # type: ignore[attr-defined]
        answer_ids = [r["id"] for r in archive["surveyAnswers"]]
        ac = models.AnswerChoice
        archive["surveyAnswerChoices"] = [dump(r) for r in await _rows(session, ac, ac.answer_id.in_(answer_ids))]  # type: ignore[attr-defined]
    return archive
