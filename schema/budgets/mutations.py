"""The budgets write API: ``component(id) { ... on BudgetsMutation { ... } }``.

Decidim's admin actions (budgets and projects, organization admins only), plus Participa's voting:
``addProjectToOrder``, ``removeProjectFromOrder``, ``checkoutOrder`` and ``cancelOrder``, which answer
with the budget so that ``viewerOrder`` shows the vote as it now stands. Each action runs one
transaction in ``resolvers.budgets``, then forgets what this request's loaders had read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import strawberry
from strawberry.types import Info

from resolvers.budgets import admin, forms, voting
from resolvers.budgets.queries import reachable_budget, reachable_project
from resolvers.debates.forms import raise_invalid, translations
from resolvers.errors import NotFound
from resolvers.filters import parse_id, parse_locale
from schema.budgets.inputs import (
    BudgetAttributes,
    CreateBudgetInput,
    CreateProjectInput,
    DeleteBudgetInput,
    DeleteProjectInput,
    ProjectAttributes,
    UpdateBudgetInput,
    UpdateProjectInput,
)
from schema.budgets.types import Budget, Project

if TYPE_CHECKING:
    import models


def _values(info: Info, locale: str | None, attributes: Any, names: tuple[str, ...], what: str) -> dict[str, Any]:
    """The attributes the client sent, typed; every malformed one is reported at once."""
    org = info.context.organization
    lang = parse_locale(locale, available=list(org.available_locales), default=info.context.locale)
    errors: dict[str, str] = {}
    values: dict[str, Any] = {}
    for name in names:
        value = getattr(attributes, name)
        if value is strawberry.UNSET:
            continue
        field = f"attributes.{forms.GRAPHQL_NAMES[name]}"
        if name in forms.TRANSLATED:
            value = translations(value, field=field, locale=lang, available=list(org.available_locales), errors=errors)
        elif name in forms.IDS:
            value = parse_id(value, field=field)
        values[name] = value
    raise_invalid(errors, what)
    return values


def _budget_input(info: Info, locale: str | None, attributes: BudgetAttributes) -> forms.BudgetInput:
    return forms.BudgetInput(values=_values(info, locale, attributes, forms.BUDGET_FIELDS, "budget"))


def _project_input(info: Info, locale: str | None, attributes: ProjectAttributes) -> forms.ProjectInput:
    values = _values(info, locale, attributes, forms.PROJECT_FIELDS, "project")
    proposals = None
    if attributes.proposal_ids is not strawberry.UNSET:
        proposals = tuple(parse_id(p, field="attributes.proposalIds") for p in attributes.proposal_ids or ())
    selected = None if attributes.selected is strawberry.UNSET else bool(attributes.selected)
    return forms.ProjectInput(values=values, proposal_ids=proposals, selected=selected)  # type: ignore[arg-type]


def _budget(info: Info, row: models.Budget) -> Budget:
    info.context.loaders.clear_all()
    return Budget.from_model(row)


def _project(info: Info, written: admin.Written) -> Project:
    info.context.loaders.clear_all()
    return Project.from_model(written.row, written.settings)


def _id(value: strawberry.ID, field: str) -> int:
    pk = parse_id(value, field=field)
    assert pk is not None  # noqa: S101 - required arguments are never null
    return pk


@strawberry.type(description="What an admin may do to one project.")
class ProjectMutation:
    component_id: strawberry.Private[int]
    budget_id: strawberry.Private[int]
    project_id: strawberry.Private[int]

    @strawberry.field(description="Change some attributes (organization admins).")
    async def update(self, info: Info, input: UpdateProjectInput) -> Project | None:
        ctx = info.context
        written = await admin.update_project(
            ctx.sessionmaker,
            scope=ctx.scope,
            component_id=self.component_id,
            budget_id=self.budget_id,
            project_id=self.project_id,
            data=_project_input(info, input.locale, input.attributes),
        )
        return _project(info, written)

    @strawberry.field(description="Delete it (organization admins); refused once final votes include it.")
    async def delete(self, info: Info, input: DeleteProjectInput) -> Project | None:  # noqa: ARG002
        ctx = info.context
        written = await admin.delete_project(
            ctx.sessionmaker,
            scope=ctx.scope,
            component_id=self.component_id,
            budget_id=self.budget_id,
            project_id=self.project_id,
        )
        return _project(info, written)


@strawberry.type(description="What an admin may do to one budget.")
class BudgetMutation:
    component_id: strawberry.Private[int]
    budget_id: strawberry.Private[int]

    @strawberry.field(description="Change some attributes (organization admins).")
    async def update(self, info: Info, input: UpdateBudgetInput) -> Budget | None:
        ctx = info.context
        written = await admin.update_budget(
            ctx.sessionmaker,
            scope=ctx.scope,
            component_id=self.component_id,
            budget_id=self.budget_id,
            data=_budget_input(info, input.locale, input.attributes),
        )
        return _budget(info, written.row)

    @strawberry.field(description="Delete it with its projects (organization admins); refused once someone voted.")
    async def delete(self, info: Info, input: DeleteBudgetInput) -> Budget | None:  # noqa: ARG002
        ctx = info.context
        written = await admin.delete_budget(
            ctx.sessionmaker, scope=ctx.scope, component_id=self.component_id, budget_id=self.budget_id
        )
        return _budget(info, written.row)

    @strawberry.field(description="Add a project to this budget (organization admins).")
    async def create_project(self, info: Info, input: CreateProjectInput) -> Project | None:
        ctx = info.context
        written = await admin.create_project(
            ctx.sessionmaker,
            scope=ctx.scope,
            organization=ctx.organization,
            component_id=self.component_id,
            budget_id=self.budget_id,
            data=_project_input(info, input.locale, input.attributes),
        )
        return _project(info, written)

    @strawberry.field(description="A project of this budget.")
    async def project(self, info: Info, id: strawberry.ID) -> ProjectMutation | None:
        ctx = info.context
        pk = _id(id, "id")
        async with ctx.sessionmaker() as session:
            found = await reachable_project(session, scope=ctx.scope, budget_id=self.budget_id, project_id=pk)
        if not found:
            msg = "No such project in this budget."
            raise NotFound(msg)
        return ProjectMutation(component_id=self.component_id, budget_id=self.budget_id, project_id=pk)


@strawberry.type(description="What may be done in a budgets component: vote (participants), administer (admins).")
class BudgetsMutation:
    component_id: strawberry.Private[int]

    @strawberry.field(description="Create a budget (organization admins).")
    async def create_budget(self, info: Info, input: CreateBudgetInput) -> Budget | None:
        ctx = info.context
        written = await admin.create_budget(
            ctx.sessionmaker,
            scope=ctx.scope,
            component_id=self.component_id,
            data=_budget_input(info, input.locale, input.attributes),
        )
        return _budget(info, written.row)

    @strawberry.field(description="A budget of this component.")
    async def budget(self, info: Info, id: strawberry.ID) -> BudgetMutation | None:
        ctx = info.context
        pk = _id(id, "id")
        async with ctx.sessionmaker() as session:
            found = await reachable_budget(session, scope=ctx.scope, component_id=self.component_id, budget_id=pk)
        if not found:
            msg = "No such budget in this component."
            raise NotFound(msg)
        return BudgetMutation(component_id=self.component_id, budget_id=pk)

    @strawberry.field(
        description="Participa: choose a project for the viewer's vote in its budget (voting open, within the "
        "budget and the component's rules)."
    )
    async def add_project_to_order(self, info: Info, project_id: strawberry.ID) -> Budget | None:
        ctx = info.context
        voted = await voting.add_project(
            ctx.sessionmaker, scope=ctx.scope, component_id=self.component_id, project_id=_id(project_id, "projectId")
        )
        return _budget(info, voted.budget)

    @strawberry.field(description="Participa: take a project out of the viewer's vote (before it is final).")
    async def remove_project_from_order(self, info: Info, project_id: strawberry.ID) -> Budget | None:
        ctx = info.context
        voted = await voting.remove_project(
            ctx.sessionmaker, scope=ctx.scope, component_id=self.component_id, project_id=_id(project_id, "projectId")
        )
        return _budget(info, voted.budget)

    @strawberry.field(
        description="Participa: make the viewer's vote in this budget final (the component's rules apply)."
    )
    async def checkout_order(self, info: Info, budget_id: strawberry.ID) -> Budget | None:
        ctx = info.context
        voted = await voting.checkout(
            ctx.sessionmaker, scope=ctx.scope, component_id=self.component_id, budget_id=_id(budget_id, "budgetId")
        )
        return _budget(info, voted.budget)

    @strawberry.field(description="Participa: withdraw the viewer's final vote while voting is open (as Decidim).")
    async def cancel_order(self, info: Info, budget_id: strawberry.ID) -> Budget | None:
        ctx = info.context
        voted = await voting.cancel(
            ctx.sessionmaker, scope=ctx.scope, component_id=self.component_id, budget_id=_id(budget_id, "budgetId")
        )
        return _budget(info, voted.budget)
