"""Existing admin writes leave their trace in the action log, in their own transaction."""

from __future__ import annotations

from typing import Any

from resolvers.viewer import Viewer
from tests.accountability.conftest import accountability_component
from tests.builders import Make
from tests.meetings.conftest import action, in_days, meetings_component, variables

RESULT_WRITES = """
mutation($c: ID!, $title: JSON!) {
  component(id: $c) {
    ... on AccountabilityMutation { createResult(input: {attributes: {title: $title, progress: 10}}) { id } }
  }
}
"""
UPDATE = """
mutation($c: ID!, $id: ID!) {
  component(id: $c) {
    ... on AccountabilityMutation { result(id: $id) { update(input: {attributes: {progress: 60}}) { id } } }
  }
}
"""
DELETE = """
mutation($c: ID!, $id: ID!) {
  component(id: $c) { ... on AccountabilityMutation { result(id: $id) { delete(input: {}) { id } } } }
}
"""
LOGS = """
{ actionLogs { totalCount nodes { userId action resourceType resourceId spaceType spaceId changes } } }
"""


async def test_result_writes_are_logged_with_their_space_and_changes(make: Make, execute: Any) -> None:
    org = await make.org(None)
    admin = await make.user(admin=True)
    viewer = Viewer(user_id=admin.id, organization_admin=True, scopes=frozenset({"api:read", "api:write"}))
    process = await make.process()
    component = await accountability_component(make, space=process)
    c = str(component.id)

    created = await execute(RESULT_WRITES, {"c": c, "title": {"fr": "Piste"}}, organization=org, viewer=viewer)
    assert "errors" not in created, created
    pk = created["data"]["component"]["createResult"]["id"]
    updated = await execute(UPDATE, {"c": c, "id": pk}, organization=org, viewer=viewer)
    assert "errors" not in updated, updated
    deleted = await execute(DELETE, {"c": c, "id": pk}, organization=org, viewer=viewer)
    assert "errors" not in deleted, deleted

    body = await execute(LOGS, organization=org, viewer=viewer)

    logs = body["data"]["actionLogs"]
    assert logs["totalCount"] == 3
    assert [(n["action"], n["resourceId"], n["userId"]) for n in logs["nodes"]] == [
        ("result.delete", pk, str(admin.id)),
        ("result.update", pk, str(admin.id)),
        ("result.create", pk, str(admin.id)),
    ]
    assert {(n["resourceType"], n["spaceType"], n["spaceId"]) for n in logs["nodes"]} == {
        ("result", "participatory_process", str(process.id))
    }
    assert logs["nodes"][1]["changes"] == {"progress": [10.0, 60.0]}
    assert logs["nodes"][2]["changes"]["progress"] == [None, 10.0]


async def test_closing_a_meeting_is_logged_with_what_it_changed(make: Make, execute: Any) -> None:
    org = await make.org(None)
    author = await make.user()
    admin = await make.user(admin=True)
    process = await make.process()
    meeting = await make.meeting(
        component=await meetings_component(make, space=process),
        author=author,
        start_time=in_days(-1),
        end_time=in_days(-1, hours=2),
    )
    writer = Viewer(user_id=author.id, scopes=frozenset({"api:read", "api:write"}))
    closing = {"closingReport": {"fr": "Belle participation"}, "attendeesCount": 25}

    closed = await execute(
        action("close", input="$input", selection="closed").replace(
            "mutation($component: ID!, $id: ID!)", "mutation($component: ID!, $id: ID!, $input: CloseMeetingInput!)"
        ),
        {**variables(meeting), "input": {"attributes": closing}},
        organization=org,
        viewer=writer,
    )
    assert "errors" not in closed, closed

    body = await execute(
        LOGS,
        organization=org,
        viewer=Viewer(user_id=admin.id, organization_admin=True),
    )

    [log] = body["data"]["actionLogs"]["nodes"]
    assert (log["action"], log["resourceType"], log["resourceId"], log["userId"]) == (
        "meeting.close",
        "meeting",
        str(meeting.id),
        str(author.id),
    )
    assert (log["spaceType"], log["spaceId"]) == ("participatory_process", str(process.id))
    assert log["changes"]["attendees_count"] == [None, 25]
    assert log["changes"]["closed_at"][0] is None
