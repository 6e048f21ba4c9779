"""The ``participa`` command line: serve, migrate, seed, export-schema, check, bench.

``app.cli:main`` is the console script. Each command lives in its own module; importing them
here registers them on the Typer app.
"""

from __future__ import annotations

import app.cli_import  # noqa: F401 - registers ``participa import`` on the Typer app
from app import cli_tokens  # noqa: F401 - registers ``participa token`` on the Typer app
from app.cli import bench, checks, metrics, migrate, open_data, seed, serve
from app.cli.base import CliError, main, safe_url
from app.cli.checks import schema_sdl
from app.cli.migrate import alembic_config

__all__ = [
    "CliError",
    "alembic_config",
    "bench",
    "checks",
    "main",
    "metrics",
    "migrate",
    "open_data",
    "safe_url",
    "schema_sdl",
    "seed",
    "serve",
]
