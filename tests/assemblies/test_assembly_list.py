"""``assemblies(filter, order)``: Decidim's process filter and sort, applied to assemblies."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest


def at(day: str, clock: str = "10:00") -> datetime:
    return datetime.fromisoformat(f"{day}T{clock}").replace(tzinfo=UTC)


def ids(*rows: Any) -> list[dict[str, str]]:
    return [{"id": str(r.id)} for r in rows]


async def test_anonymous_visitor_lists_assemblies_of_every_level_in_id_order(make: Any, gql: Any) -> None:
    council = await make.assembly(slug="conseil-jeunes", hashtag="Jeunes", published_at=at("2026-01-12"))
    commission = await make.assembly(parent=council, slug="commission-climat", published_at=at("2026-01-10"))

    body = await gql("{ assemblies { id slug hashtag publishedAt type parentsPath } }")

    assert body == {
        "data": {
            "assemblies": [
                {
                    "id": str(council.id),
                    "slug": "conseil-jeunes",
                    "hashtag": "Jeunes",
                    "publishedAt": "2026-01-12T10:00:00+00:00",
                    "type": "Decidim::Assembly",
                    "parentsPath": str(council.id),
                },
                {
                    "id": str(commission.id),
                    "slug": "commission-climat",
                    "hashtag": None,
                    "publishedAt": "2026-01-10T10:00:00+00:00",
                    "type": "Decidim::Assembly",
                    "parentsPath": f"{council.id}.{commission.id}",
                },
            ]
        }
    }


async def test_published_before_is_exclusive_and_published_since_inclusive(make: Any, gql: Any) -> None:
    before = await make.assembly(published_at=at("2026-01-09", "23:59:59"))
    midnight = await make.assembly(published_at=at("2026-01-10", "00:00"))
    later = await make.assembly(published_at=at("2026-01-11"))

    body = await gql(
        '{ before: assemblies(filter: {publishedBefore: "2026-01-10"}) { id }'
        ' since: assemblies(filter: {publishedSince: "2026-01-10"}) { id }'
        ' window: assemblies(filter: {publishedSince: "2026-01-10", publishedBefore: "2026-01-11"}) { id } }'
    )

    assert body == {"data": {"before": ids(before), "since": ids(midnight, later), "window": ids(midnight)}}


@pytest.mark.parametrize("hashtag", ["#Jeunes", "Jeunes", "jeunes", "#JEUNES"])
async def test_hashtag_filter_matches_with_or_without_hash_in_any_case(make: Any, gql: Any, hashtag: str) -> None:
    tagged = await make.assembly(hashtag="Jeunes")
    await make.assembly(hashtag="Climat")
    await make.assembly(hashtag=None)

    body = await gql("query($h: String) { assemblies(filter: {hashtag: $h}) { id } }", {"h": hashtag})

    assert body == {"data": {"assemblies": ids(tagged)}}


async def test_order_by_published_at_then_id_in_either_direction(make: Any, gql: Any) -> None:
    late = await make.assembly(published_at=at("2026-01-12"))
    early = await make.assembly(published_at=at("2026-01-10"))
    tie = await make.assembly(published_at=at("2026-01-10"))

    body = await gql(
        '{ asc: assemblies(order: {publishedAt: "asc"}) { id } desc: assemblies(order: {publishedAt: "DESC"}) { id }'
        ' byId: assemblies(order: {id: "desc"}) { id } }'
    )

    assert body == {
        "data": {"asc": ids(early, tie, late), "desc": ids(late, early, tie), "byId": ids(tie, early, late)}
    }


async def test_start_date_order_sorts_assemblies_by_creation_date(make: Any, gql: Any) -> None:
    recent = await make.assembly(creation_date=date(2024, 5, 1))
    old = await make.assembly(creation_date=date(1999, 9, 1))
    undated = await make.assembly(creation_date=None)

    body = await gql(
        '{ asc: assemblies(order: {startDate: "ASC"}) { id creationDate }'
        ' desc: assemblies(order: {startDate: "desc"}) { id } }'
    )

    # PostgreSQL puts nulls last in ascending order and first in descending order.
    assert body == {
        "data": {
            "asc": [
                {"id": str(old.id), "creationDate": "1999-09-01"},
                {"id": str(recent.id), "creationDate": "2024-05-01"},
                {"id": str(undated.id), "creationDate": None},
            ],
            "desc": ids(undated, recent, old),
        }
    }


@pytest.mark.parametrize(
    ("arguments", "message", "fields"),
    [
        (
            'filter: {publishedBefore: "2026-13-01"}',
            "Invalid date '2026-13-01' for filter.publishedBefore: use YYYY-MM-DD.",
            {"filter.publishedBefore": "must be a date as YYYY-MM-DD"},
        ),
        (
            'order: {startDate: "ascending"}',
            'Invalid sort direction \'ascending\' for order.startDate: use "ASC" or "DESC".',
            {"order.startDate": "must be ASC or DESC"},
        ),
    ],
)
async def test_bad_filter_or_sort_values_are_bad_user_input(
    make: Any, gql: Any, arguments: str, message: str, fields: dict[str, str]
) -> None:
    await make.assembly()

    body = await gql(f"{{ assemblies({arguments}) {{ id }} }}")

    assert body == {
        "data": {"assemblies": None},
        "errors": [
            {
                "message": message,
                "locations": [{"line": 1, "column": 3}],
                "path": ["assemblies"],
                "extensions": {"code": "BAD_USER_INPUT", "fields": fields},
            }
        ],
    }
