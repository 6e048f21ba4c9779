"""deleteMyAccount: the password is checked, personal fields are erased, contributions stay, nothing leaks."""

from __future__ import annotations

import json
from typing import Any

import httpx
from sqlalchemy import select

import models
from models.kinds import ResourceKind
from tests.builders import PASSWORD, Make

DELETE = """
mutation($input: DeleteMyAccountInput!) {
  deleteMyAccount(input: $input)
}
"""
SIGN_IN = """
mutation($email: String!, $password: String!) {
  signIn(email: $email, password: $password) { token }
}
"""
EMAIL, NAME, NICKNAME = "zoe.secret@example.org", "Zoé Secrète", "zoesecret"
PROPOSAL_TYPE = "Decidim::Proposals::Proposal"


async def _world(make: Make) -> dict[str, Any]:
    zoe = await make.account(email=EMAIL, name=NAME, nickname=NICKNAME, about="J'habite rue des Lilas", locale="fr")
    other = await make.user()
    group = await make.group()
    await make.membership(user=zoe, group=group)
    process = await make.process(private_space=True)
    await make.private_member(space=process, user=zoe)
    component = await make.component(manifest_name="proposals")
    proposal = await make.proposal(component=component, author=zoe)
    comment = await make.save(
        models.Comment(
            organization_id=zoe.organization_id,
            commentable_kind=ResourceKind.PROPOSAL.value,
            commentable_id=proposal.id,
            root_kind=ResourceKind.PROPOSAL.value,
            root_id=proposal.id,
            author_id=zoe.id,
            body={"fr": "Mon avis"},
        )
    )
    await make.save(
        models.UserToken(
            organization_id=zoe.organization_id,
            user_id=zoe.id,
            purpose="password_reset",
            token_hash="a" * 64,
            expires_at=proposal.created_at,
        )
    )
    return {"zoe": zoe, "other": other, "component": component, "proposal": proposal, "comment": comment}


def _reads(w: dict[str, Any]) -> list[tuple[str, dict[str, Any] | None]]:
    """Every public path that could show the participant."""
    zoe, component, proposal = w["zoe"], w["component"], w["proposal"]
    author = "author { __typename name nickname deleted }"
    return [
        ("{ users { id name nickname } }", None),
        ("query($n: String!) { user(nickname: $n) { name nickname } }", {"n": NICKNAME}),
        (f'{{ user(id: "{zoe.id}") {{ name nickname }} }}', None),
        (f'{{ node(id: "{zoe.id}") {{ id ... on User {{ name nickname }} }} }}', None),
        (
            f'{{ component(id: "{component.id}") {{ ... on Proposals {{ proposals {{ nodes {{ id body {{ text }}'
            f" {author} authors {{ name nickname deleted }} }} }} }} }} }}",
            None,
        ),
        (f'{{ node(id: "{proposal.id}") {{ ... on Proposal {{ id {author} }} }} }}', None),
        (
            f'{{ commentable(id: "{proposal.id}", type: "{PROPOSAL_TYPE}", locale: "fr", toggleTranslations: false)'
            f" {{ comments {{ id body {author} }} }} }}",
            None,
        ),
    ]


async def _tokens(app: Any, user_id: int) -> list[models.AccessToken]:
    async with app.state.sessionmaker() as session:
        return list(
            (await session.scalars(select(models.AccessToken).where(models.AccessToken.user_id == user_id))).all()
        )


async def test_participant_deletes_their_account_and_nothing_of_it_leaks(
    make: Make, gql: Any, app: Any, client: httpx.AsyncClient
) -> None:
    w = await _world(make)
    zoe = w["zoe"]
    token = await make.signed_in(zoe)
    other_token = await make.signed_in(zoe)
    before = [await gql(q, v) for q, v in _reads(w)]
    assert all("errors" not in b for b in before), before
    assert NICKNAME in json.dumps(before)  # the reads do show her while the account lives

    body = await gql(
        DELETE, {"input": {"password": PASSWORD, "reason": "Je déménage"}}, headers={"Authorization": f"Bearer {token}"}
    )

    assert body == {"data": {"deleteMyAccount": True}}
    responses = [await gql(q, v) for q, v in _reads(w)]
    text = json.dumps(responses, ensure_ascii=False)
    for secret in (EMAIL, NAME, NICKNAME, "rue des Lilas"):
        assert secret not in text
    users, by_nickname, by_id, node, proposals, proposal, thread = responses
    assert "errors" not in users
    assert str(zoe.id) not in [u["id"] for u in users["data"]["users"]]
    assert by_nickname == {"data": {"user": None}}
    assert by_id == {"data": {"user": None}}
    assert node == {"data": {"node": None}}
    # Contributions are still listed, signed by a deleted participant (as Decidim's API: empty name and nickname).
    deleted_author = {"__typename": "User", "name": "", "nickname": "", "deleted": True}
    [listed] = proposals["data"]["component"]["proposals"]["nodes"]
    assert listed["id"] == str(w["proposal"].id)
    assert listed["authors"] == [{"name": "", "nickname": "", "deleted": True}]
    assert listed["author"] == deleted_author
    assert proposal == {"data": {"node": {"id": str(w["proposal"].id), "author": deleted_author}}}
    assert f"deleted-{zoe.id}" not in text
    assert "errors" not in thread, thread
    [comment] = thread["data"]["commentable"]["comments"]
    assert comment["id"] == str(w["comment"].id)
    assert comment["body"] == "Mon avis"
    assert comment["author"] == deleted_author

    async with app.state.sessionmaker() as session:
        row = await session.get(models.User, zoe.id)
        assert row is not None
        assert (row.email, row.name, row.nickname, row.about, row.locale, row.encrypted_password) == (
            None,
            "",
            f"deleted-{zoe.id}",
            None,
            None,
            None,
        )
        assert row.deleted_at is not None
        for model in (models.UserToken, models.UserGroupMembership, models.SpacePrivateUser):
            assert (await session.scalars(select(model).where(model.user_id == zoe.id))).all() == []
        [log] = (await session.scalars(select(models.ActionLog))).all()
        assert (log.action, log.resource_id, log.user_id) == ("user.delete", zoe.id, zoe.id)
        assert log.changes["reason"] == [None, "Je déménage"]
    assert all(t.revoked_at is not None for t in await _tokens(app, zoe.id))

    # Every token she had is dead, and her old credentials open nothing.
    for bearer in (token, other_token):
        response = await client.post(
            "/graphql",
            json={"query": "{ session { user { nickname } } }"},
            headers={"host": "participa.test", "Authorization": f"Bearer {bearer}"},
        )
        assert response.status_code == 401
    refused = await gql(SIGN_IN, {"email": EMAIL, "password": PASSWORD})
    assert refused["data"] == {"signIn": None}
    assert refused["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_wrong_password_deletes_nothing(make: Make, gql: Any, app: Any) -> None:
    w = await _world(make)
    zoe = w["zoe"]
    token = await make.signed_in(zoe)

    body = await gql(DELETE, {"input": {"password": "not my password"}}, headers={"Authorization": f"Bearer {token}"})

    assert body["data"] == {"deleteMyAccount": None}
    assert body["errors"][0]["extensions"] == {
        "code": "BAD_USER_INPUT",
        "fields": {"password": "is not correct"},
        "reason": "INVALID_PASSWORD",
    }
    async with app.state.sessionmaker() as session:
        row = await session.get(models.User, zoe.id)
        assert row is not None
        assert (row.email, row.nickname, row.deleted_at) == (EMAIL, NICKNAME, None)
        assert (await session.scalars(select(models.ActionLog))).all() == []
    assert all(t.revoked_at is None for t in await _tokens(app, zoe.id))


async def test_anonymous_visitor_cannot_delete_an_account(make: Make, gql: Any) -> None:
    await make.org(None)

    body = await gql(DELETE, {"input": {"password": PASSWORD}})

    assert body["data"] == {"deleteMyAccount": None}
    assert body["errors"][0]["extensions"] == {"code": "UNAUTHENTICATED"}
