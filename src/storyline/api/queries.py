"""Read-only queries the API and the pages need beyond the store's own methods.

The store answers "which events" but not "how many", and it does not keep the
per-event JSON extras (``salience`` and the like) a newer writer may add; these
helpers run plain SELECTs over ``store.conn`` so pagination has a total and extra
fields pass through untouched. Nothing here writes.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from storyline.records import Event
from storyline.store.query import (
    MAX_SEARCH_CHARS,
    MAX_SEARCH_TERMS,
    EventQuery,
    QueryError,
    check_search,
)
from storyline.store.sqlite import SQLiteStore
from storyline.timeline import facets
from storyline.timeline.citations import document_sources
from storyline.timeline.facets import ReaderFilter

__all__ = [
    "INT64_MAX",
    "INT64_MIN",
    "MAX_LIMIT",
    "MAX_SEARCH_CHARS",
    "MAX_SEARCH_TERMS",
    "actor_aliases",
    "check_search",
    "count_events",
    "document_events",
    "documents_payload",
    "event_payload",
    "event_payloads",
    "events_by_id",
    "parse_between",
    "parse_multi",
    "parse_top",
    "related_actors",
    "search_pieces",
    "timeline_query",
]

MAX_LIMIT = 1000
#: The range of a SQLite INTEGER: every integer parameter must fit (FastAPI checks).
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
#: A search longer than this, or with more terms, is refused: FTS5's cost grows
#: with the terms (thousands of ``OR``-ed prefixes take minutes).


def parse_top(text: str) -> int | None:
    """The timeline page's ``top`` box: blank for every event, else a whole number
    (ASCII digits only, and small enough for SQLite); QueryError otherwise."""
    digits = text.strip()
    if not digits:
        return None
    if not (digits.isascii() and digits.isdigit() and len(digits) <= len(str(INT64_MAX))):
        raise QueryError(f"top must be a whole number, got {_clip(text)!r}")
    if int(digits) > INT64_MAX:
        raise QueryError(f"top must be at most {INT64_MAX}")
    return int(digits)


def _clip(text: str, n: int = 40) -> str:
    """User input as echoed in a message: at most ``n`` characters."""
    return text if len(text) <= n else text[:n] + "…"


def parse_multi(values: Sequence[str], *, split: bool = True) -> tuple[str, ...]:
    """Repeated and comma-separated values alike: ``type=AID&type=AGREE`` or ``type=AID,AGREE``
    (``split=False`` for values that may hold commas themselves, such as outlet names)."""
    if not split:
        return tuple(v.strip() for v in values if v.strip())
    return tuple(v.strip() for raw in values for v in raw.split(",") if v.strip())


def parse_between(values: Sequence[str]) -> tuple[str, str] | None:
    """``between=RUS,KOR`` or ``between=RUS&between=KOR``: exactly two actors, or none."""
    names = parse_multi(values)
    if not names:
        return None
    if len(names) != 2:
        raise QueryError(f"between takes exactly two actors (e.g. RUS,KOR), got {len(names)}")
    return names[0], names[1]


def timeline_query(
    *,
    actor: str | None,
    between: Sequence[str],
    date_from: str | None,
    date_to: str | None,
    types: Sequence[str],
    modalities: Sequence[str],
    limit: int,
    offset: int,
    min_confidence: float = 0.0,
) -> EventQuery:
    """Validate the web's timeline parameters into an ``EventQuery`` (QueryError if bad)."""
    if not 1 <= limit <= MAX_LIMIT:
        raise QueryError(f"limit must be between 1 and {MAX_LIMIT}, got {limit}")
    return EventQuery.build(
        actor=(actor or "").strip() or None,
        between=parse_between(between),
        date_from=(date_from or "").strip() or None,
        date_to=(date_to or "").strip() or None,
        types=parse_multi(types),
        modalities=parse_multi(modalities),
        limit=limit,
        offset=offset,
        min_confidence=min_confidence,
    )


def count_events(store: SQLiteStore, query: EventQuery) -> int:
    """How many events the query matches, ignoring its limit and offset.

    A COUNT over the same WHERE the CLI's timeline uses, so a page of a 100k-event
    timeline does not decode every event to learn the total.
    """
    from storyline.timeline.sql import where_clause

    where, params = where_clause(store, query)
    row = store.conn.execute(f"SELECT count(*) FROM events e WHERE {where}", params).fetchone()
    return int(row[0])


def _with_extras(store: SQLiteStore, events: Sequence[Event]) -> list[dict[str, Any]]:
    """Event JSON plus its stored extras (salience, ...), as the CLI prints it, with a
    readable ``citation`` (outlet, title, date, URL) beside every cited span."""
    from storyline.serialize import event_json
    from storyline.timeline.citations import cite_all
    from storyline.timeline.salience import stored_extras

    extras = stored_extras(store, (e.id for e in events))
    return cite_all(store, ({**event_json(e), **extras.get(e.id, {})} for e in events))


def event_payloads(
    store: SQLiteStore,
    query: EventQuery,
    top: int | None = None,
    rf: ReaderFilter | None = None,
    sort: str = "date",
) -> tuple[list[dict[str, Any]], int]:
    """One page of the timeline (date order, or ``sort``) and the number of matching
    events; ``rf`` filters by the cited articles' outlets and stories.

    With ``top``, only the ``top`` most salient events are kept (as ``--top`` does),
    then paged by the query's limit and offset.
    """
    from storyline.timeline.sql import iter_events, top_events

    rf = rf or ReaderFilter()
    if top is None and not rf and sort == "date":
        return _with_extras(store, list(iter_events(store, query))), count_events(store, query)
    if top is None:
        events = events_by_id(store, facets.page_ids(store, query, rf, sort))
        return _with_extras(store, events), facets.matching(store, query, rf)
    if rf or sort != "date":
        raise QueryError("top cannot be combined with outlet, story or sort")
    if top < 1:
        raise QueryError("top must be at least 1")
    ranked = [e for e, _ in top_events(store, query, top)]
    ranked.sort(key=_date_order)
    stop = None if query.limit is None else query.offset + query.limit
    return _with_extras(store, ranked[query.offset : stop]), len(ranked)


def events_by_id(store: SQLiteStore, ids: Sequence[str]) -> list[Event]:
    """The events of ``ids``, in that order."""
    from storyline.serialize import event_from_json

    rows = store.conn.execute(
        "SELECT id, json FROM events WHERE id IN (SELECT value FROM json_each(?))",
        (json.dumps(list(ids)),),
    )
    found = {r[0]: event_from_json(json.loads(r[1])) for r in rows}
    return [found[i] for i in ids if i in found]


def _date_order(e: Event) -> tuple[str, str, str]:
    """The order ``storyline timeline --top`` prints its events in."""
    from storyline.dates import bounds

    b = bounds(e.date, e.date_end) or ("9999-12-31", "9999-12-31")
    return b[0], b[1], e.id


def event_payload(store: SQLiteStore, event_id: str) -> dict[str, Any] | None:
    """One event (id or unique prefix) as the CLI's ``show -f json`` prints it, plus extras."""
    event = store.event(event_id)
    return None if event is None else _with_extras(store, [event])[0]


def document_events(store: SQLiteStore, doc_id: str, limit: int = 500) -> list[dict[str, Any]]:
    """Events citing a document, in timeline order (ids are content hashes, so the
    quoted id cannot collide with other text of the JSON)."""
    rows = store.conn.execute(
        "SELECT json FROM events WHERE json LIKE ? ORDER BY date_start, date_stop DESC, type, id"
        " LIMIT ?",
        (f'%"document": "{doc_id}"%', limit),
    )
    from storyline.serialize import event_from_json

    found = [event_from_json(json.loads(r[0])) for r in rows]
    return _with_extras(
        store, [e for e in found if any(ev.document == doc_id for ev in e.evidence)]
    )


def documents_payload(store: SQLiteStore) -> dict[str, Any]:
    """The same shape as ``storyline docs --format json``."""
    return store.document_listing()


def actor_aliases(store: SQLiteStore, actor_id: str) -> tuple[list[str], int]:
    """An actor's aliases (whitespace-normalized, sorted) and its mention count."""
    aliases = {
        " ".join(r[0].split())
        for r in store.conn.execute("SELECT alias FROM actor_aliases WHERE actor = ?", (actor_id,))
    }
    n = store.conn.execute("SELECT count(*) FROM mentions WHERE actor = ?", (actor_id,))
    return sorted(aliases - {""}), int(n.fetchone()[0])


def related_actors(store: SQLiteStore, country: str, exclude: str) -> list[dict[str, Any]]:
    """People and organizations of a country, with their roles (for the actor page)."""
    rows = store.conn.execute(
        "SELECT id, name, kind, role, sector FROM actors WHERE country = ? AND id != ?"
        " ORDER BY kind, name",
        (country, exclude),
    )
    return [dict(r) for r in rows]


SNIPPET_OPEN, SNIPPET_CLOSE = "\x02", "\x03"


def search_pieces(store: SQLiteStore, q: str, limit: int) -> list[dict[str, Any]]:
    """Search hits with the snippet split into (text, matched) pieces for safe marking.

    Control characters delimit the matches so brackets in article text cannot be
    mistaken for them.
    """
    rows = store.search(q, limit, marks=(SNIPPET_OPEN, SNIPPET_CLOSE))
    out = []
    for row in rows:
        doc, title, snippet = row["document"], row["title"], row["snippet"]
        pieces: list[tuple[str, bool]] = []
        for i, chunk in enumerate(snippet.split(SNIPPET_OPEN)):
            inside, _, after = chunk.partition(SNIPPET_CLOSE) if i else ("", "", chunk)
            if inside:
                pieces.append((inside, True))
            if after:
                pieces.append((after, False))
        out.append({"document": doc, "title": title, "pieces": pieces})
    sources = document_sources(store, (h["document"] for h in out))
    for h in out:
        src = sources.get(h["document"])
        h["label"] = src.label if src else h["title"] or h["document"]
    return out


def _marks(items: Sequence[Any] | set[Any]) -> str:
    return ",".join("?" for _ in items) or "NULL"
