"""Documents attached to a space, a component or a resource in one, and the folders that file them.

Admins of the owner's space manage them (``MANAGE_ATTACHMENTS``). An attachment either registers an
external http(s) URL (nothing is fetched from it, so the content type comes from the URL's extension
unless the caller gives one) or an uploaded file, kept by a ``FileStorage``.
"""

from __future__ import annotations

import mimetypes
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlmodel import col

import models
from models.kinds import ResourceKind
from resolvers.admin.common import SPACE_MODELS, apply, check_translations, find_in_org, log, raise_if, signed_in
from resolvers.comments.commentables import COMMENTABLES
from resolvers.errors import BadUserInput, NotFound
from resolvers.permissions import Action, require
from resolvers.storage import check_upload

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession

    from resolvers.storage import FileStorage, StoredFile
    from resolvers.visibility import Scope

MAX_URL = 2048
MAX_CONTENT_TYPE = 255
DEFAULT_CONTENT_TYPE = "application/octet-stream"
Owner = tuple[str, int, tuple[str, int]]  # (kind, id, (space kind, space id))


async def find_owner(session: AsyncSession, scope: Scope, owner_id: int) -> Owner:
    """What ``owner_id`` names in the organization (ids are global) and the space it lives in."""
    org = scope.organization_id
    for kind, model in SPACE_MODELS.items():
        if await session.scalar(
            select(col(model.id)).where(col(model.id) == owner_id, col(model.organization_id) == org)
        ):
            return kind, owner_id, (kind, owner_id)
    component_id: int | None = None
    kind_found: str = ResourceKind.COMPONENT
    c = models.Component
    if await session.scalar(select(col(c.id)).where(col(c.id) == owner_id, col(c.organization_id) == org)):
        component_id = owner_id
    else:
        for resource_kind, spec in COMMENTABLES.items():
            m = spec.model
            found = await session.scalar(
                select(m.component_id).where(col(m.id) == owner_id, col(m.organization_id) == org)
            )
            if found is not None:
                component_id, kind_found = int(found), resource_kind
                break
    component = await session.get(c, component_id) if component_id is not None else None
    if component is None:
        msg = "Nothing that takes attachments has this id."
        raise NotFound(msg, fields={"attachedToId": "not found"})
    return kind_found, owner_id, (component.space_kind, component.space_id)


async def _guard_owner(session: AsyncSession, scope: Scope, owner_id: int) -> Owner:
    signed_in(scope)
    owner = await find_owner(session, scope, owner_id)
    _, _, (space_kind, space_id) = owner
    await require(session, scope, action=Action.MANAGE_ATTACHMENTS, space_kind=space_kind, space_id=space_id)
    return owner


def _validate(attrs: dict[str, Any], *, creating: bool, errors: dict[str, str] | None = None) -> None:
    errors = {} if errors is None else errors
    for name in ("title", "name"):
        if name in attrs:
            check_translations(attrs[name], field=name, errors=errors, required=True)
    if "description" in attrs:
        check_translations(attrs["description"], field="description", errors=errors)
        attrs["description"] = attrs["description"] or {}
    if "weight" in attrs and (attrs["weight"] is None or attrs["weight"] < 0):
        errors["weight"] = "0 or more"
    if "url" in attrs or creating:
        url = attrs.get("url")
        parts = urlsplit(url) if isinstance(url, str) else None
        if parts is None or parts.scheme not in {"http", "https"} or not parts.hostname or len(url or "") > MAX_URL:
            errors["url"] = f"an http(s) URL of {MAX_URL} characters at most"
        elif attrs.get("content_type") is None:
            guessed, _ = mimetypes.guess_type(parts.path)
            attrs["content_type"] = guessed or DEFAULT_CONTENT_TYPE
    content_type = attrs.get("content_type")
    if content_type is not None and ("/" not in content_type or len(content_type) > MAX_CONTENT_TYPE):
        errors["contentType"] = "a media type, e.g. application/pdf"
    elif "content_type" in attrs and content_type is None:
        del attrs["content_type"]
    raise_if(errors)


async def _check_collection(session: AsyncSession, scope: Scope, owner: Owner, collection_id: int | None) -> None:
    if collection_id is None:
        return
    folder: models.AttachmentCollection = await find_in_org(
        session, scope, models.AttachmentCollection, collection_id, field="collectionId"
    )
    if (folder.attached_to_kind, folder.attached_to_id) != owner[:2]:
        msg = "This folder belongs to something else."
        raise BadUserInput(msg, fields={"collectionId": "not a folder of this owner"})


async def add_attachment(session: AsyncSession, scope: Scope, *, attrs: dict[str, Any]) -> Any:
    owner_id = attrs.pop("attached_to_id")
    if "title" not in attrs:
        attrs["title"] = None
    _validate(attrs, creating=True)
    owner = await _guard_owner(session, scope, owner_id)
    await _check_collection(session, scope, owner, attrs.get("collection_id"))
    return await _create_attachment(session, scope, owner=owner, attrs=attrs)


async def _create_attachment(session: AsyncSession, scope: Scope, *, owner: Owner, attrs: dict[str, Any]) -> Any:
    row = models.Attachment(
        organization_id=scope.organization_id, attached_to_kind=owner[0], attached_to_id=owner[1], **attrs
    )
    session.add(row)
    await session.flush()
    await log(session, scope, action="attachment.create", resource=("attachment", row.id), space=owner[2])
    return row


async def upload_attachment(
    session: AsyncSession,
    scope: Scope,
    *,
    attrs: dict[str, Any],
    filename: str | None,
    content_type: str | None,
    data: bytes,
    storage: FileStorage,
    saved: list[StoredFile],
) -> Any:
    """Like ``add_attachment``, for an uploaded file: same checks, then the file is stored.

    The file is stored only once the caller may attach here and the attributes are valid; what was
    stored is appended to ``saved`` so the caller can delete it when the transaction fails.
    """
    owner_id = attrs.pop("attached_to_id")
    if "title" not in attrs:
        attrs["title"] = None
    _validate(attrs, creating=False)
    owner = await _guard_owner(session, scope, owner_id)
    media_type = check_upload(content_type=content_type, data=data)
    await _check_collection(session, scope, owner, attrs.get("collection_id"))
    stored = await storage.save(
        organization_id=scope.organization_id, filename=filename or "upload", content_type=media_type, data=data
    )
    saved.append(stored)
    attrs |= {"url": stored.url, "content_type": media_type, "file_size": stored.size}
    return await _create_attachment(session, scope, owner=owner, attrs=attrs)


async def _guarded(session: AsyncSession, scope: Scope, model: Any, row_id: int) -> tuple[Any, Owner]:
    signed_in(scope)
    row = await find_in_org(session, scope, model, row_id, field="id")
    owner = await _guard_owner(session, scope, row.attached_to_id)
    return row, owner


async def update_attachment(session: AsyncSession, scope: Scope, *, attachment_id: int, attrs: dict[str, Any]) -> Any:
    _validate(attrs, creating=False)
    row, owner = await _guarded(session, scope, models.Attachment, attachment_id)
    await _check_collection(session, scope, owner, attrs.get("collection_id"))
    changes = apply(row, attrs)
    await session.flush()
    await log(
        session, scope, action="attachment.update", resource=("attachment", row.id), space=owner[2], changes=changes
    )
    return row


async def delete_row(session: AsyncSession, scope: Scope, *, model: Any, kind: str, row_id: int) -> int:
    """Delete an attachment, or a folder (its attachments stay, unfiled)."""
    row, owner = await _guarded(session, scope, model, row_id)
    await log(session, scope, action=f"{kind}.delete", resource=(kind, row.id), space=owner[2])
    await session.delete(row)
    return row_id


async def create_collection(session: AsyncSession, scope: Scope, *, attrs: dict[str, Any]) -> Any:
    owner_id = attrs.pop("attached_to_id")
    if "name" not in attrs:
        attrs["name"] = None
    _validate(attrs, creating=False)
    owner = await _guard_owner(session, scope, owner_id)
    row = models.AttachmentCollection(
        organization_id=scope.organization_id, attached_to_kind=owner[0], attached_to_id=owner[1], **attrs
    )
    session.add(row)
    await session.flush()
    await log(session, scope, action="attachment_collection.create", resource=("attachment_collection", row.id),
              space=owner[2])  # fmt: skip
    return row


async def update_collection(session: AsyncSession, scope: Scope, *, collection_id: int, attrs: dict[str, Any]) -> Any:
    _validate(attrs, creating=False)
    row, owner = await _guarded(session, scope, models.AttachmentCollection, collection_id)
    changes = apply(row, attrs)
    await session.flush()
    await log(session, scope, action="attachment_collection.update", resource=("attachment_collection", row.id),
              space=owner[2], changes=changes)  # fmt: skip
    return row
