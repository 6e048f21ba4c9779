"""A participant's follows are theirs: in their data download, and gone with their account."""

from __future__ import annotations

import json
from typing import Any

from tests.builders import PASSWORD, Make
from tests.follows.conftest import all_follows, follow_row

DOWNLOAD = "mutation { downloadMyData }"
DELETE = "mutation($input: DeleteMyAccountInput!) { deleteMyAccount(input: $input) }"
COUNT = "query($id: ID!) { node(id: $id) { ... on Proposal { followsCount } } }"


async def test_download_lists_the_participant_follows_and_nobody_elses(make: Make, gql: Any, bearer: Any) -> None:
    proposal, process = await make.proposal(), await make.process()
    me, other = await make.user(), await make.user()
    await follow_row(make, user=me, kind="proposal", pk=proposal.id)
    await follow_row(make, user=me, kind="participatory_process", pk=process.id)
    await follow_row(make, user=other, kind="proposal", pk=proposal.id)

    body = await gql(DOWNLOAD, headers=await bearer(me))

    archive = body["data"]["downloadMyData"]
    archive = json.loads(archive) if isinstance(archive, str) else archive
    assert [(f["userId"], f["followableKind"], f["followableId"]) for f in archive["follows"]] == [
        (me.id, "proposal", proposal.id),
        (me.id, "participatory_process", process.id),
    ]


async def test_deleting_the_account_drops_its_follows(make: Make, gql: Any, bearer: Any) -> None:
    proposal = await make.proposal()
    me, other = await make.account(), await make.user()
    await follow_row(make, user=me, kind="proposal", pk=proposal.id)
    await follow_row(make, user=other, kind="proposal", pk=proposal.id)

    body = await gql(DELETE, {"input": {"password": PASSWORD}}, headers=await bearer(me))

    assert body == {"data": {"deleteMyAccount": True}}
    assert await all_follows(make) == [(other.id, "proposal", proposal.id)]
    assert await gql(COUNT, {"id": str(proposal.id)}) == {"data": {"node": {"followsCount": 1}}}
