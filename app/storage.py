"""Uploaded files on the local disk, served by the application under ``base_url``."""

from __future__ import annotations

import asyncio
import mimetypes
import secrets
from pathlib import Path

from resolvers.storage import StoredFile

# Extensions for the accepted types, so static serving answers with the right media type.
_EXTENSIONS = {
    "application/pdf": ".pdf",
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "image/gif": ".gif",
    "image/webp": ".webp",
    "text/csv": ".csv",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx",
    "application/vnd.oasis.opendocument.text": ".odt",
    "application/vnd.oasis.opendocument.spreadsheet": ".ods",
}


class LocalStorage:
    """Writes each file under a random name in a per-organization folder.

    The client's filename never reaches the path: only the organization id and a random token do.
    """

    def __init__(self, root: Path | str = "var/uploads", base_url: str = "/uploads") -> None:
        self.root = Path(root)
        self.base_url = base_url.rstrip("/")

    def ensure_root(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)

    async def save(
        self,
        *,
        organization_id: int,
        filename: str,  # noqa: ARG002 - the client's name never reaches the path
        content_type: str,
        data: bytes,
    ) -> StoredFile:
        suffix = _EXTENSIONS.get(content_type) or mimetypes.guess_extension(content_type) or ""
        relative = f"{int(organization_id)}/{secrets.token_urlsafe(24)}{suffix}"
        await asyncio.to_thread(self._write, self.root / relative, data)
        return StoredFile(url=f"{self.base_url}/{relative}", size=len(data))

    async def delete(self, stored: StoredFile) -> None:
        path = self.path_of(stored.url)
        if path is not None:
            await asyncio.to_thread(path.unlink, missing_ok=True)

    def path_of(self, url: str) -> Path | None:
        """The file behind one of our URLs; ``None`` for anything else."""
        prefix = self.base_url + "/"
        if not url.startswith(prefix):
            return None
        path = (self.root / url.removeprefix(prefix)).resolve()
        return path if path.is_relative_to(self.root.resolve()) else None

    @staticmethod
    def _write(path: Path, data: bytes) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        # "xb": a random name that already exists is never overwritten.
        with path.open("xb") as handle:
            handle.write(data)
