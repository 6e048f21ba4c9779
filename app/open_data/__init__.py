"""The open-data export: files, ZIP and HTTP routes (what goes in each file: resolvers.open_data).

``export()`` writes a generation of an organization's files (app/open_data/exporter.py),
``OpenDataFiles`` keeps them fresh for web requests (service.py) and ``OpenDataRoutes`` serves
them at ``/open-data`` (http.py).
"""

from __future__ import annotations

from app.open_data.exporter import Outcome, Progress, export
from app.open_data.http import OpenDataRoutes
from app.open_data.manifest import FileEntry, Manifest, organization_dir, read_manifest
from app.open_data.service import OpenDataFiles

__all__ = [
    "FileEntry",
    "Manifest",
    "OpenDataFiles",
    "OpenDataRoutes",
    "Outcome",
    "Progress",
    "export",
    "organization_dir",
    "read_manifest",
]
