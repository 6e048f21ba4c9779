"""The permission matrix, as a table: every role against every action, without a database."""

from __future__ import annotations

import pytest

from resolvers.permissions import Action, Role, allowed

A = Action
# action -> roles that grant it (organization-only actions: no role)
GRANTED_BY: dict[Action, frozenset[Role]] = {
    A.MANAGE_ORGANIZATION: frozenset(),
    A.BLOCK_USER: frozenset(),
    A.READ_ACTION_LOG: frozenset(),
    A.PREVIEW_SPACE: frozenset(Role),
    A.UPDATE_SPACE: frozenset({Role.ADMIN}),
    A.MANAGE_COMPONENTS: frozenset({Role.ADMIN}),
    A.MANAGE_ROLES: frozenset({Role.ADMIN}),
    A.MANAGE_MEMBERS: frozenset({Role.ADMIN}),
    A.MANAGE_ATTACHMENTS: frozenset({Role.ADMIN}),
    A.ANSWER_PROPOSALS: frozenset({Role.ADMIN, Role.EVALUATOR}),
    A.IMPORT_PROPOSALS: frozenset({Role.ADMIN}),
    A.READ_MODERATIONS: frozenset({Role.ADMIN, Role.MODERATOR}),
    A.MODERATE: frozenset({Role.ADMIN, Role.MODERATOR}),
}


def test_the_table_covers_every_action() -> None:
    assert set(GRANTED_BY) == set(Action)


@pytest.mark.parametrize("action", list(Action))
@pytest.mark.parametrize("role", list(Role))
def test_a_space_role_grants_exactly_its_actions(role: Role, action: Action) -> None:
    assert allowed(action, organization_admin=False, roles=frozenset({role})) is (role in GRANTED_BY[action])


@pytest.mark.parametrize("action", list(Action))
def test_organization_admin_may_do_everything(action: Action) -> None:
    assert allowed(action, organization_admin=True) is True


@pytest.mark.parametrize("action", list(Action))
def test_participant_without_role_may_do_nothing(action: Action) -> None:
    assert allowed(action, organization_admin=False, roles=frozenset()) is False


@pytest.mark.parametrize("action", list(Action))
def test_several_roles_grant_the_union(action: Action) -> None:
    both = frozenset({Role.MODERATOR, Role.EVALUATOR})
    expected = bool(both & GRANTED_BY[action])
    assert allowed(action, organization_admin=False, roles=both) is expected
