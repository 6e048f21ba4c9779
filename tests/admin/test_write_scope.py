"""Scopes: mutations need api:write, but for those anonymous people must be able to call."""

from __future__ import annotations

import pytest
from graphql import parse

from schema.admin.scopes import needs_write_scope


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ("{ organization { id } }", False),
        ("query Q { organization { id } }", False),
        ('mutation { signIn(email: "a", password: "b") { token } }', False),
        ('mutation { register(input: {}) { user { id } } requestPasswordReset(email: "a") }', False),
        ("mutation { answerSurvey(input: {}) { id } }", False),
        ('mutation { component(id: "1") { ... on SurveysMutation { answer(input: {}) { id } } } }', False),
        ('mutation { component(id: "1") { ... on ProposalsMutation { createProposal(input: {}) { id } } } }', True),
        ('mutation { component(id: "1") { __typename ...P } } fragment P on ProposalsMutation { x }', True),
        ('mutation { signIn(email: "a", password: "b") { token } publishComponent(id: "1") { id } }', True),
        ("mutation { ...F } fragment F on Mutation { publishComponent(id: 1) { id } }", True),
        ("mutation { __typename }", False),
    ],
)
def test_which_operations_need_the_write_scope(document: str, expected: bool) -> None:
    assert needs_write_scope(parse(document), None) is expected


def test_the_named_operation_is_the_one_checked() -> None:
    doc = parse('query Q { organization { id } } mutation M { publishComponent(id: "1") { id } }')
    assert needs_write_scope(doc, "Q") is False
    assert needs_write_scope(doc, "M") is True
