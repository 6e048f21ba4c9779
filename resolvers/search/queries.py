"""The search statement: matches in the viewer's reach, best locale per resource, ranked, keyset-paged.

One statement answers a page: the matching index rows the viewer may see (visibility decided now,
from the live tables, never stored in the index), deduplicated to each resource's best locale,
counted, and the page after the cursor with what its snippets need.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    String,
    Text,
    and_,
    case,
    cast,
    func,
    literal,
    literal_column,
    or_,
    select,
    true,
)
from sqlalchemy.dialects.postgresql import REGCONFIG, TSQUERY

import models
from models.search import PARTICIPANT_LOCALE
from resolvers.errors import BadUserInput
from resolvers.filters import Direction
from resolvers.pagination import PageRequest, SortKey, check_cursors, decode_cursor, encode_cursor
from resolvers.search import snippets
from resolvers.search.kinds import SEARCHABLE

if TYPE_CHECKING:
    from sqlalchemy import Select
    from sqlalchemy.ext.asyncio import AsyncSession

    from resolvers.visibility import Scope

MAX_TERM_LENGTH = 200
# Locales with a language configuration of their own; every other locale is parsed with ``simple``.
LANGUAGES = ("fr", "en")
# ts_rank is a small real; ranks are kept as integers (millionths) so cursors compare exactly.
RANK_SCALE = 1_000_000
# Snippets look at the beginning of long bodies only.
SNIPPET_SOURCE_CHARS = 10_000

_LAST_WORD = re.compile(r"(?:^|\s)([^\W_]+)$")

KEYS = (
    SortKey("rank", literal_column("rank", BigInteger), Direction.DESC),
    SortKey("id", literal_column("resource_id", BigInteger), Direction.ASC),
)


@dataclass(frozen=True, slots=True)
class SearchQuery:
    term: str
    kinds: tuple[str, ...]
    space_id: int | None = None
    scope_id: int | None = None
    locale: str | None = None
    # On a tie between a resource's locales, the one the viewer reads in wins.
    preferred_locale: str | None = None


@dataclass(frozen=True, slots=True)
class Hit:
    kind: str
    resource_id: int
    locale: str
    rank: float
    title: str
    snippet: str
    space_kind: str | None
    space_id: int | None
    scope_id: int | None


@dataclass(slots=True)
class SearchPage:
    hits: list[Hit] = field(default_factory=list)
    cursors: list[str] = field(default_factory=list)
    has_next_page: bool = False
    has_previous_page: bool = False
    total_count: int = 0


def clean_term(term: str) -> str:
    cleaned = " ".join(term.split())
    if not cleaned:
        msg = "Give something to search for."
        raise BadUserInput(msg, fields={"term": "blank"})
    if len(cleaned) > MAX_TERM_LENGTH:
        msg = f"Search terms are at most {MAX_TERM_LENGTH} characters long."
        raise BadUserInput(msg, fields={"term": f"at most {MAX_TERM_LENGTH} characters"})
    return cleaned


def _config(locale: str) -> ColumnElement[Any]:
    return func.participa_search_config(literal(locale), type_=REGCONFIG)


def _norm(locale: str, text: Any) -> ColumnElement[str]:
    return func.participa_search_norm(literal(locale), text, type_=Text)


def tsquery(locale: str, term: str) -> ColumnElement[Any]:
    """The term as a query in ``locale``'s configuration; the last word also matches as a prefix (type-ahead)."""
    config = _config(locale)
    query: ColumnElement[Any] = func.websearch_to_tsquery(config, _norm(locale, literal(term)), type_=TSQUERY)
    last = _LAST_WORD.search(term)
    if last is not None and '"' not in term:
        head = term[: last.start(1)]
        # text || text is immutable (concat() is not), so PostgreSQL computes the query once, not per row.
        word = _norm(locale, literal(last.group(1))).op("||", return_type=Text)(literal(":*"))
        prefix = func.to_tsquery(config, word, type_=TSQUERY)
        head_query = func.websearch_to_tsquery(config, _norm(locale, literal(head)), type_=TSQUERY)
        query = query.op("||", return_type=TSQUERY)(head_query.op("&&", return_type=TSQUERY)(prefix))
    return query


@functools.lru_cache(maxsize=512)
def _visible(kinds: tuple[str, ...], scope: Scope) -> ColumnElement[bool]:
    """Which ``(resource_kind, resource_id)`` the viewer may see, over the columns of those names.

    Building the visibility clauses takes milliseconds of Python (a few hundred expressions);
    they depend only on the kinds and on who asks, so each combination is built once.
    """
    kind = literal_column("resource_kind", String)
    pk = literal_column("resource_id", BigInteger)
    return or_(*(and_(kind == k, pk.in_(SEARCHABLE[k][1](scope))) for k in kinds))


def _locale_branches(wanted: str | None) -> list[tuple[str, ColumnElement[bool]]]:
    """(configuration locale, which index rows it parses), limited to ``wanted`` (participants always pass)."""
    si = models.SearchIndex
    branches: list[tuple[str, ColumnElement[bool]]] = [(code, si.locale == code) for code in LANGUAGES]  # type: ignore[misc]
    branches.append(("", si.locale.not_in(LANGUAGES)))  # type: ignore[attr-defined]
    if wanted is None:
        return branches
    config = wanted if wanted in LANGUAGES else ""
    only = or_(si.locale == wanted, si.locale == PARTICIPANT_LOCALE)  # type: ignore[arg-type]
    out = [(config, only)]
    if config:  # participants' rows use the simple configuration
        out.append(("", si.locale == PARTICIPANT_LOCALE))  # type: ignore[arg-type]
    return out


def search_statement(*, scope: Scope, query: SearchQuery, page: PageRequest, size: int) -> Select[Any]:
    """The one statement answering a page: the count, the page rows and which of their words matched."""
    term = clean_term(query.term)
    si = models.SearchIndex
    branches = _locale_branches(query.locale)
    # Each query is a scalar subquery: PostgreSQL computes it once (an InitPlan) and can hand it to the
    # GIN index; inline, a cached generic plan would recompute it for every row.
    parts = {code: tsquery(code, term) for code, _ in branches}
    queries: dict[str, ColumnElement[Any]] = {code: select(q).scalar_subquery() for code, q in parts.items()}
    # One condition the GIN index answers (any configuration matches), then each row's own configuration.
    any_query = select(functools.reduce(lambda a, b: a.op("||", return_type=TSQUERY)(b), parts.values()))
    matches = and_(
        si.document.op("@@")(any_query.scalar_subquery()),
        or_(*(and_(rows, si.document.op("@@")(queries[code])) for code, rows in branches)),
    )
    row_query = case(*((rows, queries[code]) for code, rows in branches), else_=queries[branches[-1][0]])
    rank = cast(func.round(func.ts_rank(si.document, row_query) * RANK_SCALE), BigInteger)

    filters: list[ColumnElement[bool]] = [
        si.organization_id == scope.organization_id,  # type: ignore[list-item]
        si.resource_kind.in_(query.kinds),  # type: ignore[attr-defined]
        matches,
    ]
    if query.space_id is not None:
        filters.append(si.space_id == query.space_id)  # type: ignore[arg-type]
    if query.scope_id is not None:
        filters.append(si.scope_id == query.scope_id)  # type: ignore[arg-type]
    # Text first (the GIN index), materialized so that visibility is checked on the matches only.
    candidates = (
        select(  # type: ignore[call-overload]
            si.id,
            si.resource_kind,
            si.resource_id,
            si.locale,
            si.space_kind,
            si.space_id,
            si.scope_id,
            si.title,
            si.body,
            rank.label("rank"),
        )
        .where(*filters)
        .cte("candidates")
        .prefix_with("MATERIALIZED")
    )
    c = candidates.c
    # A resource's best locale: highest rank, then the viewer's locale, then the first written.
    order = (c.rank.desc(), case((c.locale == query.preferred_locale, 0), else_=1), c.id)
    ranked = (
        select(
            *(c[name] for name in ("resource_kind", "resource_id", "locale", "space_kind", "space_id", "scope_id")),
            c.title,
            c.body,
            c.rank,
            func.row_number().over(partition_by=c.resource_id, order_by=order).label("n"),
        )
        .where(_visible(query.kinds, scope))
        .subquery("ranked")
    )
    best = select(ranked).where(ranked.c.n == 1).cte("matches")
    total = select(func.count().label("total")).select_from(best).subquery("total")

    window = select(best).order_by(best.c.rank.desc(), best.c.resource_id).limit(size + 1)
    if page.after is not None:
        after_rank, after_id = decode_cursor(page.after, arity=len(KEYS), argument="after")
        window = window.where(
            or_(best.c.rank < after_rank, and_(best.c.rank == after_rank, best.c.resource_id > after_id))
        )
    rows = window.lateral("page")
    # The row's own query again, for ts_headline to say which words matched.
    locale_query = case(
        *((rows.c.locale == code if code else rows.c.locale.not_in(LANGUAGES), queries[code]) for code in queries),
        else_=queries[branches[-1][0]],
    )

    def marks(column: Any) -> ColumnElement[str]:
        config = func.participa_search_config(rows.c.locale, type_=REGCONFIG)
        text = func.translate(
            func.participa_search_norm(rows.c.locale, func.left(column, SNIPPET_SOURCE_CHARS), type_=Text),
            snippets.START + snippets.STOP,
            "",
        )
        options = f"HighlightAll=true, StartSel={snippets.START}, StopSel={snippets.STOP}"
        return func.ts_headline(config, text, locale_query, options, type_=Text)  # type: ignore[no-any-return]

    return (
        select(total.c.total, rows, marks(rows.c.title).label("title_marks"), marks(rows.c.body).label("body_marks"))
        .select_from(total.outerjoin(rows, true()))
        .order_by(rows.c.rank.desc(), rows.c.resource_id)
    )


async def search(
    session: AsyncSession, *, scope: Scope, query: SearchQuery, page: PageRequest, default_size: int
) -> SearchPage:
    check_cursors(page, KEYS)
    size = page.size(default_size)
    stmt = search_statement(scope=scope, query=query, page=page, size=size)
    result = (await session.execute(stmt)).all()
    found = [r for r in result if r.resource_id is not None]
    more = len(found) > size
    found = found[:size]
    return SearchPage(
        hits=[_hit(r) for r in found],
        cursors=[encode_cursor([r.rank, r.resource_id]) for r in found],
        has_next_page=more,
        has_previous_page=page.after is not None,
        total_count=int(result[0].total) if result else 0,
    )


def _hit(row: Any) -> Hit:
    body = row.body[:SNIPPET_SOURCE_CHARS]
    return Hit(
        kind=row.resource_kind,
        resource_id=row.resource_id,
        locale=row.locale,
        rank=row.rank / RANK_SCALE,
        title=row.title,
        snippet=snippets.snippet(
            title=row.title, body=body, locale=row.locale, title_marks=row.title_marks, body_marks=row.body_marks
        ),
        space_kind=row.space_kind,
        space_id=row.space_id,
        scope_id=row.scope_id,
    )
