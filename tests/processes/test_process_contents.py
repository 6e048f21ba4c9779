"""What a visible process shows: steps, categories, attachments, linked spaces, statistics."""

from __future__ import annotations

from typing import Any

from tests.builders import tr


async def process_body(gql: Any, process: Any, selection: str) -> dict[str, Any]:
    return await gql(  # type: ignore[no-any-return]
        f"query($id: ID) {{ participatoryProcess(id: $id) {{ {selection} }} }}", {"id": str(process.id)}
    )


async def test_steps_come_in_position_order_and_the_active_one_is_exposed(make: Any, gql: Any) -> None:
    process = await make.process()
    third = await make.step(process=process, position=3, title=tr("Restitution"))
    first = await make.step(process=process, position=1, title=tr("Diagnostic"))
    second = await make.step(process=process, position=2, title=tr("Propositions"), active=True, cta_path="proposals")

    body = await process_body(
        gql,
        process,
        'steps { id position active callToActionPath title { translation(locale: "fr") } } activeStep { id }',
    )

    assert body == {
        "data": {
            "participatoryProcess": {
                "steps": [
                    {
                        "id": str(first.id),
                        "position": 1,
                        "active": False,
                        "callToActionPath": None,
                        "title": {"translation": "Diagnostic"},
                    },
                    {
                        "id": str(second.id),
                        "position": 2,
                        "active": True,
                        "callToActionPath": "proposals",
                        "title": {"translation": "Propositions"},
                    },
                    {
                        "id": str(third.id),
                        "position": 3,
                        "active": False,
                        "callToActionPath": None,
                        "title": {"translation": "Restitution"},
                    },
                ],
                "activeStep": {"id": str(second.id)},
            }
        }
    }


async def test_process_without_an_active_step_has_a_null_active_step(make: Any, gql: Any) -> None:
    process = await make.process()
    await make.step(process=process)

    body = await process_body(gql, process, "activeStep { id }")

    assert body == {"data": {"participatoryProcess": {"activeStep": None}}}


async def test_a_step_leads_back_to_its_process(make: Any, gql: Any) -> None:
    process = await make.process()
    step = await make.step(process=process)

    body = await gql(
        "query($id: ID!) { node(id: $id) { ... on ParticipatoryProcessStep { id participatoryProcess { id } } } }",
        {"id": str(step.id)},
    )

    assert body == {"data": {"node": {"id": str(step.id), "participatoryProcess": {"id": str(process.id)}}}}


async def test_categories_list_all_levels_and_the_parent_filter_walks_the_tree(make: Any, gql: Any) -> None:
    process = await make.process()
    transport = await make.category(space=process, weight=1)
    housing = await make.category(space=process, weight=2)
    cycling = await make.category(space=process, parent_id=transport.id, weight=1)
    buses = await make.category(space=process, parent_id=transport.id, weight=2)
    await make.category(space=await make.process())  # another process's category

    everything = await process_body(gql, process, "categories { id parent { id } subcategories { id } }")
    top_level = await process_body(gql, process, "categories(filter: {parentId: null}) { id }")
    top_level_list = await process_body(gql, process, "categories(filter: {parentId: [null]}) { id }")
    children = await gql(
        "query($id: ID, $parent: ID) { participatoryProcess(id: $id) {"
        " categories(filter: {parentId: [$parent]}) { id } } }",
        {"id": str(process.id), "parent": str(transport.id)},
    )

    assert everything == {
        "data": {
            "participatoryProcess": {
                "categories": [
                    {
                        "id": str(transport.id),
                        "parent": None,
                        "subcategories": [{"id": str(cycling.id)}, {"id": str(buses.id)}],
                    },
                    {"id": str(cycling.id), "parent": {"id": str(transport.id)}, "subcategories": []},
                    {"id": str(housing.id), "parent": None, "subcategories": []},
                    {"id": str(buses.id), "parent": {"id": str(transport.id)}, "subcategories": []},
                ]
            }
        }
    }
    expected_top = {
        "data": {"participatoryProcess": {"categories": [{"id": str(transport.id)}, {"id": str(housing.id)}]}}
    }
    assert top_level == expected_top
    assert top_level_list == expected_top
    assert children == {
        "data": {"participatoryProcess": {"categories": [{"id": str(cycling.id)}, {"id": str(buses.id)}]}}
    }


async def test_parent_filter_mixing_null_and_an_id_lists_top_level_and_those_subcategories(make: Any, gql: Any) -> None:
    process = await make.process()
    transport = await make.category(space=process, weight=1)
    housing = await make.category(space=process, weight=2)
    cycling = await make.category(space=process, parent_id=transport.id, weight=1)
    await make.category(space=process, parent_id=housing.id, weight=1)

    body = await gql(
        "query($id: ID, $parent: ID) { participatoryProcess(id: $id) {"
        " categories(filter: {parentId: [null, $parent]}) { id } } }",
        {"id": str(process.id), "parent": str(transport.id)},
    )

    assert body == {
        "data": {
            "participatoryProcess": {
                "categories": [{"id": str(transport.id)}, {"id": str(cycling.id)}, {"id": str(housing.id)}]
            }
        }
    }


async def test_parent_filter_rejects_a_non_integer_id(make: Any, gql: Any) -> None:
    process = await make.process()

    body = await gql(
        'query($id: ID) { participatoryProcess(id: $id) { categories(filter: {parentId: ["transport"]}) { id } } }',
        {"id": str(process.id)},
    )

    assert body == {
        "data": {"participatoryProcess": None},
        "errors": [
            {
                "message": "Invalid id 'transport' for filter.parentId: ids are integers.",
                "locations": [{"line": 1, "column": 50}],
                "path": ["participatoryProcess", "categories"],
                "extensions": {"code": "BAD_USER_INPUT", "fields": {"filter.parentId": "must be an integer id"}},
            }
        ],
    }


async def test_attachments_and_collections_come_in_weight_order(make: Any, gql: Any) -> None:
    process = await make.process()
    minutes = await make.collection(owner=process, name=tr("Compte-rendu et synthèse"), weight=1)
    second = await make.attachment(owner=process, weight=2, url="https://files.example.org/b.pdf")
    first = await make.attachment(
        owner=process,
        weight=1,
        url="https://files.example.org/a.png",
        content_type="image/png",
        collection_id=minutes.id,
    )

    body = await process_body(
        gql,
        process,
        "attachments { id url type thumbnail contentType fileSize attachmentCollection { id } }"
        ' attachmentCollections { id name { translation(locale: "fr") } attachmentsCount attachments { id } }',
    )

    assert body == {
        "data": {
            "participatoryProcess": {
                "attachments": [
                    {
                        "id": str(first.id),
                        "url": "https://files.example.org/a.png",
                        "type": "image",
                        "thumbnail": "https://files.example.org/a.png",
                        "contentType": "image/png",
                        "fileSize": 1024,
                        "attachmentCollection": {"id": str(minutes.id)},
                    },
                    {
                        "id": str(second.id),
                        "url": "https://files.example.org/b.pdf",
                        "type": "document",
                        "thumbnail": None,
                        "contentType": "application/pdf",
                        "fileSize": 1024,
                        "attachmentCollection": None,
                    },
                ],
                "attachmentCollections": [
                    {
                        "id": str(minutes.id),
                        "name": {"translation": "Compte-rendu et synthèse"},
                        "attachmentsCount": 1,
                        "attachments": [{"id": str(first.id)}],
                    }
                ],
            }
        }
    }


async def test_linked_spaces_are_listed_from_both_ends(make: Any, gql: Any) -> None:
    source = await make.process()
    target = await make.process()
    link = await make.link(source=source, target=target, name="included_participatory_processes")
    selection = (
        "linkedParticipatorySpaces { id name fromType toType"
        " participatorySpace { id ... on ParticipatoryProcess { slug } } }"
    )

    from_source = await process_body(gql, source, selection)
    from_target = await process_body(gql, target, selection)

    def expected(other: Any) -> dict[str, Any]:
        return {
            "data": {
                "participatoryProcess": {
                    "linkedParticipatorySpaces": [
                        {
                            "id": str(link.id),
                            "name": "included_participatory_processes",
                            "fromType": "Decidim::ParticipatoryProcess",
                            "toType": "Decidim::ParticipatoryProcess",
                            "participatorySpace": {"id": str(other.id), "slug": other.slug},
                        }
                    ]
                }
            }
        }

    assert from_source == expected(target)
    assert from_target == expected(source)


async def test_stats_count_published_components_per_manifest(make: Any, gql: Any) -> None:
    process = await make.process()
    await make.component(space=process, manifest_name="proposals")
    await make.component(space=process, manifest_name="proposals")
    await make.component(space=process, manifest_name="meetings")
    await make.component(space=process, manifest_name="meetings", published_at=None)

    body = await process_body(gql, process, "stats { name value }")

    assert body == {
        "data": {
            "participatoryProcess": {
                "stats": [
                    {"name": "meetings_components_count", "value": 1},
                    {"name": "proposals_components_count", "value": 2},
                ]
            }
        }
    }


async def test_stats_are_null_when_the_process_hides_its_statistics(make: Any, gql: Any) -> None:
    process = await make.process(show_statistics=False)
    await make.component(space=process)

    body = await process_body(gql, process, "stats { name value }")

    assert body == {"data": {"participatoryProcess": {"stats": None}}}


async def test_manifest_names_the_kind_of_space(make: Any, gql: Any) -> None:
    process = await make.process()

    body = await process_body(
        gql,
        process,
        'manifest { name humanName { single { translation(locale: "fr") } plural { translation(locale: "en") } } }',
    )

    assert body == {
        "data": {
            "participatoryProcess": {
                "manifest": {
                    "name": "participatory_processes",
                    "humanName": {
                        "single": {"translation": "Concertation"},
                        "plural": {"translation": "Participatory processes"},
                    },
                }
            }
        }
    }
