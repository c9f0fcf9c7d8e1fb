"""Facets of a filtered timeline, in the datasette manner: counts per value, filters
by outlet and story, the density of events over time, and sorted pages.

``EventQuery`` (type, modality, actor, pair, dates, confidence) gives the store's
WHERE; the filters only readers ask for (the outlet and the story of the cited
articles) are added here, over ``event_members`` → ``event_mentions`` →
``documents``. An outlet is what citations show: the document's outlet, else its
URL's registered domain, so the facet and the cards never disagree.
"""

from __future__ import annotations

import copy
import json
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from storyline.store.query import EventQuery, QueryError
from storyline.timeline.citations import source_of
from storyline.timeline.relations import store_stamp

if TYPE_CHECKING:
    from storyline.store.sqlite import SQLiteStore

__all__ = [
    "CONFIDENCE_LEVELS",
    "FACET_SIZE",
    "SORTS",
    "ReaderFilter",
    "corpus_overview",
    "density",
    "document_outlets",
    "facet_counts",
    "matching",
    "page_ids",
    "where",
]

#: Sort keys of a page of events (``-`` for descending) and their SQL.
SORTS = {
    "date": "e.date_start, e.date_stop DESC, e.type, e.id",
    "-date": "e.date_start DESC, e.date_stop, e.type, e.id",
    "confidence": "json_extract(e.json, '$.confidence'), e.date_start, e.id",
    "-confidence": "json_extract(e.json, '$.confidence') DESC, e.date_start, e.id",
    "type": "e.type, e.date_start, e.id",
    "-type": "e.type DESC, e.date_start, e.id",
}
CONFIDENCE_LEVELS = (0.5, 0.6, 0.7, 0.8, 0.9)
#: Values listed per facet (the most frequent first).
FACET_SIZE = 12
_UNDATED = "9999-12-31"


@dataclass(frozen=True, slots=True)
class ReaderFilter:
    """Filters beyond ``EventQuery``: cited outlets and stories (any of each)."""

    outlets: tuple[str, ...] = ()
    stories: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.outlets or self.stories)


_CACHE: dict[tuple[Any, ...], Any] = {}


def _cached(store: SQLiteStore, name: str, make: Callable[[], Any]) -> Any:
    """``make()`` once per store state (file and WAL size and mtime) and ``name``."""
    key = (*store_stamp(store), name)
    if key not in _CACHE:
        if len(_CACHE) > 64:
            _CACHE.clear()
        _CACHE[key] = make()
    return copy.deepcopy(_CACHE[key])


def document_outlets(store: SQLiteStore) -> dict[str, str]:
    """Document id -> outlet as citations name it (documents without one are left out)."""

    def make() -> dict[str, str]:
        rows = store.conn.execute("SELECT id, title, outlet, published, url FROM documents")
        out = {}
        for r in rows:
            outlet = source_of(dict(r)).outlet
            if outlet:
                out[r["id"]] = outlet
        return out

    result: dict[str, str] = _cached(store, "outlets", make)
    return result


def where(store: SQLiteStore, query: EventQuery, rf: ReaderFilter) -> tuple[str, list[Any]]:
    """The WHERE over ``events e`` for the query and the reader's filters."""
    clause, params = store.event_where(query)
    if rf.outlets:
        wanted = set(rf.outlets)
        docs = sorted(d for d, o in document_outlets(store).items() if o in wanted)
        clause += (
            " AND e.id IN (SELECT m.event FROM event_members m JOIN event_mentions x"
            " ON x.id = m.mention WHERE x.document IN (SELECT value FROM json_each(?)))"
        )
        params.append(json.dumps(docs))
    if rf.stories:
        clause += (
            " AND e.id IN (SELECT m.event FROM event_members m JOIN event_mentions x"
            " ON x.id = m.mention JOIN documents d ON d.id = x.document"
            " WHERE d.story IN (SELECT value FROM json_each(?)))"
        )
        params.append(json.dumps(sorted(rf.stories)))
    return clause, params


def matching(store: SQLiteStore, query: EventQuery, rf: ReaderFilter) -> int:
    """How many events match (limit and offset ignored)."""
    clause, params = where(store, query, rf)
    return int(store.conn.execute(f"SELECT count(*) FROM events e WHERE {clause}", params)
               .fetchone()[0])  # fmt: skip


def page_ids(
    store: SQLiteStore, query: EventQuery, rf: ReaderFilter, sort: str = "date"
) -> list[str]:
    """The ids of one page of matching events in the chosen order."""
    if sort not in SORTS:
        raise QueryError(f"sort must be one of {', '.join(SORTS)}, got {sort!r}")
    clause, params = where(store, query, rf)
    sql = f"SELECT e.id FROM events e WHERE {clause} ORDER BY {SORTS[sort]}"
    if query.limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [query.limit, query.offset]
    return [r[0] for r in store.conn.execute(sql, params)]


def density(store: SQLiteStore, query: EventQuery, rf: ReaderFilter) -> dict[str, Any]:
    """Events per first day, split by modality: what the time axis draws.

    An event known only to its month or year counts at the first day of it, and is
    counted in ``coarse`` so the axis can say so; undated events are only counted."""
    clause, params = where(store, query, rf)
    rows = store.conn.execute(
        "SELECT e.date_start AS day, e.modality AS modality, count(*) AS n,"
        " sum(julianday(e.date_stop) - julianday(e.date_start) > 31) AS coarse"
        f" FROM events e WHERE {clause} GROUP BY 1, 2 ORDER BY 1",
        params,
    )
    days: dict[str, dict[str, int]] = {}
    undated = coarse = 0
    for r in rows:
        if r["day"] >= _UNDATED:
            undated += r["n"]
            continue
        days.setdefault(r["day"], {})[r["modality"]] = r["n"]
        coarse += int(r["coarse"] or 0)
    return {
        "days": [{"day": d, **counts} for d, counts in days.items()],
        "undated": undated,
        "coarse": coarse,
    }


def _group(store: SQLiteStore, column: str, clause: str, params: list[Any]) -> Counter[str]:
    sql = f"SELECT {column}, count(*) FROM events e WHERE {clause} GROUP BY 1"
    return Counter({r[0]: int(r[1]) for r in store.conn.execute(sql, params)})


def _top(counter: Counter[str], n: int = FACET_SIZE) -> list[tuple[str, int]]:
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


def facet_counts(store: SQLiteStore, query: EventQuery, rf: ReaderFilter) -> dict[str, Any]:
    """Per facet, the values among the matching events with their counts."""
    clause, params = where(store, query, rf)
    conn = store.conn
    types = _group(store, "e.type", clause, params)
    modalities = _group(store, "e.modality", clause, params)
    sums = ", ".join(f"sum(json_extract(e.json, '$.confidence') >= {c})" for c in CONFIDENCE_LEVELS)
    row = conn.execute(f"SELECT {sums} FROM events e WHERE {clause}", params).fetchone()
    confidence = [
        {"value": c, "count": int(n or 0)} for c, n in zip(CONFIDENCE_LEVELS, row, strict=True)
    ]
    actors = conn.execute(
        "SELECT a.actor AS id, coalesce(x.name, a.actor) AS name, count(DISTINCT a.event) AS n"
        f" FROM event_actors a JOIN events e ON e.id = a.event LEFT JOIN actors x ON x.id = a.actor"
        f" WHERE {clause} GROUP BY 1 ORDER BY 3 DESC, 2 LIMIT {FACET_SIZE}",
        params,
    ).fetchall()
    pairs = conn.execute(
        "SELECT min(s.country, t.country) AS a, max(s.country, t.country) AS b,"
        " count(DISTINCT e.id) AS n FROM event_actors s"
        " JOIN event_actors t ON t.event = s.event AND t.side = 'target'"
        " JOIN events e ON e.id = s.event"
        " WHERE s.side = 'source' AND s.country IS NOT NULL AND t.country IS NOT NULL"
        f" AND s.country != t.country AND {clause}"
        f" GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT {FACET_SIZE}",
        params,
    ).fetchall()
    outlets, stories = _document_facets(store, clause, params)
    return {
        "type": [{"value": k, "count": v} for k, v in _top(types, 99)],
        "modality": [{"value": k, "count": v} for k, v in _top(modalities)],
        "confidence": confidence,
        "actor": [{"value": r["id"], "label": r["name"], "count": r["n"]} for r in actors],
        "pair": [{"value": f"{r['a']},{r['b']}", "count": r["n"]} for r in pairs],
        "outlet": [{"value": k, "count": v} for k, v in _top(outlets)],
        "story": stories,
    }


def _document_facets(
    store: SQLiteStore, clause: str, params: list[Any]
) -> tuple[Counter[str], list[dict[str, Any]]]:
    rows = store.conn.execute(
        "SELECT DISTINCT e.id AS event, x.document AS document, d.story AS story"
        " FROM events e JOIN event_members m ON m.event = e.id"
        " JOIN event_mentions x ON x.id = m.mention JOIN documents d ON d.id = x.document"
        f" WHERE {clause}",
        params,
    ).fetchall()
    outlet_of = document_outlets(store)
    by_outlet: defaultdict[str, set[str]] = defaultdict(set)
    by_story: defaultdict[str, set[str]] = defaultdict(set)
    for r in rows:
        if r["document"] in outlet_of:
            by_outlet[outlet_of[r["document"]]].add(r["event"])
        if r["story"]:
            by_story[r["story"]].add(r["event"])
    outlets = Counter({k: len(v) for k, v in by_outlet.items()})
    top = _top(Counter({k: len(v) for k, v in by_story.items()}))
    titles = _story_titles(store, [k for k, _ in top])
    stories = [{"value": k, "label": titles.get(k) or k, "count": n} for k, n in top]
    return outlets, stories


def _story_titles(store: SQLiteStore, stories: list[str]) -> dict[str, str]:
    """A story's label: its canonical article's title (else any member's), else the
    outlet and date of its canonical article."""
    if not stories:
        return {}
    rows = store.conn.execute(
        "SELECT story, id, title, outlet, published, url FROM documents"
        " WHERE story IN (SELECT value FROM json_each(?))"
        " ORDER BY story, title IS NULL OR title = '', story_relation != 'canonical', id",
        (json.dumps(stories),),
    )
    out: dict[str, str] = {}
    for r in rows:
        out.setdefault(r["story"], source_of(dict(r)).label)
    return out


def corpus_overview(store: SQLiteStore) -> dict[str, Any]:
    """What the store holds: documents, outlets, the span of publication dates, events
    (how many told as planned or possible), and the most active actors and pairs
    (computed once per store state)."""
    result: dict[str, Any] = _cached(store, "overview", lambda: _overview(store))
    return result


def _overview(store: SQLiteStore) -> dict[str, Any]:
    conn = store.conn
    docs = conn.execute("SELECT count(*), min(published), max(published) FROM documents").fetchone()
    outlets = Counter(document_outlets(store).values())
    events = dict(conn.execute("SELECT modality, count(*) FROM events GROUP BY 1").fetchall())
    span = conn.execute(
        "SELECT min(date_start), max(date_start) FROM events WHERE date_start < ?", (_UNDATED,)
    ).fetchone()
    stories = conn.execute("SELECT count(DISTINCT story) FROM documents").fetchone()[0]
    top = facet_counts(store, EventQuery(), ReaderFilter())
    return {
        "documents": int(docs[0]),
        "published": {"first": docs[1], "last": docs[2]},
        "stories": int(stories),
        "outlets": len(outlets),
        "top_outlets": [{"value": k, "count": v} for k, v in _top(outlets, 8)],
        "events": sum(events.values()),
        "by_modality": dict(sorted(events.items())),
        "event_dates": {"first": span[0], "last": span[1]},
        "top_actors": top["actor"][:8],
        "top_pairs": top["pair"][:6],
    }
