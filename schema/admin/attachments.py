"""Admin mutations for attachments (external http(s) URLs or uploaded files) and their folders. Thin."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import strawberry
from strawberry.file_uploads import Upload
from strawberry.scalars import JSON
from strawberry.types import Info

import models
from resolvers.admin import attachments
from resolvers.errors import BadUserInput
from schema.admin.common import attributes, id_of, write
from schema.common.types import Attachment, AttachmentCollection

if TYPE_CHECKING:
    from resolvers.storage import FileStorage, StoredFile

_T = "Texts by locale."
UNSET = strawberry.UNSET
_IDS = frozenset({"attached_to_id", "collection_id"})


@strawberry.input(description="An attachment pointing at an external http(s) URL.")
class AddAttachmentInput:
    attached_to_id: strawberry.ID = strawberry.field(description="A space, a component or a resource in one.")
    title: JSON = strawberry.field(description=f"Required. {_T}")
    url: str = strawberry.field(description="An http(s) URL.")
    description: JSON | None = strawberry.field(default=UNSET, description=_T)
    content_type: str | None = strawberry.field(default=UNSET, description="Inferred from the URL when left out.")
    weight: int | None = UNSET
    collection_id: strawberry.ID | None = strawberry.field(default=UNSET, description="A folder of the same owner.")


@strawberry.input(description="An attachment whose file is uploaded with the request (GraphQL multipart request).")
class UploadAttachmentInput:
    attached_to_id: strawberry.ID = strawberry.field(description="A space, a component or a resource in one.")
    title: JSON = strawberry.field(description=f"Required. {_T}")
    file: Upload = strawberry.field(
        description="PDF, image (PNG, JPEG, GIF, WebP), CSV or office document (docx, xlsx, odt, ods)."
    )
    description: JSON | None = strawberry.field(default=UNSET, description=_T)
    weight: int | None = UNSET
    collection_id: strawberry.ID | None = strawberry.field(default=UNSET, description="A folder of the same owner.")


@strawberry.input(description="An attachment's attributes; those left out stay as they are.")
class UpdateAttachmentInput:
    title: JSON | None = strawberry.field(default=UNSET, description=_T)
    description: JSON | None = strawberry.field(default=UNSET, description=_T)
    url: str | None = UNSET
    content_type: str | None = UNSET
    weight: int | None = UNSET
    collection_id: strawberry.ID | None = UNSET


@strawberry.input(description="A folder of attachments.")
class CreateAttachmentCollectionInput:
    attached_to_id: strawberry.ID = strawberry.field(description="A space, a component or a resource in one.")
    name: JSON = strawberry.field(description=f"Required. {_T}")
    description: JSON | None = strawberry.field(default=UNSET, description=_T)
    weight: int | None = UNSET


@strawberry.input(description="A folder's attributes; those left out stay as they are.")
class UpdateAttachmentCollectionInput:
    name: JSON | None = strawberry.field(default=UNSET, description=_T)
    description: JSON | None = strawberry.field(default=UNSET, description=_T)
    weight: int | None = UNSET


def _attrs(value: object) -> dict[str, object]:
    return attributes(value, ids=_IDS)


@strawberry.type
class AdminAttachmentMutations:
    @strawberry.mutation(description="Admin: attach an external http(s) document (admins of the owner's space).")
    async def add_attachment(self, info: Info, input: AddAttachmentInput) -> Attachment | None:
        attrs = _attrs(input)
        return Attachment.from_model(await write(info, lambda s, sc: attachments.add_attachment(s, sc, attrs=attrs)))

    @strawberry.mutation(
        description="Admin: attach an uploaded file (admins of the owner's space). Send a multipart request "
        "with an `Apollo-Require-Preflight: true` or `X-Participa-Upload: 1` header."
    )
    async def upload_attachment(self, info: Info, input: UploadAttachmentInput) -> Attachment | None:
        attrs = _attrs(input)
        upload: Any = attrs.pop("file")  # the server's upload object (Starlette's UploadFile here)
        if not callable(getattr(upload, "read", None)):
            # A JSON request can put any value in an Upload variable; only a multipart part is a file.
            msg = "`file` must be a file sent in a multipart request."
            raise BadUserInput(msg, fields={"file": "not an uploaded file"})
        data: bytes = await upload.read()
        filename: str | None = getattr(upload, "filename", None)
        content_type: str | None = getattr(upload, "content_type", None)
        storage: FileStorage = info.context.extra["storage"]
        saved: list[StoredFile] = []
        try:
            row = await write(
                info,
                lambda s, sc: attachments.upload_attachment(
                    s,
                    sc,
                    attrs=attrs,
                    filename=filename,
                    content_type=content_type,
                    data=data,
                    storage=storage,
                    saved=saved,
                ),
            )
        except BaseException:
            # The transaction did not commit: the stored file would be an orphan.
            for stored in saved:
                await storage.delete(stored)
            raise
        return Attachment.from_model(row)

    @strawberry.mutation(description="Admin: change an attachment.")
    async def update_attachment(self, info: Info, id: strawberry.ID, input: UpdateAttachmentInput) -> Attachment | None:
        aid, attrs = id_of(id, "id"), _attrs(input)
        row = await write(info, lambda s, sc: attachments.update_attachment(s, sc, attachment_id=aid, attrs=attrs))
        return Attachment.from_model(row)

    @strawberry.mutation(description="Admin: delete an attachment; answers its id.")
    async def delete_attachment(self, info: Info, id: strawberry.ID) -> strawberry.ID | None:
        aid = id_of(id, "id")
        await write(
            info, lambda s, sc: attachments.delete_row(s, sc, model=models.Attachment, kind="attachment", row_id=aid)
        )
        return id

    @strawberry.mutation(description="Admin: add a folder of attachments.")
    async def create_attachment_collection(
        self, info: Info, input: CreateAttachmentCollectionInput
    ) -> AttachmentCollection | None:
        attrs = _attrs(input)
        row = await write(info, lambda s, sc: attachments.create_collection(s, sc, attrs=attrs))
        return AttachmentCollection.from_model(row)

    @strawberry.mutation(description="Admin: change a folder of attachments.")
    async def update_attachment_collection(
        self, info: Info, id: strawberry.ID, input: UpdateAttachmentCollectionInput
    ) -> AttachmentCollection | None:
        cid, attrs = id_of(id, "id"), _attrs(input)
        row = await write(info, lambda s, sc: attachments.update_collection(s, sc, collection_id=cid, attrs=attrs))
        return AttachmentCollection.from_model(row)

    @strawberry.mutation(description="Admin: delete a folder; its attachments stay, unfiled. Answers its id.")
    async def delete_attachment_collection(self, info: Info, id: strawberry.ID) -> strawberry.ID | None:
        cid = id_of(id, "id")
        model, kind = models.AttachmentCollection, "attachment_collection"
        await write(info, lambda s, sc: attachments.delete_row(s, sc, model=model, kind=kind, row_id=cid))
        return id
