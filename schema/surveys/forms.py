"""Decidim's forms vocabulary: ``Questionnaire``, ``Question``, ``AnswerOption`` (plus Participa's ``MatrixRow``).

A questionnaire belongs to an owner (a survey; later a meeting's registration form). Each owner kind
registers in ``QUESTIONNAIRE_OWNERS`` how to load its GraphQL object for ``forEntity``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

import strawberry
from strawberry.types import Info

from models.kinds import DECIDIM_CLASS_NAMES
from schema.interfaces import Node, TimestampsInterface
from schema.translated import TranslatedField, translated

if TYPE_CHECKING:
    import models


@strawberry.interface(description="Something a questionnaire belongs to (a survey, a meeting's registration form).")
class QuestionnaireEntityInterface:
    id: strawberry.ID


# owner kind (a ResourceKind value) -> loads the owner, as the viewer may see it, for `forEntity`
QUESTIONNAIRE_OWNERS: dict[str, Callable[[Info, int], Awaitable[QuestionnaireEntityInterface | None]]] = {}


@strawberry.type(description="A choice of an option question, or a column of a matrix question.")
class AnswerOption(Node):
    body: TranslatedField
    free_text: bool = strawberry.field(description="The participant may add their own text to this choice.")

    @classmethod
    def from_model(cls, row: models.AnswerOption) -> AnswerOption:
        return cls(id=strawberry.ID(str(row.id)), body=translated(row.body), free_text=row.free_text)


@strawberry.type(description="Participa: a row of a matrix question; each row is answered with its options.")
class MatrixRow(Node):
    body: TranslatedField
    position: int | None

    @classmethod
    def from_model(cls, row: models.MatrixRow) -> MatrixRow:
        return cls(id=strawberry.ID(str(row.id)), body=translated(row.body), position=row.position)


@strawberry.type(description="A question of a questionnaire.")
class Question(Node, TimestampsInterface):
    body: TranslatedField
    description: TranslatedField | None
    mandatory: bool
    position: int | None
    max_choices: int | None = strawberry.field(
        description="Most options one answer may choose (per row for matrix_multiple); null for no limit."
    )
    max_characters: int = strawberry.field(description="0 means no limit.")
    question_type: str | None = strawberry.field(
        description="short_answer, long_answer, single_option, multiple_option, sorting, files, matrix_single, "
        "matrix_multiple, title_and_description."
    )
    pk: strawberry.Private[int]

    @classmethod
    def from_model(cls, row: models.Question) -> Question:
        pk: int = row.id  # type: ignore[assignment]
        return cls(
            id=strawberry.ID(str(pk)),
            pk=pk,
            created_at=row.created_at,
            updated_at=row.updated_at,
            body=translated(row.body),
            description=translated(row.description),
            mandatory=row.mandatory,
            position=row.position,
            max_choices=row.max_choices,
            max_characters=row.max_characters,
            question_type=row.question_type,
        )

    @strawberry.field(description="The choices (the columns, for a matrix question), in their order.")
    async def answer_options(self, info: Info) -> list[AnswerOption | None]:
        rows = await info.context.loaders.answer_options_by_question.load(self.pk)
        return [AnswerOption.from_model(r) for r in rows]

    @strawberry.field(description="Participa: the rows of a matrix question, in their order (empty otherwise).")
    async def matrix_rows(self, info: Info) -> list[MatrixRow]:
        rows = await info.context.loaders.matrix_rows_by_question.load(self.pk)
        return [MatrixRow.from_model(r) for r in rows]


@strawberry.type(description="A form: its terms and its questions.")
class Questionnaire(Node, TimestampsInterface):
    title: TranslatedField
    description: TranslatedField | None
    tos: TranslatedField | None = strawberry.field(description="Terms the respondent accepts with their answers.")
    for_type: str | None = strawberry.field(
        description='Decidim class name of the owner, e.g. "Decidim::Surveys::Survey".'
    )
    pk: strawberry.Private[int]
    owner_kind: strawberry.Private[str]
    owner_id: strawberry.Private[int]

    @classmethod
    def from_model(cls, row: models.Questionnaire) -> Questionnaire:
        pk: int = row.id  # type: ignore[assignment]
        return cls(
            id=strawberry.ID(str(pk)),
            pk=pk,
            created_at=row.created_at,
            updated_at=row.updated_at,
            title=translated(row.title),
            description=translated(row.description),
            tos=translated(row.tos),
            for_type=DECIDIM_CLASS_NAMES.get(row.questionnaire_for_kind),
            owner_kind=row.questionnaire_for_kind,
            owner_id=row.questionnaire_for_id,
        )

    @strawberry.field(description="What the questionnaire belongs to.")
    async def for_entity(self, info: Info) -> QuestionnaireEntityInterface | None:
        load = QUESTIONNAIRE_OWNERS.get(self.owner_kind)
        return await load(info, self.owner_id) if load is not None else None

    @strawberry.field(description="The questions, in their order.")
    async def questions(self, info: Info) -> list[Question | None]:
        rows = await info.context.loaders.questions_by_questionnaire.load(self.pk)
        return [Question.from_model(r) for r in rows]


def question_node(row: models.Question, _: Info) -> Question:
    return Question.from_model(row)


def questionnaire_node(row: models.Questionnaire, _: Info) -> Questionnaire:
    return Questionnaire.from_model(row)


def answer_option_node(row: models.AnswerOption, _: Info) -> AnswerOption:
    return AnswerOption.from_model(row)


def matrix_row_node(row: models.MatrixRow, _: Info) -> MatrixRow:
    return MatrixRow.from_model(row)
