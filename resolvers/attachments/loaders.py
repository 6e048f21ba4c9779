from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement

import models
from resolvers.loading import many_by_column, many_by_pair, one_by_id
from resolvers.visibility import resource_visible, space_visible

if TYPE_CHECKING:
    from resolvers.loading import Loader, LoaderEnv
    from resolvers.visibility import Scope


def _attachment_visible(scope: Scope) -> ColumnElement[bool]:
    a = models.Attachment
    return resource_visible(a.attached_to_kind, a.attached_to_id, scope)  # type: ignore[arg-type]


def _collection_visible(scope: Scope) -> ColumnElement[bool]:
    a = models.AttachmentCollection
    return resource_visible(a.attached_to_kind, a.attached_to_id, scope)  # type: ignore[arg-type]


def _link_visible(scope: Scope) -> ColumnElement[bool]:
    link = models.SpaceLink
    return space_visible(link.from_kind, link.from_id, scope) & space_visible(link.to_kind, link.to_id, scope)  # type: ignore[arg-type]


def attachments_by_owner(env: LoaderEnv) -> Loader:
    a = models.Attachment
    return many_by_pair(
        env,
        a,
        (a.attached_to_kind, a.attached_to_id),  # type: ignore[arg-type]
        visible=_attachment_visible,
        order_by=(a.weight,),  # type: ignore[arg-type]
    )


def attachment_by_id(env: LoaderEnv) -> Loader:
    return one_by_id(env, models.Attachment, visible=_attachment_visible)


def attachments_by_collection(env: LoaderEnv) -> Loader:
    a = models.Attachment
    return many_by_column(env, a, a.collection_id, visible=_attachment_visible, order_by=(a.weight,))  # type: ignore[arg-type]


def collections_by_owner(env: LoaderEnv) -> Loader:
    c = models.AttachmentCollection
    return many_by_pair(
        env,
        c,
        (c.attached_to_kind, c.attached_to_id),  # type: ignore[arg-type]
        visible=_collection_visible,
        order_by=(c.weight,),  # type: ignore[arg-type]
    )


def collection_by_id(env: LoaderEnv) -> Loader:
    return one_by_id(env, models.AttachmentCollection, visible=_collection_visible)


def links_from_space(env: LoaderEnv) -> Loader:
    link = models.SpaceLink
    return many_by_pair(env, link, (link.from_kind, link.from_id), visible=_link_visible)  # type: ignore[arg-type]


def links_to_space(env: LoaderEnv) -> Loader:
    link = models.SpaceLink
    return many_by_pair(env, link, (link.to_kind, link.to_id), visible=_link_visible)  # type: ignore[arg-type]


def link_by_id(env: LoaderEnv) -> Loader:
    return one_by_id(env, models.SpaceLink, visible=_link_visible)
