"""Admin mutations on attachments (external URLs) and their folders: who may, and what is written."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select
from sqlmodel import col

import models
from tests.admin.conftest import Actors, error_of

ADD = """
mutation($input: AddAttachmentInput!) {
  addAttachment(input: $input) {
    title { translation(locale: "fr") } url type contentType weight attachmentCollection { weight }
  }
}
"""
UPDATE = "mutation($id: ID!, $input: UpdateAttachmentInput!) { updateAttachment(id: $id, input: $input) { url } }"
DELETE = "mutation($id: ID!) { deleteAttachment(id: $id) }"
CREATE_FOLDER = """
mutation($input: CreateAttachmentCollectionInput!) {
  createAttachmentCollection(input: $input) { name { translation(locale: "fr") } weight attachmentsCount }
}
"""
UPDATE_FOLDER = """
mutation($id: ID!, $input: UpdateAttachmentCollectionInput!) {
  updateAttachmentCollection(id: $id, input: $input) { weight }
}
"""
DELETE_FOLDER = "mutation($id: ID!) { deleteAttachmentCollection(id: $id) }"
DENIALS = [
    ("moderator", {"code": "FORBIDDEN", "reason": "MISSING_PERMISSION"}),
    ("participant", {"code": "FORBIDDEN", "reason": "MISSING_PERMISSION"}),
    ("read_only_admin", {"code": "FORBIDDEN", "reason": "INSUFFICIENT_SCOPE"}),
    ("anonymous", {"code": "UNAUTHENTICATED"}),
]


async def count(app: Any, model: Any) -> int:
    async with app.state.sessionmaker() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)


def attachment_input(owner: Any, **kw: Any) -> dict[str, Any]:
    return {"attachedToId": str(owner.id), "title": {"fr": "Compte-rendu"}, "url": "https://example.org/cr.pdf"} | kw


@pytest.mark.parametrize("who", ["org_admin", "space_admin"])
async def test_space_admins_attach_an_external_document_to_the_space(
    execute: Any, actors: Actors, app: Any, who: str
) -> None:
    result = await execute(
        ADD, {"input": attachment_input(actors.process, weight=3)}, organization=actors.org, viewer=getattr(actors, who)
    )
    assert result == {
        "data": {
            "addAttachment": {
                "title": {"translation": "Compte-rendu"},
                "url": "https://example.org/cr.pdf",
                "type": "document",
                "contentType": "application/pdf",
                "weight": 3,
                "attachmentCollection": None,
            }
        }
    }
    async with app.state.sessionmaker() as session:
        row = await session.scalar(select(models.Attachment))
        logged = await session.scalar(select(func.count()).where(col(models.ActionLog.action) == "attachment.create"))
    assert row is not None
    assert (row.attached_to_kind, row.attached_to_id) == ("participatory_process", actors.process.id)
    assert logged == 1


async def test_a_document_on_a_proposal_is_filed_in_a_folder_of_that_proposal(
    execute: Any, actors: Actors, make: Any
) -> None:
    proposal = await make.proposal(component=await make.component(space=actors.process))
    folder = await execute(
        CREATE_FOLDER,
        {"input": {"attachedToId": str(proposal.id), "name": {"fr": "Annexes"}, "weight": 1}},
        organization=actors.org,
        viewer=actors.space_admin,
    )
    assert folder == {
        "data": {"createAttachmentCollection": {"name": {"translation": "Annexes"}, "weight": 1, "attachmentsCount": 0}}
    }
    async with make.sessionmaker() as session:
        folder_id = await session.scalar(select(col(models.AttachmentCollection.id)))
    given = attachment_input(
        proposal, url="http://example.org/plan", contentType="image/png", collectionId=str(folder_id)
    )
    result = await execute(ADD, {"input": given}, organization=actors.org, viewer=actors.space_admin)
    assert result["data"]["addAttachment"] | {"title": None} == {
        "title": None,
        "url": "http://example.org/plan",
        "type": "image",
        "contentType": "image/png",
        "weight": 0,
        "attachmentCollection": {"weight": 1},
    }


@pytest.mark.parametrize("url", ["ftp://example.org/cr.pdf", "javascript:alert(1)", "file:///etc/passwd", "cr.pdf"])
async def test_only_http_urls_are_attached(execute: Any, actors: Actors, app: Any, url: str) -> None:
    result = await execute(
        ADD, {"input": attachment_input(actors.process, url=url)}, organization=actors.org, viewer=actors.org_admin
    )
    assert error_of(result) == {
        "code": "BAD_USER_INPUT",
        "fields": {"url": "an http(s) URL of 2048 characters at most"},
    }
    assert await count(app, models.Attachment) == 0


async def test_invalid_attachment_attributes_name_their_fields(execute: Any, actors: Actors, app: Any) -> None:
    given = attachment_input(actors.process, title={"fr": ""}, weight=-1, contentType="pdf")
    result = await execute(ADD, {"input": given}, organization=actors.org, viewer=actors.org_admin)
    assert error_of(result) == {
        "code": "BAD_USER_INPUT",
        "fields": {"title": "required", "weight": "0 or more", "contentType": "a media type, e.g. application/pdf"},
    }
    assert await count(app, models.Attachment) == 0


async def test_a_folder_of_another_owner_is_refused(execute: Any, actors: Actors, make: Any, app: Any) -> None:
    other = await make.process(organization=actors.org)
    folder = await make.save(
        models.AttachmentCollection(
            organization_id=actors.org.id, attached_to_kind="participatory_process", attached_to_id=other.id
        )
    )
    given = attachment_input(actors.process, collectionId=str(folder.id))
    result = await execute(ADD, {"input": given}, organization=actors.org, viewer=actors.org_admin)
    assert error_of(result) == {"code": "BAD_USER_INPUT", "fields": {"collectionId": "not a folder of this owner"}}
    assert await count(app, models.Attachment) == 0


async def _attachment(make: Any, actors: Actors) -> models.Attachment:
    return await make.save(  # type: ignore[no-any-return]
        models.Attachment(
            organization_id=actors.org.id,
            attached_to_kind="participatory_process",
            attached_to_id=actors.process.id,
            title={"fr": "Avant"},
            url="https://example.org/avant.pdf",
        )
    )


async def test_a_space_admin_updates_then_deletes_an_attachment(
    execute: Any, actors: Actors, make: Any, app: Any
) -> None:
    row = await _attachment(make, actors)
    updated = await execute(
        UPDATE, {"id": str(row.id), "input": {"url": "https://example.org/apres.pdf"}}, organization=actors.org,
        viewer=actors.space_admin,
    )  # fmt: skip
    assert updated == {"data": {"updateAttachment": {"url": "https://example.org/apres.pdf"}}}
    deleted = await execute(DELETE, {"id": str(row.id)}, organization=actors.org, viewer=actors.space_admin)
    assert deleted == {"data": {"deleteAttachment": str(row.id)}}
    assert await count(app, models.Attachment) == 0


async def test_deleting_a_folder_keeps_its_attachments_unfiled(
    execute: Any, actors: Actors, make: Any, app: Any
) -> None:
    folder = await make.save(
        models.AttachmentCollection(
            organization_id=actors.org.id, attached_to_kind="participatory_process", attached_to_id=actors.process.id
        )
    )
    row = await _attachment(make, actors)
    await execute(
        UPDATE, {"id": str(row.id), "input": {"collectionId": str(folder.id)}}, organization=actors.org,
        viewer=actors.org_admin,
    )  # fmt: skip
    updated = await execute(
        UPDATE_FOLDER, {"id": str(folder.id), "input": {"weight": 4}}, organization=actors.org, viewer=actors.org_admin
    )
    assert updated == {"data": {"updateAttachmentCollection": {"weight": 4}}}
    deleted = await execute(DELETE_FOLDER, {"id": str(folder.id)}, organization=actors.org, viewer=actors.org_admin)
    assert deleted == {"data": {"deleteAttachmentCollection": str(folder.id)}}
    async with app.state.sessionmaker() as session:
        assert await session.scalar(select(col(models.Attachment.collection_id))) is None
    assert await count(app, models.AttachmentCollection) == 0


@pytest.mark.parametrize("case", DENIALS)
async def test_others_may_not_manage_attachments(
    execute: Any, actors: Actors, make: Any, app: Any, case: tuple[str, dict[str, Any]]
) -> None:
    who, expected = case
    viewer = getattr(actors, who)
    row = await _attachment(make, actors)
    added = await execute(ADD, {"input": attachment_input(actors.process)}, organization=actors.org, viewer=viewer)
    updated = await execute(UPDATE, {"id": str(row.id), "input": {"weight": 2}}, organization=actors.org, viewer=viewer)
    deleted = await execute(DELETE, {"id": str(row.id)}, organization=actors.org, viewer=viewer)
    new_folder = {"attachedToId": str(actors.process.id), "name": {"fr": "X"}}
    folder = await execute(CREATE_FOLDER, {"input": new_folder}, organization=actors.org, viewer=viewer)
    assert [error_of(r) for r in (added, updated, deleted, folder)] == [expected] * 4
    assert (await count(app, models.Attachment), await count(app, models.AttachmentCollection)) == (1, 0)


async def test_another_organizations_admin_finds_no_owner_and_no_attachment(
    execute: Any, actors: Actors, make: Any
) -> None:
    row = await _attachment(make, actors)
    added = await execute(
        ADD, {"input": attachment_input(actors.process)}, organization=actors.other_org, viewer=actors.stranger_admin
    )
    deleted = await execute(DELETE, {"id": str(row.id)}, organization=actors.other_org, viewer=actors.stranger_admin)
    assert error_of(added) == {"code": "NOT_FOUND", "fields": {"attachedToId": "not found"}}
    assert error_of(deleted) == {"code": "NOT_FOUND", "fields": {"id": "not found"}}
