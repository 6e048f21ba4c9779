"""Every searchable kind is found and resolves to its object; filters narrow by kind, space, scope and locale."""

from __future__ import annotations

from typing import Any

import models
from tests.builders import Make
from tests.search.conftest import change, comment, fr, ids, post, result

SHOWN = "id resourceType resource { __typename id } space { id } scope { id }"


async def _one_of_each(make: Make) -> dict[str, Any]:
    """One visible object of every kind, each with the word "lavoir" somewhere in its text."""
    scope = await make.scope()
    process = await make.process(title=fr("Restaurer le lavoir"), scope_id=scope.id)
    assembly = await make.assembly(title=fr("Assemblée"), description=fr("<p>Elle veille sur le lavoir.</p>"))
    proposals = await make.component(space=process, manifest_name="proposals")
    proposal = await make.proposal(component=proposals, title=fr("Un toit pour le lavoir"), scope_id=scope.id)
    meeting = await make.meeting(
        component=await make.component(space=assembly, manifest_name="meetings"), title=fr("Visite du lavoir")
    )
    debate = await make.debate(component=await make.component(space=process, manifest_name="debates"))
    await change(make, debate, description=fr("Que faire du lavoir ?"))
    blog_post = await post(
        make, component=await make.component(space=process, manifest_name="blogs"), title=fr("Le lavoir en photos")
    )
    done = await result(
        make,
        component=await make.component(space=process, manifest_name="accountability"),
        title=fr("Lavoir restauré"),
        scope_id=scope.id,
    )
    remark = await comment(make, on=proposal, body=fr("Le lavoir mérite mieux."))
    user = await make.user(name="Jeanne Lavoir", nickname="jeanne")
    group = await make.group(name="Les amis du lavoir", nickname="amis")
    return {
        "scope": scope, "process": process, "assembly": assembly, "proposal": proposal, "meeting": meeting,
        "debate": debate, "post": blog_post, "result": done, "comment": remark, "user": user, "group": group,
    }  # fmt: skip


def _expected(o: dict[str, Any]) -> list[dict[str, Any]]:
    process, assembly, scope = str(o["process"].id), str(o["assembly"].id), str(o["scope"].id)

    def hit(key: str, decidim: str, typename: str, space: str | None, with_scope: bool = False) -> dict[str, Any]:
        pk = str(o[key].id)
        return {
            "id": pk,
            "resourceType": decidim,
            "resource": {"__typename": typename, "id": pk},
            "space": {"id": space} if space else None,
            "scope": {"id": scope} if with_scope else None,
        }

    rows = [
        hit("process", "Decidim::ParticipatoryProcess", "ParticipatoryProcess", process, with_scope=True),
        hit("assembly", "Decidim::Assembly", "Assembly", assembly),
        hit("proposal", "Decidim::Proposals::Proposal", "Proposal", process, with_scope=True),
        hit("meeting", "Decidim::Meetings::Meeting", "Meeting", assembly),
        hit("debate", "Decidim::Debates::Debate", "Debate", process),
        hit("post", "Decidim::Blogs::Post", "Post", process),
        hit("result", "Decidim::Accountability::Result", "Result", process, with_scope=True),
        # A comment takes the space and scope of what it comments on.
        hit("comment", "Decidim::Comments::Comment", "Comment", process, with_scope=True),
        hit("user", "Decidim::User", "User", None),
        hit("group", "Decidim::UserGroup", "UserGroup", None),
    ]
    return sorted(rows, key=lambda r: int(r["id"]))


async def test_every_kind_of_object_is_found_and_resolved(make: Make, search: Any) -> None:
    objects = await _one_of_each(make)

    found = await search("lavoir", selection=SHOWN)

    assert found["totalCount"] == 10
    assert sorted(found["nodes"], key=lambda r: int(r["id"])) == _expected(objects)


async def test_filtering_by_decidim_types_or_kinds(make: Make, search: Any) -> None:
    o = await _one_of_each(make)

    by_class = await search("lavoir", filter={"resourceTypes": ["Decidim::Meetings::Meeting", "Decidim::User"]})
    by_kind = await search("lavoir", filter={"resourceTypes": ["comment", "user_group"]})

    assert sorted(ids(by_class)) == sorted([str(o["meeting"].id), str(o["user"].id)])
    assert by_class["totalCount"] == 2
    assert sorted(ids(by_kind)) == sorted([str(o["comment"].id), str(o["group"].id)])


async def test_an_unknown_resource_type_is_refused(search: Any) -> None:
    body = await search("lavoir", raw=True, filter={"resourceTypes": ["Decidim::Nope"]})

    assert body["data"] is None
    assert [(e["extensions"]["code"], e["extensions"]["fields"]) for e in body["errors"]] == [
        ("BAD_USER_INPUT", {"filter.resourceTypes": "unknown type"})
    ]


async def test_filtering_by_space_keeps_the_space_and_what_it_holds(make: Make, search: Any) -> None:
    o = await _one_of_each(make)

    found = await search("lavoir", filter={"spaceId": str(o["assembly"].id)})

    assert sorted(ids(found)) == sorted([str(o["assembly"].id), str(o["meeting"].id)])


async def test_filtering_by_scope(make: Make, search: Any) -> None:
    o = await _one_of_each(make)

    found = await search("lavoir", filter={"scopeId": str(o["scope"].id)})

    expected = [o[k].id for k in ("process", "proposal", "result", "comment")]
    assert sorted(ids(found)) == sorted(str(pk) for pk in expected)


async def test_filtering_by_locale_keeps_texts_in_that_locale_and_participants(make: Make, search: Any) -> None:
    french = await make.proposal(title=fr("Le lavoir du bourg"))
    english = await make.proposal(title={"en": "The lavoir of the village"})
    user = await make.user(name="Paul Lavoir")

    in_english = await search("lavoir", selection="id locale", filter={"locale": "en"})
    in_french = await search("lavoir", selection="id locale", filter={"locale": "fr"})

    assert sorted(in_english["nodes"], key=lambda n: int(n["id"])) == [
        {"id": str(english.id), "locale": "en"},
        {"id": str(user.id), "locale": None},
    ]
    assert sorted(in_french["nodes"], key=lambda n: int(n["id"])) == [
        {"id": str(french.id), "locale": "fr"},
        {"id": str(user.id), "locale": None},
    ]


async def test_a_locale_without_a_language_configuration_still_matches_words(make: Make, search: Any) -> None:
    proposal = await make.proposal(title={"ca": "Plaça del mercat"})

    found = await search("plaça", selection="id locale", filter={"locale": "ca"})

    assert found["nodes"] == [{"id": str(proposal.id), "locale": "ca"}]


async def test_a_participant_is_found_by_name_or_nickname_never_by_email(make: Make, search: Any) -> None:
    user = await make.user(name="Louise Michel", nickname="louisem", email="secret.address@example.org")

    assert ids(await search("Louise")) == [str(user.id)]
    assert ids(await search("louisem")) == [str(user.id)]
    assert ids(await search("secret.address@example.org")) == []
    assert ids(await search("secret")) == []
    async with make.sessionmaker() as session:
        rows = (await session.execute(models.SearchIndex.__table__.select())).all()  # type: ignore[attr-defined]
    assert all("secret" not in f"{r.title} {r.body}" for r in rows)
