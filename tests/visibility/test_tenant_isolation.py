"""Each organization sees only its own data; the request's host chooses the organization."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from resolvers.viewer import Viewer
from tests.builders import tr

OTHER_HOST = "other.test"


@dataclass
class Tenant:
    organization: Any
    process: Any
    step: Any
    category: Any
    component: Any
    attachment: Any
    group: Any
    type: Any
    user: Any
    user_group: Any

    @property
    def ids(self) -> list[str]:
        rows = [self.process, self.step, self.category, self.component, self.attachment, self.group, self.type]
        return [str(r.id) for r in [*rows, self.user, self.user_group]]


async def tenant(make: Any, organization: Any) -> Tenant:
    name = organization.host.split(".")[0]
    group = await make.process_group(organization=organization)
    kind = await make.process_type(organization=organization)
    process = await make.process(
        organization=organization,
        slug="mobilites",
        title=tr(f"Mobilités {name}"),
        process_group_id=group.id,
        process_type_id=kind.id,
    )
    user = await make.user(organization=organization, nickname="camille", email="camille@example.org")
    user_group = await make.group(organization=organization, nickname="collectif")
    await make.membership(user=user, group=user_group)
    return Tenant(
        organization=organization,
        process=process,
        step=await make.step(process=process),
        category=await make.category(space=process),
        component=await make.component(space=process),
        attachment=await make.attachment(owner=process),
        group=group,
        type=kind,
        user=user,
        user_group=user_group,
    )


async def two_tenants(make: Any) -> tuple[Tenant, Tenant]:
    home = await tenant(make, await make.org(None))
    other = await tenant(make, await make.organization(host=OTHER_HOST))
    return home, other


LISTS = """
{
  organization { id defaultLocale stats { name value } }
  participatoryProcesses { id title { translation(locale: "fr") } }
  bySlug: participatoryProcess(slug: "mobilites") { id }
  participatoryProcessGroups { id participatoryProcesses { id } }
  participatoryProcessTypes { id processes { id } }
  users { id ... on User { groups { id } } ... on UserGroup { members { id } } }
  byNickname: user(nickname: "@camille") { id }
}
"""


def own_lists(t: Tenant) -> dict[str, Any]:
    name = t.organization.host.split(".")[0]
    pid = {"id": str(t.process.id)}
    return {
        "data": {
            "organization": {
                "id": str(t.organization.id),
                "defaultLocale": "fr",
                "stats": [{"name": "users_count", "value": 1}, {"name": "processes_count", "value": 1}],
            },
            "participatoryProcesses": [{"id": str(t.process.id), "title": {"translation": f"Mobilités {name}"}}],
            "bySlug": pid,
            "participatoryProcessGroups": [{"id": str(t.group.id), "participatoryProcesses": [pid]}],
            "participatoryProcessTypes": [{"id": str(t.type.id), "processes": [pid]}],
            "users": [
                {"id": str(t.user.id), "groups": [{"id": str(t.user_group.id)}]},
                {"id": str(t.user_group.id), "members": [{"id": str(t.user.id)}]},
            ],
            "byNickname": {"id": str(t.user.id)},
        }
    }


async def test_each_host_lists_only_its_own_organization_data(make: Any, gql: Any) -> None:
    home, other = await two_tenants(make)

    at_home = await gql(LISTS)
    at_other = await gql(LISTS, host=OTHER_HOST)

    assert at_home == own_lists(home)
    assert at_other == own_lists(other)


BY_ID = """
query($ids: [ID!]!, $process: ID!, $component: ID!, $group: ID!, $type: ID!, $user: ID!) {
  nodes(ids: $ids) { id }
  node(id: $process) { id }
  participatoryProcess(id: $process) { id }
  component(id: $component) { id }
  participatoryProcessGroup(id: $group) { id }
  participatoryProcessType(id: $type) { id }
  user(id: $user) { id }
}
"""


def by_id_variables(t: Tenant) -> dict[str, Any]:
    return {
        "ids": t.ids,
        "process": str(t.process.id),
        "component": str(t.component.id),
        "group": str(t.group.id),
        "type": str(t.type.id),
        "user": str(t.user.id),
    }


def nothing(t: Tenant) -> dict[str, Any]:
    return {
        "data": {
            "nodes": [None] * len(t.ids),
            "node": None,
            "participatoryProcess": None,
            "component": None,
            "participatoryProcessGroup": None,
            "participatoryProcessType": None,
            "user": None,
        }
    }


def everything(t: Tenant) -> dict[str, Any]:
    return {
        "data": {
            "nodes": [{"id": i} for i in t.ids],
            "node": {"id": str(t.process.id)},
            "participatoryProcess": {"id": str(t.process.id)},
            "component": {"id": str(t.component.id)},
            "participatoryProcessGroup": {"id": str(t.group.id)},
            "participatoryProcessType": {"id": str(t.type.id)},
            "user": {"id": str(t.user.id)},
        }
    }


async def test_another_organization_ids_find_nothing(make: Any, gql: Any) -> None:
    home, other = await two_tenants(make)

    foreign_at_home = await gql(BY_ID, by_id_variables(other))
    foreign_at_other = await gql(BY_ID, by_id_variables(home), host=OTHER_HOST)
    own_at_home = await gql(BY_ID, by_id_variables(home))

    assert foreign_at_home == nothing(other)
    assert foreign_at_other == nothing(home)
    assert own_at_home == everything(home)


async def test_an_organization_admin_sees_nothing_of_another_organization(make: Any, execute: Any) -> None:
    home, other = await two_tenants(make)
    await make.process(organization=other.organization, published_at=None)

    body = await execute(
        BY_ID, by_id_variables(other), organization=home.organization, viewer=Viewer(organization_admin=True)
    )
    listing = await execute(
        "{ participatoryProcesses { id } }", organization=home.organization, viewer=Viewer(organization_admin=True)
    )

    assert body == nothing(other)
    assert listing == {"data": {"participatoryProcesses": [{"id": str(home.process.id)}]}}


async def test_a_member_of_another_organization_private_process_gains_nothing_here(make: Any, execute: Any) -> None:
    home, other = await two_tenants(make)
    private = await make.process(organization=other.organization, private_space=True)
    await make.private_member(space=private, user=other.user)

    body = await execute(
        "query($id: ID!) { node(id: $id) { id } }",
        {"id": str(private.id)},
        organization=home.organization,
        viewer=Viewer(user_id=other.user.id),
    )

    assert body == {"data": {"node": None}}


async def test_users_filters_never_reach_another_organization(make: Any, gql: Any) -> None:
    _, other = await two_tenants(make)
    await make.user(organization=other.organization, nickname="dominique", name="Dominique")

    body = await gql(
        '{ wildcard: users(filter: {wildcard: "dominique"}) { id } byName: users(filter: {name: "Dominique"}) { id }'
        ' finder: user(nickname: "dominique") { id } }'
    )

    assert body == {"data": {"wildcard": [], "byName": [], "finder": None}}


@pytest.mark.parametrize("host", ["unknown.test", "participa.test.evil.example", "localhost"])
async def test_an_unknown_host_gets_organization_not_found_when_several_organizations_exist(
    make: Any, gql: Any, host: str
) -> None:
    await two_tenants(make)

    body = await gql("{ participatoryProcesses { id } }", host=host, expect_status=404)

    assert body == {
        "errors": [
            {
                "message": f"No organization is served at host {host!r}.",
                "extensions": {"code": "ORGANIZATION_NOT_FOUND"},
            }
        ]
    }


@pytest.mark.parametrize("host", ["participa.test:8000", "PARTICIPA.TEST", "www.participa.test"])
async def test_the_host_matches_without_port_or_case_and_on_secondary_hosts(make: Any, gql: Any, host: str) -> None:
    home = await make.organization(host="participa.test", secondary_hosts=["www.participa.test"])
    await make.organization(host=OTHER_HOST)

    body = await gql("{ organization { id } }", host=host)

    assert body == {"data": {"organization": {"id": str(home.id)}}}


@pytest.mark.parametrize("host", ["participa.test", "anything.example", "localhost:8000", "127.0.0.1"])
async def test_a_single_organization_install_serves_any_host(make: Any, gql: Any, host: str) -> None:
    only = await make.org(None)
    process = await make.process()

    body = await gql("{ organization { id } participatoryProcesses { id } }", host=host)

    assert body == {"data": {"organization": {"id": str(only.id)}, "participatoryProcesses": [{"id": str(process.id)}]}}


async def test_a_fresh_install_without_organization_answers_organization_not_found(gql: Any) -> None:
    body = await gql("{ organization { id } }", expect_status=404)

    assert body == {
        "errors": [
            {
                "message": "No organization exists yet: run `participa seed` or create one.",
                "extensions": {"code": "ORGANIZATION_NOT_FOUND"},
            }
        ]
    }
