"""Search over events: the events told by the articles a full-text search finds,
kept when their own words (headline, evidence, side names) hold the query's terms.

The article index (SQLite FTS5) answers the query; an event is a hit when one of
its citing articles is, and every plain term of the query (any, for ``OR``
queries; ``word*`` as a prefix) occurs in what the event says.
"""

from __future__ import annotations

import re
from typing import Any

from storyline.dates import event_order
from storyline.headline import headline
from storyline.records import Event
from storyline.serialize import event_json
from storyline.store.api import Store
from storyline.timeline.citations import cite_all

__all__ = ["query_terms", "search_events"]

#: Articles the full-text index may return for one event search.
MAX_ARTICLES = 500
_OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})


def query_terms(q: str) -> tuple[list[str], bool]:
    """The plain terms of a search (lowercase; a trailing ``*`` kept) and whether any
    one of them is enough (an ``OR`` query). Terms after ``NOT`` are dropped."""
    terms, any_of, skip = [], " OR " in f" {q} ", False
    for token in re.findall(r'"[^"]*"|[^\s()"]+', q):
        if token in _OPERATORS:
            skip = token == "NOT"
            continue
        if skip:
            skip = False
            continue
        text = token.strip('"').split(":", 1)[-1].lower()
        terms += [w for w in re.findall(r"[\w’']+\*?", text)]
    return terms, any_of


def _matches(words: list[str], terms: list[str], any_of: bool) -> bool:
    def has(term: str) -> bool:
        if term.endswith("*"):
            return any(w.startswith(term[:-1]) for w in words)
        return term in words

    found = [has(t) for t in terms]
    return bool(found) and (any(found) if any_of else all(found))


def search_events(store: Store, q: str, limit: int = 50) -> list[dict[str, Any]]:
    """Events matching ``q`` (already checked by ``check_search``), in date order, as
    cited event JSON. QueryError if the full-text index refuses the query."""
    docs = [r["document"] for r in store.search(q, MAX_ARTICLES)]
    terms, any_of = query_terms(q)
    if not docs or not terms:
        return []
    hits: list[Event] = []
    for event in store.events_citing(docs):
        text = " ".join([*(ev.text for ev in event.evidence),
                         *(a.name for a in (*event.source, *event.target))])  # fmt: skip
        words = re.findall(r"[\w’']+", f"{text} {headline(event)}".lower())
        if _matches(words, terms, any_of):
            hits.append(event)
    hits.sort(key=event_order)
    return cite_all(store, (event_json(e) for e in hits[:limit]))
