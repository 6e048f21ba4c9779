"""Shape checks of account input: normalised values, or the fields that are wrong and why."""

from __future__ import annotations

import re

EMAIL_MAX_LENGTH = 254
NAME_MAX_LENGTH = 100
NICKNAME_RE = re.compile(r"[a-z0-9_-]{3,20}")
# Deliberately loose: the confirmation email is the real check.
EMAIL_RE = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def normalise_email(email: str) -> str:
    return email.strip()


def normalise_nickname(nickname: str) -> str:
    """Nicknames are shown as ``@nickname``; accept the ``@`` and capitals, store neither."""
    return nickname.strip().removeprefix("@").lower()


def email_problem(email: str) -> str | None:
    if len(email) > EMAIL_MAX_LENGTH or not EMAIL_RE.fullmatch(email):
        return "is not a valid email address"
    return None


def nickname_problem(nickname: str) -> str | None:
    if not NICKNAME_RE.fullmatch(nickname):
        return "must be 3 to 20 characters among a-z, 0-9, _ and -"
    return None


def name_problem(name: str) -> str | None:
    if not name.strip():
        return "can't be blank"
    if len(name) > NAME_MAX_LENGTH or any(ord(c) < 32 for c in name):
        return f"must be at most {NAME_MAX_LENGTH} characters, on one line"
    return None


def locale_problem(locale: str, available: list[str]) -> str | None:
    if locale not in available:
        return f"must be one of {', '.join(available)}"
    return None
