"""Meetings, debates, posts, pages, budget projects and results: each file holds what an anonymous API
client reads of them (same rows, same values), and what the API withholds stays out."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import models
from models.kinds import ResourceKind
from resolvers.open_data.base import Entity
from resolvers.open_data.comments import DEBATE_COMMENTS, POST_COMMENTS, RESULT_COMMENTS
from resolvers.open_data.components import DEBATES, MEETINGS, PAGES, POSTS, PROJECTS
from resolvers.open_data.results import RESULTS
from resolvers.viewer import ANONYMOUS
from resolvers.visibility import Scope
from tests.builders import NOW, Make, tr


async def export(app: Any, entity: Entity, org: models.Organization) -> list[dict[str, Any]]:
    async with app.state.sessionmaker() as session:
        rows = (await session.execute(entity.select(Scope(organization_id=org.id, viewer=ANONYMOUS)))).all()  # type: ignore[arg-type]
    names = [c.name for c in entity.columns]
    return [dict(zip(names, row, strict=True)) for row in rows]


async def nodes(execute: Any, org: models.Organization, fragment: str, ids: list[int]) -> list[dict[str, Any]]:
    found = await execute(
        f"query ($ids: [ID!]!) {{ nodes(ids: $ids) {{ {fragment} }} }}",
        {"ids": [str(i) for i in ids]},
        organization=org,
    )
    assert "errors" not in found
    return [n for n in found["data"]["nodes"] if n]


def author_of(node: dict[str, Any]) -> tuple[int | None, str | None]:
    author = node["author"]
    if author is None or not author["nickname"]:
        return None, None
    return int(author["id"]), author["nickname"].removeprefix("@")


def _time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value).astimezone(UTC) if value else None


async def hidden_spaces(make: Make, manifest: str) -> list[models.Component]:
    """Components no anonymous visitor may read: private, unpublished, other organization, unpublished tab."""
    return [
        await make.component(space=await make.process(private_space=True), manifest_name=manifest),
        await make.component(space=await make.process(published_at=None), manifest_name=manifest),
        await make.component(space=await make.process(), manifest_name=manifest, published_at=None),
        await make.component(
            space=await make.assembly(private_space=True, is_transparent=False), manifest_name=manifest
        ),
        await make.component(space=await make.process(organization=await make.organization()), manifest_name=manifest),
    ]


MEETING = """... on Meeting {
  id reference official withdrawn privateMeeting transparent registrationsEnabled registrationsCount remainingSlots
  closedAt closingReport { translation(locale: "fr") } attendeeCount contributionCount attendingOrganizations
  videoUrl audioUrl onlineMeetingUrl typeOfMeeting startTime endTime address totalCommentsCount
  author { id nickname }
}"""


async def test_meetings_file_matches_the_api_and_never_lists_registrants(app: Any, make: Make, execute: Any) -> None:
    org = await make.org(None)
    process = await make.process()
    component = await make.component(space=process, manifest_name="meetings")
    transparent_assembly = await make.assembly(private_space=True, is_transparent=True)
    host = await make.user(nickname="hote")
    attendee = await make.user()
    closing = {
        "closed_at": NOW,
        "closing_report": tr("Bonne réunion.", "A good meeting."),
        "attendees_count": 12,
        "contributions_count": 3,
        "attending_organizations": "Asso du quartier",
        "video_url": "https://video.example.org/1",
        "audio_url": "https://audio.example.org/1",
    }
    limited = await make.meeting(component=component, author=host, available_slots=10, reserved_slots=2)
    await make.registration(meeting=limited, user=attendee)
    closed_public = await make.meeting(component=component, **closing, closing_visible=True)
    closed_quietly = await make.meeting(component=component, **closing, closing_visible=False)
    online = await make.meeting(
        component=component, type_of_meeting="online", online_meeting_url="https://visio.example.org/r"
    )
    in_person_with_url = await make.meeting(component=component, online_meeting_url="https://visio.example.org/x")
    withdrawn = await make.meeting(component=component, withdrawn_at=NOW)
    private_transparent = await make.meeting(component=component, private_meeting=True, transparent=True)
    in_transparent_assembly = await make.meeting(
        component=await make.component(space=transparent_assembly, manifest_name="meetings")
    )
    public = [
        limited,
        closed_public,
        closed_quietly,
        online,
        in_person_with_url,
        withdrawn,
        private_transparent,
        in_transparent_assembly,
    ]
    never = [
        await make.meeting(component=component, published_at=None),
        await make.meeting(component=component, hidden_at=NOW),
        await make.meeting(component=component, private_meeting=True, transparent=False),
    ] + [await make.meeting(component=c) for c in await hidden_spaces(make, "meetings")]

    rows = await export(app, MEETINGS, org)
    api = await nodes(execute, org, MEETING, [m.id for m in public + never])

    assert [r["id"] for r in rows] == [int(n["id"]) for n in api] == [m.id for m in public]
    for row, node in zip(rows, api, strict=True):
        assert (row["reference"] or "") == node["reference"]
        assert (row["official"], row["withdrawn_at"] is not None) == (node["official"], node["withdrawn"])
        assert (row["private_meeting"], row["transparent"]) == (node["privateMeeting"], node["transparent"])
        assert row["registrations_enabled"] == node["registrationsEnabled"]
        assert (row["registrations_count"], row["remaining_slots"]) == (
            node["registrationsCount"],
            node["remainingSlots"],
        )
        assert row["closed_at"] == _time(node["closedAt"])
        assert row["closing_report"].get("fr") == (node["closingReport"] or {}).get("translation")
        assert (row["attendees_count"], row["contributions_count"]) == (
            node["attendeeCount"],
            node["contributionCount"],
        )
        assert row["attending_organizations"] == node["attendingOrganizations"]
        assert (row["video_url"], row["audio_url"]) == (node["videoUrl"], node["audioUrl"])
        assert row["online_meeting_url"] == node["onlineMeetingUrl"]
        assert row["type_of_meeting"] == node["typeOfMeeting"]
        assert (row["start_time"], row["end_time"]) == (_time(node["startTime"]), _time(node["endTime"]))
        assert row["address"] == node["address"]
        assert row["comments_count"] == node["totalCommentsCount"]
        assert (row["author_id"], row["author_nickname"]) == author_of(node)

    by_id = {r["id"]: r for r in rows}
    assert (by_id[limited.id]["registrations_count"], by_id[limited.id]["remaining_slots"]) == (1, 7)
    assert (by_id[limited.id]["author_id"], by_id[limited.id]["author_nickname"]) == (host.id, "hote")
    assert by_id[closed_public.id]["attendees_count"] == 12
    assert (by_id[closed_quietly.id]["attendees_count"], by_id[closed_quietly.id]["closing_report"]) == (None, {})
    assert by_id[in_person_with_url.id]["online_meeting_url"] == ""
    assert by_id[in_transparent_assembly.id]["space_type"] == "Decidim::Assembly"
    assert by_id[in_transparent_assembly.id]["space_id"] == transparent_assembly.id
    # Registrations are counted, never listed: no cell names the participant who registered.
    cells = {str(v) for r in rows for v in r.values()}
    assert not {str(attendee.id), attendee.nickname} & cells


DEBATE = """... on Debate {
  id reference official closed closedAt conclusions { translation(locale: "fr") } endorsementsCount
  totalCommentsCount startTime endTime author { id nickname } title { translation(locale: "fr") }
}"""


async def test_debates_file_matches_the_api(app: Any, make: Make, execute: Any) -> None:
    org = await make.org(None)
    component = await make.component(manifest_name="debates")
    author = await make.user(nickname="debatteuse")
    blocked = await make.user(blocked=True, blocked_at=NOW)
    start = datetime(2026, 3, 1, 18, tzinfo=UTC)
    open_one = await make.debate(component=component, author=author)
    dated = await make.debate(component=component, start_time=start, end_time=start + timedelta(hours=2))
    closed = await make.debate(component=component, closed_at=NOW, conclusions=tr("On continue.", "We go on."))
    open_with_draft_conclusions = await make.debate(component=component, conclusions=tr("Pas encore."))
    by_blocked = await make.debate(component=component, author=blocked)
    public = [open_one, dated, closed, open_with_draft_conclusions, by_blocked]
    never = [await make.debate(component=component, hidden_at=NOW)] + [
        await make.debate(component=c) for c in await hidden_spaces(make, "debates")
    ]

    rows = await export(app, DEBATES, org)
    api = await nodes(execute, org, DEBATE, [d.id for d in public + never])

    assert [r["id"] for r in rows] == [int(n["id"]) for n in api] == [d.id for d in public]
    for row, node in zip(rows, api, strict=True):
        assert row["title"]["fr"] == node["title"]["translation"]
        assert (row["official"], row["closed_at"]) == (node["official"], _time(node["closedAt"]))
        assert (row["closed_at"] is not None) == node["closed"]
        assert row["conclusions"].get("fr") == (node["conclusions"] or {}).get("translation")
        assert (row["endorsements_count"], row["comments_count"]) == (
            node["endorsementsCount"],
            node["totalCommentsCount"],
        )
        assert (row["start_time"], row["end_time"]) == (_time(node["startTime"]), _time(node["endTime"]))
        assert (row["author_id"], row["author_nickname"]) == author_of(node)
    by_id = {r["id"]: r for r in rows}
    assert (by_id[open_one.id]["author_id"], by_id[open_one.id]["author_nickname"]) == (author.id, "debatteuse")
    assert by_id[open_with_draft_conclusions.id]["conclusions"] == {}
    assert by_id[by_blocked.id]["author_id"] is None


async def post(make: Make, component: models.Component, **kw: Any) -> models.Post:
    defaults: dict[str, Any] = {
        "organization_id": component.organization_id,
        "component_id": component.id,
        "title": tr("Des nouvelles", "News"),
        "body": tr("<p>Le chantier avance.</p>"),
        "published_at": NOW,
    }
    return await make.save(models.Post(**(defaults | kw)))  # type: ignore[no-any-return]


POST = """... on Post {
  id official publishedAt endorsementsCount totalCommentsCount author { id nickname }
  title { translation(locale: "fr") }
}"""


async def test_posts_file_holds_published_posts_as_the_api_shows_them(app: Any, make: Make, execute: Any) -> None:
    org = await make.org(None)
    component = await make.component(manifest_name="blogs")
    writer = await make.user(nickname="plume")
    group = await make.group(nickname="redaction")
    deleted = await make.user(deleted_at=NOW)
    official = await post(make, component, official=True)
    by_writer = await post(make, component, author_id=writer.id)
    for_group = await post(make, component, author_id=writer.id, user_group_id=group.id)
    by_deleted = await post(make, component, author_id=deleted.id)
    public = [official, by_writer, for_group, by_deleted]
    never = [
        await post(make, component, published_at=datetime.now(UTC) + timedelta(days=3)),  # scheduled
        await post(make, component, hidden_at=NOW),
    ] + [await post(make, c) for c in await hidden_spaces(make, "blogs")]

    rows = await export(app, POSTS, org)
    api = await nodes(execute, org, POST, [p.id for p in public + never])

    assert [r["id"] for r in rows] == [int(n["id"]) for n in api] == [p.id for p in public]
    for row, node in zip(rows, api, strict=True):
        assert row["title"]["fr"] == node["title"]["translation"]
        assert (row["official"], row["published_at"]) == (node["official"], _time(node["publishedAt"]))
        assert (row["endorsements_count"], row["comments_count"]) == (
            node["endorsementsCount"],
            node["totalCommentsCount"],
        )
        assert (row["author_id"], row["author_nickname"]) == author_of(node)
    by_id = {r["id"]: r for r in rows}
    assert (by_id[for_group.id]["author_id"], by_id[for_group.id]["author_nickname"]) == (group.id, "redaction")
    assert (by_id[by_writer.id]["author_id"], by_id[official.id]["author_id"]) == (writer.id, None)
    assert by_id[by_deleted.id]["author_id"] is None


async def test_pages_file_matches_the_api(app: Any, make: Make, execute: Any) -> None:
    org = await make.org(None)
    process = await make.process()
    component = await make.component(space=process, manifest_name="pages")

    async def page(c: models.Component) -> models.Page:
        row = models.Page(
            organization_id=c.organization_id, component_id=c.id, title=tr("À propos", "About"), body=tr("<p>Qui.</p>")
        )
        return await make.save(row)  # type: ignore[no-any-return]

    public = [await page(component), await page(component)]
    never = [await page(c) for c in await hidden_spaces(make, "pages")]

    rows = await export(app, PAGES, org)
    api = await nodes(
        execute, org, '... on Page { id title { translation(locale: "en") } }', [p.id for p in public + never]
    )

    assert [r["id"] for r in rows] == [int(n["id"]) for n in api] == [p.id for p in public]
    assert [r["title"]["en"] for r in rows] == [n["title"]["translation"] for n in api]
    assert rows[0] | {"created_at": None, "updated_at": None} == {
        "id": public[0].id,
        "component_id": component.id,
        "space_type": "Decidim::ParticipatoryProcess",
        "space_id": process.id,
        "title": {"fr": "À propos", "en": "About"},
        "body": {"fr": "<p>Qui.</p>", "en": "<p>Qui.</p> (en)"},
        "created_at": None,
        "updated_at": None,
    }


PROJECT = """... on Project {
  id reference budget_amount selected selectedAt confirmedVotes totalCommentsCount address
  budget { id } title { translation(locale: "fr") }
}"""


async def test_projects_file_matches_the_api_and_keeps_hidden_votes_hidden(app: Any, make: Make, execute: Any) -> None:
    org = await make.org(None)
    shown = await make.component(manifest_name="budgets", default_step_settings={"show_votes": True})
    quiet_process = await make.process()
    step = await make.step(process=quiet_process, active=True)
    quiet = await make.component(
        space=quiet_process,
        manifest_name="budgets",
        default_step_settings={"show_votes": True},
        step_settings={str(step.id): {"show_votes": False}},
    )
    budget = await make.budget(component=shown, title=tr("Budget du quartier", "District budget"))
    selected = await make.project(budget=budget, selected_at=NOW, confirmed_orders_count=4, address="Place du marché")
    plain = await make.project(budget=budget)
    hidden_votes = await make.project(budget=await make.budget(component=quiet), confirmed_orders_count=9)
    public = [selected, plain, hidden_votes]
    never = [await make.project(budget=await make.budget(component=c)) for c in await hidden_spaces(make, "budgets")]

    rows = await export(app, PROJECTS, org)
    api = await nodes(execute, org, PROJECT, [p.id for p in public + never])

    assert [r["id"] for r in rows] == [int(n["id"]) for n in api] == [p.id for p in public]
    for row, node in zip(rows, api, strict=True):
        assert row["title"]["fr"] == node["title"]["translation"]
        assert (row["budget_amount"], row["confirmed_votes"]) == (node["budget_amount"], node["confirmedVotes"])
        assert (row["selected_at"] is not None, row["selected_at"]) == (node["selected"], _time(node["selectedAt"]))
        assert (row["budget_id"], row["address"]) == (int(node["budget"]["id"]), node["address"])
        assert row["comments_count"] == node["totalCommentsCount"]
    by_id = {r["id"]: r for r in rows}
    assert (by_id[selected.id]["confirmed_votes"], by_id[hidden_votes.id]["confirmed_votes"]) == (4, None)
    assert by_id[selected.id]["budget_title"] == {"fr": "Budget du quartier", "en": "District budget"}


async def result(make: Make, component: models.Component, **kw: Any) -> models.Result:
    defaults: dict[str, Any] = {
        "organization_id": component.organization_id,
        "component_id": component.id,
        "title": tr("Rénover l'école", "Renovate the school"),
    }
    return await make.save(models.Result(**(defaults | kw)))  # type: ignore[no-any-return]


RESULT = """... on Result {
  id progress weight childrenCount externalId startDate endDate status { id } parent { id } totalCommentsCount
}"""


async def test_results_file_matches_the_api_with_progress_rolled_up_through_the_tree(
    app: Any, make: Make, execute: Any
) -> None:
    org = await make.org(None)
    component = await make.component(manifest_name="accountability")
    status = await make.save(
        models.ResultStatus(
            organization_id=org.id, component_id=component.id, key="ongoing", name=tr("En cours", "Ongoing")
        )
    )
    # A three-level tree: the top's progress comes from its children's, one of which is itself rolled up.
    top = await result(make, component, children_count=3, status_id=status.id, external_id="X-1")
    done = await result(make, component, parent_id=top.id, progress=100.0, weight=1)
    middle = await result(make, component, parent_id=top.id, progress=5.0, weight=3, children_count=2)
    await result(make, component, parent_id=middle.id, progress=100.0, weight=1)
    await result(make, component, parent_id=middle.id, progress=33.333, weight=2)
    await result(make, component, parent_id=top.id, weight=0)  # no progress: counts as 0
    await result(make, component, parent_id=top.id, progress=90.0, deleted_at=NOW)  # deleted: not counted
    even = await result(make, component, children_count=2)
    await result(make, component, parent_id=even.id, progress=10.0, weight=0)
    await result(make, component, parent_id=even.id, progress=25.0, weight=0)
    alone = await result(make, component, progress=42.5, start_date=NOW.date(), end_date=NOW.date())
    never = [await result(make, c, progress=1.0) for c in await hidden_spaces(make, "accountability")]

    rows = await export(app, RESULTS, org)
    everything = [r["id"] for r in rows] + [r.id for r in never]
    api = await nodes(execute, org, RESULT, everything)

    assert [r["id"] for r in rows] == [int(n["id"]) for n in api]
    assert not {r.id for r in never} & {r["id"] for r in rows}
    for row, node in zip(rows, api, strict=True):
        assert row["progress"] == node["progress"]
        assert (row["weight"], row["children_count"]) == (node["weight"], node["childrenCount"])
        assert row["external_id"] == node["externalId"]
        assert row["status_id"] == (int(node["status"]["id"]) if node["status"] else None)
        assert row["parent_id"] == (int(node["parent"]["id"]) if node["parent"] else None)
        assert row["comments_count"] == node["totalCommentsCount"]
    by_id = {r["id"]: r for r in rows}
    assert by_id[middle.id]["progress"] == 55.56
    assert by_id[top.id]["progress"] == round((100.0 * 1 + 55.56 * 3 + 0.0 * 0) / 4, 2)
    assert by_id[even.id]["progress"] == 17.5
    assert (by_id[alone.id]["progress"], by_id[done.id]["progress"]) == (42.5, 100.0)
    assert by_id[top.id]["status_name"] == {"fr": "En cours", "en": "Ongoing"}


async def comment(make: Make, kind: str, on: Any, author: models.User, **kw: Any) -> models.Comment:
    row = models.Comment(
        organization_id=on.organization_id,
        commentable_kind=kind,
        commentable_id=on.id,
        root_kind=kind,
        root_id=on.id,
        author_id=author.id,
        body={"fr": "Je suis pour."},
        **kw,
    )
    return await make.save(row)  # type: ignore[no-any-return]


async def test_debate_post_and_result_comments_follow_their_resources_visibility(app: Any, make: Make) -> None:
    org = await make.org(None)
    alice = await make.user()
    debates = await make.component(manifest_name="debates")
    blogs = await make.component(manifest_name="blogs")
    results = await make.component(manifest_name="accountability")
    debate = await make.debate(component=debates)
    hidden_debate = await make.debate(component=debates, hidden_at=NOW)
    published = await post(make, blogs)
    scheduled = await post(make, blogs, published_at=datetime.now(UTC) + timedelta(days=1))
    live = await result(make, results)
    removed = await result(make, results, deleted_at=NOW)

    on_debate = await comment(make, ResourceKind.DEBATE, debate, alice)
    await comment(make, ResourceKind.DEBATE, hidden_debate, alice)
    await comment(make, ResourceKind.DEBATE, debate, alice, hidden_at=NOW)
    on_post = await comment(make, ResourceKind.POST, published, alice)
    await comment(make, ResourceKind.POST, scheduled, alice)
    on_result = await comment(make, ResourceKind.RESULT, live, alice)
    await comment(make, ResourceKind.RESULT, removed, alice)

    assert [(r["id"], r["debate_id"]) for r in await export(app, DEBATE_COMMENTS, org)] == [(on_debate.id, debate.id)]
    assert [(r["id"], r["post_id"]) for r in await export(app, POST_COMMENTS, org)] == [(on_post.id, published.id)]
    assert [(r["id"], r["result_id"]) for r in await export(app, RESULT_COMMENTS, org)] == [(on_result.id, live.id)]
