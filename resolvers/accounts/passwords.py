"""Password hashing (argon2id) and the password policy."""

from __future__ import annotations

import asyncio
import functools
from dataclasses import dataclass

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError

MIN_LENGTH = 10
# argon2 accepts any length; a cap keeps one request from buying seconds of CPU.
MAX_LENGTH = 256
MIN_DISTINCT_CHARACTERS = 5

# The most common passwords of at least MIN_LENGTH characters (English and French lists).
COMMON_PASSWORDS = frozenset(
    {
        "0123456789",
        "1234567890",
        "12345678910",
        "123456789a",
        "1q2w3e4r5t",
        "1qaz2wsx3edc",
        "a123456789",
        "abcdefghij",
        "azertyuiop",
        "azerty1234",
        "administrateur",
        "administrator",
        "bonjour1234",
        "iloveyou12",
        "jetaime1234",
        "motdepasse",
        "motdepasse1",
        "motdepasse123",
        "password12",
        "password123",
        "password1234",
        "qwerty1234",
        "qwerty12345",
        "qwertyuiop",
        "soleil1234",
        "welcome123",
    }
)


@dataclass(frozen=True, slots=True)
class Verdict:
    ok: bool
    needs_rehash: bool = False


class Passwords:
    """argon2id with the configured cost. Hashing runs in a thread: it takes tens of milliseconds of CPU."""

    def __init__(self, *, time_cost: int = 3, memory_kib: int = 65_536, parallelism: int = 4) -> None:
        self._hasher = PasswordHasher(
            time_cost=time_cost, memory_cost=memory_kib, parallelism=parallelism, type=Type.ID
        )
        self._dummy: str | None = None

    async def hash(self, password: str, *, salt: bytes | None = None) -> str:
        """``salt`` is for reproducible demo data only (app/seed); real passwords get a random one."""
        return await asyncio.to_thread(functools.partial(self._hasher.hash, password, salt=salt))

    async def verify(self, encoded: str | None, password: str) -> Verdict:
        """Check ``password``; with no hash (unknown account) spend the same time and refuse.

        Equal timing keeps a sign-in from revealing whether an address has an account.
        """
        if encoded is None:
            if self._dummy is None:
                self._dummy = await self.hash("participa-dummy-password")
            await asyncio.to_thread(self._matches, self._dummy, password)
            return Verdict(ok=False)
        if not await asyncio.to_thread(self._matches, encoded, password):
            return Verdict(ok=False)
        return Verdict(ok=True, needs_rehash=self._hasher.check_needs_rehash(encoded))

    def _matches(self, encoded: str, password: str) -> bool:
        try:
            return self._hasher.verify(encoded, password)
        except (VerificationError, InvalidHashError):
            return False


def password_problem(password: str, *, email: str | None, nickname: str | None) -> str | None:
    """Why ``password`` is refused, or ``None`` when it is acceptable (the first reason only)."""
    lowered = password.strip().lower()
    email = (email or "").lower()
    checks = (
        (len(password) < MIN_LENGTH, f"must be at least {MIN_LENGTH} characters long"),
        (len(password) > MAX_LENGTH, f"must be at most {MAX_LENGTH} characters long"),
        (lowered in COMMON_PASSWORDS, "is too common"),
        (
            len(set(lowered)) < MIN_DISTINCT_CHARACTERS,
            f"must use at least {MIN_DISTINCT_CHARACTERS} different characters",
        ),
        (bool(email) and lowered in {email, email.partition("@")[0]}, "must not be your email address"),
        (bool(nickname) and (nickname or "").lower() in lowered, "must not contain your nickname"),
    )
    return next((reason for failed, reason in checks if failed), None)
