"""Unpublished and private processes stay hidden on every path, unless the viewer may see them.

Every path is asked in one document: the list, the finders by id and by slug, ``node`` and
``nodes``, a step's node, the process lists of its group and type, and the organization's count.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from resolvers.viewer import Viewer

EVERY_PATH = """
query($id: ID!, $slug: String, $step: ID!, $group: ID!, $type: ID!) {
  participatoryProcesses { id }
  byId: participatoryProcess(id: $id) { id }
  bySlug: participatoryProcess(slug: $slug) { id }
  node(id: $id) { id }
  stepNode: node(id: $step) { id }
  nodes(ids: [$id, $step]) { id }
  participatoryProcessGroup(id: $group) { participatoryProcesses { id } }
  participatoryProcessType(id: $type) { processes { id } }
  organization { stats { name value } }
}
"""


@dataclass
class Setting:
    process: Any
    step: Any
    group: Any
    type: Any

    @property
    def variables(self) -> dict[str, str]:
        return {
            "id": str(self.process.id),
            "slug": self.process.slug,
            "step": str(self.step.id),
            "group": str(self.group.id),
            "type": str(self.type.id),
        }

    def seen(self) -> dict[str, Any]:
        pid = {"id": str(self.process.id)}
        return {
            "data": {
                "participatoryProcesses": [pid],
                "byId": pid,
                "bySlug": pid,
                "node": pid,
                "stepNode": {"id": str(self.step.id)},
                "nodes": [pid, {"id": str(self.step.id)}],
                "participatoryProcessGroup": {"participatoryProcesses": [pid]},
                "participatoryProcessType": {"processes": [pid]},
                "organization": {"stats": [*USERS_COUNT, {"name": "processes_count", "value": 1}]},
            }
        }

    def hidden(self) -> dict[str, Any]:
        return {
            "data": {
                "participatoryProcesses": [],
                "byId": None,
                "bySlug": None,
                "node": None,
                "stepNode": None,
                "nodes": [None, None],
                "participatoryProcessGroup": {"participatoryProcesses": []},
                "participatoryProcessType": {"processes": []},
                "organization": {"stats": [*USERS_COUNT, {"name": "processes_count", "value": 0}]},
            }
        }


# Each test signs one participant up (the member or the outsider), so the public count is 1.
USERS_COUNT = [{"name": "users_count", "value": 1}]

STATES = {
    "unpublished": {"published_at": None},
    "private": {"private_space": True},
    "unpublished and private": {"published_at": None, "private_space": True},
}


async def setting(make: Any, **process_fields: Any) -> Setting:
    group = await make.process_group()
    kind = await make.process_type()
    process = await make.process(process_group_id=group.id, process_type_id=kind.id, **process_fields)
    step = await make.step(process=process)
    return Setting(process=process, step=step, group=group, type=kind)


@pytest.mark.parametrize("state", list(STATES))
async def test_anonymous_visitor_never_sees_a_hidden_process(make: Any, gql: Any, state: str) -> None:
    s = await setting(make, **STATES[state])
    await make.user()

    body = await gql(EVERY_PATH, s.variables)

    assert body == s.hidden()


async def test_anonymous_visitor_sees_a_published_public_process_on_every_path(make: Any, gql: Any) -> None:
    s = await setting(make)
    await make.user()

    body = await gql(EVERY_PATH, s.variables)

    assert body == s.seen()


async def test_member_sees_the_private_process_they_belong_to(make: Any, execute: Any) -> None:
    s = await setting(make, private_space=True)
    member = await make.user()
    await make.private_member(space=s.process, user=member)

    body = await execute(EVERY_PATH, s.variables, organization=await make.org(None), viewer=Viewer(user_id=member.id))

    assert body == s.seen()


async def test_signed_in_outsider_does_not_see_a_private_process(make: Any, execute: Any) -> None:
    s = await setting(make, private_space=True)
    outsider = await make.user()

    body = await execute(EVERY_PATH, s.variables, organization=await make.org(None), viewer=Viewer(user_id=outsider.id))

    assert body == s.hidden()


async def test_membership_of_one_private_process_opens_no_other(make: Any, execute: Any) -> None:
    s = await setting(make, private_space=True)
    member = await make.user()
    await make.private_member(
        space=await make.process(private_space=True, published_at=s.process.published_at), user=member
    )

    body = await execute(
        "query($id: ID) { participatoryProcess(id: $id) { id } }",
        {"id": str(s.process.id)},
        organization=await make.org(None),
        viewer=Viewer(user_id=member.id),
    )

    assert body == {"data": {"participatoryProcess": None}}


async def test_member_of_an_unpublished_private_process_does_not_see_it(make: Any, execute: Any) -> None:
    s = await setting(make, private_space=True, published_at=None)
    member = await make.user()
    await make.private_member(space=s.process, user=member)

    body = await execute(EVERY_PATH, s.variables, organization=await make.org(None), viewer=Viewer(user_id=member.id))

    assert body == s.hidden()


@pytest.mark.parametrize("state", list(STATES))
async def test_organization_admin_sees_hidden_processes(make: Any, execute: Any, state: str) -> None:
    s = await setting(make, **STATES[state])
    await make.user()

    body = await execute(
        EVERY_PATH, s.variables, organization=await make.org(None), viewer=Viewer(organization_admin=True)
    )

    assert body == s.seen()


async def test_anonymous_visitor_lists_only_the_visible_processes_among_many(make: Any, gql: Any) -> None:
    group = await make.process_group()
    first = await make.process(process_group_id=group.id)
    await make.process(process_group_id=group.id, published_at=None)
    await make.process(process_group_id=group.id, private_space=True)
    last = await make.process(process_group_id=group.id)

    body = await gql("{ participatoryProcesses { id } participatoryProcessGroups { participatoryProcesses { id } } }")

    visible = [{"id": str(first.id)}, {"id": str(last.id)}]
    assert body == {
        "data": {"participatoryProcesses": visible, "participatoryProcessGroups": [{"participatoryProcesses": visible}]}
    }


async def test_a_group_of_hidden_processes_is_still_listed_but_empty(make: Any, gql: Any) -> None:
    group = await make.process_group()
    await make.process(process_group_id=group.id, published_at=None)

    body = await gql("{ participatoryProcessGroups { id participatoryProcesses { id } } }")

    assert body == {"data": {"participatoryProcessGroups": [{"id": str(group.id), "participatoryProcesses": []}]}}
