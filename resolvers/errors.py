"""The domain error hierarchy. ``schema.errors`` maps each class to a GraphQL ``extensions.code``."""

from __future__ import annotations

from collections.abc import Mapping


class DomainError(Exception):
    """An expected failure whose message is safe to show to the caller."""

    code = "BAD_REQUEST"

    def __init__(self, message: str, *, fields: Mapping[str, str] | None = None, reason: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.fields = dict(fields or {})
        self.reason = reason

    def extensions(self) -> dict[str, object]:
        ext: dict[str, object] = {"code": self.code}
        if self.fields:
            ext["fields"] = self.fields
        if self.reason:
            ext["reason"] = self.reason
        return ext


class BadUserInput(DomainError):
    code = "BAD_USER_INPUT"


class NotFound(DomainError):
    code = "NOT_FOUND"


class Unauthenticated(DomainError):
    code = "UNAUTHENTICATED"


class Forbidden(DomainError):
    code = "FORBIDDEN"


class Conflict(DomainError):
    code = "CONFLICT"


class RateLimited(DomainError):
    code = "RATE_LIMITED"

    def __init__(self, message: str, *, retry_after: int, reason: str | None = None) -> None:
        super().__init__(message, reason=reason)
        self.retry_after = retry_after

    def extensions(self) -> dict[str, object]:
        # Seconds until the caller may try again, as HTTP's Retry-After.
        return {**super().extensions(), "retryAfter": self.retry_after}


class InvalidToken(Unauthenticated):
    """A bearer token that is unknown, expired, revoked or from another organization.

    Raised before execution: the endpoint answers HTTP 401 rather than running as anonymous.
    """


class UnknownOrganization(DomainError):
    """The request's host names no organization."""

    code = "ORGANIZATION_NOT_FOUND"
