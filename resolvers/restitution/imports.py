"""Importing proposals into a component: every row checked against the database, then all written or none.

``external_id`` names each row within the component (a unique constraint): rows already imported are
left as they are, so importing the same file twice creates nothing the second time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlmodel import col

import models
from models.users import UserKind
from resolvers.errors import BadUserInput, NotFound
from resolvers.permissions import Action, require
from resolvers.proposals import content
from resolvers.proposals.writing import record_version, transaction
from resolvers.restitution.import_rows import ImportFileError, ImportFormat, ImportRow, RowError, parse

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

    from resolvers.visibility import Scope

Progress = Callable[[str, int, int], None]  # phase, done, total


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    created: list[int]
    unchanged: int


class ImportRejected(BadUserInput):
    """The file has errors; nothing was written. ``errors`` lists each one (line, column, message)."""

    def __init__(self, errors: list[RowError]) -> None:
        self.errors = errors
        shown = "; ".join(str(e) for e in errors[:20])
        more = f" (and {len(errors) - 20} more)" if len(errors) > 20 else ""
        fields = {f"line {e.line}, column {e.column}": e.message for e in errors}
        super().__init__(f"Nothing imported: {len(errors)} error(s): {shown}{more}", fields=fields)


async def _lookup(session: AsyncSession, component: models.Component, rows: list[ImportRow]) -> dict[str, Any]:
    """Categories, scopes and authors the file names, in one statement each."""
    org = component.organization_id
    c, s, u, p = models.Category, models.Scope, models.User, models.Proposal
    categories = (
        await session.execute(
            select(col(c.id), col(c.name)).where(
                col(c.space_kind) == component.space_kind, col(c.space_id) == component.space_id
            )
        )
    ).all()
    codes = {row.scope for row in rows if row.scope}
    nicknames = {row.author for row in rows if row.author}
    scopes = (
        await session.execute(
            select(col(s.code), col(s.id)).where(col(s.organization_id) == org, col(s.code).in_(codes))
        )
    ).all()
    authors = (
        await session.execute(
            select(col(u.nickname), col(u.id)).where(
                col(u.organization_id) == org,
                col(u.nickname).in_(nicknames),
                col(u.kind) == UserKind.USER.value,
                col(u.blocked).is_(False),
                col(u.deleted_at).is_(None),
            )
        )
    ).all()
    existing = await session.scalars(
        select(col(p.external_id)).where(
            col(p.component_id) == component.id,
            col(p.external_id).in_([row.external_id for row in rows]),
        )
    )
    by_name: dict[str, int | None] = {}
    for pk, names in categories:
        for locale, name in (names or {}).items():
            if isinstance(name, str) and locale != content.MACHINE:
                key = name.strip().casefold()
                by_name[key] = None if key in by_name and by_name[key] != pk else pk  # None: ambiguous
    return {
        "category_ids": {pk for pk, _ in categories},
        "category_names": by_name,
        "scopes": dict(scopes),
        "authors": dict(authors),
        "existing": set(existing.all()),
    }


def _check(rows: list[ImportRow], found: dict[str, Any]) -> list[RowError]:
    errors: list[RowError] = []
    for row in rows:
        if row.category_id is not None and row.category_id not in found["category_ids"]:
            errors.append(RowError(row.line, "category_id", "not a category of this participatory space"))
        if row.category is not None:
            match = found["category_names"].get(row.category.casefold(), 0)
            if match == 0:
                errors.append(RowError(row.line, "category", "no category of this participatory space has this name"))
            elif match is None:
                errors.append(RowError(row.line, "category", "several categories have this name: use category_id"))
            else:
                row.category_id = match
        if row.scope is not None and row.scope not in found["scopes"]:
            errors.append(RowError(row.line, "scope", "no scope has this code"))
        if row.author is not None and row.author not in found["authors"]:
            errors.append(RowError(row.line, "author", "no active participant has this nickname"))
    return errors


async def import_into(
    session: AsyncSession,
    *,
    component: models.Component,
    organization: models.Organization,
    fmt: ImportFormat,
    text: str,
    actor_id: int | None,
    progress: Progress | None = None,
    now: datetime | None = None,
) -> ImportOutcome:
    """Check every row, then write the new ones in the caller's transaction; ``ImportRejected`` writes nothing."""
    now = now or datetime.now(UTC)
    try:
        rows, errors = parse(fmt, text)
    except ImportFileError as exc:
        raise BadUserInput(f"Nothing imported: {exc}", fields={"content": str(exc)}) from None
    found = await _lookup(session, component, rows)
    errors = sorted([*errors, *_check(rows, found)], key=lambda e: (e.line, e.column))
    if progress is not None:
        progress("checked", len(rows), len(rows))
    if errors:
        raise ImportRejected(errors)
    fresh = [row for row in rows if row.external_id not in found["existing"]]
    created: list[int] = []
    for done, row in enumerate(fresh, start=1):
        author_id = found["authors"].get(row.author) if row.author else None
        proposal = models.Proposal(
            organization_id=component.organization_id,
            component_id=component.id,  # type: ignore[arg-type]
            title=row.title,
            body=row.body,
            category_id=row.category_id,
            scope_id=found["scopes"].get(row.scope) if row.scope else None,
            official=author_id is None,
            coauthorships_count=0 if author_id is None else 1,
            external_id=row.external_id,
            published_at=now,
            created_at=now,
            updated_at=now,
        )
        session.add(proposal)
        await session.flush()
        proposal.reference = content.reference(
            prefix=organization.reference_prefix,
            proposal_id=proposal.id,  # type: ignore[arg-type]
            created_at=now,
            time_zone=organization.time_zone,
        )
        if author_id is not None:
            session.add(
                models.ProposalCoauthorship(
                    organization_id=component.organization_id,
                    proposal_id=proposal.id,  # type: ignore[arg-type]
                    author_id=author_id,
                    position=0,
                )
            )
        snapshot = {
            "title": row.title,
            "body": row.body,
            "external_id": row.external_id,
            "reference": proposal.reference,
        }
        changes = content.changeset({}, snapshot)
        record_version(session, proposal=proposal, event="import", changes=changes, user_id=actor_id)  # type: ignore[arg-type]
        created.append(int(proposal.id))  # type: ignore[arg-type]
        if progress is not None:
            progress("written", done, len(fresh))
    await session.flush()
    return ImportOutcome(created=created, unchanged=len(rows) - len(fresh))


async def import_proposals(
    sessionmaker: async_sessionmaker[AsyncSession],
    *,
    scope: Scope,
    organization: models.Organization,
    component_id: int,
    fmt: ImportFormat,
    text: str,
) -> ImportOutcome:
    """The API's import: IMPORT_PROPOSALS in the component's space; one transaction."""
    async with transaction(sessionmaker) as session:
        if scope.viewer.user_id is None:
            await require(session, scope, action=Action.IMPORT_PROPOSALS)  # UNAUTHENTICATED before any lookup
        c = models.Component
        component = (
            await session.scalars(
                select(c).where(
                    col(c.id) == component_id,
                    col(c.organization_id) == scope.organization_id,
                    col(c.manifest_name) == "proposals",
                )
            )
        ).first()
        if component is None:
            msg = "No proposals component with this id."
            raise NotFound(msg)
        await require(
            session, scope, action=Action.IMPORT_PROPOSALS, space_kind=component.space_kind, space_id=component.space_id
        )
        return await import_into(
            session, component=component, organization=organization, fmt=fmt, text=text, actor_id=scope.viewer.user_id
        )
