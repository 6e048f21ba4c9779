"""The root schema: every domain's root fields merged into ``Query``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import strawberry
from strawberry.extensions import SchemaExtension
from strawberry.schema.config import StrawberryConfig
from strawberry.tools import merge_types

from schema.common.types import ParticipatorySpaceLink
from schema.components.types import Component
from schema.core import CoreQueries
from schema.errors import ErrorCodes
from schema.nodes.queries import NodeQueries
from schema.processes.queries import ProcessQueries
from schema.processes.types import ParticipatorySpace
from schema.users.queries import UserQueries
from schema.users.types import User, UserGroup

# Each domain contributes a class of root fields; order is the order fields appear in the SDL.
QUERIES: tuple[type, ...] = (CoreQueries, UserQueries, ProcessQueries, NodeQueries)
MUTATIONS: tuple[type, ...] = ()

Query = merge_types("Query", QUERIES)
Mutation = merge_types("Mutation", MUTATIONS) if MUTATIONS else None

# Types reachable only through interfaces must be listed so the schema knows them.
EXTRA_TYPES: list[Any] = [Component, ParticipatorySpace, User, UserGroup, ParticipatorySpaceLink]


def build_schema(*, extensions: Sequence[type[SchemaExtension] | Any] = ()) -> strawberry.Schema:
    return strawberry.Schema(
        query=Query,
        mutation=Mutation,
        types=EXTRA_TYPES,
        extensions=[ErrorCodes, *extensions],
        config=StrawberryConfig(disable_field_suggestions=True),
    )


schema = build_schema()
