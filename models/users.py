from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Index, UniqueConstraint, text
from sqlmodel import Field

from models.base import Tenanted, Timestamped, fk, ref_id, timestamp


class UserKind(StrEnum):
    USER = "user"
    GROUP = "group"


class User(Tenanted, Timestamped, table=True):
    """A participant or a user group (Decidim keeps both in one table; so do we).

    ``email`` and ``encrypted_password`` are private: no GraphQL type reads them.
    """

    __tablename__ = "users"
    __table_args__ = (
        UniqueConstraint("organization_id", "nickname"),
        # Emails are unique per organization, case-insensitively; groups may share none.
        Index(
            "uq_users_organization_id_lower_email",
            "organization_id",
            text("lower(email)"),
            unique=True,
            postgresql_where=text("email IS NOT NULL"),
        ),
    )

    kind: str = Field(default=UserKind.USER.value, max_length=16)  # a UserKind value
    email: str | None = Field(default=None, max_length=255)
    encrypted_password: str | None = Field(default=None, max_length=255)
    nickname: str = Field(max_length=64)
    name: str = Field(default="", max_length=255)
    avatar_url: str | None = Field(default=None, max_length=1024)
    locale: str | None = Field(default=None, max_length=10)
    about: str | None = None
    admin: bool = False
    confirmed_at: datetime | None = timestamp()
    blocked: bool = False
    blocked_at: datetime | None = timestamp()
    deleted_at: datetime | None = timestamp()
    verified_at: datetime | None = timestamp()  # user groups only
    direct_messages_enabled: bool = True


class UserGroupMembership(Tenanted, Timestamped, table=True):
    __tablename__ = "user_group_memberships"
    __table_args__ = (UniqueConstraint("user_id", "user_group_id"),)

    user_id: int = fk("users.id", ondelete="CASCADE")
    user_group_id: int = fk("users.id", ondelete="CASCADE")
    role: str = Field(default="member", max_length=32)  # creator, admin, member, requested


class SpacePrivateUser(Tenanted, Timestamped, table=True):
    """Membership of a private participatory space."""

    __tablename__ = "space_private_users"
    __table_args__ = (UniqueConstraint("space_kind", "space_id", "user_id"),)

    space_kind: str = Field(max_length=32)
    space_id: int = ref_id(index=True)
    user_id: int = fk("users.id", ondelete="CASCADE")
