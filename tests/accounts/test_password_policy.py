"""The password policy, table-tested without a database."""

from __future__ import annotations

import pytest

from resolvers.accounts.passwords import password_problem


@pytest.mark.parametrize(
    ("password", "problem"),
    [
        ("une phrase de passe solide", None),
        ("Tr0ub4dor&3x", None),
        ("x" * 9, "must be at least 10 characters long"),
        ("abcde" * 52, "must be at most 256 characters long"),
        ("AZERTYUIOP", "is too common"),
        ("ababababab", "must use at least 5 different characters"),
        ("Alice.Martin@Example.org", "must not be your email address"),
        ("alice.martin", "must not be your email address"),
        ("my-name-is-ALICE42", "must not contain your nickname"),
    ],
)
def test_password_policy(password: str, problem: str | None) -> None:
    assert password_problem(password, email="alice.martin@example.org", nickname="alice42") == problem
