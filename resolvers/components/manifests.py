"""Component manifests: what each kind of component is called and which settings it accepts.

Settings are validated with pydantic before they are stored, both the global settings and
the per-step settings (the step settings that apply follow the space's active step).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, ValidationError

from resolvers.errors import BadUserInput


class _Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CommonGlobal(_Settings):
    comments_enabled: bool = True
    comments_max_length: int = Field(default=1000, ge=0, le=10_000)
    announcement: dict[str, str] = Field(default_factory=dict)


class CommonStep(_Settings):
    comments_blocked: bool = False
    announcement: dict[str, str] = Field(default_factory=dict)


class ProposalsGlobal(CommonGlobal):
    vote_limit: int = Field(default=0, ge=0, description="supports per participant; 0 = unlimited")
    minimum_votes_per_user: int = Field(default=0, ge=0)
    threshold_per_proposal: int = Field(default=0, ge=0)
    can_accumulate_votes_beyond_threshold: bool = False
    proposal_limit: int = Field(default=0, ge=0)
    proposal_length: int = Field(default=500, ge=15, le=100_000)
    proposal_edit_time: str = Field(default="limited", pattern="^(limited|infinite)$")
    proposal_edit_before_minutes: int = Field(default=5, ge=0)
    geocoding_enabled: bool = False
    attachments_allowed: bool = False
    official_proposals_enabled: bool = True
    amendments_enabled: bool = False


class ProposalsStep(CommonStep):
    creation_enabled: bool = False
    votes_enabled: bool = False
    votes_blocked: bool = False
    votes_hidden: bool = False
    endorsements_enabled: bool = True
    endorsements_blocked: bool = False
    answers_with_costs: bool = False
    publish_answers_immediately: bool = True


class MeetingsGlobal(CommonGlobal):
    default_registration_terms: dict[str, str] = Field(default_factory=dict)
    geocoding_enabled: bool = True
    creation_enabled_for_participants: bool = False


class MeetingsStep(CommonStep):
    creation_enabled: bool = False


class SurveysGlobal(CommonGlobal):
    # Answers are accepted from starts_at (inclusive) until ends_at (exclusive); either may be open.
    starts_at: AwareDatetime | None = None
    ends_at: AwareDatetime | None = None
    allow_anonymous_answers: bool = False
    clean_after_publish: bool = True


class SurveysStep(CommonStep):
    allow_answers: bool = False
    allow_unregistered: bool = False
    publish_answers: bool = False


class AccountabilityGlobal(CommonGlobal):
    display_progress_enabled: bool = True


class BudgetsGlobal(CommonGlobal):
    workflow: str = Field(default="one", pattern="^(one|all|random)$")
    projects_per_page: int = Field(default=12, ge=1, le=50)
    vote_rule_threshold_percent_enabled: bool = True
    vote_threshold_percent: int = Field(default=70, ge=0, le=100)
    vote_rule_minimum_budget_projects_enabled: bool = False
    vote_minimum_budget_projects_number: int = Field(default=1, ge=0)
    vote_rule_selected_projects_enabled: bool = False
    vote_selected_projects_minimum: int = Field(default=0, ge=0)
    vote_selected_projects_maximum: int = Field(default=1, ge=0)


class BudgetsStep(CommonStep):
    votes: str = Field(default="disabled", pattern="^(disabled|enabled|finished)$")
    show_votes: bool = False


class DebatesStep(CommonStep):
    creation_enabled: bool = False
    endorsements_enabled: bool = True


@dataclass(frozen=True, slots=True)
class Manifest:
    name: str
    graphql_type: str
    human_name: dict[str, str]
    global_settings: type[_Settings]
    step_settings: type[_Settings]
    commentable: bool = True


MANIFESTS: dict[str, Manifest] = {
    m.name: m
    for m in (
        Manifest("proposals", "Proposals", {"fr": "Propositions", "en": "Proposals"}, ProposalsGlobal, ProposalsStep),
        Manifest("meetings", "Meetings", {"fr": "Rencontres", "en": "Meetings"}, MeetingsGlobal, MeetingsStep),
        Manifest("surveys", "Surveys", {"fr": "Questionnaire", "en": "Survey"}, SurveysGlobal, SurveysStep),
        Manifest(
            "accountability",
            "Accountability",
            {"fr": "Suivi", "en": "Accountability"},
            AccountabilityGlobal,
            CommonStep,
        ),
        Manifest("blogs", "Blogs", {"fr": "Actualités", "en": "News"}, CommonGlobal, CommonStep),
        Manifest("pages", "Pages", {"fr": "Page", "en": "Page"}, CommonGlobal, CommonStep, commentable=False),
        Manifest("debates", "Debates", {"fr": "Débats", "en": "Debates"}, CommonGlobal, DebatesStep),
        Manifest("budgets", "Budgets", {"fr": "Budgets", "en": "Budgets"}, BudgetsGlobal, BudgetsStep),
    )
}


def manifest(name: str) -> Manifest:
    try:
        return MANIFESTS[name]
    except KeyError:
        msg = f"Unknown component manifest {name!r}: expected one of {', '.join(sorted(MANIFESTS))}."
        raise BadUserInput(msg, fields={"manifestName": "unknown manifest"}) from None


def _validate(model: type[_Settings], raw: dict[str, Any], *, field: str) -> dict[str, Any]:
    try:
        return model.model_validate(raw).model_dump(mode="json")
    except ValidationError as exc:
        details = {
            f"{field}.{'.'.join(str(p) for p in err['loc'])}": err["msg"] for err in exc.errors(include_url=False)
        }
        msg = f"Invalid {field}: " + "; ".join(f"{k}: {v}" for k, v in details.items())
        raise BadUserInput(msg, fields=details) from None


def validate_settings(
    name: str,
    *,
    global_settings: dict[str, Any],
    default_step_settings: dict[str, Any],
    step_settings: dict[str, dict[str, Any]],
) -> tuple[dict[str, Any], dict[str, Any], dict[str, dict[str, Any]]]:
    """Validate and normalise (fill defaults) all three settings blocks of a component."""
    m = manifest(name)
    return (
        _validate(m.global_settings, global_settings, field="settings"),
        _validate(m.step_settings, default_step_settings, field="defaultStepSettings"),
        {
            str(step_id): _validate(m.step_settings, raw, field=f"stepSettings.{step_id}")
            for step_id, raw in step_settings.items()
        },
    )


def current_step_settings(
    *, default_step_settings: dict[str, Any], step_settings: dict[str, Any], active_step_id: int | None
) -> dict[str, Any]:
    """The step settings in force: the active step's own, else the default ones."""
    if active_step_id is not None and str(active_step_id) in step_settings:
        return dict(step_settings[str(active_step_id)])
    return dict(default_step_settings)
