"""A representative nested meetings page costs the same number of SQL statements at any size."""

from __future__ import annotations

from typing import Any

import models
from models.kinds import ResourceKind
from tests.builders import NOW, Make, tr
from tests.meetings.conftest import as_, in_days, meetings_component

MEETING = ResourceKind.MEETING.value

PAGE = """
query($a: ID!, $b: ID!) {
  a: component(id: $a) { ...calendar }
  b: component(id: $b) { ...calendar }
}
fragment calendar on Meetings {
  participatorySpace { id }
  meetings(first: 50, filter: {timeFrame: "upcoming"}, order: {startTime: "ASC"}) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      id title { text } reference startTime endTime typeOfMeeting remainingSlots
      closingReport { text } acceptsNewComments totalCommentsCount
      author { nickname } category { id name { text } } scope { id }
      services { title { text } }
      agenda { title { text } items { title { text } duration items { title { text } parent { id } } } }
      proposalsFromMeeting { id title { text } voteCount }
      attachments { url }
      registrationForm { id }
      viewerRegistered viewerRegistrationCode
    }
  }
}
"""

COMPONENTS = 2
# Both components at once, one statement each: components, their space, their settings (component and
# active step), the meetings page, totalCount; then per relation level: authors, categories, scopes,
# services, agendas, agenda items (every level at once), linked proposals (and their component's settings,
# two), attachments, registration forms, the viewer's registrations.
EXPECTED_STATEMENTS = 18


def _agenda_items(org: int, agenda_id: int) -> list[Any]:
    return [
        models.MeetingAgendaItem(
            organization_id=org, agenda_id=agenda_id, title=tr(f"Point {n}"), duration=20, position=n
        )
        for n in range(2)
    ]


async def _populate(make: Make, *, per_component: int) -> tuple[list[models.Component], models.User]:
    """Meetings with an author, a category, a scope, services, a two-level agenda, a linked proposal, an
    attachment and the viewer's registration. Written in one transaction per component."""
    process = await make.process()
    viewer = await make.user()
    category = await make.category(space=process)
    scope = await make.scope()
    proposals = await make.component(space=process, manifest_name="proposals")
    proposal = await make.proposal(component=proposals)
    components = []
    for _ in range(COMPONENTS):
        component = await meetings_component(make, space=process)
        components.append(component)
        authors = [await make.user() for _ in range(3)]
        async with make.sessionmaker() as session:
            org = process.organization_id
            for n in range(per_component):
                meeting = models.Meeting(
                    organization_id=org,
                    component_id=component.id,
                    title=tr(f"Rencontre {n}"),
                    description=tr("Venez"),
                    address="Mairie",
                    start_time=in_days(1 + n),
                    end_time=in_days(1 + n, hours=2),
                    published_at=NOW,
                    author_id=authors[n % 3].id,
                    category_id=category.id,
                    scope_id=scope.id,
                    registrations_enabled=True,
                    available_slots=100,
                    registrations_count=1,
                )
                session.add(meeting)
                await session.flush()
                agenda = models.MeetingAgenda(organization_id=org, meeting_id=meeting.id, title=tr("Programme"))
                session.add(agenda)
                await session.flush()
                items = _agenda_items(org, agenda.id)  # type: ignore[arg-type]
                session.add_all(items)
                await session.flush()
                session.add_all(
                    [
                        models.MeetingAgendaItem(
                            organization_id=org, agenda_id=agenda.id, parent_id=items[1].id, title=tr("Sous-point")
                        ),
                        models.MeetingService(organization_id=org, meeting_id=meeting.id, title=tr("Garderie")),
                        models.MeetingService(
                            organization_id=org, meeting_id=meeting.id, title=tr("Repas"), position=1
                        ),
                        models.MeetingProposalLink(organization_id=org, meeting_id=meeting.id, proposal_id=proposal.id),
                        models.MeetingRegistration(
                            organization_id=org, meeting_id=meeting.id, user_id=viewer.id, code=f"C{meeting.id}"
                        ),
                        models.Attachment(
                            organization_id=org,
                            attached_to_kind=MEETING,
                            attached_to_id=meeting.id,
                            title=tr("Plan d'accès"),
                            url=f"https://files.example.org/{meeting.id}.pdf",
                        ),
                    ]
                )
            await session.commit()
    return components, viewer


async def _count(make: Make, execute: Any, count_queries: Any, *, per_component: int) -> tuple[int, list[str]]:
    (a, b), viewer = await _populate(make, per_component=per_component)
    org = await make.org(None)
    with count_queries() as log:
        body = await execute(PAGE, {"a": str(a.id), "b": str(b.id)}, organization=org, viewer=as_(viewer))
    assert "errors" not in body, body
    pages = [body["data"][alias]["meetings"] for alias in ("a", "b")]
    assert [len(p["nodes"]) for p in pages] == [per_component] * COMPONENTS
    nodes = [n for p in pages for n in p["nodes"]]
    assert all(n["viewerRegistered"] and n["author"] and n["category"] and n["attachments"] for n in nodes)
    assert all(len(n["services"]) == 2 and len(n["proposalsFromMeeting"]) == 1 for n in nodes)
    assert all(len(n["agenda"]["items"]) == 2 and len(n["agenda"]["items"][1]["items"]) == 1 for n in nodes)
    return log.count, log.statements


async def test_a_page_of_five_meetings_per_component_costs_a_fixed_number_of_statements(
    make: Make, execute: Any, count_queries: Any
) -> None:
    count, statements = await _count(make, execute, count_queries, per_component=5)
    assert count == EXPECTED_STATEMENTS, "\n\n".join(statements)


async def test_ten_times_more_meetings_cost_the_same_statements(make: Make, execute: Any, count_queries: Any) -> None:
    count, statements = await _count(make, execute, count_queries, per_component=50)
    assert count == EXPECTED_STATEMENTS, "\n\n".join(statements)
