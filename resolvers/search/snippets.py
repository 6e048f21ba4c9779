"""Highlighted snippets: HTML-escaped original text with ``<mark>`` around the words that matched.

PostgreSQL tells which words matched (``ts_headline`` over the folded text, so accents and stemming
agree with the search itself); the marks are then placed on the original words here, by folding
each word the same way. The original text is escaped piece by piece, so stored markup never
reaches the snippet as markup.
"""

from __future__ import annotations

import html
import re
import unicodedata

START, STOP = "\u27e6", "\u27e7"
"""Markers ``ts_headline`` puts around matched words; the text is stripped of them first."""

WORD = re.compile(r"[^\W_]+")
_MARKED = re.compile(f"{START}(.*?){STOP}", re.DOTALL)
# The same -os rule as participa_search_norm() for French.
_FRENCH_OS = re.compile(r"(?<=[^\W\d_]{2}o)s\b")
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "ł": "l", "đ": "d"})

WINDOW = 30
LEAD = 8
ELLIPSIS = "…"


def fold(word: str, locale: str) -> str:
    """Lower case without accents, as ``participa_search_norm`` folds the word for ``locale``."""
    text = unicodedata.normalize("NFKD", word.lower().translate(_LIGATURES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _FRENCH_OS.sub("", text) if locale == "fr" else text


def matched_words(headline: str | None) -> set[str]:
    """The folded words ``ts_headline`` marked (a compound's parts each count)."""
    if not headline:
        return set()
    return {part for marked in _MARKED.findall(headline) for part in WORD.findall(marked)}


def highlight(text: str, matched: set[str], locale: str, *, whole: bool = False) -> str:
    """Escaped ``text`` with its matched words marked: all of it (``whole``) or a window of words around the first."""
    pieces: list[tuple[str, bool]] = []  # (original piece, is a matched word)
    position = 0
    for word in WORD.finditer(text):
        if word.start() > position:
            pieces.append((text[position : word.start()], False))
        pieces.append((word.group(), fold(word.group(), locale) in matched))
        position = word.end()
    if position < len(text):
        pieces.append((text[position:], False))
    words = [i for i, (piece, _) in enumerate(pieces) if WORD.fullmatch(piece)]
    start, end = 0, len(pieces)
    if not whole and len(words) > WINDOW:
        hits = [n for n, i in enumerate(words) if pieces[i][1]]
        first = max(0, (hits[0] if hits else 0) - LEAD)
        first = min(first, len(words) - WINDOW)
        start = words[first] if first > 0 else 0
        last = first + WINDOW - 1
        end = words[last] + 1 if last < len(words) - 1 else len(pieces)
    out = [ELLIPSIS + " "] if start > 0 else []
    for piece, hit in pieces[start:end]:
        escaped = html.escape(piece, quote=True)
        out.append(f"<mark>{escaped}</mark>" if hit else escaped)
    if end < len(pieces):
        out.append(" " + ELLIPSIS)
    return "".join(out).strip()


def snippet(*, title: str, body: str, locale: str, title_marks: str | None, body_marks: str | None) -> str:
    """The body around its first match; the title when only the title matched (or there is no body)."""
    in_body = matched_words(body_marks)
    if body and (in_body or not title):
        return highlight(body, in_body, locale)
    return highlight(title, matched_words(title_marks), locale, whole=True)
