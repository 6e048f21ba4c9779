"""Kinds of polymorphic targets, stored as ``(kind, id)`` pairs."""

from __future__ import annotations

from enum import StrEnum


class SpaceKind(StrEnum):
    PARTICIPATORY_PROCESS = "participatory_process"
    ASSEMBLY = "assembly"


class ResourceKind(StrEnum):
    """Everything an attachment, a link or a comment can point at."""

    PARTICIPATORY_PROCESS = "participatory_process"
    ASSEMBLY = "assembly"
    COMPONENT = "component"
    PROPOSAL = "proposal"
    COMMENT = "comment"
    SURVEY = "survey"
    MEETING = "meeting"
    RESULT = "result"
    POST = "post"
    DEBATE = "debate"
    BUDGET = "budget"
    PROJECT = "project"


# Decidim's Ruby class names, which its API exposes as ``type`` strings.
DECIDIM_CLASS_NAMES: dict[str, str] = {
    ResourceKind.PARTICIPATORY_PROCESS: "Decidim::ParticipatoryProcess",
    ResourceKind.ASSEMBLY: "Decidim::Assembly",
    ResourceKind.COMPONENT: "Decidim::Component",
    ResourceKind.PROPOSAL: "Decidim::Proposals::Proposal",
    ResourceKind.COMMENT: "Decidim::Comments::Comment",
    ResourceKind.SURVEY: "Decidim::Surveys::Survey",
    ResourceKind.MEETING: "Decidim::Meetings::Meeting",
    ResourceKind.RESULT: "Decidim::Accountability::Result",
    ResourceKind.POST: "Decidim::Blogs::Post",
    ResourceKind.DEBATE: "Decidim::Debates::Debate",
    ResourceKind.BUDGET: "Decidim::Budgets::Budget",
    ResourceKind.PROJECT: "Decidim::Budgets::Project",
}
