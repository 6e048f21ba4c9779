"""Every file of the open-data export, in the order the README lists them."""

from __future__ import annotations

from resolvers.open_data.base import Entity
from resolvers.open_data.comments import (
    DEBATE_COMMENTS,
    MEETING_COMMENTS,
    POST_COMMENTS,
    PROJECT_COMMENTS,
    PROPOSAL_COMMENTS,
    RESULT_COMMENTS,
)
from resolvers.open_data.components import DEBATES, MEETINGS, PAGES, POSTS, PROJECTS, PROPOSALS
from resolvers.open_data.people import METRICS, USERS
from resolvers.open_data.results import RESULTS
from resolvers.open_data.spaces import ASSEMBLIES, PROCESSES

__all__ = ["OPEN_DATA_ENTITIES", "PROCESSES"]

OPEN_DATA_ENTITIES: tuple[Entity, ...] = (
    PROCESSES,
    ASSEMBLIES,
    PROPOSALS,
    PROPOSAL_COMMENTS,
    MEETINGS,
    MEETING_COMMENTS,
    RESULTS,
    RESULT_COMMENTS,
    POSTS,
    POST_COMMENTS,
    PAGES,
    DEBATES,
    DEBATE_COMMENTS,
    PROJECTS,
    PROJECT_COMMENTS,
    USERS,
    METRICS,
)
"""The registry the exporter walks; one entry per file."""
