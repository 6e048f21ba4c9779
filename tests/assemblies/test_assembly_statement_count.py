"""Pinned SQL statement counts for the assembly tree: ten times the data, not one statement more."""

from __future__ import annotations

from typing import Any

from resolvers.viewer import ANONYMOUS, Viewer

ASSEMBLIES = """
{
  assemblies {
    id
    title { translation(locale: "fr") }
    parent { id }
    childrenCount
    children { id children { id } }
    assemblyType { id assemblies { id } }
    area { id }
    categories { id subcategories { id } }
    components { id name { translation(locale: "fr") } participatorySpace { id } }
    attachments { url }
    attachmentCollections { id attachments { id } }
    linkedParticipatorySpaces { id participatorySpace { id } }
    stats { name value }
  }
}
"""

# one statement each: assemblies; children (childrenCount shares them; grandchildren are children of listed
# assemblies, already loaded); parents (the components' and linked spaces are those same roots, loaded
# once per request); types; the types' assemblies; areas; categories; subcategories; components; stats
# (components per manifest, then the metrics' figures, one per metric: eleven); attachments; collections;
# collection attachments; outgoing links; incoming links
ASSEMBLIES_STATEMENTS = 26


async def add_assemblies(make: Any, *, count: int, kind: Any, area: Any, previous: Any | None) -> Any:
    """``count`` visible root assemblies with a child and two of everything, plus hidden rows."""
    for _ in range(count):
        assembly = await make.assembly(assembly_type_id=kind.id, area_id=area.id)
        await make.assembly(parent=assembly, assembly_type_id=kind.id)
        await make.assembly(parent=assembly, private_space=True)  # hidden from outsiders
        parent = await make.category(space=assembly)
        await make.category(space=assembly, parent_id=parent.id)
        await make.component(space=assembly, manifest_name="proposals")
        await make.component(space=assembly, manifest_name="meetings")
        await make.component(space=assembly, published_at=None)
        await make.attachment(owner=assembly)
        collection = await make.collection(owner=assembly)
        await make.attachment(owner=assembly, collection_id=collection.id)
        if previous is not None:
            await make.link(source=assembly, target=previous, name="related_assemblies")
        previous = assembly
    return previous


async def test_assembly_tree_runs_the_same_statements_for_3_and_30_assemblies(
    make: Any, execute: Any, count_queries: Any
) -> None:
    org = await make.org(None)
    kind = await make.assembly_type()
    area = await make.area()
    last = await add_assemblies(make, count=3, kind=kind, area=area, previous=None)

    with count_queries() as small:
        small_body = await execute(ASSEMBLIES, organization=org)
    await add_assemblies(make, count=27, kind=kind, area=area, previous=last)
    with count_queries() as large:
        large_body = await execute(ASSEMBLIES, organization=org)

    assert "errors" not in small_body
    assert "errors" not in large_body
    assert len(small_body["data"]["assemblies"]) == 3 * 2  # roots and their public children
    assert len(large_body["data"]["assemblies"]) == 30 * 2
    assert small.count == ASSEMBLIES_STATEMENTS
    assert large.count == ASSEMBLIES_STATEMENTS


async def test_assembly_tree_statement_count_is_the_same_for_anyone(
    make: Any, execute: Any, count_queries: Any
) -> None:
    org = await make.org(None)
    member = await make.user()
    await add_assemblies(make, count=5, kind=await make.assembly_type(), area=await make.area(), previous=None)

    counts = []
    for viewer in (ANONYMOUS, Viewer(user_id=member.id), Viewer(organization_admin=True)):
        with count_queries() as log:
            body = await execute(ASSEMBLIES, organization=org, viewer=viewer)
        assert "errors" not in body
        counts.append(log.count)

    assert counts == [ASSEMBLIES_STATEMENTS] * 3
