from __future__ import annotations

from enum import Enum

import strawberry
from strawberry.scalars import JSON


@strawberry.input(description="Decidim's AnswerProposalAttributes.")
class AnswerProposalAttributes:
    state: str = strawberry.field(description="accepted, rejected, evaluating, or a custom state token.")
    answer: JSON | None = strawberry.field(default=None, description='The answer text per locale: {"fr": "..."}.')
    cost: float | None = strawberry.field(
        default=None, description="Required for accepted proposals when the step answers with costs."
    )
    cost_report: JSON | None = strawberry.field(default=None, description="Cost report per locale.")
    execution_period: JSON | None = strawberry.field(default=None, description="Execution period per locale.")


@strawberry.input(description="Decidim's AnswerInput.")
class AnswerInput:
    client_mutation_id: str | None = None
    attributes: AnswerProposalAttributes


@strawberry.enum(description="Participa: the format of a proposals import file.")
class ImportFormat(Enum):
    CSV = "csv"
    JSON = "json"
