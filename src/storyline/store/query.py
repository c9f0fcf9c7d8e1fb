"""What a timeline view asks for: the filters shared by the CLI, the API and the UI."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from storyline.dates import bounds
from storyline.errors import StorylineError
from storyline.vocab import MODALITIES, PLOVER_TYPES, Modality, PloverType, one_of

__all__ = [
    "EVENT_SORTS",
    "MAX_SEARCH_CHARS",
    "MAX_SEARCH_TERMS",
    "CitedBy",
    "EventQuery",
    "QueryError",
    "check_search",
    "parse_date_bound",
]


class QueryError(StorylineError, ValueError):
    """A filter a user gave that storyline cannot apply (the message says why)."""

    code = "SL502"


def parse_date_bound(value: str, *, end: bool) -> str:
    """Turn ``2021``, ``2021-03`` or ``2021-03-25`` into the first/last ISO day it covers."""
    b = bounds(value.strip())
    if b is None or "/" in value:
        raise QueryError(f"not a date: {value!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    try:
        dt.date.fromisoformat(b[1] if end else b[0])
    except ValueError as exc:
        raise QueryError(f"not a date: {value!r} ({exc})") from exc
    return b[1] if end else b[0]


@dataclass(frozen=True, slots=True)
class EventQuery:
    actor: str | None = None
    between: tuple[str, str] | None = None
    date_from: str | None = None  # first ISO day included
    date_to: str | None = None  # last ISO day included
    types: tuple[PloverType, ...] = ()
    modalities: tuple[Modality, ...] = ()
    limit: int | None = None
    offset: int = 0
    min_confidence: float = 0.0  # only events at least this likely to be usable lines

    @classmethod
    def build(
        cls,
        *,
        actor: str | None = None,
        between: tuple[str, str] | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        types: tuple[str, ...] = (),
        modalities: tuple[str, ...] = (),
        limit: int | None = None,
        offset: int = 0,
        min_confidence: float = 0.0,
    ) -> EventQuery:
        """Validate user input (types, modalities, dates) and build a query."""
        given = tuple(
            one_of(t.strip().upper(), PLOVER_TYPES, "event type", QueryError)
            for t in types
            if t.strip()
        )
        given_m = tuple(
            one_of(m.strip().lower(), MODALITIES, "modality", QueryError)
            for m in modalities
            if m.strip()
        )
        if (limit is not None and limit < 0) or offset < 0:
            raise QueryError("limit and offset must not be negative")
        if not 0.0 <= min_confidence <= 1.0:
            raise QueryError(f"min confidence must be between 0 and 1, got {min_confidence}")
        return cls(
            actor=actor or None,
            between=between,
            date_from=parse_date_bound(date_from, end=False) if date_from else None,
            date_to=parse_date_bound(date_to, end=True) if date_to else None,
            types=given,
            modalities=given_m,
            limit=limit,
            offset=offset,
            min_confidence=min_confidence,
        )


@dataclass(frozen=True, slots=True)
class CitedBy:
    """What readers filter by beyond ``EventQuery``: events cited by one of
    ``documents`` (None: by any) and by an article of one of ``stories`` (empty: any)."""

    documents: tuple[str, ...] | None = None
    stories: tuple[str, ...] = ()


#: Sort keys of a page of events (``-`` for descending) and their SQL.
EVENT_SORTS = {
    "date": "e.date_start, e.date_stop DESC, e.type, e.id",
    "-date": "e.date_start DESC, e.date_stop, e.type, e.id",
    "confidence": "json_extract(e.json, '$.confidence'), e.date_start, e.id",
    "-confidence": "json_extract(e.json, '$.confidence') DESC, e.date_start, e.id",
    "type": "e.type, e.date_start, e.id",
    "-type": "e.type DESC, e.date_start, e.id",
}

#: The largest full-text search storyline runs: FTS5's cost grows with the terms
#: (thousands of ``OR``-ed prefixes take minutes), so a longer one is refused.
MAX_SEARCH_CHARS = 1000
MAX_SEARCH_TERMS = 64
_FTS_OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})


def check_search(q: str) -> str:
    """``q`` if it is a search the server will run: not blank, at most
    ``MAX_SEARCH_CHARS`` characters and ``MAX_SEARCH_TERMS`` terms (QueryError if not)."""
    if not q.strip():
        raise QueryError("q must not be empty")
    if len(q) > MAX_SEARCH_CHARS:
        raise QueryError(
            f"search query is {len(q)} characters long; at most {MAX_SEARCH_CHARS} characters"
        )
    terms = [w for w in re.findall(r"\w+", q) if w not in _FTS_OPERATORS]
    if len(terms) > MAX_SEARCH_TERMS:
        raise QueryError(
            f"search query has {len(terms)} terms; at most {MAX_SEARCH_TERMS} terms are allowed"
        )
    problem = _syntax_problem(q)
    if problem:
        raise QueryError(f"bad search query {_clip(q)!r}: {problem}. {SEARCH_HELP}")
    return q


#: How a search is written (shown with every refused query).
SEARCH_HELP = (
    'Write words (all must occur), "a phrase" in double quotes, OR, NOT, word* for a prefix,'
    " or title: / text: before a word"
)
_TOKEN = re.compile(r'"[^"]*"|[()]|[^\s()"]+')


def _clip(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[:n] + "…"


def _syntax_problem(q: str) -> str | None:
    """What makes ``q`` an FTS5 syntax error, in words (None if it looks fine).

    SQLite's own messages ("fts5: syntax error near ''") name no fix; these do. The
    store still reports anything this misses."""
    if q.count('"') % 2:
        return 'a double quote (") is not closed'
    depth = 0
    for ch in q:
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth < 0:
            return "a ) has no ( before it"
    if depth:
        return "a ( is not closed"
    tokens = _TOKEN.findall(q)
    words = [t for t in tokens if t not in ("(", ")")]
    near_calls = {i for i, t in enumerate(tokens[:-1]) if t == "NEAR" and tokens[i + 1] == "("}
    for i, t in enumerate(words):
        if t == "NEAR" and near_calls:
            continue
        if t in _FTS_OPERATORS and (
            i == 0 or i == len(words) - 1 or words[i - 1] in _FTS_OPERATORS
        ):
            return f"{t} must stand between two words"
        if t.startswith("*") or ("*" in t[:-1] and not t.startswith('"')):
            return f"{t!r}: * may only end a word (visit*)"
        if ":" in t and not t.startswith('"'):
            column = t.split(":", 1)[0]
            if column not in ("title", "text"):
                return f"{column}: is not a field to search (title: or text:)"
        if not t.startswith('"') and t not in _FTS_OPERATORS and not re.search(r"\w", t):
            return f"{t!r} holds no word to search for"
        bare = t.split(":", 1)[-1].rstrip("*")
        if not t.startswith('"') and re.search(r"[^\w+’]", bare):
            return f'{t!r} has punctuation inside: put it in double quotes ("{bare}")'
    return None
