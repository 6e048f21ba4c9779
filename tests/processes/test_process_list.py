"""``participatoryProcesses(filter, order)``: Decidim's filters and sorts on the process list."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest


def at(day: str, clock: str = "10:00") -> datetime:
    return datetime.fromisoformat(f"{day}T{clock}").replace(tzinfo=UTC)


def ids(*rows: Any) -> list[dict[str, str]]:
    return [{"id": str(r.id)} for r in rows]


async def test_anonymous_visitor_lists_published_processes_in_id_order_by_default(make: Any, gql: Any) -> None:
    first = await make.process(slug="mobilites", hashtag="Mobilites", published_at=at("2026-01-12"))
    second = await make.process(slug="budget-2026", hashtag=None, published_at=at("2026-01-10"))

    body = await gql("{ participatoryProcesses { id slug hashtag publishedAt type } }")

    assert body == {
        "data": {
            "participatoryProcesses": [
                {
                    "id": str(first.id),
                    "slug": "mobilites",
                    "hashtag": "Mobilites",
                    "publishedAt": "2026-01-12T10:00:00+00:00",
                    "type": "Decidim::ParticipatoryProcess",
                },
                {
                    "id": str(second.id),
                    "slug": "budget-2026",
                    "hashtag": None,
                    "publishedAt": "2026-01-10T10:00:00+00:00",
                    "type": "Decidim::ParticipatoryProcess",
                },
            ]
        }
    }


async def test_published_before_excludes_processes_published_on_that_day(make: Any, gql: Any) -> None:
    day_before = await make.process(published_at=at("2026-01-09", "23:59:59"))
    await make.process(published_at=at("2026-01-10", "00:00"))
    await make.process(published_at=at("2026-01-11"))

    body = await gql('{ participatoryProcesses(filter: {publishedBefore: "2026-01-10"}) { id } }')

    assert body == {"data": {"participatoryProcesses": ids(day_before)}}


async def test_published_since_includes_processes_published_on_that_day(make: Any, gql: Any) -> None:
    await make.process(published_at=at("2026-01-09", "23:59:59"))
    midnight = await make.process(published_at=at("2026-01-10", "00:00"))
    later = await make.process(published_at=at("2026-01-11"))

    body = await gql('{ participatoryProcesses(filter: {publishedSince: "2026-01-10"}) { id } }')

    assert body == {"data": {"participatoryProcesses": ids(midnight, later)}}


async def test_published_since_and_before_together_give_a_half_open_window(make: Any, gql: Any) -> None:
    await make.process(published_at=at("2026-01-01"))
    inside = await make.process(published_at=at("2026-01-05"))
    await make.process(published_at=at("2026-01-10"))

    body = await gql(
        '{ participatoryProcesses(filter: {publishedSince: "2026-01-05", publishedBefore: "2026-01-10"}) { id } }'
    )

    assert body == {"data": {"participatoryProcesses": ids(inside)}}


@pytest.mark.parametrize("hashtag", ["#Mobilites", "Mobilites", "mobilites", "#MOBILITES"])
async def test_hashtag_filter_matches_with_or_without_hash_in_any_case(make: Any, gql: Any, hashtag: str) -> None:
    tagged = await make.process(hashtag="Mobilites")
    await make.process(hashtag="MobilitesDouces")
    await make.process(hashtag=None)

    body = await gql(
        "query($tag: String) { participatoryProcesses(filter: {hashtag: $tag}) { id hashtag } }", {"tag": hashtag}
    )

    assert body == {"data": {"participatoryProcesses": [{"id": str(tagged.id), "hashtag": "Mobilites"}]}}


async def test_hashtag_filter_matching_nothing_gives_an_empty_list(make: Any, gql: Any) -> None:
    await make.process(hashtag="Mobilites")

    body = await gql('{ participatoryProcesses(filter: {hashtag: "#Climat"}) { id } }')

    assert body == {"data": {"participatoryProcesses": []}}


@pytest.mark.parametrize("direction", ["DESC", "desc", "Desc"])
async def test_sort_by_id_descending_accepts_any_case(make: Any, gql: Any, direction: str) -> None:
    a = await make.process()
    b = await make.process()
    c = await make.process()

    body = await gql("query($d: String) { participatoryProcesses(order: {id: $d}) { id } }", {"d": direction})

    assert body == {"data": {"participatoryProcesses": ids(c, b, a)}}


async def test_sort_by_start_date_ascending_breaks_ties_by_id(make: Any, gql: Any) -> None:
    late = await make.process(start_date=date(2026, 3, 1))
    tie_first = await make.process(start_date=date(2026, 2, 1))
    early = await make.process(start_date=date(2026, 1, 1))
    tie_second = await make.process(start_date=date(2026, 2, 1))

    body = await gql('{ participatoryProcesses(order: {startDate: "asc"}) { id startDate } }')

    assert body == {
        "data": {
            "participatoryProcesses": [
                {"id": str(early.id), "startDate": "2026-01-01"},
                {"id": str(tie_first.id), "startDate": "2026-02-01"},
                {"id": str(tie_second.id), "startDate": "2026-02-01"},
                {"id": str(late.id), "startDate": "2026-03-01"},
            ]
        }
    }


async def test_sort_by_start_date_descending_still_breaks_ties_by_ascending_id(make: Any, gql: Any) -> None:
    tie_first = await make.process(start_date=date(2026, 2, 1))
    early = await make.process(start_date=date(2026, 1, 1))
    tie_second = await make.process(start_date=date(2026, 2, 1))

    body = await gql('{ participatoryProcesses(order: {startDate: "DESC"}) { id } }')

    assert body == {"data": {"participatoryProcesses": ids(tie_first, tie_second, early)}}


async def test_sort_by_published_at_orders_by_publication_time(make: Any, gql: Any) -> None:
    middle = await make.process(published_at=at("2026-01-05"))
    newest = await make.process(published_at=at("2026-01-09"))
    oldest = await make.process(published_at=at("2026-01-01"))

    ascending = await gql('{ participatoryProcesses(order: {publishedAt: "ASC"}) { id } }')
    descending = await gql('{ participatoryProcesses(order: {publishedAt: "DESC"}) { id } }')

    assert ascending == {"data": {"participatoryProcesses": ids(oldest, middle, newest)}}
    assert descending == {"data": {"participatoryProcesses": ids(newest, middle, oldest)}}


async def test_filter_and_sort_combine(make: Any, gql: Any) -> None:
    await make.process(hashtag="Mobilites", published_at=at("2025-12-01"), start_date=date(2026, 1, 1))
    second = await make.process(hashtag="Mobilites", published_at=at("2026-01-02"), start_date=date(2026, 1, 1))
    first = await make.process(hashtag="Mobilites", published_at=at("2026-01-03"), start_date=date(2026, 6, 1))
    await make.process(hashtag="Climat", published_at=at("2026-01-04"), start_date=date(2026, 9, 1))

    body = await gql(
        '{ participatoryProcesses(filter: {hashtag: "Mobilites", publishedSince: "2026-01-01"},'
        ' order: {startDate: "DESC"}) { id } }'
    )

    assert body == {"data": {"participatoryProcesses": ids(first, second)}}


async def test_empty_filter_and_order_objects_list_everything_in_id_order(make: Any, gql: Any) -> None:
    a = await make.process()
    b = await make.process()

    body = await gql("{ participatoryProcesses(filter: {}, order: {}) { id } }")

    assert body == {"data": {"participatoryProcesses": ids(a, b)}}
