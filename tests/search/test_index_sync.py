"""The index follows every write in the writing transaction: new words are found, old ones and deleted rows not."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select, update

import models
from tests.builders import Make
from tests.search.conftest import change, comment, delete, fr, ids


async def test_a_new_title_is_searchable_right_after_the_update(make: Make, search: Any) -> None:
    proposal = await make.proposal(title=fr("Un banc public"))
    assert ids(await search("banc")) == [str(proposal.id)]

    await change(make, proposal, title=fr("Une balançoire"))

    assert ids(await search("balançoire")) == [str(proposal.id)]
    assert ids(await search("banc")) == []


async def test_a_deleted_resource_leaves_the_index(make: Make, search: Any) -> None:
    proposal = await make.proposal(title=fr("Un banc public"))
    remark = await comment(make, on=proposal, body=fr("Un banc en bois."))
    assert sorted(ids(await search("banc"))) == sorted([str(proposal.id), str(remark.id)])

    await delete(make, remark)
    await delete(make, proposal)

    assert ids(await search("banc")) == []
    assert await _index_rows(make, proposal.id, remark.id) == 0


async def test_a_deleted_space_leaves_the_index_and_its_content_is_no_longer_found(make: Make, search: Any) -> None:
    process = await make.process(title=fr("Bancs publics"))
    proposal = await make.proposal(component=await make.component(space=process), title=fr("Un banc"))

    await delete(make, process)

    assert ids(await search("banc")) == []
    assert await _index_rows(make, process.id) == 0
    assert proposal.id


async def test_a_translation_removed_leaves_the_index(make: Make, search: Any) -> None:
    proposal = await make.proposal(title={"fr": "Un banc", "en": "A bench"}, body={"fr": "Texte", "en": "Text"})
    assert ids(await search("bench")) == [str(proposal.id)]

    await change(make, proposal, title={"fr": "Un banc"}, body={"fr": "Texte"})

    assert ids(await search("bench")) == []
    assert ids(await search("banc")) == [str(proposal.id)]


async def test_a_renamed_participant_is_found_under_the_new_name_only(make: Make, search: Any) -> None:
    user = await make.user(name="Marie Curie", nickname="mcurie")

    await change(make, user, name="Marie Skłodowska")

    assert ids(await search("Sklodowska")) == [str(user.id)]
    assert ids(await search("Curie")) == []


async def test_counters_moving_do_not_rewrite_the_index(make: Make, search: Any) -> None:
    proposal = await make.proposal(title=fr("Un banc public"))
    before = await _row_ids(make, proposal.id)

    async with make.sessionmaker() as session:
        p = models.Proposal
        await session.execute(update(p).where(p.id == proposal.id).values(votes_count=p.votes_count + 1))  # type: ignore[arg-type]
        await session.commit()

    assert await _row_ids(make, proposal.id) == before
    assert ids(await search("banc")) == [str(proposal.id)]


async def test_a_rolled_back_write_leaves_the_index_as_it_was(make: Make, search: Any) -> None:
    proposal = await make.proposal(title=fr("Un banc public"))

    async with make.sessionmaker() as session:
        stored = await session.get(models.Proposal, proposal.id)
        stored.title = fr("Une fontaine")  # type: ignore[union-attr]
        await session.flush()
        await session.rollback()

    assert ids(await search("fontaine")) == []
    assert ids(await search("banc")) == [str(proposal.id)]


async def _index_rows(make: Make, *resource_ids: int | None) -> int:
    si = models.SearchIndex
    async with make.sessionmaker() as session:
        stmt = select(func.count()).select_from(si).where(si.resource_id.in_(resource_ids))  # type: ignore[attr-defined]
        return int(await session.scalar(stmt) or 0)


async def _row_ids(make: Make, resource_id: int | None) -> list[int]:
    si = models.SearchIndex
    async with make.sessionmaker() as session:
        stmt = select(si.id).where(si.resource_id == resource_id).order_by(si.id)  # type: ignore[call-overload]
        return list((await session.scalars(stmt)).all())
