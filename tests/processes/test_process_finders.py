"""``participatoryProcess(id, slug)``, process groups and process types."""

from __future__ import annotations

from typing import Any

from tests.builders import tr


async def test_anonymous_visitor_finds_a_process_by_id(make: Any, gql: Any) -> None:
    process = await make.process(slug="mobilites", title=tr("Mobilités", "Mobility"))

    body = await gql(
        'query($id: ID) { participatoryProcess(id: $id) { id slug title { translation(locale: "en") } } }',
        {"id": str(process.id)},
    )

    assert body == {
        "data": {
            "participatoryProcess": {"id": str(process.id), "slug": "mobilites", "title": {"translation": "Mobility"}}
        }
    }


async def test_anonymous_visitor_finds_a_process_by_slug(make: Any, gql: Any) -> None:
    await make.process(slug="budget-2026")
    process = await make.process(slug="mobilites")

    body = await gql('{ participatoryProcess(slug: "mobilites") { id slug } }')

    assert body == {"data": {"participatoryProcess": {"id": str(process.id), "slug": "mobilites"}}}


async def test_finder_with_id_and_slug_needs_both_to_match(make: Any, gql: Any) -> None:
    process = await make.process(slug="mobilites")
    other = await make.process(slug="budget-2026")
    query = "query($id: ID, $slug: String) { participatoryProcess(id: $id, slug: $slug) { id } }"

    matching = await gql(query, {"id": str(process.id), "slug": "mobilites"})
    mismatched = await gql(query, {"id": str(other.id), "slug": "mobilites"})

    assert matching == {"data": {"participatoryProcess": {"id": str(process.id)}}}
    assert mismatched == {"data": {"participatoryProcess": None}}


async def test_finder_without_id_or_slug_returns_null(make: Any, gql: Any) -> None:
    await make.process()

    body = await gql("{ participatoryProcess { id } }")

    assert body == {"data": {"participatoryProcess": None}}


async def test_finder_with_an_unknown_id_or_slug_returns_null(make: Any, gql: Any) -> None:
    await make.process(slug="mobilites")

    by_id = await gql('{ participatoryProcess(id: "999999") { id } }')
    by_slug = await gql('{ participatoryProcess(slug: "inconnu") { id } }')

    assert by_id == {"data": {"participatoryProcess": None}}
    assert by_slug == {"data": {"participatoryProcess": None}}


async def test_anonymous_visitor_lists_groups_with_their_processes(make: Any, gql: Any) -> None:
    group = await make.process_group(title=tr("Grands projets", "Major projects"))
    empty = await make.process_group(title=tr("Vide", "Empty"))
    heavy = await make.process(process_group_id=group.id, weight=2)
    light = await make.process(process_group_id=group.id, weight=1)
    await make.process()

    body = await gql(
        '{ participatoryProcessGroups { id title { translation(locale: "fr") } participatoryProcesses { id } } }'
    )

    assert body == {
        "data": {
            "participatoryProcessGroups": [
                {
                    "id": str(group.id),
                    "title": {"translation": "Grands projets"},
                    "participatoryProcesses": [{"id": str(light.id)}, {"id": str(heavy.id)}],
                },
                {"id": str(empty.id), "title": {"translation": "Vide"}, "participatoryProcesses": []},
            ]
        }
    }


async def test_anonymous_visitor_finds_a_group_by_id(make: Any, gql: Any) -> None:
    group = await make.process_group(title=tr("Grands projets", "Major projects"), hero_image="/hero.png")
    member = await make.process(process_group_id=group.id)

    body = await gql(
        "query($id: ID!) { participatoryProcessGroup(id: $id) {"
        ' id heroImage title { translation(locale: "en") } participatoryProcesses { id } } }',
        {"id": str(group.id)},
    )
    missing = await gql('{ participatoryProcessGroup(id: "999999") { id } }')

    assert body == {
        "data": {
            "participatoryProcessGroup": {
                "id": str(group.id),
                "heroImage": "/hero.png",
                "title": {"translation": "Major projects"},
                "participatoryProcesses": [{"id": str(member.id)}],
            }
        }
    }
    assert missing == {"data": {"participatoryProcessGroup": None}}


async def test_anonymous_visitor_lists_types_and_finds_one_by_id(make: Any, gql: Any) -> None:
    consultation = await make.process_type(title=tr("Consultation"))
    budget = await make.process_type(title=tr("Budget participatif", "Participatory budget"))
    typed = await make.process(process_type_id=budget.id)
    await make.process()

    listing = await gql('{ participatoryProcessTypes { id title { translation(locale: "fr") } processes { id } } }')
    one = await gql(
        'query($id: ID!) { participatoryProcessType(id: $id) { id title { translation(locale: "en") } } }',
        {"id": str(budget.id)},
    )
    missing = await gql('{ participatoryProcessType(id: "999999") { id } }')

    assert listing == {
        "data": {
            "participatoryProcessTypes": [
                {"id": str(consultation.id), "title": {"translation": "Consultation"}, "processes": []},
                {
                    "id": str(budget.id),
                    "title": {"translation": "Budget participatif"},
                    "processes": [{"id": str(typed.id)}],
                },
            ]
        }
    }
    assert one == {
        "data": {"participatoryProcessType": {"id": str(budget.id), "title": {"translation": "Participatory budget"}}}
    }
    assert missing == {"data": {"participatoryProcessType": None}}


async def test_process_links_to_its_group_type_scope_and_area(make: Any, gql: Any) -> None:
    group = await make.process_group()
    kind = await make.process_type()
    area_type = await make.area_type(name=tr("Territoire", "Territory"))
    area = await make.area(name=tr("Pays de Retz"), area_type_id=area_type.id)
    parent_scope = await make.scope(name=tr("Loire-Atlantique"), code="44")
    scope = await make.scope(name=tr("Nantes"), code="44109", parent_id=parent_scope.id)
    await make.process(process_group_id=group.id, process_type_id=kind.id, scope_id=scope.id, area_id=area.id)
    await make.process()  # a process with none of them

    body = await gql(
        "{ participatoryProcesses {"
        " participatoryProcessGroup { id } participatoryProcessType { id }"
        ' scope { id code name { translation(locale: "fr") } parent { id code } children { id } }'
        ' area { id name { translation(locale: "fr") } areaType { id name { translation(locale: "en") } } } } }'
    )

    assert body == {
        "data": {
            "participatoryProcesses": [
                {
                    "participatoryProcessGroup": {"id": str(group.id)},
                    "participatoryProcessType": {"id": str(kind.id)},
                    "scope": {
                        "id": str(scope.id),
                        "code": "44109",
                        "name": {"translation": "Nantes"},
                        "parent": {"id": str(parent_scope.id), "code": "44"},
                        "children": [],
                    },
                    "area": {
                        "id": str(area.id),
                        "name": {"translation": "Pays de Retz"},
                        "areaType": {"id": str(area_type.id), "name": {"translation": "Territory"}},
                    },
                },
                {
                    "participatoryProcessGroup": None,
                    "participatoryProcessType": None,
                    "scope": None,
                    "area": None,
                },
            ]
        }
    }
