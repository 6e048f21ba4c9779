"""Search shows only what the viewer may see, decided at search time: every change shows at once."""

from __future__ import annotations

from typing import Any

from tests.builders import NOW, Make
from tests.search.conftest import as_, as_admin, change, comment, fr, ids


async def test_a_hidden_proposal_disappears_from_search_as_soon_as_it_is_hidden(make: Make, search: Any) -> None:
    proposal = await make.proposal(title=fr("Repeindre le kiosque"))
    assert ids(await search("kiosque")) == [str(proposal.id)]

    await change(make, proposal, hidden_at=NOW)

    assert await search("kiosque") == {
        "totalCount": 0,
        "pageInfo": {"hasNextPage": False, "hasPreviousPage": False, "endCursor": None},
        "nodes": [],
    }


async def test_an_unpublished_process_and_its_content_are_for_admins_only(make: Make, search: Any) -> None:
    admin = await make.user(admin=True)
    process = await make.process(title=fr("Concertation sur le kiosque"), published_at=None)
    component = await make.component(space=process)
    proposal = await make.proposal(component=component, title=fr("Un kiosque à musique"))

    assert ids(await search("kiosque")) == []
    assert sorted(ids(await search("kiosque", viewer=as_admin(admin)))) == sorted([str(process.id), str(proposal.id)])

    await change(make, process, published_at=NOW)

    assert sorted(ids(await search("kiosque"))) == sorted([str(process.id), str(proposal.id)])


async def test_a_private_space_is_searchable_by_its_members_only(make: Make, search: Any) -> None:
    member = await make.user()
    outsider = await make.user()
    process = await make.process(title=fr("Le kiosque des membres"), private_space=True)
    await make.private_member(space=process, user=member)
    proposal = await make.proposal(component=await make.component(space=process), title=fr("Un kiosque privé"))
    remark = await comment(make, on=proposal, author=member, body=fr("Je veux ce kiosque."))

    inside = sorted([str(process.id), str(proposal.id), str(remark.id)])
    assert sorted(ids(await search("kiosque", viewer=as_(member)))) == inside
    assert ids(await search("kiosque", viewer=as_(outsider))) == []
    assert ids(await search("kiosque")) == []

    await change(make, process, private_space=False)

    assert sorted(ids(await search("kiosque", viewer=as_(outsider)))) == inside


async def test_content_of_an_unpublished_component_is_not_found(make: Make, search: Any) -> None:
    component = await make.component(published_at=None)
    await make.proposal(component=component, title=fr("Le kiosque caché"))

    assert ids(await search("kiosque")) == []


async def test_a_blocked_participant_is_not_found(make: Make, search: Any) -> None:
    user = await make.user(name="Gaspard Kiosque")
    assert ids(await search("kiosque")) == [str(user.id)]

    await change(make, user, blocked=True, blocked_at=NOW)

    assert ids(await search("kiosque")) == []


async def test_unconfirmed_and_deleted_participants_are_not_found(make: Make, search: Any) -> None:
    await make.user(name="Kiosque Unconfirmed", confirmed_at=None)
    await make.user(name="Kiosque Deleted", deleted_at=NOW)

    assert ids(await search("kiosque")) == []


async def test_a_deleted_comment_is_not_found(make: Make, search: Any) -> None:
    proposal = await make.proposal(title=fr("Place du marché"))
    remark = await comment(make, on=proposal, body=fr("Et le kiosque ?"))
    assert ids(await search("kiosque")) == [str(remark.id)]

    await change(make, remark, deleted_at=NOW)

    assert ids(await search("kiosque")) == []


async def test_a_hidden_comment_hides_its_replies_from_search(make: Make, search: Any) -> None:
    proposal = await make.proposal(title=fr("Place du marché"))
    parent = await comment(make, on=proposal, body=fr("Un avis."))
    reply = await comment(make, on=proposal, parent=parent, body=fr("Réponse sur le kiosque."))
    assert ids(await search("kiosque")) == [str(reply.id)]

    await change(make, parent, hidden_at=NOW)

    assert ids(await search("kiosque")) == []


async def test_comments_on_a_hidden_proposal_are_not_found(make: Make, search: Any) -> None:
    proposal = await make.proposal(title=fr("Place du marché"), hidden_at=NOW)
    await comment(make, on=proposal, body=fr("Et le kiosque ?"))

    assert ids(await search("kiosque")) == []


async def test_another_organizations_content_is_never_found(make: Make, search: Any) -> None:
    elsewhere = await make.organization()
    process = await make.process(organization=elsewhere, title=fr("Le kiosque d'ailleurs"))
    await make.proposal(component=await make.component(space=process), title=fr("Un kiosque d'ailleurs"))
    await make.user(organization=elsewhere, name="Kiosque Ailleurs")
    admin = await make.user(admin=True)

    assert ids(await search("kiosque")) == []
    assert ids(await search("kiosque", viewer=as_admin(admin))) == []
    assert len(ids(await search("kiosque", organization=elsewhere))) == 3


async def test_a_private_meeting_is_found_by_its_registered_participants_only(make: Make, search: Any) -> None:
    registered = await make.user()
    other = await make.user()
    meeting = await make.meeting(title=fr("Réunion au kiosque"), private_meeting=True, transparent=False)
    await make.registration(meeting=meeting, user=registered)

    assert ids(await search("kiosque", viewer=as_(registered))) == [str(meeting.id)]
    assert ids(await search("kiosque", viewer=as_(other))) == []
