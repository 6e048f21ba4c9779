"""Where uploaded files are kept: an interface, so resolvers never touch disks or buckets themselves.

The application supplies an implementation (``app/storage.py``) through ``context.extra["storage"]``.
Also here: which uploads are accepted, judged from the declared media type and, where a signature is
cheap to check, from the file's first bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from resolvers.errors import BadUserInput

# Media types accepted for uploaded attachments (documents and images a space publishes).
ALLOWED_UPLOAD_TYPES = frozenset(
    {
        "application/pdf",
        "image/png",
        "image/jpeg",
        "image/gif",
        "image/webp",
        "text/csv",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.oasis.opendocument.text",
        "application/vnd.oasis.opendocument.spreadsheet",
    }
)
# Office documents are ZIP archives; WebP is a RIFF container with "WEBP" at offset 8.
_ZIP = (b"PK\x03\x04",)
_SIGNATURES: dict[str, tuple[bytes, ...]] = {
    "application/pdf": (b"%PDF",),
    "image/png": (b"\x89PNG\r\n\x1a\n",),
    "image/jpeg": (b"\xff\xd8\xff",),
    "image/gif": (b"GIF87a", b"GIF89a"),
    "image/webp": (b"RIFF",),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": _ZIP,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": _ZIP,
    "application/vnd.oasis.opendocument.text": _ZIP,
    "application/vnd.oasis.opendocument.spreadsheet": _ZIP,
}


@dataclass(frozen=True, slots=True)
class StoredFile:
    url: str
    size: int


class FileStorage(Protocol):
    async def save(self, *, organization_id: int, filename: str, content_type: str, data: bytes) -> StoredFile: ...

    async def delete(self, stored: StoredFile) -> None: ...


def check_upload(*, content_type: str | None, data: bytes, max_bytes: int | None = None) -> str:
    """The normalised media type of an acceptable upload; ``BadUserInput`` otherwise."""
    media_type = (content_type or "").split(";")[0].strip().lower()
    if media_type not in ALLOWED_UPLOAD_TYPES:
        msg = f"Files of type {media_type or 'unknown'!r} are not accepted."
        raise BadUserInput(msg, fields={"file": "PDF, image (PNG, JPEG, GIF, WebP), CSV or office document"})
    if not data:
        msg = "The file is empty."
        raise BadUserInput(msg, fields={"file": "empty"})
    if max_bytes is not None and len(data) > max_bytes:
        msg = f"The file is larger than {max_bytes} bytes."
        raise BadUserInput(msg, fields={"file": "too large"})
    signatures = _SIGNATURES.get(media_type)
    if signatures is not None and not data.startswith(signatures):
        msg = f"The file's content is not {media_type}."
        raise BadUserInput(msg, fields={"file": "content does not match its type"})
    if media_type == "image/webp" and data[8:12] != b"WEBP":
        msg = "The file's content is not image/webp."
        raise BadUserInput(msg, fields={"file": "content does not match its type"})
    return media_type
