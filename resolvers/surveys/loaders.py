"""Survey dataloaders: one statement per level for any number of surveys, questions and options.

The ``*_by_id`` loaders (``node(id:)``) filter through ``resolvers.visibility``; the ``*_by_<parent>``
ones are reached only from a parent the viewer may see, as the proposals' co-authorships are.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from sqlalchemy import select, tuple_

import models
from resolvers.loading import make_loader, many_by_column, one_by_id
from resolvers.pagination import Page, PageRequest
from resolvers.surveys import queries
from resolvers.surveys.results import Tally, tallies
from resolvers.visibility import questionnaire_visible, survey_visible, visible_question_ids

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from sqlalchemy.ext.asyncio import AsyncSession

    from resolvers.loading import Loader, LoaderEnv
    from resolvers.visibility import Scope

PageKey = tuple[int, PageRequest, int]
"""``(component id, page request, default page size)``."""


def survey_by_id(env: LoaderEnv) -> Loader:
    return one_by_id(env, models.Survey, visible=survey_visible)


def survey_pages(env: LoaderEnv) -> Loader:
    """``PageKey -> Page``: one statement for all components asking the same page."""

    async def fn(session: AsyncSession, keys: Sequence[PageKey]) -> dict[PageKey, Page]:
        by_request: dict[tuple[PageRequest, int], list[int]] = defaultdict(list)
        for component_id, page, size in keys:
            by_request[(page, size)].append(component_id)
        found: dict[PageKey, Page] = {}
        for (page, size), component_ids in by_request.items():
            pages = await queries.survey_pages(
                session, scope=env.scope, component_ids=component_ids, page=page, default_size=size
            )
            found.update({(cid, page, size): result for cid, result in pages.items()})
        return found

    return make_loader(env, fn, default=Page)


def survey_counts(env: LoaderEnv) -> Loader:
    """``component id -> int`` (``totalCount``)."""

    async def fn(session: AsyncSession, keys: Sequence[int]) -> dict[int, int]:
        return await queries.survey_counts(session, scope=env.scope, component_ids=keys)

    return make_loader(env, fn, default=lambda: 0)


def questionnaire_by_owner(env: LoaderEnv) -> Loader:
    """``(owner kind, owner id) -> Questionnaire | None`` (a ``ResourceKind`` value and the owner's id)."""
    q = models.Questionnaire

    async def fn(session: AsyncSession, keys: Sequence[tuple[str, int]]) -> dict[tuple[str, int], models.Questionnaire]:
        stmt = select(q).where(
            tuple_(q.questionnaire_for_kind, q.questionnaire_for_id).in_(list(keys)),
            q.organization_id == env.scope.organization_id,  # type: ignore[arg-type]
        )
        rows = (await session.scalars(stmt)).all()
        return {(r.questionnaire_for_kind, r.questionnaire_for_id): r for r in rows}

    return make_loader(env, fn)


def questionnaire_by_id(env: LoaderEnv) -> Loader:
    return one_by_id(env, models.Questionnaire, visible=questionnaire_visible)


def questions_by_questionnaire(env: LoaderEnv) -> Loader:
    q = models.Question
    return many_by_column(env, q, q.questionnaire_id, order_by=(q.position,))  # type: ignore[arg-type]


def question_by_id(env: LoaderEnv) -> Loader:
    q = models.Question
    return one_by_id(env, q, visible=lambda scope: q.id.in_(visible_question_ids(scope)))  # type: ignore[union-attr]


def answer_options_by_question(env: LoaderEnv) -> Loader:
    o = models.AnswerOption
    return many_by_column(env, o, o.question_id, order_by=(o.position,))  # type: ignore[arg-type]


def _in_visible_question(model: type[models.AnswerOption | models.MatrixRow]) -> Callable[[Scope], Any]:
    return lambda scope: model.question_id.in_(visible_question_ids(scope))  # type: ignore[attr-defined]


def answer_option_by_id(env: LoaderEnv) -> Loader:
    return one_by_id(env, models.AnswerOption, visible=_in_visible_question(models.AnswerOption))


def matrix_rows_by_question(env: LoaderEnv) -> Loader:
    r = models.MatrixRow
    return many_by_column(env, r, r.question_id, order_by=(r.position,))  # type: ignore[arg-type]


def matrix_row_by_id(env: LoaderEnv) -> Loader:
    return one_by_id(env, models.MatrixRow, visible=_in_visible_question(models.MatrixRow))


def viewer_answered_questionnaire(env: LoaderEnv) -> Loader:
    """``questionnaire id -> bool``: the signed-in viewer has submitted it. Anonymous viewers cost nothing."""
    user_id = env.scope.viewer.user_id

    async def fn(session: AsyncSession, keys: Sequence[int]) -> dict[int, bool]:
        if user_id is None:
            return {}
        return dict.fromkeys(await queries.answered_by(session, user_id=user_id, questionnaire_ids=keys), True)

    return make_loader(env, fn, default=lambda: False)


def results_by_questionnaire(env: LoaderEnv) -> Loader:
    """``questionnaire id -> Tally``. Callers decide who may see it (``policies.results_visible``)."""

    async def fn(session: AsyncSession, keys: Sequence[int]) -> dict[int, Tally]:
        return await tallies(session, keys)

    return make_loader(env, fn, default=Tally)
