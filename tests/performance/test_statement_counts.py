"""Pinned SQL statement counts: growing the data tenfold must not add a single statement.

Queries run in-process (``execute``) so the host -> organization lookup, cached per host by
the HTTP layer, does not blur the figure. Each figure is one statement per relation level.
"""

from __future__ import annotations

from typing import Any

from resolvers.viewer import ANONYMOUS, Viewer
from tests.builders import tr

PROCESSES = """
{
  participatoryProcesses {
    id
    title { translation(locale: "fr") }
    steps { id }
    activeStep { id }
    categories { id subcategories { id } parent { id } }
    components { id name { translation(locale: "fr") } participatorySpace { id } }
    attachments { url }
    attachmentCollections { id attachments { id } }
    participatoryProcessGroup { id participatoryProcesses { id } }
    linkedParticipatorySpaces { id }
    stats { name value }
  }
}
"""

# one statement each: processes, steps, categories, subcategories, parent categories, components,
# component spaces, attachments, collections, collection attachments, groups, group processes,
# outgoing links, incoming links, stats (components per manifest, then the metrics' figures: one per
# metric, eleven)
PROCESSES_STATEMENTS = 26

USERS = "{ users { id nickname ... on User { groups { id members { id } } } } }"

# users, groups of the users, members of those groups
USERS_STATEMENTS = 3


async def add_processes(make: Any, *, count: int, group: Any, previous: Any | None) -> Any:
    """``count`` visible processes with two of everything, plus hidden rows that must be filtered out."""
    for _ in range(count):
        process = await make.process(process_group_id=group.id)
        await make.step(process=process, active=True)
        await make.step(process=process)
        parent = await make.category(space=process)
        await make.category(space=process, parent_id=parent.id)
        await make.component(space=process, manifest_name="proposals")
        await make.component(space=process, manifest_name="meetings")
        await make.component(space=process, published_at=None)
        await make.attachment(owner=process)
        collection = await make.collection(owner=process)
        await make.attachment(owner=process, collection_id=collection.id)
        if previous is not None:
            await make.link(source=process, target=previous)
        previous = process
    hidden = await make.process(process_group_id=group.id, published_at=None)
    await make.step(process=hidden)
    await make.link(source=previous, target=hidden)
    return previous


async def test_process_tree_runs_the_same_statements_for_3_and_30_processes(
    make: Any, execute: Any, count_queries: Any
) -> None:
    org = await make.org(None)
    group = await make.process_group()
    last = await add_processes(make, count=3, group=group, previous=None)

    with count_queries() as small:
        small_body = await execute(PROCESSES, organization=org)
    await add_processes(make, count=27, group=group, previous=last)
    with count_queries() as large:
        large_body = await execute(PROCESSES, organization=org)

    assert "errors" not in small_body
    assert "errors" not in large_body
    assert len(small_body["data"]["participatoryProcesses"]) == 3
    assert len(large_body["data"]["participatoryProcesses"]) == 30
    assert small.count == PROCESSES_STATEMENTS
    assert large.count == PROCESSES_STATEMENTS


async def test_process_tree_statement_count_is_the_same_for_an_admin_and_a_member(
    make: Any, execute: Any, count_queries: Any
) -> None:
    org = await make.org(None)
    member = await make.user()
    group = await make.process_group()
    await add_processes(make, count=5, group=group, previous=None)

    counts = []
    for viewer in (ANONYMOUS, Viewer(user_id=member.id), Viewer(organization_admin=True)):
        with count_queries() as log:
            body = await execute(PROCESSES, organization=org, viewer=viewer)
        assert "errors" not in body
        counts.append(log.count)

    assert counts == [PROCESSES_STATEMENTS] * 3


async def add_users(make: Any, *, count: int) -> None:
    """``count`` participants in groups of five, plus hidden participants and a blocked group."""
    for start in range(0, count, 5):
        group = await make.group()
        for _ in range(min(5, count - start)):
            user = await make.user()
            await make.membership(user=user, group=group)
        await make.membership(user=await make.user(confirmed_at=None), group=group)
    blocked = await make.group(blocked=True)
    await make.membership(user=await make.user(), group=blocked)


async def test_users_with_groups_and_members_run_the_same_statements_for_5_and_50_users(
    make: Any, execute: Any, count_queries: Any
) -> None:
    org = await make.org(None)
    await add_users(make, count=5)

    with count_queries() as small:
        small_body = await execute(USERS, organization=org)
    await add_users(make, count=45)
    with count_queries() as large:
        large_body = await execute(USERS, organization=org)

    assert "errors" not in small_body
    assert "errors" not in large_body
    assert len(small_body["data"]["users"]) == 5 + 1 + 1  # participants, their group, the blocked group's member
    assert len(large_body["data"]["users"]) == 50 + 10 + 2
    assert small.count == USERS_STATEMENTS
    assert large.count == USERS_STATEMENTS


async def mixed_ids(make: Any) -> list[Any]:
    """One row of each node type, plus a hidden process and another organization's process."""
    process = await make.process()
    category = await make.category(space=process)
    area_type = await make.area_type()
    return [
        process,
        await make.step(process=process),
        await make.component(space=process),
        category,
        await make.category(space=process, parent_id=category.id),
        await make.user(),
        await make.group(),
        await make.attachment(owner=process),
        await make.collection(owner=process),
        await make.link(source=process, target=await make.process()),
        await make.process_group(),
        await make.process_type(),
        await make.scope(name=tr("Nantes")),
        await make.area(area_type_id=area_type.id),
        area_type,
        await make.process(published_at=None),
        await make.process(organization=await make.organization(host="other.test")),
    ]


NODES = "query($ids: [ID!]!) { nodes(ids: $ids) { id } }"

# one statement finds the table of every id, then one per loader: processes, steps, components,
# categories, users (participants and groups), attachments, collections, links, process groups,
# process types, scopes, areas, area types
NODES_STATEMENTS = 14


async def test_nodes_with_20_mixed_ids_run_one_statement_per_table(make: Any, execute: Any, count_queries: Any) -> None:
    org = await make.org(None)
    rows = await mixed_ids(make)
    visible, hidden = rows[:-2], rows[-2:]
    extra = [await make.process(), await make.user(), await make.component()]
    twenty = [*visible, *hidden, *extra]

    with count_queries() as one_each:
        one_each_body = await execute(NODES, {"ids": [str(r.id) for r in visible]}, organization=org)
    with count_queries() as mixed:
        mixed_body = await execute(NODES, {"ids": [str(r.id) for r in twenty]}, organization=org)

    def node(row: Any) -> dict[str, str]:
        return {"id": str(row.id)}

    assert len(twenty) == 20
    assert one_each_body == {"data": {"nodes": [node(r) for r in visible]}}
    assert mixed_body == {"data": {"nodes": [*(node(r) for r in visible), None, None, *(node(r) for r in extra)]}}
    assert one_each.count == NODES_STATEMENTS
    assert mixed.count == NODES_STATEMENTS


async def test_nodes_statement_count_does_not_grow_with_repeated_ids(
    make: Any, execute: Any, count_queries: Any
) -> None:
    org = await make.org(None)
    process = await make.process()
    user = await make.user()

    with count_queries() as two:
        await execute(NODES, {"ids": [str(process.id), str(user.id)]}, organization=org)
    with count_queries() as twenty:
        body = await execute(NODES, {"ids": [str(process.id), str(user.id)] * 10}, organization=org)

    assert body == {"data": {"nodes": [{"id": str(process.id)}, {"id": str(user.id)}] * 10}}
    assert two.count == 3
    assert twenty.count == 3


async def test_nodes_refuses_more_than_100_ids_without_touching_the_database(
    make: Any, execute: Any, count_queries: Any
) -> None:
    org = await make.org(None)

    with count_queries() as log:
        body = await execute(NODES, {"ids": [str(i) for i in range(1, 102)]}, organization=org)

    assert body == {
        "data": None,
        "errors": [
            {
                "message": "Ask for at most 100 ids at once.",
                "locations": [{"line": 1, "column": 23}],
                "path": ["nodes"],
                "extensions": {"code": "BAD_USER_INPUT", "fields": {"ids": "at most 100"}},
            }
        ],
    }
    assert log.count == 0
