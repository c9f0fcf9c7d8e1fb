"""Read-only payloads the API and the pages share: pages of events with a total,
their stored extras (``salience`` and the like, passed through untouched) and readable
citations, actors' aliases and neighbours, search hits cut into marked pieces, the
corpus overview. Every read goes through the ``Store`` protocol. Nothing here writes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from storyline.dates import event_order
from storyline.records import Event
from storyline.serialize import event_json
from storyline.store.api import Store
from storyline.store.query import (
    MAX_SEARCH_CHARS,
    MAX_SEARCH_TERMS,
    EventQuery,
    QueryError,
    check_search,
)
from storyline.timeline import facets
from storyline.timeline.cache import per_store_state
from storyline.timeline.citations import cite_all, document_sources
from storyline.timeline.facets import ReaderFilter
from storyline.timeline.salience import stored_extras
from storyline.timeline.sql import iter_events, top_events

__all__ = [
    "INT64_MAX",
    "INT64_MIN",
    "MAX_LIMIT",
    "MAX_SEARCH_CHARS",
    "MAX_SEARCH_TERMS",
    "actor_aliases",
    "check_search",
    "corpus_overview",
    "document_events",
    "event_payload",
    "event_payloads",
    "parse_between",
    "parse_multi",
    "parse_top",
    "search_pieces",
    "timeline_query",
]

MAX_LIMIT = 1000
#: The range of a SQLite INTEGER: every integer parameter must fit (FastAPI checks).
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1


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


def _with_extras(store: Store, events: Sequence[Event]) -> list[dict[str, Any]]:
    """Event JSON plus its stored extras (salience, ...), as the CLI prints it, with a
    readable ``citation`` (outlet, title, date, URL) beside every cited span."""
    extras = stored_extras(store, (e.id for e in events))
    return cite_all(store, ({**event_json(e), **extras.get(e.id, {})} for e in events))


def event_payloads(
    store: Store,
    query: EventQuery,
    top: int | None = None,
    rf: ReaderFilter | None = None,
    sort: str = "date",
) -> tuple[list[dict[str, Any]], int]:
    """One page of the timeline (date order, or ``sort``) and the number of matching
    events; ``rf`` filters by the cited articles' outlets and stories.

    With ``top``, only the ``top`` most salient events are kept (as ``--top`` does),
    then paged by the query's limit and offset. The total is a COUNT over the same
    WHERE, so a page of a 100k-event timeline does not decode every event to learn it.
    """
    rf = rf or ReaderFilter()
    if top is None and not rf and sort == "date":
        return _with_extras(store, list(iter_events(store, query))), store.count_events(query)
    if top is None:
        cited = facets.cited_by(store, rf)  # once for the page and its total
        events = store.events_by_id(store.event_page_ids(query, cited, sort))
        return _with_extras(store, events), store.count_events(query, cited)
    if rf or sort != "date":
        raise QueryError("top cannot be combined with outlet, story or sort")
    if top < 1:
        raise QueryError("top must be at least 1")
    ranked = [e for e, _ in top_events(store, query, top)]
    ranked.sort(key=event_order)
    stop = None if query.limit is None else query.offset + query.limit
    return _with_extras(store, ranked[query.offset : stop]), len(ranked)


def event_payload(store: Store, event_id: str) -> dict[str, Any] | None:
    """One event (id or unique prefix) as the CLI's ``show -f json`` prints it, plus extras."""
    event = store.event(event_id)
    return None if event is None else _with_extras(store, [event])[0]


def document_events(store: Store, doc_id: str, limit: int = 500) -> list[dict[str, Any]]:
    """Events citing a document, in timeline order (ids are content hashes, so the
    quoted id cannot collide with other text of the JSON)."""
    found = store.events_quoting(doc_id, limit)
    return _with_extras(
        store, [e for e in found if any(ev.document == doc_id for ev in e.evidence)]
    )


def actor_aliases(store: Store, actor_id: str) -> tuple[list[str], int]:
    """An actor's aliases (whitespace-normalized, sorted) and its mention count."""
    aliases = {" ".join(a.split()) for a in store.aliases_of(actor_id)}
    return sorted(aliases - {""}), store.mention_count(actor_id)


SNIPPET_OPEN, SNIPPET_CLOSE = "\x02", "\x03"


def search_pieces(store: Store, q: str, limit: int) -> list[dict[str, Any]]:
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


#: How many outlets, actors and pairs the overview names, the busiest first.
TOP_OUTLETS, TOP_ACTORS, TOP_PAIRS = 8, 8, 6


def corpus_overview(store: Store) -> dict[str, Any]:
    """What the store holds: documents, outlets, the span of publication dates, events
    (how many told as planned or possible), and the most active actors and pairs.

    Only counts are read (not the facets of every event), once per store state."""
    result: dict[str, Any] = per_store_state(store, "api.overview", lambda: _overview(store))
    return result


def _overview(store: Store) -> dict[str, Any]:
    counts = store.corpus_counts()
    outlets = Counter(facets.document_outlets(store).values())
    events: dict[str, int] = counts["by_modality"]
    return {
        "documents": counts["documents"],
        "published": counts["published"],
        "stories": counts["stories"],
        "outlets": len(outlets),
        "top_outlets": [{"value": k, "count": n} for k, n in _busiest(outlets, TOP_OUTLETS)],
        "events": sum(events.values()),
        "by_modality": dict(sorted(events.items())),
        "event_dates": counts["event_dates"],
        "top_actors": _top_actors(store),
        "top_pairs": _top_pairs(store),
    }


def _busiest(counter: Counter[Any], n: int) -> list[tuple[Any, int]]:
    """The ``n`` most counted keys, ties in key order (as the facets list them)."""
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


def _top_actors(store: Store) -> list[dict[str, Any]]:
    """The actors in most events, ties by name (the unfiltered ``actor`` facet's first)."""
    names = {actor: name for actor, name, _ in store.actor_names()}
    counts = store.actor_event_counts()
    ranked = sorted(counts, key=lambda a: (-counts[a], names.get(a, a), a))[:TOP_ACTORS]
    return [{"value": a, "label": names.get(a, a), "count": counts[a]} for a in ranked]


def _top_pairs(store: Store) -> list[dict[str, Any]]:
    """The country pairs with most events between them (the ``pair`` facet's first):
    every event has one type and modality, so its pair's groups add up to its events."""
    pairs: Counter[tuple[str, str]] = Counter()
    for r in store.dyad_counts():
        pairs[r["a"], r["b"]] += r["n"]
    return [{"value": f"{a},{b}", "count": n} for (a, b), n in _busiest(pairs, TOP_PAIRS)]
