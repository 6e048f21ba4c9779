"""The typed container of every dataloader, built fresh for each request."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

from resolvers.accountability import loaders as accountability
from resolvers.accounts import loaders as accounts
from resolvers.assemblies import loaders as assemblies
from resolvers.attachments import loaders as attachments
from resolvers.blogs import loaders as blogs
from resolvers.budgets import loaders as budgets
from resolvers.comments import loaders as comments
from resolvers.components import loaders as components
from resolvers.components import settings as component_settings
from resolvers.components import stats
from resolvers.debates import loaders as debates
from resolvers.endorsements import loaders as endorsements
from resolvers.follows import loaders as follows
from resolvers.meetings import loaders as meetings
from resolvers.nodes import loaders as nodes
from resolvers.pages import loaders as pages
from resolvers.processes import loaders as processes
from resolvers.proposals import amendments
from resolvers.proposals import loaders as proposals
from resolvers.surveys import loaders as surveys
from resolvers.taxonomy import loaders as taxonomy
from resolvers.users import loaders as users
from resolvers.versions import loaders as versions

if TYPE_CHECKING:
    from resolvers.loading import Loader, LoaderEnv


@dataclass(slots=True)
class Loaders:
    process_by_id: Loader
    processes_by_group: Loader
    processes_by_type: Loader
    steps_by_process: Loader
    step_by_id: Loader
    process_group_by_id: Loader
    process_type_by_id: Loader
    assembly_by_id: Loader
    assemblies_by_parent: Loader
    assemblies_by_type: Loader
    assemblies_type_by_id: Loader
    component_by_id: Loader
    components_by_space: Loader
    settings_by_component: Loader
    stats_by_space: Loader
    scope_by_id: Loader
    scopes_by_parent: Loader
    area_by_id: Loader
    area_type_by_id: Loader
    category_by_id: Loader
    categories_by_space: Loader
    subcategories_by_parent: Loader
    attachments_by_owner: Loader
    attachment_by_id: Loader
    attachments_by_collection: Loader
    collections_by_owner: Loader
    collection_by_id: Loader
    links_from_space: Loader
    links_to_space: Loader
    link_by_id: Loader
    user_by_id: Loader
    author_by_id: Loader
    members_by_group: Loader
    groups_by_member: Loader
    viewer_account: Loader
    comment_thread_by_root: Loader
    viewer_comment_marks_by_root: Loader
    comment_by_id: Loader
    commentable_by_key: Loader
    table_by_id: Loader
    proposal_by_id: Loader
    proposal_pages: Loader
    proposal_counts: Loader
    viewer_drafts_by_component: Loader
    coauthorships_by_proposal: Loader
    viewer_supported_proposal: Loader
    amendments_by_amendable: Loader
    endorsers_by_resource: Loader
    viewer_endorsed: Loader
    follows_count_by_followable: Loader
    viewer_follows: Loader
    follows_by_user: Loader
    versions_by_item: Loader
    version_counts_by_item: Loader
    meeting_by_id: Loader
    meeting_pages: Loader
    meeting_counts: Loader
    agenda_by_meeting: Loader
    services_by_meeting: Loader
    proposals_by_meeting: Loader
    viewer_registration_by_meeting: Loader
    survey_by_id: Loader
    survey_pages: Loader
    survey_counts: Loader
    questionnaire_by_owner: Loader
    questionnaire_by_id: Loader
    questions_by_questionnaire: Loader
    question_by_id: Loader
    answer_options_by_question: Loader
    answer_option_by_id: Loader
    matrix_rows_by_question: Loader
    matrix_row_by_id: Loader
    viewer_answered_questionnaire: Loader
    results_by_questionnaire: Loader
    result_by_id: Loader
    result_pages: Loader
    result_counts: Loader
    results_by_parent: Loader
    results_by_status: Loader
    result_progress: Loader
    result_status_by_id: Loader
    result_statuses_by_component: Loader
    timeline_entries_by_result: Loader
    timeline_entry_by_id: Loader
    proposals_by_result: Loader
    post_by_id: Loader
    post_pages: Loader
    post_counts: Loader
    page_by_id: Loader
    debate_by_id: Loader
    debate_pages: Loader
    debate_counts: Loader
    budget_by_id: Loader
    budget_pages: Loader
    budget_counts: Loader
    project_by_id: Loader
    projects_by_budget: Loader
    proposals_by_project: Loader
    viewer_order_by_budget: Loader
    page_pages: Loader
    page_counts: Loader

    @classmethod
    def build(cls, env: LoaderEnv) -> Loaders:
        return cls(
            process_by_id=processes.process_by_id(env),
            processes_by_group=processes.processes_by_group(env),
            processes_by_type=processes.processes_by_type(env),
            steps_by_process=processes.steps_by_process(env),
            step_by_id=processes.step_by_id(env),
            process_group_by_id=processes.group_by_id(env),
            process_type_by_id=processes.type_by_id(env),
            assembly_by_id=assemblies.assembly_by_id(env),
            assemblies_by_parent=assemblies.assemblies_by_parent(env),
            assemblies_by_type=assemblies.assemblies_by_type(env),
            assemblies_type_by_id=assemblies.assemblies_type_by_id(env),
            component_by_id=components.component_by_id(env),
            components_by_space=components.components_by_space(env),
            settings_by_component=component_settings.settings_by_component(env),
            stats_by_space=stats.stats_by_space(env),
            scope_by_id=taxonomy.scope_by_id(env),
            scopes_by_parent=taxonomy.scopes_by_parent(env),
            area_by_id=taxonomy.area_by_id(env),
            area_type_by_id=taxonomy.area_type_by_id(env),
            category_by_id=taxonomy.category_by_id(env),
            categories_by_space=taxonomy.categories_by_space(env),
            subcategories_by_parent=taxonomy.subcategories_by_parent(env),
            attachments_by_owner=attachments.attachments_by_owner(env),
            attachment_by_id=attachments.attachment_by_id(env),
            attachments_by_collection=attachments.attachments_by_collection(env),
            collections_by_owner=attachments.collections_by_owner(env),
            collection_by_id=attachments.collection_by_id(env),
            links_from_space=attachments.links_from_space(env),
            links_to_space=attachments.links_to_space(env),
            link_by_id=attachments.link_by_id(env),
            user_by_id=users.user_by_id(env),
            author_by_id=users.author_by_id(env),
            members_by_group=users.members_by_group(env),
            groups_by_member=users.groups_by_member(env),
            viewer_account=accounts.viewer_account(env),
            comment_thread_by_root=comments.comment_thread_by_root(env),
            viewer_comment_marks_by_root=comments.viewer_comment_marks_by_root(env),
            comment_by_id=comments.comment_by_id(env),
            commentable_by_key=comments.commentable_by_key(env),
            table_by_id=nodes.table_by_id(env),
            proposal_by_id=proposals.proposal_by_id(env),
            proposal_pages=proposals.proposal_pages(env),
            proposal_counts=proposals.proposal_counts(env),
            viewer_drafts_by_component=proposals.viewer_drafts_by_component(env),
            coauthorships_by_proposal=proposals.coauthorships_by_proposal(env),
            viewer_supported_proposal=proposals.viewer_supported_proposal(env),
            amendments_by_amendable=amendments.amendments_by_amendable(env),
            endorsers_by_resource=endorsements.endorsers_by_resource(env),
            viewer_endorsed=endorsements.viewer_endorsed(env),
            follows_count_by_followable=follows.follows_count_by_followable(env),
            viewer_follows=follows.viewer_follows(env),
            follows_by_user=follows.follows_by_user(env),
            versions_by_item=versions.versions_by_item(env),
            version_counts_by_item=versions.version_counts_by_item(env),
            meeting_by_id=meetings.meeting_by_id(env),
            meeting_pages=meetings.meeting_pages(env),
            meeting_counts=meetings.meeting_counts(env),
            agenda_by_meeting=meetings.agenda_by_meeting(env),
            services_by_meeting=meetings.services_by_meeting(env),
            proposals_by_meeting=meetings.proposals_by_meeting(env),
            viewer_registration_by_meeting=meetings.viewer_registration_by_meeting(env),
            survey_by_id=surveys.survey_by_id(env),
            survey_pages=surveys.survey_pages(env),
            survey_counts=surveys.survey_counts(env),
            questionnaire_by_owner=surveys.questionnaire_by_owner(env),
            questionnaire_by_id=surveys.questionnaire_by_id(env),
            questions_by_questionnaire=surveys.questions_by_questionnaire(env),
            question_by_id=surveys.question_by_id(env),
            answer_options_by_question=surveys.answer_options_by_question(env),
            answer_option_by_id=surveys.answer_option_by_id(env),
            matrix_rows_by_question=surveys.matrix_rows_by_question(env),
            matrix_row_by_id=surveys.matrix_row_by_id(env),
            viewer_answered_questionnaire=surveys.viewer_answered_questionnaire(env),
            results_by_questionnaire=surveys.results_by_questionnaire(env),
            result_by_id=accountability.result_by_id(env),
            result_pages=accountability.result_pages(env),
            result_counts=accountability.result_counts(env),
            results_by_parent=accountability.results_by_parent(env),
            results_by_status=accountability.results_by_status(env),
            result_progress=accountability.result_progress(env),
            result_status_by_id=accountability.result_status_by_id(env),
            result_statuses_by_component=accountability.result_statuses_by_component(env),
            timeline_entries_by_result=accountability.timeline_entries_by_result(env),
            timeline_entry_by_id=accountability.timeline_entry_by_id(env),
            proposals_by_result=accountability.proposals_by_result(env),
            post_by_id=blogs.post_by_id(env),
            post_pages=blogs.post_pages(env),
            post_counts=blogs.post_counts(env),
            page_by_id=pages.page_by_id(env),
            debate_by_id=debates.debate_by_id(env),
            debate_pages=debates.debate_pages(env),
            debate_counts=debates.debate_counts(env),
            budget_by_id=budgets.budget_by_id(env),
            budget_pages=budgets.budget_pages(env),
            budget_counts=budgets.budget_counts(env),
            project_by_id=budgets.project_by_id(env),
            projects_by_budget=budgets.projects_by_budget(env),
            proposals_by_project=budgets.proposals_by_project(env),
            viewer_order_by_budget=budgets.viewer_order_by_budget(env),
            page_pages=pages.page_pages(env),
            page_counts=pages.page_counts(env),
        )

    def clear_all(self) -> None:
        """Forget everything loaded so far (after a write in the same request)."""
        for f in fields(self):
            getattr(self, f.name).clear_all()
