"""The GraphQL documents ``participa bench`` times (ids and slugs come from the seeded data)."""

from __future__ import annotations

_T = '{ translation(locale: "fr") }'

PROCESSES_QUERY = f"""
{{
  participatoryProcesses {{
    id slug title {_T} startDate endDate
    steps {{ id title {_T} active startDate endDate }}
    categories {{ id name {_T} subcategories {{ id name {_T} }} }}
    components {{ __typename id name {_T} weight }}
    attachments {{ id title {_T} url fileSize contentType }}
    attachmentCollections {{ id name {_T} attachmentsCount }}
  }}
}}
"""

PROCESS_PAGE_QUERY = f"""
query ($slug: String!) {{
  participatoryProcess(slug: $slug) {{
    id title {_T} subtitle {_T} description {_T}
    participatoryProcessGroup {{ id title {_T} }}
    participatoryProcessType {{ id title {_T} }}
    area {{ id name {_T} }}
    activeStep {{ id title {_T} callToActionPath }}
    linkedParticipatorySpaces {{ id name participatorySpace {{ id title {_T} }} }}
    attachmentCollections {{ id name {_T} attachments {{ id title {_T} url fileSize }} }}
  }}
}}
"""

USERS_QUERY = """
{
  users {
    __typename id name nickname
    ... on User { groups { id nickname } }
    ... on UserGroup { membersCount }
  }
}
"""

NODES_QUERY = f"""
query ($ids: [ID!]!) {{
  nodes(ids: $ids) {{
    __typename id
    ... on ParticipatoryProcess {{ slug title {_T} }}
    ... on ParticipatoryProcessStep {{ title {_T} active }}
    ... on Scope {{ code name {_T} }}
    ... on Attachment {{ url title {_T} }}
    ... on User {{ nickname }}
  }}
}}
"""

COMMUNES_QUERY = f"""
query ($id: ID!) {{
  node(id: $id) {{ ... on Scope {{ code name {_T} children {{ id code name {_T} }} }} }}
}}
"""

PROPOSALS_PAGE_QUERY = f"""
query ($id: ID!) {{
  component(id: $id) {{
    ... on Proposals {{
      proposals(first: 50, order: {{ publishedAt: "DESC" }}) {{
        totalCount
        pageInfo {{ hasNextPage endCursor }}
        nodes {{
          id reference title {_T} body {_T} publishedAt state official withdrawn
          voteCount endorsementsCount totalCommentsCount
          author {{ id nickname name }}
          authors {{ id nickname }}
          category {{ id name {_T} }}
          scope {{ id name {_T} }}
          comments {{ id alignment body createdAt upVotes downVotes deleted author {{ id nickname }} }}
        }}
      }}
    }}
  }}
}}
"""

ANNUAL_REVIEW_QUERY = """
{
  participatoryProcesses { id slug }
  metrics(names: ["users", "participants", "proposals", "accepted_proposals", "votes", "comments", "meetings"]) {
    name count history { key value }
  }
  byConsultation: participationBreakdown(by: SPACE) { key figures { name count } }
  byCommune: participationBreakdown(by: SCOPE, names: ["proposals", "votes"]) { key figures { name count } }
  byWeek: participationBreakdown(by: WEEK, names: ["proposals", "comments"]) { weekStart figures { name count } }
}
"""

SEARCH_QUERY = """
query ($term: String!) {
  search(term: $term, first: 20) {
    totalCount
    nodes { id resourceType title snippet rank }
  }
}
"""
