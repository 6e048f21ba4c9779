"""A private assembly with something of every kind inside it, and the document that reads it all."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import models
from tests.builders import Make
from tests.comments.conftest import Threads

PROPOSAL_TYPE = "Decidim::Proposals::Proposal"
MEETING_TYPE = "Decidim::Meetings::Meeting"
COMMENT_TYPE = "Decidim::Comments::Comment"


@dataclass
class World:
    """An assembly (private unless told otherwise), its contents, and a public process linking to it."""

    assembly: models.Assembly
    child: models.Assembly
    kind: Any
    component: models.Component
    proposal: models.Proposal
    comment: models.Comment
    meetings: models.Component
    meeting: models.Meeting
    category: models.Category
    attachment: models.Attachment
    collection: models.AttachmentCollection
    component_attachment: models.Attachment
    process: models.ParticipatoryProcess
    link: Any

    @property
    def contents(self) -> list[Any]:
        """Every row inside the assembly, in the order ``nodes`` asks for them."""
        return [
            self.assembly,
            self.child,
            self.component,
            self.proposal,
            self.comment,
            self.meetings,
            self.meeting,
            self.category,
            self.attachment,
            self.collection,
            self.component_attachment,
            self.link,
        ]

    @property
    def variables(self) -> dict[str, Any]:
        return {
            "a": str(self.assembly.id),
            "c": str(self.component.id),
            "m": str(self.meetings.id),
            "process": str(self.process.id),
            "type": str(self.kind.id),
            "ids": [str(r.id) for r in self.contents],
        }

    def seen(self) -> dict[str, Any]:
        """What ``EVERY_PATH`` answers to a viewer who may see the assembly."""
        a, c = {"id": str(self.assembly.id)}, str(self.component.id)
        proposals = {"nodes": [{"id": str(self.proposal.id), "comments": [{"id": str(self.comment.id)}]}]}
        meetings = {"id": str(self.meetings.id), "meetings": {"nodes": [{"id": str(self.meeting.id)}]}}
        return {
            "data": {
                "assemblies": [a, {"id": str(self.child.id)}],
                "assembly": {
                    **a,
                    "components": [{"id": c, "proposals": proposals}, meetings],
                    "categories": [{"id": str(self.category.id)}],
                    "attachments": [{"id": str(self.attachment.id)}],
                    "attachmentCollections": [{"id": str(self.collection.id), "attachments": []}],
                    "children": [{"id": str(self.child.id)}],
                    "linkedParticipatorySpaces": [{"id": str(self.link.id)}],
                },
                "component": {
                    "id": c,
                    "participatorySpace": {**a, "type": "Decidim::Assembly"},
                    "proposals": proposals,
                },
                "meetingsComponent": meetings,
                "node": a,
                "nodes": [{"id": str(r.id)} for r in self.contents],
                "participatoryProcess": {
                    "linkedParticipatorySpaces": [
                        {"id": str(self.link.id), "participatorySpace": {**a, "slug": self.assembly.slug}}
                    ]
                },
                "assembliesType": {"assemblies": [a]},
            }
        }

    def hidden(self) -> dict[str, Any]:
        return {
            "data": {
                "assemblies": [],
                "assembly": None,
                "component": None,
                "meetingsComponent": None,
                "node": None,
                "nodes": [None] * len(self.contents),
                "participatoryProcess": {"linkedParticipatorySpaces": []},
                "assembliesType": {"assemblies": []},
            }
        }


EVERY_PATH = """
query($a: ID!, $c: ID!, $m: ID!, $ids: [ID!]!, $process: ID, $type: ID!) {
  assemblies { id }
  assembly(id: $a) {
    id
    components {
      id
      ... on Proposals { proposals { nodes { id comments { id } } } }
      ... on Meetings { meetings { nodes { id } } }
    }
    categories { id }
    attachments { id }
    attachmentCollections { id attachments { id } }
    children { id }
    linkedParticipatorySpaces { id }
  }
  component(id: $c) {
    id
    participatorySpace { id type }
    ... on Proposals { proposals { nodes { id comments { id } } } }
  }
  meetingsComponent: component(id: $m) { id ... on Meetings { meetings { nodes { id } } } }
  node(id: $a) { id }
  nodes(ids: $ids) { id }
  participatoryProcess(id: $process) {
    linkedParticipatorySpaces { id participatorySpace { id ... on Assembly { slug } } }
  }
  assembliesType(id: $type) { assemblies { id } }
}
"""


async def build_world(make: Make, **assembly_fields: Any) -> World:
    threads = Threads(make)
    kind = await make.assembly_type()
    assembly = await make.assembly(assembly_type_id=kind.id, **({"private_space": True} | assembly_fields))
    child = await make.assembly(parent=assembly)
    component = await make.component(space=assembly, manifest_name="proposals", weight=1)
    proposal = await threads.proposal(component=component)
    meetings = await make.component(space=assembly, manifest_name="meetings", weight=2)
    process = await make.process()
    return World(
        assembly=assembly,
        child=child,
        kind=kind,
        component=component,
        proposal=proposal,
        comment=await threads.comment(on=proposal),
        meetings=meetings,
        meeting=await make.meeting(component=meetings),
        category=await make.category(space=assembly),
        attachment=await make.attachment(owner=assembly),
        collection=await make.collection(owner=assembly),
        component_attachment=await make.attachment(owner=component),
        process=process,
        link=await make.link(source=process, target=assembly, name="included_assemblies"),
    )
