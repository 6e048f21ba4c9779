"""``assembly(id)``, ``assembliesTypes``, ``assembliesType(id)`` and every field of an assembly."""

from __future__ import annotations

from datetime import date
from typing import Any

from tests.builders import NOW, tr


def text(fr: str) -> dict[str, str]:
    return {"translation": fr}


EVERY_FIELD = """
query($id: ID) {
  assembly(id: $id) {
    id type title { translation(locale: "fr") }
    manifest { name humanName { single { translation(locale: "fr") } plural { translation(locale: "fr") } } }
    subtitle { translation(locale: "fr") } shortDescription { translation(locale: "fr") }
    description { translation(locale: "fr") } slug hashtag createdAt updatedAt publishedAt reference
    heroImage bannerImage promoted developerGroup { translation(locale: "fr") }
    metaScope { translation(locale: "fr") } localArea { translation(locale: "fr") }
    target { translation(locale: "fr") } participatoryScope { translation(locale: "fr") }
    participatoryStructure { translation(locale: "fr") } scopesEnabled privateSpace
    area { id name { translation(locale: "fr") } } scope { id }
    parent { id } parentsPath childrenCount purposeOfAction { translation(locale: "fr") }
    composition { translation(locale: "fr") } assemblyType { id title { translation(locale: "fr") } }
    creationDate createdBy createdByOther { translation(locale: "fr") } duration includedAt closingDate
    closingDateReason { translation(locale: "fr") } internalOrganisation { translation(locale: "fr") }
    isTransparent specialFeatures { translation(locale: "fr") }
    twitterHandler instagramHandler facebookHandler youtubeHandler githubHandler
    announcement { translation(locale: "fr") } children { id }
    stats { name value }
  }
}
"""


async def test_anonymous_visitor_reads_every_field_of_an_assembly(make: Any, gql: Any) -> None:
    area = await make.area(name=tr("Pays de Retz"))
    scope = await make.scope()
    kind = await make.assembly_type(title=tr("Conseil consultatif"))
    parent = await make.assembly()
    assembly = await make.assembly(
        parent=parent,
        slug="conseil-jeunes",
        title=tr("Conseil des jeunes"),
        subtitle=tr("Sous-titre"),
        short_description=tr("Court"),
        description=tr("Description"),
        announcement=tr("Annonce"),
        purpose_of_action=tr("Objet"),
        composition=tr("Composition"),
        internal_organisation=tr("Organisation"),
        special_features=tr("Particularités"),
        closing_date_reason=tr("Fin de mandat"),
        created_by_other=tr("Le département"),
        developer_group=tr("Promoteur"),
        meta_scope=tr("Métaportée"),
        local_area=tr("Zone"),
        target=tr("Public"),
        participatory_scope=tr("Portée"),
        participatory_structure=tr("Structure"),
        hashtag="Jeunes",
        reference="LA-ASSE-2026-01-1",
        hero_image="https://files.example.org/hero.jpg",
        banner_image="https://files.example.org/banner.jpg",
        promoted=True,
        scopes_enabled=False,
        scope_id=scope.id,
        area_id=area.id,
        assembly_type_id=kind.id,
        creation_date=date(2020, 3, 1),
        created_by="others",
        duration=date(2026, 12, 31),
        included_at=date(2020, 4, 1),
        closing_date=date(2026, 6, 30),
        twitter_handler="tw",
        instagram_handler="ig",
        facebook_handler="fb",
        youtube_handler="yt",
        github_handler="gh",
    )
    child = await make.assembly(parent=assembly)
    await make.assembly(parent=assembly, published_at=None)  # invisible: neither listed nor counted

    body = await gql(EVERY_FIELD, {"id": str(assembly.id)})

    stamp = assembly.created_at.isoformat()
    assert body["data"]["assembly"].pop("updatedAt") == assembly.updated_at.isoformat()
    assert body == {
        "data": {
            "assembly": {
                "id": str(assembly.id),
                "type": "Decidim::Assembly",
                "title": text("Conseil des jeunes"),
                "manifest": {
                    "name": "assemblies",
                    "humanName": {"single": text("Assemblée"), "plural": text("Assemblées")},
                },
                "subtitle": text("Sous-titre"),
                "shortDescription": text("Court"),
                "description": text("Description"),
                "slug": "conseil-jeunes",
                "hashtag": "Jeunes",
                "createdAt": stamp,
                "publishedAt": NOW.isoformat(),
                "reference": "LA-ASSE-2026-01-1",
                "heroImage": "https://files.example.org/hero.jpg",
                "bannerImage": "https://files.example.org/banner.jpg",
                "promoted": True,
                "developerGroup": text("Promoteur"),
                "metaScope": text("Métaportée"),
                "localArea": text("Zone"),
                "target": text("Public"),
                "participatoryScope": text("Portée"),
                "participatoryStructure": text("Structure"),
                "scopesEnabled": False,
                "privateSpace": False,
                "area": {"id": str(area.id), "name": text("Pays de Retz")},
                "scope": {"id": str(scope.id)},
                "parent": {"id": str(parent.id)},
                "parentsPath": f"{parent.id}.{assembly.id}",
                "childrenCount": 1,
                "purposeOfAction": text("Objet"),
                "composition": text("Composition"),
                "assemblyType": {"id": str(kind.id), "title": text("Conseil consultatif")},
                "creationDate": "2020-03-01",
                "createdBy": "others",
                "createdByOther": text("Le département"),
                "duration": "2026-12-31",
                "includedAt": "2020-04-01",
                "closingDate": "2026-06-30",
                "closingDateReason": text("Fin de mandat"),
                "internalOrganisation": text("Organisation"),
                "isTransparent": False,
                "specialFeatures": text("Particularités"),
                "twitterHandler": "tw",
                "instagramHandler": "ig",
                "facebookHandler": "fb",
                "youtubeHandler": "yt",
                "githubHandler": "gh",
                "announcement": text("Annonce"),
                "children": [{"id": str(child.id)}],
                "stats": [],
            }
        }
    }


async def test_finder_without_id_or_with_an_unknown_id_returns_null(make: Any, gql: Any) -> None:
    await make.assembly()
    process = await make.process()

    body = await gql(
        "query($other: ID) { none: assembly { id } unknown: assembly(id: 999999) { id }"
        " process: assembly(id: $other) { id } }",
        {"other": str(process.id)},
    )

    assert body == {"data": {"none": None, "unknown": None, "process": None}}


async def test_statistics_are_null_when_the_assembly_hides_them(make: Any, gql: Any) -> None:
    shown = await make.assembly()
    await make.component(space=shown, manifest_name="pages")
    hidden = await make.assembly(show_statistics=False)

    body = await gql(
        "query($a: ID, $b: ID) { a: assembly(id: $a) { stats { name value } } b: assembly(id: $b) { stats { name } } }",
        {"a": str(shown.id), "b": str(hidden.id)},
    )

    assert body == {"data": {"a": {"stats": [{"name": "pages_components_count", "value": 1}]}, "b": {"stats": None}}}


async def test_assemblies_types_list_their_visible_assemblies(make: Any, gql: Any) -> None:
    council = await make.assembly_type(title=tr("Conseil consultatif"))
    empty = await make.assembly_type(title=tr("Commission"))
    listed = await make.assembly(assembly_type_id=council.id, weight=2)
    first = await make.assembly(assembly_type_id=council.id, weight=1)
    await make.assembly(assembly_type_id=council.id, private_space=True)
    await make.assembly(assembly_type_id=council.id, published_at=None)
    await make.assembly()

    body = await gql(
        'query($id: ID!) { assembliesTypes { id title { translation(locale: "fr") } assemblies { id } }'
        " assembliesType(id: $id) { id createdAt updatedAt assemblies { id } } }",
        {"id": str(council.id)},
    )

    assert body == {
        "data": {
            "assembliesTypes": [
                {
                    "id": str(council.id),
                    "title": text("Conseil consultatif"),
                    "assemblies": [{"id": str(first.id)}, {"id": str(listed.id)}],
                },
                {"id": str(empty.id), "title": text("Commission"), "assemblies": []},
            ],
            "assembliesType": {
                "id": str(council.id),
                "createdAt": council.created_at.isoformat(),
                "updatedAt": council.updated_at.isoformat(),
                "assemblies": [{"id": str(first.id)}, {"id": str(listed.id)}],
            },
        }
    }


async def test_assemblies_type_of_an_unknown_id_is_null(make: Any, gql: Any) -> None:
    await make.assembly_type()

    body = await gql('{ assembliesType(id: "999999") { id } }')

    assert body == {"data": {"assembliesType": None}}


async def test_assemblies_and_their_types_are_nodes(make: Any, gql: Any) -> None:
    kind = await make.assembly_type()
    assembly = await make.assembly(assembly_type_id=kind.id)

    body = await gql(
        "query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Assembly { slug } } }",
        {"ids": [str(assembly.id), str(kind.id)]},
    )

    assert body == {
        "data": {
            "nodes": [
                {"__typename": "Assembly", "id": str(assembly.id), "slug": assembly.slug},
                {"__typename": "AssembliesType", "id": str(kind.id)},
            ]
        }
    }
